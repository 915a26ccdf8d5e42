import {InputError} from '../../src/errors.js';
import {parseArxivFeed} from '../../src/listing/arxiv.js';

/** The InputError that parsing a feed (named feed.xml) throws; fails the test when it throws nothing or something else. */
export function feedInputError(text: string): InputError {
	try {
		parseArxivFeed(text, {source: 'feed.xml'});
	} catch (error) {
		if (error instanceof InputError) return error;
		throw error;
	}
	throw new Error('parsed without an error');
}
