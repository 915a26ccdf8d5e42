import {closeSync, fstatSync, openSync, readFileSync, readSync} from 'node:fs';
import {readdir} from 'node:fs/promises';
import {join} from 'node:path';
import {fileError as namedFileError, InputError} from '../errors.js';
import {endsBeforeRoot, feedKind, parseArxivFeed} from './arxiv.js';
import {looksLikeHfApi, parseHfApi} from './hf-api.js';
import {createHfPageParser, type ListingParser} from './hf-page.js';
import type * as HtmlText from './html-text.js';
import {createMerger, type Paper, type ParseResult, type ParseWarning} from './paper.js';
import {escapeUnsafe} from '../text/sanitize.js';

/** The listing formats papers reads. */
export const LISTING_FORMATS = ['hf-page', 'hf-api', 'arxiv'] as const;
/** hf-page: the text of a Hugging Face papers page; hf-api: its /api/daily_papers JSON; arxiv: an Atom or RSS feed. */
export type ListingFormat = (typeof LISTING_FORMATS)[number];

/** True when text that starts with "<" is an HTML page rather than XML. */
function looksLikeHtml(start: string): boolean {
	return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta[\s>]|title[\s>]|div[\s>]|p[\s>]|h[1-6][\s>]|article[\s>]|section[\s>]|main[\s>]|span[\s>]|a[\s>])/i.test(start.replace(/^\uFEFF/, ''));
}

/**
 * The HTML reader (htmlparser2 and its entity tables, ~40 ms to load), loaded only when a listing is an
 * HTML page: at the start for files named on the command line and for a directory's `.html`/`.htm` files.
 */
let htmlReader: typeof HtmlText | undefined;

/** A listing format, or a papers page saved as HTML (its text is read as page text). */
type Detected = ListingFormat | 'html';

/** A listing already in memory (a fetched one): its name stands for a file in messages and `source`. */
export interface MemoryListing {
	name: string;
	bytes: Buffer;
}

/** A file name ("-" for standard input), or a listing in memory. */
export type ListingSource = string | MemoryListing;

/** Options for reading listing files. */
export interface LoadOptions {
	year?: number;
	today?: Date;
	/** Reads standard input for "-" (tests pass their own). */
	readStdin?: () => Promise<Buffer>;
	/**
	 * A directory stands for the listing files in it (the reader's `papers DIR`): files that hold no
	 * papers are skipped with a warning. Without this, a directory is an error.
	 */
	directories?: boolean;
	/** The format of every listing (detected from each file's first bytes when absent). */
	format?: ListingFormat;
}

async function readStdin(): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/**
 * A file's name as messages and paper records give it: a name can hold escape sequences and line breaks
 * too (a directory's files are named by whoever made them), written as `\uXXXX` escapes.
 */
function shownName(file: string): string {
	return escapeUnsafe(file);
}

/** An InputError naming the file, as shownName shows it. */
function fileError(file: string, problem: string): InputError {
	return namedFileError(shownName(file), problem);
}

/** Files are read this much at a time: the reader shows the first papers before the rest is read. */
const CHUNK_BYTES = 1 << 20;

/** A listing opened and checked: its format, and its bytes (chunks for page text, the whole for JSON and XML). */
interface Opened {
	format: Detected;
	input: Iterable<Buffer>;
}

/**
 * Opens a listing file: its first chunk is read and checked to be text at once (an InputError names
 * the file when it is not), and its format told; page text is read as the chunks are taken, JSON and
 * XML whole.
 */
function openListing(file: string, format: ListingFormat | undefined): Opened {
	let fd: number;
	try {
		fd = openSync(file, 'r');
	} catch (error) {
		throw readError(file, error);
	}
	try {
		const stats = fstatSync(fd);
		if (stats.isDirectory()) throw fileError(file, 'is a directory, not a listing file');
		if (!stats.isFile()) return openStream(file, fd, format);
		const size = stats.size;
		const head = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(size, 1)));
		const length = readSync(fd, head, 0, head.length, 0);
		const first = head.subarray(0, length);
		if (utf16Of(first) !== null) {
			closeSync(fd);
			return openBytes(file, readFileSync(file), format);
		}
		if (length >= size) {
			const detected = checkText(file, first, () => first, format);
			closeSync(fd);
			return {format: detected, input: [first]};
		}
		let whole: Buffer | undefined;
		const read = () => (whole ??= readFileSync(file)); // read once, however many need it
		const detected = checkText(file, first, read, format);
		if (detected !== 'hf-page') {
			closeSync(fd);
			return {format: detected, input: [read()]};
		}
		return {format: detected, input: readRest(file, fd, first)};
	} catch (error) {
		closeSync(fd);
		throw error instanceof InputError ? error : readError(file, error);
	}
}

/**
 * A listing that is not a regular file (a pipe, `<(curl …)`, a FIFO, a terminal): read as a stream, from
 * where it stands, never at an offset (which a pipe refuses with ESPIPE). Its first chunk is read whole
 * to tell its format; page text goes on as a stream, JSON and XML are read to the end.
 */
function openStream(file: string, fd: number, format: ListingFormat | undefined): Opened {
	const first = readChunk(file, fd, null);
	if (utf16Of(first) !== null) return openBytes(file, Buffer.concat([...readRest(file, fd, first, null)]), format);
	if (first.length < CHUNK_BYTES) {
		closeSync(fd);
		return {format: checkText(file, first, () => first, format), input: [first]};
	}
	let whole: Buffer | undefined;
	const read = () => (whole ??= Buffer.concat([...readRest(file, fd, first, null)]));
	const detected = checkText(file, first, read, format);
	// Read to the end already (to tell the format, or to see past leading white space): those bytes.
	if (detected !== 'hf-page' || whole !== undefined) return {format: detected, input: [read()]};
	return {format: detected, input: readRest(file, fd, first, null)};
}

/** Up to a chunk of the file from `position` (null: where a stream stands), fewer bytes only at its end. */
function readChunk(file: string, fd: number, position: number | null): Buffer {
	const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
	let filled = 0;
	while (filled < CHUNK_BYTES) {
		let length: number;
		try {
			length = readSync(fd, chunk, filled, CHUNK_BYTES - filled, position === null ? null : position + filled);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
				Atomics.wait(PAUSE, 0, 0, 5); // a non-blocking pipe with nothing yet: wait for its writer
				continue;
			}
			throw readError(file, error);
		}
		if (length === 0) break;
		filled += length;
	}
	return chunk.subarray(0, filled);
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** The file's chunks, `first` (already read) then the rest, from `position` (null: a stream); closes the file at the end. */
function* readRest(file: string, fd: number, first: Buffer, position: number | null = first.length): Generator<Buffer, void, undefined> {
	try {
		yield first;
		for (let at = position; ; ) {
			const chunk = readChunk(file, fd, at);
			if (chunk.length === 0) return;
			if (at !== null) at += chunk.length;
			yield chunk;
			if (chunk.length < CHUNK_BYTES) return;
		}
	} finally {
		closeSync(fd);
	}
}

function readError(file: string, error: unknown): InputError {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOENT') return fileError(file, 'no such file');
	if (code === 'EACCES' || code === 'EPERM') return fileError(file, 'permission denied');
	if (code === 'EISDIR') return fileError(file, 'is a directory, not a listing file');
	return fileError(file, `cannot be read (${code ?? (error as Error).message})`);
}

/** A listing's parser; `endsEarly`: its text ends before its document does (a feed cut short). */
type Parser = ListingParser & {readonly endsEarly?: boolean};

/** A listing without papers: an HTML page says what to do instead; a feed cut short says where it ends (its last warning). */
function noPapers(file: string, {warnings, endsEarly, html}: Parser): InputError {
	if (html === true) {
		return fileError(file, 'is an HTML page with no papers in its text: save the page as text instead (select all, copy, paste into a file), or get the listing with `papers fetch`');
	}
	const why = endsEarly === true ? ` (${warnings.at(-1)?.message ?? 'it ends early'})` : warnings.length > 0 ? ` (${warnings.length} unreadable blocks)` : '';
	return fileError(file, `no papers found in it${why}`);
}

/** A listing whose bytes are all in memory (standard input, a fetched one), checked as a file is. */
function openBytes(name: string, bytes: Buffer, format: ListingFormat | undefined): Opened {
	const text = toUtf8(bytes);
	return {format: checkText(name, text, () => text, format), input: [text]};
}

/** The UTF-16 encoding a byte order mark names at the start, else null. */
function utf16Of(bytes: Buffer): 'utf-16le' | 'utf-16be' | null {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	return null;
}

/** A listing saved as UTF-16 (with its byte order mark, as Windows editors write it) as UTF-8; others as they are. */
function toUtf8(bytes: Buffer): Buffer {
	const encoding = utf16Of(bytes);
	return encoding === null ? bytes : Buffer.from(new TextDecoder(encoding).decode(bytes), 'utf8');
}

/**
 * Throws an InputError naming the file when its bytes are not a text listing; else tells its format (the
 * one asked for, or the one its first bytes show). `head` is the file's first chunk; `whole` reads all of
 * it, for the rare checks that need more.
 */
function checkText(file: string, head: Buffer, whole: () => Buffer, format: ListingFormat | undefined): Detected {
	if (head.length === 0) throw fileError(file, 'is empty');
	const sample = head.subarray(0, 64 * 1024);
	if (sample.includes(0)) throw fileError(file, 'is a binary file, not a text listing');
	const replaced = countReplacementCharacters(sample.toString('utf8'));
	if (replaced > 16 && replaced > sample.length / 100) throw fileError(file, 'is not UTF-8 text (binary data?)');
	let bytes = head;
	let first = firstVisibleByte(bytes);
	if (first === undefined && head !== (bytes = whole())) first = firstVisibleByte(bytes);
	if (first === undefined) throw fileError(file, 'is empty (only white space)');
	if (format === 'hf-page' && first === 0x3c && looksLikeHtml(bytes.toString('utf8', 0, 4096))) return 'html';
	return format ?? detectFormat(file, bytes, first, whole);
}

function firstVisibleByte(bytes: Buffer): number | undefined {
	return bytes.find((byte) => byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0xef && byte !== 0xbb && byte !== 0xbf);
}

/** The format the bytes show: JSON is the API's, XML a feed, anything else page text (a title may start with "["). */
function detectFormat(file: string, head: Buffer, first: number, whole: () => Buffer): Detected {
	if (first === 0x3c) {
		const start = head.toString('utf8', 0, 4096);
		if (feedKind(start) !== null) return 'arxiv';
		if (looksLikeHtml(start)) return 'html';
		if (endsBeforeRoot(start)) return 'arxiv'; // cut before its root: the parser says so
		// XML of another kind; not a saved page that opens with a comment or a link (`<https://…>`).
		const opening = start.replace(/^\uFEFF/, '').replace(/^\s*(?:<!--[\s\S]*?-->\s*)*/, '');
		if (/^<(?:\?xml|!doctype|[a-z][\w:.-]*[\s/>])/i.test(opening) && !/^<https?:/i.test(opening)) {
			throw fileError(file, 'is XML or HTML but not an arXiv Atom or RSS feed (papers reads Hugging Face pages and their API JSON, and arXiv feeds)');
		}
		return 'hf-page';
	}
	if (first !== 0x7b && first !== 0x5b) return 'hf-page';
	if (looksLikeHfApi(head.toString('utf8', 0, 4096))) return 'hf-api';
	try {
		JSON.parse(whole().toString('utf8').replace(/^\uFEFF/, ''));
		return 'hf-api'; // JSON of another shape: its parser says what is wrong with it
	} catch {
		return 'hf-page';
	}
}

function countReplacementCharacters(text: string): number {
	let count = 0;
	for (let index = text.indexOf('\uFFFD'); index !== -1; index = text.indexOf('\uFFFD', index + 1)) count++;
	return count;
}

/** Reads and merges several listings in order, deduplicated by id (the later listing's upvotes win, where it has any). */
export async function loadListings(files: readonly ListingSource[], options: LoadOptions = {}): Promise<ParseResult> {
	const loading = await startLoading(files, options);
	loading.run(Infinity);
	return {papers: [...loading.papers], warnings: [...loading.warnings]};
}

/** Listings being read, a slice at a time: the reader shows the first papers while the rest load. */
export interface Loading {
	/** The papers so far, merged in order (the array grows; a paper seen again is replaced by the merge). */
	readonly papers: readonly Paper[];
	readonly warnings: readonly ParseWarning[];
	/** Everything has been read. */
	readonly done: boolean;
	/**
	 * Reads until everything is read (true), the clock (performance.now()) passes `deadline`, or there
	 * are at least `enough` papers (false). Throws an InputError, as `loadListings` does, when a file
	 * named on the command line turns out to hold no papers.
	 */
	run(deadline: number, enough?: number): boolean;
}

interface Source {
	file: string;
	/** Opened up front for files named on the command line (so that their errors come before anything runs). */
	input: Opened | null;
	/** The directory that stood for this file, if any: such files are skipped with a warning when bad. */
	directory: string | null;
	/** The last file of its directory. */
	last: boolean;
}

/**
 * Starts reading listings: files named on the command line (and standard input) are read and checked
 * at once, so that a missing, binary or empty file stops everything before the reader opens; the
 * parsing is left to `run`.
 */
export async function startLoading(files: readonly ListingSource[], options: LoadOptions = {}): Promise<Loading> {
	const sources: Source[] = [];
	for (const file of files) {
		if (typeof file !== 'string') {
			sources.push({file: file.name, input: openBytes(file.name, file.bytes, options.format), directory: null, last: true});
			continue;
		}
		const inDirectory = options.directories === true && file !== '-' ? await listingsInDirectory(file) : null;
		if (inDirectory === null) {
			let input: Opened;
			if (file === '-') {
				input = openBytes(file, await (options.readStdin ?? readStdin)(), options.format);
			} else {
				input = openListing(file, options.format);
			}
			sources.push({file, input, directory: null, last: true});
			continue;
		}
		if (inDirectory.length === 0) throw fileError(file, 'is a directory with no listing files in it');
		inDirectory.forEach((entry, index) => sources.push({file: entry, input: null, directory: file, last: index === inDirectory.length - 1}));
	}
	if (sources.some((source) => source.input?.format === 'html' || (source.directory !== null && /\.x?html?$/i.test(source.file)))) {
		htmlReader ??= await import('./html-text.js');
	}
	const merger = createMerger();
	const warnings: ParseWarning[] = [];
	const directoriesWithPapers = new Set<string>();
	let current = 0;
	let parser: Parser | null = null;
	let taken = 0;

	/** Opens the current source; false when it is a directory's file that cannot be read (skipped). */
	const open = (source: Source): boolean => {
		let input = source.input;
		source.input = null;
		if (input === null) {
			try {
				input = openListing(source.file, options.format);
			} catch (error) {
				if (!(error instanceof InputError)) throw error;
				warnings.push({source: shownName(source.file), line: null, message: `skipped: ${error.message.replace(`${shownName(source.file)}: `, '')}`});
				return false;
			}
		}
		parser = createParser(input, {source: shownName(source.file), year: options.year, today: options.today});
		taken = 0;
		return true;
	};

	/** After a directory's last file: it must have held papers somewhere. */
	const settle = (source: Source) => {
		if (source.last && source.directory !== null && !directoriesWithPapers.has(source.directory)) throw fileError(source.directory, 'no listing in this directory has papers');
	};

	/** Ends a parsed source: its warnings, and the check that it held papers (a feed may be empty: a weekend). */
	const close = (source: Source, parsed: Parser) => {
		if (parsed.papers.length > 0 || parsed.mayBeEmpty === true) {
			warnings.push(...parsed.warnings);
			if (source.directory !== null) directoriesWithPapers.add(source.directory);
		} else if (source.directory === null) {
			throw noPapers(source.file, parsed);
		} else {
			warnings.push({source: shownName(source.file), line: null, message: `skipped: ${noPapers(source.file, parsed).message.replace(`${shownName(source.file)}: `, '')}`});
		}
		settle(source);
	};

	return {
		papers: merger.papers,
		warnings,
		get done() {
			return current >= sources.length;
		},
		run(deadline, enough = Infinity) {
			while (current < sources.length) {
				const source = sources[current]!;
				if (parser === null && !open(source)) {
					current++;
					settle(source);
					continue;
				}
				const active: Parser = parser!;
				let finished: boolean;
				try {
					finished = active.run(deadline, enough === Infinity ? Infinity : taken + Math.max(1, enough - merger.papers.length));
				} catch (error) {
					// A directory's file that turns out not to be a listing (an arXiv error answer): skipped, as one that cannot be opened.
					if (!(error instanceof InputError) || source.directory === null) throw error;
					warnings.push({source: shownName(source.file), line: null, message: `skipped: ${error.message.replace(`${shownName(source.file)}: `, '')}`});
					parser = null;
					current++;
					settle(source);
					continue;
				}
				for (; taken < active.papers.length; taken++) merger.add(active.papers[taken]!);
				if (!finished) return false;
				parser = null;
				current++;
				close(source, active);
				if (current < sources.length && (performance.now() >= deadline || merger.papers.length >= enough)) return false;
			}
			return true;
		},
	};
}

/** The parser for a listing's format: page text a slice at a time, JSON and XML in one go. */
function createParser(opened: Opened, options: {source: string; year?: number; today?: Date}): Parser {
	if (opened.format === 'hf-page') return createHfPageParser(opened.input, options);
	if (opened.format === 'html') {
		// An HTML page in a directory under another name than .html: not read (the reader was not loaded).
		if (htmlReader === undefined) return {papers: [], warnings: [], html: true, run: () => true};
		// The page's text, not the file's lines: warnings cannot name a line of the file.
		const parser = createHfPageParser(htmlReader.htmlToPageText(Buffer.concat([...opened.input]).toString('utf8')), options);
		return {
			...parser,
			html: true,
			run(deadline, enough) {
				const done = parser.run(deadline, enough);
				for (const warning of parser.warnings) warning.line = null;
				return done;
			},
		};
	}
	const parse = opened.format === 'hf-api' ? parseHfApi : parseArxivFeed;
	const papers: Paper[] = [];
	const warnings: ParseWarning[] = [];
	let done = false;
	const parser = {
		papers,
		warnings,
		mayBeEmpty: true, // an empty feed or API answer is a day without papers, not a broken file (unless cut short)
		endsEarly: false,
		run() {
			if (done) return true;
			const text = Buffer.concat([...opened.input]).toString('utf8');
			const result: ParseResult = parse(text, {source: options.source}); // both parsers read past a byte order mark
			papers.push(...result.papers);
			warnings.push(...result.warnings);
			parser.endsEarly = result.endsEarly === true;
			parser.mayBeEmpty = !parser.endsEarly;
			done = true;
			return true;
		},
	};
	return parser;
}

/** The visible files of a directory, by name (dated listings sort by date); null when `path` is not a directory. */
async function listingsInDirectory(path: string): Promise<string[] | null> {
	let entries;
	try {
		entries = await readdir(path, {withFileTypes: true});
	} catch {
		return null; // not a directory (or unreadable): reading it as a file says what is wrong
	}
	return entries
		.filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
		.map((entry) => join(path, entry.name))
		.sort();
}
