import {closeSync, fstatSync, openSync, readFileSync, readSync} from 'node:fs';
import {readdir} from 'node:fs/promises';
import {join} from 'node:path';
import {fileError as namedFileError, InputError} from '../errors.js';
import {createHfPageParser, type ListingParser} from './hf-page.js';
import {createMerger, type Paper, type ParseResult, type ParseWarning} from './paper.js';
import {escapeUnsafe} from '../text/sanitize.js';

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

/**
 * Opens a listing file: its first chunk is read and checked to be text at once (an InputError names
 * the file when it is not), the rest is read as the chunks are taken.
 */
function openListing(file: string): Iterable<Buffer> {
	let fd: number;
	try {
		fd = openSync(file, 'r');
	} catch (error) {
		throw readError(file, error);
	}
	try {
		const stats = fstatSync(fd);
		if (stats.isDirectory()) throw fileError(file, 'is a directory, not a listing file');
		const size = stats.size;
		const head = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(size, 1)));
		const length = readSync(fd, head, 0, head.length, 0);
		const first = head.subarray(0, length);
		if (length >= size) {
			checkText(file, first, () => first);
			closeSync(fd);
			return [first];
		}
		let whole: Buffer | undefined;
		checkText(file, first, () => (whole ??= readFileSync(file))); // read once, however many checks need it
		return readRest(file, fd, first);
	} catch (error) {
		closeSync(fd);
		throw error instanceof InputError ? error : readError(file, error);
	}
}

function* readRest(file: string, fd: number, first: Buffer): Generator<Buffer, void, undefined> {
	try {
		yield first;
		let position = first.length;
		for (;;) {
			const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
			let length: number;
			try {
				length = readSync(fd, chunk, 0, CHUNK_BYTES, position);
			} catch (error) {
				throw readError(file, error);
			}
			if (length === 0) return;
			position += length;
			yield chunk.subarray(0, length);
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

function noPapers(file: string, warnings: readonly ParseWarning[]): InputError {
	const why = warnings.length > 0 ? ` (${warnings.length} unreadable blocks)` : '';
	return fileError(file, `no papers found in it${why}`);
}

/**
 * Throws an InputError naming the file when its bytes are not a text listing. `head` is the file's
 * first chunk; `whole` reads all of it, for the rare checks that need more.
 */
function checkText(file: string, head: Buffer, whole: () => Buffer): void {
	if (head.length === 0) throw fileError(file, 'is empty');
	const sample = head.subarray(0, 64 * 1024);
	if (sample.includes(0)) throw fileError(file, 'is a binary file, not a text listing');
	const replaced = countReplacementCharacters(sample.toString('utf8'));
	if (replaced > 16 && replaced > sample.length / 100) throw fileError(file, 'is not UTF-8 text (binary data?)');
	let bytes = head;
	let first = firstVisibleByte(bytes);
	if (first === undefined && head !== (bytes = whole())) first = firstVisibleByte(bytes);
	if (first === undefined) throw fileError(file, 'is empty (only white space)');
	// Telling JSON from page text that starts with "[" takes parsing all of it.
	const format = otherFormat(first === 0x7b || first === 0x5b ? whole() : bytes, first);
	if (format !== null) throw fileError(file, `is ${format}; papers reads the text of a Hugging Face papers page, as copied from the browser`);
}

function firstVisibleByte(bytes: Buffer): number | undefined {
	return bytes.find((byte) => byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0xef && byte !== 0xbb && byte !== 0xbf);
}

/** "JSON" or "XML/HTML" when the bytes are one of those rather than page text (a title may start with "["). */
function otherFormat(bytes: Buffer, first: number): string | null {
	if (first === 0x3c) {
		const start = bytes.toString('utf8', 0, 200).trimStart().toLowerCase();
		return /^<(?:\?xml|!doctype|html|feed|rss)\b/.test(start) ? 'XML/HTML' : null;
	}
	if (first !== 0x7b && first !== 0x5b) return null;
	try {
		JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
		return 'JSON';
	} catch {
		return null;
	}
}

function countReplacementCharacters(text: string): number {
	let count = 0;
	for (let index = text.indexOf('\uFFFD'); index !== -1; index = text.indexOf('\uFFFD', index + 1)) count++;
	return count;
}

/** Reads and merges several listings in order, deduplicated by id (the later listing's upvotes win). */
export async function loadListings(files: readonly string[], options: LoadOptions = {}): Promise<ParseResult> {
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
	input: Iterable<Buffer> | null;
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
export async function startLoading(files: readonly string[], options: LoadOptions = {}): Promise<Loading> {
	const sources: Source[] = [];
	for (const file of files) {
		const inDirectory = options.directories === true && file !== '-' ? await listingsInDirectory(file) : null;
		if (inDirectory === null) {
			let input: Iterable<Buffer>;
			if (file === '-') {
				const bytes = await (options.readStdin ?? readStdin)();
				checkText(file, bytes, () => bytes);
				input = [bytes];
			} else {
				input = openListing(file);
			}
			sources.push({file, input, directory: null, last: true});
			continue;
		}
		if (inDirectory.length === 0) throw fileError(file, 'is a directory with no listing files in it');
		inDirectory.forEach((entry, index) => sources.push({file: entry, input: null, directory: file, last: index === inDirectory.length - 1}));
	}
	const merger = createMerger();
	const warnings: ParseWarning[] = [];
	const directoriesWithPapers = new Set<string>();
	let current = 0;
	let parser: ListingParser | null = null;
	let taken = 0;

	/** Opens the current source; false when it is a directory's file that cannot be read (skipped). */
	const open = (source: Source): boolean => {
		let input = source.input;
		source.input = null;
		if (input === null) {
			try {
				input = openListing(source.file);
			} catch (error) {
				if (!(error instanceof InputError)) throw error;
				warnings.push({source: shownName(source.file), line: null, message: `skipped: ${error.message.replace(`${shownName(source.file)}: `, '')}`});
				return false;
			}
		}
		parser = createHfPageParser(input, {source: shownName(source.file), year: options.year, today: options.today});
		taken = 0;
		return true;
	};

	/** After a directory's last file: it must have held papers somewhere. */
	const settle = (source: Source) => {
		if (source.last && source.directory !== null && !directoriesWithPapers.has(source.directory)) throw fileError(source.directory, 'no listing in this directory has papers');
	};

	/** Ends a parsed source: its warnings, and the check that it held papers. */
	const close = (source: Source, parsed: ListingParser) => {
		if (parsed.papers.length > 0) {
			warnings.push(...parsed.warnings);
			if (source.directory !== null) directoriesWithPapers.add(source.directory);
		} else if (source.directory === null) {
			throw noPapers(source.file, parsed.warnings);
		} else {
			warnings.push({source: shownName(source.file), line: null, message: `skipped: ${noPapers(source.file, parsed.warnings).message.replace(`${shownName(source.file)}: `, '')}`});
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
				const active: ListingParser = parser!;
				const finished = active.run(deadline, enough === Infinity ? Infinity : taken + Math.max(1, enough - merger.papers.length));
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
