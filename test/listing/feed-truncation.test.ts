// The real feeds cut short, as a download that stopped mid-document leaves them: the entries whole before
// the cut are kept, exactly as in the whole feed, with one warning naming the line where the text ends;
// malformed text before the cut is still refused. A parse takes ~1 ms, so one feed is cut at every byte
// offset and the others at every place where the scanner's state changes (either side of each "<" and
// ">", line starts, after "&", inside multi-byte characters) and at random offsets.
import {readFileSync} from 'node:fs';
import {fc, test} from '@fast-check/vitest';
import {describe, expect, it} from 'vitest';
import {InputError} from '../../src/errors.js';
import {parseArxivFeed} from '../../src/listing/arxiv.js';
import type {ParseResult} from '../../src/listing/paper.js';
import {readCut} from '../../src/listing/xml-cut.js';

const parse = (text: string): ParseResult => parseArxivFeed(text, {source: 'feed.xml'});

/** A fixture with where its entries and root are, found in its text (not by the code under test). */
interface Layout {
	name: string;
	bytes: Buffer;
	text: string;
	whole: ParseResult;
	/** "entry" or "item". */
	kind: string;
	/** Per entry: the end of its start tag, of its title's end tag, and of its own end tag. */
	entries: Array<{opened: number; titled: number; closed: number}>;
	/** The end of the root's name in its start tag, of that start tag, and of the root's end tag. */
	rootNamed: number;
	rootOpened: number;
	rootClosed: number;
}

function layout(name: string, root: string, entry: string): Layout {
	const bytes = readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));
	const text = bytes.toString('utf8');
	const rootAt = text.indexOf(`<${root}`);
	const entries = [...text.matchAll(new RegExp(`<${entry}[ >]`, 'g'))].map((match) => {
		const closed = text.indexOf(`</${entry}>`, match.index) + `</${entry}>`.length;
		const titleEnd = /<\/(?:\w+:)?title>/g;
		titleEnd.lastIndex = match.index;
		const title = titleEnd.exec(text)!;
		return {opened: text.indexOf('>', match.index) + 1, titled: title.index + title[0].length, closed};
	});
	return {
		name,
		bytes,
		text,
		whole: parse(text),
		kind: entry.replace(/^\w+:/, ''),
		entries,
		rootNamed: rootAt + 1 + root.length,
		rootOpened: text.indexOf('>', rootAt) + 1,
		rootClosed: text.indexOf(`</${root}>`) + `</${root}>`.length,
	};
}

const FEEDS = [
	layout('arxiv-atom.xml', 'feed', 'entry'),
	layout('arxiv-atom-prefixed.xml', 'atom:feed', 'atom:entry'),
	layout('arxiv-rss.xml', 'rss', 'item'),
	layout('arxiv-rdf.xml', 'rdf:RDF', 'item'),
];

/** The 1-based line of the text's last character (line 1 for no text). */
function lastLine(text: string): number {
	const lines = text.split('\n').length;
	return text.endsWith('\n') ? lines - 1 : lines;
}

/** What the parse of the text cut at `cut` (a UTF-16 offset of the decoded text) must say about where it ends. */
function expectedEnding(feed: Layout, cut: number): RegExp {
	if (cut < feed.rootNamed) return /: before its root element$/;
	const whole = feed.entries.filter((entry) => entry.closed <= cut).length;
	const next = feed.entries[whole];
	if (next !== undefined && next.opened <= cut) {
		const title = next.titled <= cut ? ` \\("${escapeRegExp(feed.whole.papers[whole]!.title.slice(0, 20))}[^"]*"\\)` : '';
		return new RegExp(`: in ${feed.kind} ${whole + 1}${title}, which is skipped$`);
	}
	return whole === 0 ? new RegExp(`: before its first ${feed.kind}$`) : new RegExp(`: after ${feed.kind} ${whole}$`);
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What is wrong with the parses of the feed cut at these byte offsets (the first ten problems). */
function problemsAt(feed: Layout, cuts: readonly number[]): string[] {
	const problems: string[] = [];
	for (const byte of cuts) {
		const text = feed.bytes.toString('utf8', 0, byte); // a character cut in two ends in U+FFFD
		const cut = text.length;
		let result: ParseResult;
		try {
			result = parse(text);
		} catch (error) {
			problems.push(`byte ${byte}: threw ${String(error)}`);
			continue;
		}
		if (cut >= feed.rootClosed) {
			if (result.endsEarly !== undefined || result.warnings.length > 0 || result.papers.length !== feed.whole.papers.length) problems.push(`byte ${byte}: the whole feed reads otherwise`);
			continue;
		}
		const whole = feed.entries.filter((entry) => entry.closed <= cut).length;
		if (result.endsEarly !== true) problems.push(`byte ${byte}: not marked as ending early`);
		if (JSON.stringify(result.papers) !== JSON.stringify(feed.whole.papers.slice(0, whole))) problems.push(`byte ${byte}: ${result.papers.length} papers, not the ${whole} whole before the cut`);
		const line = lastLine(text);
		const [warning, ...more] = result.warnings;
		if (warning === undefined || more.length > 0) {
			problems.push(`byte ${byte}: ${result.warnings.length} warnings`);
		} else if (warning.line !== line || !warning.message.startsWith(`document ends early at line ${line}: `) || !expectedEnding(feed, cut).test(warning.message)) {
			problems.push(`byte ${byte}: warning ${JSON.stringify(warning)}, expected line ${line} and ${String(expectedEnding(feed, cut))}`);
		}
		if (problems.length >= 10) break;
	}
	return problems;
}

describe('the real feeds cut short', {timeout: 60_000}, () => {
	it('are laid out as these tests expect: one paper an entry, no warnings when whole', () => {
		for (const feed of FEEDS) {
			expect(feed.entries.length, feed.name).toBe(feed.whole.papers.length);
			expect(feed.entries.length, feed.name).toBeGreaterThanOrEqual(3);
			expect(feed.whole.warnings, feed.name).toEqual([]);
			expect(feed.whole.endsEarly, feed.name).toBeUndefined();
			expect(feed.rootClosed, feed.name).toBe(feed.text.trimEnd().length);
		}
		expect(FEEDS.some((feed) => feed.bytes.length > feed.text.length)).toBe(true); // multi-byte characters to cut through
	});

	it('arxiv-rdf.xml at every byte offset: the whole entries before the cut, exactly, and one warning with the line the text ends on', () => {
		const rdf = FEEDS.find((feed) => feed.name === 'arxiv-rdf.xml')!;
		const cuts = Array.from({length: rdf.bytes.length}, (_unused, index) => index + 1);
		expect(problemsAt(rdf, cuts)).toEqual([]);
	});

	it.each(FEEDS.map((feed) => [feed.name, feed] as const))('%s at and after every "<" and ">", at every line start, after every "&", inside every multi-byte character', (_name, feed) => {
		const cuts = new Set<number>();
		feed.bytes.forEach((byte, index) => {
			if (byte === 0x3c || byte === 0x3e) cuts.add(index).add(index + 1);
			if (byte === 0x0a || byte === 0x26) cuts.add(index + 1);
			if ((byte & 0xc0) === 0x80) cuts.add(index); // inside a character
		});
		cuts.delete(0);
		expect(cuts.size).toBeGreaterThan(400);
		expect(problemsAt(feed, [...cuts].sort((a, b) => a - b))).toEqual([]);
	});

	test.prop([fc.constantFrom(...FEEDS).chain((feed) => fc.tuple(fc.constant(feed), fc.integer({min: 1, max: feed.bytes.length})))], {numRuns: 300})(
		'any feed at any byte offset',
		([feed, cut]) => {
			expect(problemsAt(feed, [cut])).toEqual([]);
		},
	);

	it('says where it ends as page warnings do, the text cut in a title', () => {
		const [atom] = FEEDS;
		const cut = atom!.text.indexOf('Contrastive Loss</title>');
		const {papers, warnings, endsEarly} = parse(atom!.text.slice(0, cut));
		expect(papers).toEqual([]);
		expect(endsEarly).toBe(true);
		expect(warnings).toEqual([{source: 'feed.xml', line: 26, message: 'document ends early at line 26: in entry 1, which is skipped'}]);
		const later = parse(atom!.text.slice(0, atom!.entries[2]!.titled + 40));
		expect(later.papers.map((paper) => paper.arxivId)).toEqual(['2410.17243', 'quant-ph/0210005']);
		expect(later.warnings).toEqual([
			{source: 'feed.xml', line: 101, message: 'document ends early at line 101: in entry 3 ("Comment: The 2005 Neyman Lecture: Dynamic Indeterminism in …"), which is skipped'},
		]);
	});

	it('reads past a byte order mark as a whole feed does', () => {
		const [atom] = FEEDS;
		const cut = atom!.entries[1]!.closed + 3;
		const withMark = parse(`\uFEFF${atom!.text.slice(0, cut)}`);
		expect(withMark).toEqual(parse(atom!.text.slice(0, cut)));
		expect(withMark.papers).toHaveLength(2);
	});
});

describe('malformed feeds are refused, cut short or not', () => {
	/** Text no well-formed document holds in element content. */
	const GARBAGE = ['</nope>', '<a b>', '< x', '<a x="1"y="2"/>', '&#xZZ;', '& ', '<a x=1/>', '<1a/>', '<a></b>'];
	/** Places in element content: right after a title's or an entry's end tag. */
	const places = (feed: Layout) => feed.entries.flatMap((entry) => [entry.titled, entry.closed]);

	test.prop([fc.constantFrom(...FEEDS), fc.nat(), fc.constantFrom(...GARBAGE), fc.double({min: 0, max: 1, noNaN: true})])(
		'garbage in the middle, the text cut anywhere after it or not at all',
		(feed, pick, garbage, fraction) => {
			const at = places(feed)[pick % places(feed).length]!;
			const spoilt = feed.text.slice(0, at) + garbage + feed.text.slice(at);
			const from = at + garbage.length;
			const cut = from + Math.round(fraction * (spoilt.length - from));
			expect(() => parse(spoilt.slice(0, cut))).toThrow(InputError);
			expect(() => parse(spoilt.slice(0, cut))).toThrow(/is not well-formed XML \(line \d+: /);
		},
	);

	it.each([
		['an end tag that closes another element', '<feed><entry><title>A</title></entry></feeds><entry><title>B'],
		['text after the root', '<feed><entry><title>A</title></entry></feed>trailing <entry>'],
		['a second root', '<feed></feed><feed><entry>'],
		['text before the root', 'junk <feed><entry><title>A</title></entry>'],
		['a start tag no document can go on from', '<feed><entry><title>A</title></entry><entry x="1"y'],
		['a reference no document can go on from', '<feed><entry><title>A</title></entry><entry><title>B &a b'],
		['a comment holding "--"', '<feed><entry><title>A</title></entry><!-- a -- b'],
		['a missing end tag', '<feed><entry><title>A</entry><entry><title>B'],
	])('%s', (_what, text) => {
		expect(() => parse(text)).toThrow(InputError);
	});

	it('a DOCTYPE, cut short or not, is refused as before', () => {
		expect(() => parse('<?xml version="1.0"?>\n<!DOCTYPE feed [<!ENTITY a "b">]>\n<feed><entry><title>&a;</title></entry>')).toThrow(/declares a DOCTYPE/);
		expect(() => parse('<?xml version="1.0"?>\n<!DOCTYPE feed [<!ENTITY a "b">]>\n<feed')).toThrow(InputError);
	});

	it('text that is not XML is refused as before', () => {
		expect(() => parse('')).toThrow(/is not XML/);
		expect(() => parse('   \n')).toThrow(/is not XML/);
		expect(() => parse('Attention Is All You Need')).toThrow(/is not XML/);
		expect(() => parse('<html><body>')).toThrow(/root element is <html>/);
	});
});

describe('readCut', () => {
	it.each([
		['<feed><entry><title>A</title></entry><entry><ti', '<feed><entry><title>A</title></entry><entry></entry></feed>', ['feed', 'entry']],
		['<feed><entry><title>A &am', '<feed><entry><title>A </title></entry></feed>', ['feed', 'entry', 'title']],
		['<feed a="x>y"><entry b=\'1', '<feed a="x>y"></feed>', ['feed']],
		['<feed><entry><![CDATA[a <b> ]]', '<feed><entry></entry></feed>', ['feed', 'entry']],
		['<feed><!-- a -', '<feed></feed>', ['feed']],
		['<feed><x/></fe', '<feed><x/></feed>', ['feed']],
		['<?xml version="1.0"?>\n<!-- c', '<?xml version="1.0"?>\n', []],
	])('%j keeps %j', (text, closed, open) => {
		const cut = readCut(text);
		expect(cut?.closed).toBe(closed);
		expect(cut?.open.map((element) => element.name)).toEqual(open);
	});

	it('finds no cut in a whole document, or in text that is no beginning of one', () => {
		for (const text of ['<feed></feed>', '<feed/>\n', '<feed></feed><!-- c -->', 'plain text', '', '<feed></entry>', '<a><b></a>']) expect(readCut(text), text).toBeNull();
	});
});
