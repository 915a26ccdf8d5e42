import {formatIsoDate, inferYear, parsePageDate, type PageDate} from './dates.js';
import {arxivIdFromLinks, extractLinks} from './links.js';
import {paperId, type Paper, type ParseResult, type ParseWarning} from './paper.js';
import {collapseWhiteSpace, sanitize} from '../text/sanitize.js';
import {iterateLines, type ListingInput} from '../text/lines.js';

/** Options for reading a listing. */
export interface ListingOptions {
	/** File name recorded in each Paper and warning ("-" for standard input). */
	source: string;
	/** Year for dates printed without one. */
	year?: number;
	/** "Today", for inferring missing years; defaults to now. */
	today?: Date;
}

interface Block {
	/** 1-based line number of the block's first line. */
	line: number;
	lines: string[];
}

interface Metadata {
	authorCount: number | null;
	date: PageDate | null;
	upvotes: number;
}

const CHROME = new Set([
	'new',
	'get trending papers in your email inbox!',
	'subscribe',
	'daily papers',
	'byak and the research community',
]);
const AUTHORS_LINE = /^[•·*-]?\s*(\d+)\s+authors?$/i;
const SEPARATOR_LINE = /^[·•]$/;
const DATE_WITH_UPVOTES = /^(.*\S)\s+(\d+)$/;
const NOT_BLANK = /\S/;
/** Longest line a metadata block can have ("• 1234 authors", "September 30, 2024 12345"). */
const MAX_METADATA_LINE = 40;
/** Longest block still taken as a title; longer ones are abstract paragraphs. */
const MAX_TITLE_LENGTH = 300;

/** Groups lines into blocks separated by blank lines, keeping line numbers. */
function* toBlocks(lines: Iterable<string>): Generator<Block, void, undefined> {
	let current: Block | null = null;
	let number = 0;
	for (const raw of lines) {
		number++;
		if (!NOT_BLANK.test(raw)) {
			if (current !== null) yield current;
			current = null;
			continue;
		}
		current ??= {line: number, lines: []};
		current.lines.push(sanitize(raw).trimEnd());
	}
	if (current !== null) yield current;
}

/** Reads a metadata block ("• 2 authors", "·", "Feb 17, 2022 14"); null when the block is not one. */
function readMetadata(block: Block): Metadata | null {
	if (block.lines.length > 4 || block.lines.some((line) => line.length > MAX_METADATA_LINE)) return null;
	const metadata: Metadata = {authorCount: null, date: null, upvotes: 0};
	let recognised = 0;
	for (const rawLine of block.lines) {
		const line = rawLine.trim();
		const authors = AUTHORS_LINE.exec(line);
		if (authors) {
			metadata.authorCount = Number(authors[1]);
			recognised++;
			continue;
		}
		if (SEPARATOR_LINE.test(line)) continue;
		const dated = readDateLine(line);
		if (dated) {
			metadata.date = dated.date;
			metadata.upvotes = dated.upvotes;
			recognised++;
			continue;
		}
		return null;
	}
	return recognised > 0 ? metadata : null;
}

/** "Feb 17, 2022", "Nov 25", or either followed by an upvote count ("Apr 22, 2024 14"). */
function readDateLine(line: string): {date: PageDate; upvotes: number} | null {
	const date = parsePageDate(line);
	if (date) return {date, upvotes: 0};
	const split = DATE_WITH_UPVOTES.exec(line);
	const prefixDate = split ? parsePageDate(split[1] ?? '') : null;
	return prefixDate ? {date: prefixDate, upvotes: Number(split?.[2])} : null;
}

/** The block's lines (already sanitised) as one line of text. */
function blockText(block: Block): string {
	const joined = block.lines.length === 1 ? block.lines[0]! : block.lines.join(' ');
	return collapseWhiteSpace(joined);
}

function looksLikeTitle(text: string): boolean {
	return text.length <= MAX_TITLE_LENGTH && !/[.!?]\s.*\.$/.test(text);
}

/**
 * Parses the text of a Hugging Face papers page as copied from the browser (a string, or UTF-8 bytes,
 * maybe in chunks).
 * Tolerates CRLF/CR line ends, a BOM, trailing spaces, missing page chrome and missing metadata
 * blocks; blocks it cannot read are skipped with a warning.
 */
export function parseHfPage(input: ListingInput, options: ListingOptions): ParseResult {
	const parser = createHfPageParser(input, options);
	parser.run(Infinity);
	return {papers: parser.papers, warnings: parser.warnings};
}

/** A parse that can be run a slice at a time: the reader shows the first papers while it goes on. */
export interface ListingParser {
	/** The papers parsed so far, in listing order (the array grows). */
	readonly papers: Paper[];
	readonly warnings: ParseWarning[];
	/** A listing of this kind can hold no papers and still be good (an arXiv feed on a weekend). */
	readonly mayBeEmpty?: boolean;
	/**
	 * Parses until the end (true), until the clock (performance.now()) passes `deadline`, or until
	 * there are at least `enough` papers (false).
	 */
	run(deadline: number, enough?: number): boolean;
}

/** How many blocks the parser reads between two looks at the clock. */
const BLOCKS_PER_STEP = 64;

/** The same parse as `parseHfPage`, one slice at a time. */
export function createHfPageParser(input: ListingInput, options: ListingOptions): ListingParser {
	const papers: Paper[] = [];
	const warnings: ParseWarning[] = [];
	const steps = parseSteps(input, options, papers, warnings);
	let done = false;
	return {
		papers,
		warnings,
		run(deadline, enough = Infinity) {
			while (!done) {
				done = steps.next().done === true;
				if (performance.now() >= deadline || papers.length >= enough) break;
			}
			return done;
		},
	};
}

interface ReadBlock {
	block: Block;
	metadata: Metadata | null;
}

function* parseSteps(input: ListingInput, options: ListingOptions, papers: Paper[], warnings: ParseWarning[]): Generator<void, void, undefined> {
	const blocks = toBlocks(iterateLines(input));
	const read = (): ReadBlock | null => {
		const next = blocks.next();
		return next.done === true ? null : {block: next.value, metadata: readMetadata(next.value)};
	};
	const today = options.today ?? new Date();
	const warn = (line: number, message: string) => warnings.push({source: options.source, line, message});

	// Page chrome comes first: known phrases and the page's own date ("Nov 25").
	let next = read();
	while (next !== null) {
		const content = blockText(next.block);
		if (next.block.lines.length === 1 && (CHROME.has(content.toLowerCase()) || parsePageDate(content)?.year === null)) {
			next = read();
			continue;
		}
		break;
	}

	// Between metadata blocks: title, abstract (maybe in several paragraphs), [title, abstract]...
	let pending: {title: string; line: number; abstract: string[]} | null = null;
	const finish = (metadata: Metadata | null) => {
		if (pending === null) return;
		const abstract = pending.abstract.join('\n\n');
		if (abstract === '' && metadata === null) {
			warn(pending.line, `title without an abstract or metadata, skipped: "${shorten(pending.title)}"`);
		} else {
			papers.push(buildPaper(pending.title, abstract, metadata, options, today));
		}
		pending = null;
	};

	for (let count = 1; next !== null; count++) {
		if (count % BLOCKS_PER_STEP === 0) yield;
		const {block, metadata} = next;
		next = read(); // one block of lookahead: a paragraph followed by metadata belongs to the abstract
		if (metadata !== null) {
			if (pending === null) warn(block.line, 'metadata block without a paper before it, skipped');
			finish(metadata);
			continue;
		}
		const content = blockText(block);
		if (content === '') {
			warn(block.line, 'block has no readable text, skipped');
			continue;
		}
		if (pending === null) {
			pending = {title: content, line: block.line, abstract: []};
		} else if (pending.abstract.length === 0) {
			pending.abstract.push(content);
		} else if ((next?.metadata ?? null) !== null || !looksLikeTitle(content)) {
			// A further paragraph of the abstract: the metadata that follows still belongs to this paper.
			pending.abstract.push(content);
		} else {
			// A paper without a metadata block ended; this block is the next title.
			finish(null);
			pending = {title: content, line: block.line, abstract: []};
		}
	}
	finish(null);
}

function buildPaper(title: string, abstract: string, metadata: Metadata | null, options: ListingOptions, today: Date): Paper {
	const links = extractLinks(abstract);
	let published: string | null = null;
	let yearInferred = false;
	const date = metadata?.date;
	if (date) {
		yearInferred = date.year === null;
		const year = date.year ?? inferYear(date.month, date.day, today, options.year);
		published = formatIsoDate(year, date.month, date.day);
	}
	return {
		id: paperId(title),
		title,
		abstract,
		authorCount: metadata?.authorCount ?? null,
		authors: [],
		published,
		yearInferred,
		upvotes: metadata?.upvotes ?? 0,
		links,
		arxivId: arxivIdFromLinks(links),
		source: options.source,
	};
}

/** A title cut short for a warning message. */
function shorten(title: string): string {
	const characters = [...title]; // whole code points: never half a surrogate pair
	return characters.length <= 60 ? title : `${characters.slice(0, 59).join('')}…`;
}
