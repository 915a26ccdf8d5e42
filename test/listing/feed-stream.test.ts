// An arXiv feed read from chunks as a file's are read: cut at any byte, the chunks parse to exactly what the
// whole text does (entries across chunk boundaries, multi-byte characters split, CDATA and comments holding
// "<entry>" and "</entry>", prefixed entries, RSS 1.0 items beside the channel), and a run of a few
// papers at a time stops early and goes on where it stopped.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {InputError} from '../../src/errors.js';
import {parseArxivFeed} from '../../src/listing/arxiv.js';
import {createFeedParser} from '../../src/listing/feed-stream.js';
import type {ParseResult} from '../../src/listing/paper.js';

const source = 'feed.xml';

function fixture(name: string): Buffer {
	return readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));
}

/** The bytes parsed in chunks cut at these offsets, as parseArxivFeed's result (or the error it throws). */
function parseChunks(bytes: Buffer, cuts: readonly number[]): ParseResult | string {
	const chunks: Buffer[] = [];
	let from = 0;
	for (const cut of [...cuts, bytes.length]) {
		chunks.push(bytes.subarray(from, cut));
		from = cut;
	}
	const parser = createFeedParser(chunks, {source});
	try {
		parser.run(Infinity);
	} catch (error) {
		return error instanceof InputError ? error.message : String(error);
	}
	return parser.endsEarly ? {papers: parser.papers, warnings: parser.warnings, endsEarly: true} : {papers: parser.papers, warnings: parser.warnings};
}

function parseWhole(text: string): ParseResult | string {
	try {
		return parseArxivFeed(text, {source});
	} catch (error) {
		return error instanceof InputError ? error.message : String(error);
	}
}

/** The offsets at which two chunks read otherwise than the whole text (the first few). */
function differingCuts(bytes: Buffer): number[] {
	const whole = JSON.stringify(parseWhole(bytes.toString('utf8')));
	const differing: number[] = [];
	for (let cut = 1; cut < bytes.length && differing.length < 5; cut++) {
		if (JSON.stringify(parseChunks(bytes, [cut])) !== whole) differing.push(cut);
	}
	return differing;
}

const TRICKY_ATOM = [
	'<?xml version="1.0" encoding="UTF-8"?>',
	'<!-- a comment before the root: <entry><title>not a paper</title></entry> -->',
	'<feed xmlns="http://www.w3.org/2005/Atom">',
	'  <title>Feed title with <![CDATA[</entry> and <entry>]]></title>',
	'  <entry><id>http://arxiv.org/abs/2401.00001v1</id><title>Über <![CDATA[a </entry> in CDATA <entry>]]> — naïve</title>',
	'    <summary>Sums: ∑ and 𝔽, <!-- </entry><entry> in a comment --> done.</summary><author><name>Zoë Ñandú</name></author></entry>',
	'  <!-- <entry><title>commented out</title></entry> -->',
	'  <entry><id>http://arxiv.org/abs/2401.00002v1</id><title>Second &amp; last</title><?pi </entry>?></entry>',
	'</feed>',
	'',
].join('\r\n');

const RDF_BESIDE_CHANNEL = [
	'<?xml version="1.0"?>',
	'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
	'<channel rdf:about="http://arxiv.org/"><title>hep-ex</title><dc:date>2018-05-23T20:30:00-05:00</dc:date>',
	'<items><rdf:Seq><rdf:li rdf:resource="http://arxiv.org/abs/1805.08875"/></rdf:Seq></items></channel>',
	'<item rdf:about="http://arxiv.org/abs/1805.08875"><title>First. (arXiv:1805.08875v1 [hep-ex])</title><description>&lt;p&gt;An abstract.&lt;/p&gt;</description><dc:creator>A. Author</dc:creator></item>',
	'<item rdf:about="http://arxiv.org/abs/1805.08876"><title>Second. (arXiv:1805.08876v1 [hep-ex])</title><description>Another.</description></item>',
	'</rdf:RDF>',
].join('\n');

describe('a feed in chunks', {timeout: 60_000}, () => {
	it.each(['arxiv-atom.xml', 'arxiv-atom-prefixed.xml', 'arxiv-rss.xml', 'arxiv-rdf.xml', 'arxiv-atom-error.xml', 'arxiv-rss-empty.xml'])('%s cut in two at every byte reads as the whole text', (name) => {
		expect(differingCuts(fixture(name))).toEqual([]);
	});

	it('CDATA and comments holding "<entry>" and "</entry>", a CRLF feed with multi-byte characters, cut in two at every byte', () => {
		const bytes = Buffer.from(TRICKY_ATOM, 'utf8');
		const whole = parseWhole(TRICKY_ATOM) as ParseResult;
		expect(whole.papers.map((paper) => paper.title)).toEqual(['Über a </entry> in CDATA <entry> — naïve', 'Second & last']);
		expect(whole.papers[0]?.authors).toEqual(['Zoë Ñandú']);
		expect(whole.warnings).toEqual([]);
		expect(differingCuts(bytes)).toEqual([]);
	});

	it('RSS 1.0 items beside the channel take its date (in UTC), cut in two at every byte', () => {
		const whole = parseWhole(RDF_BESIDE_CHANNEL) as ParseResult;
		expect(whole.papers.map((paper) => [paper.title, paper.arxivId, paper.published])).toEqual([
			['First', '1805.08875', '2018-05-24'],
			['Second', '1805.08876', '2018-05-24'],
		]);
		expect(differingCuts(Buffer.from(RDF_BESIDE_CHANNEL))).toEqual([]);
	});

	it('in chunks of 1 to 7 bytes reads as the whole text', () => {
		for (const name of ['arxiv-atom.xml', 'arxiv-rss.xml']) {
			const bytes = fixture(name);
			for (let size = 1; size <= 7; size++) {
				const cuts = Array.from({length: Math.ceil(bytes.length / size) - 1}, (_unused, index) => (index + 1) * size);
				expect(JSON.stringify(parseChunks(bytes, cuts)), `${name} in chunks of ${size}`).toBe(JSON.stringify(parseWhole(bytes.toString('utf8'))));
			}
		}
	});

	it('a feed cut short in chunks keeps its whole entries with one warning, as the text does', () => {
		const bytes = fixture('arxiv-atom.xml');
		const cut = bytes.subarray(0, bytes.indexOf('</entry>', bytes.indexOf('</entry>') + 1) + 20);
		const result = parseChunks(cut, [100, 2000, 2001]) as ParseResult;
		expect(result).toEqual(parseWhole(cut.toString('utf8')));
		expect(result.papers).toHaveLength(2);
		expect(result.endsEarly).toBe(true);
		expect(result.warnings.at(-1)?.message).toMatch(/^document ends early at line \d+: in entry 3/);
	});

	it('a DOCTYPE or a malformed entry split across chunks is refused as in the text', () => {
		const text = fixture('arxiv-atom.xml').toString('utf8');
		const doctype = Buffer.from(text.replace('<entry>', '<!doctype x [<!ENTITY a "b">]><entry>'));
		const at = doctype.indexOf('<!doctype');
		for (let cut = at - 2; cut < at + 12; cut++) expect(parseChunks(doctype, [cut]), String(cut)).toBe(parseWhole(doctype.toString('utf8')));
		const malformed = Buffer.from(text.replace('</title>', '</titl>'));
		expect(parseWhole(malformed.toString('utf8'))).toMatch(/^feed\.xml: is not well-formed XML \(line \d+: /);
		for (const cut of [10, 500, 1000, 3000]) expect(parseChunks(malformed, [cut])).toBe(parseWhole(malformed.toString('utf8')));
	});
});

describe('run a slice at a time', () => {
	it('stops at enough papers and goes on where it stopped', () => {
		const bytes = fixture('arxiv-atom.xml');
		const parser = createFeedParser([bytes.subarray(0, 3000), bytes.subarray(3000)], {source});
		const counts: number[] = [];
		while (!parser.run(Infinity, parser.papers.length + 1)) counts.push(parser.papers.length);
		expect(counts.length).toBeGreaterThan(0);
		expect(parser.papers).toEqual(parseArxivFeed(bytes.toString('utf8'), {source}).papers);
	});

	it('stops at the deadline', () => {
		const parser = createFeedParser([fixture('arxiv-atom.xml')], {source});
		expect(parser.run(performance.now() - 1)).toBe(false);
		expect(parser.papers.length).toBeLessThanOrEqual(1);
		expect(parser.run(Infinity)).toBe(true);
		expect(parser.papers.length).toBeGreaterThan(1);
	});
});
