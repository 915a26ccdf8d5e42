/**
 * Reading listings: files named on the command line, standard input, directories and fetched bytes,
 * opened (open.ts) and parsed by their format, a slice at a time, into one merged list of papers.
 */
import {readdir} from 'node:fs/promises';
import {join} from 'node:path';
import {InputError, problemOf, type FileError} from '../errors.js';
import {createFeedParser} from './feed-stream.js';
import {createHfApiParser} from './hf-api.js';
import {createHfPageParser, type ListingParser} from './hf-page.js';
import type * as HtmlText from './html-text.js';
import {createMerger, type Paper, type ParseResult, type ParseWarning} from './paper.js';
import type {ListingFormat} from './detect.js';
import {fileError, shownName} from './file-name.js';
import {openBytes, openListing, type Opened} from './open.js';

export {LISTING_FORMATS, type ListingFormat} from './detect.js';

/**
 * The HTML reader (htmlparser2 and its entity tables, ~40 ms to load), loaded only when a listing is an
 * HTML page: at the start for files named on the command line and for a directory's `.html`/`.htm` files.
 */
let htmlReader: typeof HtmlText | undefined;

/** A listing already in memory (a fetched one): its name stands for a file in messages and `source`. */
export interface MemoryListing {
	name: string;
	bytes: Buffer;
}

/**
 * The listings of the library (src/library), in the order given (newest first): a file that cannot be
 * read is skipped with a warning, as a directory's, and a library without papers is no error.
 */
export interface LibraryListings {
	library: string;
	files: readonly string[];
}

/** A file name ("-" for standard input), a listing in memory, or the library's listings. */
export type ListingSource = string | MemoryListing | LibraryListings;

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

/** A listing's parser; `endsEarly`: its text ends before its document does (a feed cut short). */
type Parser = ListingParser & {readonly endsEarly?: boolean};

/** A listing without papers: an HTML page says what to do instead; a feed cut short says where it ends (its last warning). */
function noPapers(file: string, {warnings, endsEarly, html}: Parser): FileError {
	if (html === true) {
		return fileError(file, 'is an HTML page with no papers in its text: save the page as text instead (select all, copy, paste into a file), or get the listing with `papers fetch`');
	}
	const why = endsEarly === true ? ` (${warnings.at(-1)?.message ?? 'it ends early'})` : warnings.length > 0 ? ` (${warnings.length} unreadable block${warnings.length === 1 ? '' : 's'})` : '';
	return fileError(file, `no papers found in it${why}`);
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
	/** The library's directories: their files are skipped when bad, and they may hold no papers at all. */
	const libraries = new Set<string>();
	for (const file of files) {
		if (typeof file !== 'string' && 'library' in file) {
			file.files.forEach((entry, index) => sources.push({file: entry, input: null, directory: file.library, last: index === file.files.length - 1}));
			libraries.add(file.library);
			continue;
		}
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
				warnings.push({source: shownName(source.file), line: null, message: `skipped: ${problemOf(error)}`});
				return false;
			}
		}
		parser = createParser(input, {source: shownName(source.file), year: options.year, today: options.today});
		taken = 0;
		return true;
	};

	/** After a directory's last file: it must have held papers somewhere. */
	const settle = (source: Source) => {
		if (source.last && source.directory !== null && !libraries.has(source.directory) && !directoriesWithPapers.has(source.directory)) throw fileError(source.directory, 'no listing in this directory has papers');
	};

	/** Ends a parsed source: its warnings, and the check that it held papers (a feed may be empty: a weekend). */
	const close = (source: Source, parsed: Parser) => {
		if (parsed.papers.length > 0 || parsed.mayBeEmpty === true) {
			warnings.push(...parsed.warnings);
			if (source.directory !== null) directoriesWithPapers.add(source.directory);
		} else if (source.directory === null) {
			throw noPapers(source.file, parsed);
		} else {
			warnings.push({source: shownName(source.file), line: null, message: `skipped: ${noPapers(source.file, parsed).problem}`});
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
					warnings.push({source: shownName(source.file), line: null, message: `skipped: ${problemOf(error)}`});
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

/** The parser for a listing's format, each run a slice at a time as the chunks are read. */
function createParser(opened: Opened, options: {source: string; year?: number; today?: Date}): Parser {
	if (opened.format === 'hf-page') return createHfPageParser(opened.input, options);
	if (opened.format === 'hf-api') return createHfApiParser(opened.input, options);
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
	return createFeedParser(opened.input, options); // an arXiv feed, entry by entry
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
