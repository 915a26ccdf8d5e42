/* eslint-disable no-control-regex -- the fields are checked for control characters */
// The real listing cut short at every offset: every UTF-16 offset of its text, and every byte offset of
// its UTF-8 fed in chunks (so that cuts and chunk ends fall inside the multi-byte "•" and "·").
//
// A whole parse of a prefix takes ~0.5 ms, 100,000 of them ~50 s, so each cut is parsed from a restart
// point instead: the start of a title whose paper follows one that ended with a metadata block (or the
// first title). There the parser has nothing pending and the page chrome is behind it, as it is at the
// start of a title read fresh, so the parse of the prefix is the parse of the text before the restart
// point (once per restart point) followed by the parse of the text from it to the cut (one paper or two),
// its warnings' line numbers moved down. A restart point serves cuts once its title is whole (a fresh
// parser would skip a cut title that reads like page chrome, "New", where the whole parse would not).
// That this composition is the whole parse is itself checked against whole parses, at a sample of
// offsets (every line end and its neighbours, and a regular spread): if a change to the parser breaks
// the premise, those fail, not silently the sweep.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseHfPage, type ListingOptions} from '../../src/listing/hf-page.js';
import type {Paper, ParseResult, ParseWarning} from '../../src/listing/paper.js';
import type {ListingInput} from '../../src/text/lines.js';
import {hostileSample} from '../helpers/hostile.js';

const BYTES = readFileSync(new URL('../../fixtures/hf-daily-papers-page.txt', import.meta.url));
const TEXT = BYTES.toString('utf8');
const OPTIONS: ListingOptions = {source: 'page.txt', today: new Date('2026-11-26T12:00:00Z')};
const FULL = parseHfPage(TEXT, OPTIONS);

/** What no field may hold: controls (tab, line feed and carriage return apart), DEL, C1, bidi controls, lone surrogates. */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/u;

/** What is wrong with a paper's fields, or null. */
function unsanitised(paper: Paper): string | null {
	for (const [name, value] of [['title', paper.title], ['abstract', paper.abstract], ['source', paper.source], ...paper.links.map((link) => ['link', link])] as const) {
		if (UNSAFE.test(value)) return `${name} holds a control or bidi character: ${JSON.stringify(value.slice(0, 80))}`;
	}
	if (/[\t\n\r]/.test(paper.title) || paper.title !== paper.title.trim() || paper.title === '') return `title is not one trimmed line: ${JSON.stringify(paper.title)}`;
	// An abstract's paragraphs are single lines, apart by one blank line.
	if (/[\t\r]/.test(paper.abstract) || paper.abstract.split('\n\n').some((paragraph) => paragraph.includes('\n'))) return 'abstract has line breaks other than between paragraphs';
	if (!/^[0-9a-f]{12}$/.test(paper.id)) return `id ${paper.id}`;
	if (paper.published !== null && !/^\d{4}-\d{2}-\d{2}$/.test(paper.published)) return `published ${paper.published}`;
	if (paper.upvotes !== null && (!Number.isSafeInteger(paper.upvotes) || paper.upvotes < 0)) return `upvotes ${paper.upvotes}`;
	return null;
}

function unsanitisedWarning(warning: ParseWarning): string | null {
	return UNSAFE.test(warning.message) || /[\t\n\r]/.test(warning.message) ? `warning ${JSON.stringify(warning.message)}` : null;
}

function samePaper(a: Paper, b: Paper): boolean {
	return (
		a.id === b.id &&
		a.title === b.title &&
		a.abstract === b.abstract &&
		a.authorCount === b.authorCount &&
		a.published === b.published &&
		a.yearInferred === b.yearInferred &&
		a.upvotes === b.upvotes &&
		a.arxivId === b.arxivId &&
		a.source === b.source &&
		a.authors.join('\n') === b.authors.join('\n') &&
		a.links.join('\n') === b.links.join('\n')
	);
}

function sameResult(a: ParseResult, b: ParseResult): boolean {
	return (
		a.papers.length === b.papers.length &&
		a.papers.every((paper, index) => samePaper(paper, b.papers[index]!)) &&
		a.warnings.length === b.warnings.length &&
		a.warnings.every((warning, index) => {
			const other = b.warnings[index]!;
			return warning.line === other.line && warning.message === other.message && warning.source === other.source;
		})
	);
}

/** A block of non-blank lines: UTF-16 offsets of its start and of the end of its last line's text. */
interface Block {
	start: number;
	end: number;
	/** 1-based line number of its first line. */
	line: number;
	text: string;
}

function blocksOf(text: string): Block[] {
	const blocks: Block[] = [];
	let current: Block | null = null;
	let offset = 0;
	text.split('\n').forEach((raw, index) => {
		const start = offset;
		offset += raw.length + 1;
		if (!/\S/.test(raw)) {
			if (current !== null) blocks.push(current);
			current = null;
		} else if (current === null) {
			current = {start, end: start + raw.length, line: index + 1, text: raw};
		} else {
			current.end = start + raw.length;
			current.text += `\n${raw}`;
		}
	});
	if (current !== null) blocks.push(current);
	return blocks;
}

/** Where each paper of the whole parse is in the text. */
interface Placed {
	title: Block;
	/** A cut at or after this offset has the whole paper before it: it must then be parsed exactly as in the whole text. */
	wholeFrom: number;
	/** The paper ends with a metadata block ("• 2 authors", "·", "Feb 17, 2022"). */
	hasMetadata: boolean;
}

function placePapers(text: string, papers: readonly Paper[]): Placed[] {
	const blocks = blocksOf(text);
	const collapse = (block: Block) => block.text.replace(/\s+/g, ' ').trim();
	const titleIndexes: number[] = [];
	let from = 0;
	for (const paper of papers) {
		const index = blocks.findIndex((block, position) => position >= from && collapse(block) === paper.title);
		if (index === -1) throw new Error(`title not found in the text: ${paper.title}`);
		titleIndexes.push(index);
		from = index + 1;
	}
	return papers.map((paper, number) => {
		const next = titleIndexes[number + 1] ?? blocks.length;
		const hasMetadata = paper.published !== null || paper.authorCount !== null;
		// A paper without metadata ends when the next title is read as one: once that title is whole.
		const wholeFrom = hasMetadata ? blocks[next - 1]!.end : next < blocks.length ? blocks[next]!.end : text.length;
		return {title: blocks[titleIndexes[number]!]!, wholeFrom, hasMetadata};
	});
}

/** A place to start parsing afresh, and the parse of the text before it. */
interface Restart {
	/** UTF-16 offset and byte offset of the title's start. */
	start: number;
	byteStart: number;
	/** Usable for cuts at or after this UTF-16 offset. */
	from: number;
	line: number;
	before: ParseResult;
	/** How many papers of the whole parse lie before it. */
	papersBefore: number;
}

const PLACED = placePapers(TEXT, FULL.papers);

const RESTARTS: Restart[] = PLACED.flatMap((placed, index): Restart[] => {
	if (index > 0 && !PLACED[index - 1]!.hasMetadata) return [];
	const start = placed.title.start;
	return [
		{
			start,
			byteStart: Buffer.byteLength(TEXT.slice(0, start)),
			// The first title: the chrome before it is skipped alike, whole or cut.
			from: index === 0 ? start : placed.title.end,
			line: placed.title.line,
			before: parseHfPage(TEXT.slice(0, start), OPTIONS),
			papersBefore: index,
		},
	];
});

/** The restart point for a cut at UTF-16 offset `cut`, or null before the first title. */
function restartFor(cut: number): Restart | null {
	let found: Restart | null = null;
	for (const restart of RESTARTS) {
		if (restart.from > cut) break;
		found = restart;
	}
	return found;
}

function shifted(warnings: readonly ParseWarning[], lines: number): ParseWarning[] {
	return warnings.map((warning) => ({...warning, line: warning.line === null ? null : warning.line + lines}));
}

/** The parse of the text up to `cut`, from its restart point; `tail` parses the text from the restart point on. */
function composed(restart: Restart | null, tail: () => ListingInput, whole: () => ListingInput): {result: ParseResult; tail: ParseResult} {
	if (restart === null) {
		const result = parseHfPage(whole(), OPTIONS);
		return {result, tail: result};
	}
	const rest = parseHfPage(tail(), OPTIONS);
	return {
		result: {papers: [...restart.before.papers, ...rest.papers], warnings: [...restart.before.warnings, ...shifted(rest.warnings, restart.line - 1)]},
		tail: rest,
	};
}

/** Bytes in chunks of `size` (the last one shorter). */
function chunks(bytes: Buffer, size: number): Buffer[] {
	const pieces: Buffer[] = [];
	for (let start = 0; start < bytes.length; start += size) pieces.push(bytes.subarray(start, start + size));
	return pieces;
}

/**
 * Checks a cut's parse; `checkedBefore` papers (those of the restart point) were checked once already.
 * `wholeBefore(n)` tells whether paper n lies entirely before the cut.
 */
function problemsOf(result: ParseResult, checkedBefore: number, tailWarningsFrom: number, wholeBefore: (index: number) => boolean): string[] {
	const problems: string[] = [];
	if (result.papers.length > FULL.papers.length) problems.push(`${result.papers.length} papers, more than the ${FULL.papers.length} of the whole text`);
	for (let index = checkedBefore; index < result.papers.length; index++) {
		const problem = unsanitised(result.papers[index]!);
		if (problem !== null) problems.push(`paper ${index}: ${problem}`);
	}
	for (const warning of result.warnings.slice(tailWarningsFrom)) {
		const problem = unsanitisedWarning(warning);
		if (problem !== null) problems.push(problem);
	}
	for (let index = checkedBefore; index < FULL.papers.length && wholeBefore(index); index++) {
		const paper = result.papers[index];
		if (paper === undefined) problems.push(`paper ${index} lies before the cut but is missing`);
		else if (!samePaper(paper, FULL.papers[index]!)) problems.push(`paper ${index} lies before the cut but differs from the whole parse: ${JSON.stringify(paper).slice(0, 200)}`);
	}
	return problems;
}

/** Collects problems by cut, keeping the first few of them for the message. */
function collector() {
	const found: string[] = [];
	let count = 0;
	return {
		add(cut: string, problems: readonly string[]) {
			if (problems.length === 0) return;
			count++;
			if (found.length < 10) found.push(`${cut}: ${problems.join('; ')}`);
		},
		report: () => (count === 0 ? [] : [`${count} cuts with problems, the first:`, ...found]),
	};
}

describe('the real listing cut short', {timeout: 60_000}, () => {
	it('is laid out as these tests expect: 63 papers, 2 without metadata, a restart point before most titles', () => {
		expect(FULL.papers).toHaveLength(63);
		expect(FULL.warnings).toEqual([]);
		expect(TEXT).not.toContain('\r');
		expect(PLACED.filter((placed) => !placed.hasMetadata)).toHaveLength(2);
		expect(RESTARTS.length).toBeGreaterThan(55);
		expect(BYTES.length).toBeGreaterThan(TEXT.length); // it has multi-byte characters to cut through
		expect(FULL.papers.map(unsanitised).filter((problem) => problem !== null)).toEqual([]);
	});

	it('the text before each restart point parses as the papers before it, and nothing else', () => {
		for (const restart of RESTARTS) {
			expect(restart.before.warnings).toEqual([]);
			expect(restart.before.papers).toEqual(FULL.papers.slice(0, restart.papersBefore));
		}
	});

	it('the composed parse is the whole parse of the cut text: at every line end and its neighbours, a spread of offsets, inside every multi-byte character', () => {
		const cuts = new Set<number>();
		for (let cut = 0; cut <= TEXT.length; cut += 211) cuts.add(cut);
		for (let index = TEXT.indexOf('\n'); index !== -1; index = TEXT.indexOf('\n', index + 1)) {
			for (let delta = -1; delta <= 1; delta++) cuts.add(Math.min(TEXT.length, Math.max(0, index + delta)));
		}
		for (const placed of PLACED) for (const cut of [placed.title.start + 1, placed.title.start + 3, placed.title.end - 1]) cuts.add(cut);
		const mismatches: string[] = [];
		for (const cut of cuts) {
			const whole = parseHfPage(TEXT.slice(0, cut), OPTIONS);
			const restart = restartFor(cut);
			const {result} = composed(restart, () => TEXT.slice(restart!.start, cut), () => TEXT.slice(0, cut));
			if (!sameResult(result, whole)) mismatches.push(`offset ${cut}`);
		}
		let inside = 0;
		for (let cut = 1; cut < BYTES.length; cut++) {
			if ((BYTES[cut]! & 0xc0) !== 0x80) continue; // only cuts inside a character
			inside++;
			const whole = parseHfPage(BYTES.subarray(0, cut).toString('utf8'), OPTIONS);
			const restart = restartFor(BYTES.toString('utf8', 0, cut).length - 1);
			const {result} = composed(restart, () => chunks(BYTES.subarray(restart!.byteStart, cut), 5), () => chunks(BYTES.subarray(0, cut), 5));
			if (!sameResult(result, whole)) mismatches.push(`byte ${cut}`);
		}
		expect(cuts.size).toBeGreaterThan(1500);
		expect(inside).toBe(61 + 2 * 61); // inside every "·" (2 bytes) and "•" (3 bytes)
		expect(mismatches.slice(0, 20)).toEqual([]);
	});

	it('at every byte offset, so at every UTF-16 offset too, whole and in chunks that split characters: no throw, sanitised fields, never more papers than the whole text, papers before the cut as in it', () => {
		// Every UTF-16 offset of the text is a character boundary (no surrogate pairs), so the byte offsets
		// that start a character are all the UTF-16 offsets: the text cut there is the bytes decoded.
		expect(TEXT).not.toMatch(/[\uD800-\uDFFF]/);
		const characterAt = new Int32Array(BYTES.length + 1).fill(-1);
		let character = 0;
		for (let byte = 0; byte <= BYTES.length; byte++) {
			if (byte === BYTES.length || (BYTES[byte]! & 0xc0) !== 0x80) characterAt[byte] = character++;
		}
		expect(characterAt[BYTES.length]).toBe(TEXT.length);
		const byteRestarts = RESTARTS.map((restart) => ({...restart, fromByte: Buffer.byteLength(TEXT.slice(0, restart.from))}));
		const problems = collector();
		let next = 0;
		let restart: (typeof byteRestarts)[number] | null = null;
		/** The UTF-16 offset of the end of the last whole character before the cut. */
		let whole = 0;
		let textCuts = 0;
		for (let cut = 0; cut <= BYTES.length; cut++) {
			while (next < byteRestarts.length && byteRestarts[next]!.fromByte <= cut) restart = byteRestarts[next++]!;
			const at = characterAt[cut]!;
			if (at !== -1) whole = at;
			const start = restart?.byteStart ?? 0;
			// Chunk sizes vary with the cut, so chunk ends fall at every place in a character too.
			const size = 1 + (cut % 509);
			let fromChunks: ParseResult;
			let fromText: ParseResult;
			try {
				fromChunks = composed(restart, () => chunks(BYTES.subarray(start, cut), size), () => chunks(BYTES.subarray(0, cut), size)).result;
				// At a character boundary this is the text cut at UTF-16 offset `at`; inside one, the bytes
				// decoded (the cut character read as U+FFFD).
				fromText = at === -1 ? composed(restart, () => BYTES.toString('utf8', start, cut), () => BYTES.toString('utf8', 0, cut)).result : composed(restart, () => TEXT.slice(restart!.start, at), () => TEXT.slice(0, at)).result;
				if (at !== -1) textCuts++;
			} catch (error) {
				problems.add(`byte ${cut}`, [`threw ${String(error)}`]);
				continue;
			}
			const found = sameResult(fromChunks, fromText) ? [] : ['the chunks parse differently from the text they decode to'];
			found.push(...problemsOf(fromText, restart?.papersBefore ?? 0, restart?.before.warnings.length ?? 0, (index) => PLACED[index]!.wholeFrom <= whole));
			problems.add(at === -1 ? `byte ${cut} (inside a character)` : `byte ${cut} (offset ${at})`, found);
		}
		expect(textCuts).toBe(TEXT.length + 1);
		expect(problems.report()).toEqual([]);
	});

	it('the whole text in chunks of 1 to 16 bytes parses as the text', () => {
		for (let size = 1; size <= 16; size++) expect(sameResult(parseHfPage(chunks(BYTES, size), OPTIONS), FULL), `chunks of ${size}`).toBe(true);
	});
});

describe('a hostile listing cut short', {timeout: 60_000}, () => {
	// Small enough to parse whole at every cut: escape sequences cut open (an OSC without its end, a lone
	// ESC, half a C1 control or bidi control), NUL and raw non-UTF-8 bytes.
	const {bytes, ends, papers: expected} = hostileSample();
	const whole = parseHfPage(bytes, OPTIONS);

	it('is read whole as its visible words', () => {
		expect(whole.papers.map((paper) => paper.title)).toEqual(expected.map((paper) => paper.title));
		expect(whole.papers.map(unsanitised).filter((problem) => problem !== null)).toEqual([]);
		expect(bytes.includes(0x1b) && bytes.includes(0) && bytes.includes(Buffer.from('\u009D')) && bytes.includes(Buffer.from('\u202E'))).toBe(true);
	});

	it('at every byte offset, in chunks, and at every UTF-16 offset of its text: no throw, sanitised fields, never more papers, papers before the cut as in the whole', () => {
		const problems = collector();
		const check = (cut: string, parse: () => ParseResult, papersBefore: number) => {
			let result: ParseResult;
			try {
				result = parse();
			} catch (error) {
				problems.add(cut, [`threw ${String(error)}`]);
				return;
			}
			const found: string[] = [];
			if (result.papers.length > whole.papers.length) found.push(`${result.papers.length} papers, more than ${whole.papers.length}`);
			for (const [index, paper] of result.papers.entries()) {
				const problem = unsanitised(paper);
				if (problem !== null) found.push(`paper ${index}: ${problem}`);
			}
			for (const warning of result.warnings) {
				const problem = unsanitisedWarning(warning);
				if (problem !== null) found.push(problem);
			}
			for (let index = 0; index < papersBefore; index++) {
				if (result.papers[index] === undefined || !samePaper(result.papers[index]!, whole.papers[index]!)) found.push(`paper ${index} lies before the cut but differs`);
			}
			problems.add(cut, found);
		};
		for (let cut = 0; cut <= bytes.length; cut++) {
			const before = ends.filter((end) => end <= cut).length;
			check(`byte ${cut}`, () => parseHfPage(chunks(bytes.subarray(0, cut), 1 + (cut % 13)), OPTIONS), before);
		}
		const text = bytes.toString('utf8');
		const textEnds = ends.map((end) => bytes.toString('utf8', 0, end).length);
		for (let cut = 0; cut <= text.length; cut++) {
			check(`offset ${cut}`, () => parseHfPage(text.slice(0, cut), OPTIONS), textEnds.filter((end) => end <= cut).length);
		}
		expect(problems.report()).toEqual([]);
	});
});
