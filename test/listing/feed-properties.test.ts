import {readFileSync} from 'node:fs';
import {fc, test} from '@fast-check/vitest';
import {describe, expect} from 'vitest';
import {InputError} from '../../src/errors.js';
import {parseArxivFeed} from '../../src/listing/arxiv.js';
import {parseHfApi} from '../../src/listing/hf-api.js';
import {type ParseResult} from '../../src/listing/paper.js';
import {UNSAFE_CHARACTER} from '../../src/text/sanitize.js';
import {TERMINAL_PAYLOADS} from '../helpers/payloads.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const API = fixture('hf-api-daily-papers.json');
const FEEDS = {atom: fixture('arxiv-atom.xml'), prefixed: fixture('arxiv-atom-prefixed.xml'), rss: fixture('arxiv-rss.xml'), rdf: fixture('arxiv-rdf.xml')};
const FEED_COUNTS = {atom: 5, prefixed: 5, rss: 5, rdf: 3};

/** Payloads a hostile listing could carry, without XML's own "<" and "&". */
const PAYLOADS = TERMINAL_PAYLOADS;
const hostile = fc.constantFrom(...PAYLOADS);

/** The same payload written as XML character references ("&#x1b;]52;..."), as a feed could carry it. */
function asCharacterReferences(payload: string): string {
	let written = '';
	for (const character of payload) {
		const code = character.codePointAt(0) ?? 0;
		written += code < 0x20 || (code >= 0x7f && code <= 0x9f) || code > 0x2000 ? `&#x${code.toString(16)};` : character;
	}
	return written;
}

/** A decimal variant too: "&#27;", "&#155;". */
function asDecimalReferences(payload: string): string {
	return asCharacterReferences(payload).replace(/&#x([0-9a-f]+);/g, (_reference, hex: string) => `&#${Number.parseInt(hex, 16)};`);
}

const encodings = fc.constantFrom(
	(payload: string) => payload,
	asCharacterReferences,
	asDecimalReferences,
	(payload: string) => `<![CDATA[${payload}]]>`,
);

/** Text mixing ordinary words, any unicode and hostile payloads. */
const mixedText = fc.array(fc.oneof(fc.string({unit: 'binary'}), fc.lorem({maxCount: 5}), hostile, fc.constant('\n  ')), {maxLength: 30}).map((parts) => parts.join(''));

function expectSafe(result: ParseResult): void {
	for (const paper of result.papers) {
		for (const field of [paper.title, paper.abstract, paper.source, paper.id, ...paper.authors, ...paper.links, paper.arxivId ?? '', paper.published ?? '']) {
			expect(field).not.toMatch(UNSAFE_CHARACTER);
			expect(field).not.toContain('\u001B');
		}
		expect(paper.title).not.toMatch(/[\t\r\n]/);
		for (const name of paper.authors) expect(name).not.toMatch(/[\t\r\n]/);
		// Paragraphs, each one line of text without white space at its ends, separated by one blank line.
		if (paper.abstract !== '') {
			for (const paragraph of paper.abstract.split('\n\n')) expect(paragraph).toMatch(/^\S(?:[^\r\n\t]*\S)?$/);
		}
		expect(paper.id).toMatch(/^[0-9a-f]{12}$/);
	}
	for (const warning of result.warnings) expect(warning.message).not.toMatch(UNSAFE_CHARACTER);
}

/** Offsets just before every closing tag of a text field in the feed. */
function textEnds(feed: string): number[] {
	const offsets: number[] = [];
	for (const tag of ['</title>', '</atom:title>', '</summary>', '</atom:summary>', '</name>', '</atom:name>', '</description>', '</dc:creator>']) {
		for (let at = feed.indexOf(tag); at !== -1; at = feed.indexOf(tag, at + 1)) offsets.push(feed.lastIndexOf(']]>', at) === at - 3 ? at - 3 : at);
	}
	return offsets.sort((a, b) => a - b);
}

const ENDS = Object.fromEntries(Object.entries(FEEDS).map(([name, feed]) => [name, textEnds(feed)])) as Record<keyof typeof FEEDS, number[]>;

describe('the feed parsers against hostile text', () => {
	test.prop([fc.constantFrom(...(Object.keys(FEEDS) as (keyof typeof FEEDS)[])), fc.array(fc.tuple(fc.nat(), hostile, encodings), {minLength: 1, maxLength: 8})])(
		'payloads spliced into the text of real feeds, raw, as character references or in CDATA, leave no field a terminal could act on',
		(name, splices) => {
			const ends = ENDS[name];
			let feed = FEEDS[name];
			// Splice from the last offset back, so earlier offsets stay where they were.
			const chosen = splices.map(([pick, payload, encode]) => ({at: ends[pick % ends.length] ?? 0, text: encode(payload)})).sort((a, b) => b.at - a.at);
			for (const {at, text} of chosen) feed = feed.slice(0, at) + text + feed.slice(at);
			const result = parseArxivFeed(feed, {source: 'feed.xml'});
			expect(result.papers.length).toBe(FEED_COUNTS[name]);
			expectSafe(result);
		},
	);

	test.prop([mixedText, mixedText, mixedText, fc.boolean()])('entries made of random and hostile text never throw anything but an InputError, and are safe', (title, summary, author, references) => {
		const escape = (text: string) => {
			const escaped = text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
			return references ? asCharacterReferences(escaped) : escaped;
		};
		const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2410.17243v1</id><title>${escape(title)}</title><summary>${escape(summary)}</summary><author><name>${escape(author)}</name></author></entry></feed>`;
		const rss = `<rss><channel><item><title>${escape(title)}</title><description>arXiv:2410.17243v1 Announce Type: new \nAbstract: ${escape(summary)}</description><dc:creator>${escape(author)}</dc:creator></item></channel></rss>`;
		for (const feed of [atom, rss]) {
			try {
				expectSafe(parseArxivFeed(feed, {source: 'feed.xml'}));
			} catch (error) {
				expect(error).toBeInstanceOf(InputError);
				expect((error as Error).message).not.toMatch(UNSAFE_CHARACTER);
			}
		}
	});

	test.prop([fc.string({unit: 'binary', maxLength: 400})])('any text is read, or refused with an InputError', (text) => {
		for (const feed of [text, `<feed>${text}</feed>`, `<rss><channel><item><title>${text}</title></item></channel></rss>`]) {
			try {
				expectSafe(parseArxivFeed(feed, {source: 'feed.xml'}));
			} catch (error) {
				expect(error).toBeInstanceOf(InputError);
				expect((error as Error).message).not.toMatch(UNSAFE_CHARACTER);
			}
		}
	});
});

interface ApiItem {
	paper: {id: string; title: string; summary: string; authors: {name: string}[]};
}

describe('the API parser against hostile text', () => {
	const items = JSON.parse(API) as ApiItem[];

	test.prop([fc.array(fc.tuple(fc.nat(), fc.constantFrom('title', 'summary', 'name', 'id'), fc.nat(), hostile), {minLength: 1, maxLength: 8})])(
		'payloads spliced into the strings of the real answer leave no field a terminal could act on',
		(splices) => {
			const copy = structuredClone(items);
			for (const [itemPick, field, position, payload] of splices) {
				const item = copy[itemPick % copy.length]!;
				const splice = (text: string) => text.slice(0, position % (text.length + 1)) + payload + text.slice(position % (text.length + 1));
				if (field === 'name') {
					const author = item.paper.authors[position % item.paper.authors.length]!;
					author.name = splice(author.name);
				} else {
					item.paper[field] = splice(item.paper[field]);
				}
			}
			const result = parseHfApi(JSON.stringify(copy), {source: 'api.json'});
			expect(result.papers.length).toBe(4);
			expectSafe(result);
		},
	);

	test.prop([fc.array(fc.record({title: mixedText, summary: mixedText, id: mixedText, names: fc.array(mixedText, {maxLength: 3})}), {maxLength: 5})])(
		'items made of random and hostile text are read safely',
		(records) => {
			const text = JSON.stringify(records.map(({title, summary, id, names}) => ({paper: {id, title, summary, authors: names.map((name) => ({name})), upvotes: 1}})));
			expectSafe(parseHfApi(text, {source: 'api.json'}));
		},
	);

	test.prop([fc.string({unit: 'binary', maxLength: 300})])('any text is read, or refused with an InputError that is safe to print', (text) => {
		for (const candidate of [text, `[{"paper": ${text}}]`, `[${JSON.stringify({paper: {title: text}})}]`]) {
			try {
				expectSafe(parseHfApi(candidate, {source: 'api.json'}));
			} catch (error) {
				expect(error).toBeInstanceOf(InputError);
				expect((error as Error).message).not.toMatch(UNSAFE_CHARACTER);
			}
		}
	});
});
