import {paperId, type Paper} from '../../src/listing/paper.js';

/** A Paper record for tests: the id derived from the title, everything else plain unless overridden. */
export function makePaper(title: string, overrides: Partial<Paper> = {}): Paper {
	return {
		id: paperId(title),
		title,
		abstract: `About ${title}.`,
		authorCount: null,
		authors: [],
		published: null,
		yearInferred: false,
		upvotes: 0,
		abstractKind: 'abstract',
		organization: null,
		links: [],
		arxivId: null,
		source: 'test.txt',
		...overrides,
	};
}
