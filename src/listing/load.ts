import {readFileSync, statSync} from 'node:fs';
import {readdir} from 'node:fs/promises';
import {join} from 'node:path';
import {fileError, InputError} from '../errors.js';
import {parseHfPage, type ListingOptions} from './hf-page.js';
import {mergePapers, type ParseResult} from './paper.js';

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

/** Parses listing text in whichever format it is. */
export function parseListing(text: string | Uint8Array, options: ListingOptions): ParseResult {
	return parseHfPage(text, options);
}

async function readStdin(): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/** Reads one listing file ("-" is standard input); throws an InputError naming the file when it cannot. */
export async function loadListingFile(file: string, options: LoadOptions = {}): Promise<ParseResult> {
	const bytes = file === '-' ? await (options.readStdin ?? readStdin)() : await readListingBytes(file);
	checkText(file, bytes);
	const result = parseListing(bytes, {source: file, year: options.year, today: options.today});
	if (result.papers.length === 0) {
		const why = result.warnings.length > 0 ? ` (${result.warnings.length} unreadable blocks)` : '';
		throw fileError(file, `no papers found in it${why}`);
	}
	return result;
}

async function readListingBytes(file: string): Promise<Buffer> {
	try {
		// One synchronous read: a command has nothing else to do meanwhile, and it is much faster than
		// the thread pool's chunked reads for a large listing.
		if (statSync(file).isDirectory()) throw fileError(file, 'is a directory, not a listing file');
		return readFileSync(file);
	} catch (error) {
		if (error instanceof InputError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') throw fileError(file, 'no such file');
		if (code === 'EACCES' || code === 'EPERM') throw fileError(file, 'permission denied');
		if (code === 'EISDIR') throw fileError(file, 'is a directory, not a listing file');
		throw fileError(file, `cannot be read (${code ?? (error as Error).message})`);
	}
}

/** Throws an InputError naming the file when its bytes are not a text listing. */
function checkText(file: string, bytes: Buffer): void {
	if (bytes.length === 0) throw fileError(file, 'is empty');
	const sample = bytes.subarray(0, 64 * 1024);
	if (sample.includes(0)) throw fileError(file, 'is a binary file, not a text listing');
	const replaced = countReplacementCharacters(sample.toString('utf8'));
	if (replaced > 16 && replaced > sample.length / 100) throw fileError(file, 'is not UTF-8 text (binary data?)');
	const first = bytes.find((byte) => byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0xef && byte !== 0xbb && byte !== 0xbf);
	if (first === undefined) throw fileError(file, 'is empty (only white space)');
	const format = otherFormat(bytes, first);
	if (format !== null) throw fileError(file, `is ${format}; papers reads the text of a Hugging Face papers page, as copied from the browser`);
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
	const results: ParseResult[] = [];
	for (const file of files) {
		const inDirectory = options.directories === true && file !== '-' ? await listingsInDirectory(file) : null;
		if (inDirectory === null) {
			results.push(await loadListingFile(file, options));
			continue;
		}
		if (inDirectory.length === 0) throw fileError(file, 'is a directory with no listing files in it');
		const before = results.length;
		for (const entry of inDirectory) {
			try {
				results.push(await loadListingFile(entry, options));
			} catch (error) {
				if (!(error instanceof InputError)) throw error;
				results.push({papers: [], warnings: [{source: entry, line: null, message: `skipped: ${error.message.replace(`${entry}: `, '')}`}]});
			}
		}
		if (!results.slice(before).some((result) => result.papers.length > 0)) throw fileError(file, 'no listing in this directory has papers');
	}
	return {
		papers: mergePapers(results.map((result) => result.papers)),
		warnings: results.flatMap((result) => result.warnings),
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
