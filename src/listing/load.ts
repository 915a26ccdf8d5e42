import {readFile, stat} from 'node:fs/promises';
import {fileError, InputError} from '../errors.js';
import {parseHfPage, type ListingOptions} from './hf-page.js';
import {mergePapers, type ParseResult} from './paper.js';

/** Options for reading listing files. */
export interface LoadOptions {
	year?: number;
	today?: Date;
	/** Reads standard input for "-" (tests pass their own). */
	readStdin?: () => Promise<Buffer>;
}

/** Parses listing text in whichever format it is. */
export function parseListing(text: string, options: ListingOptions): ParseResult {
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
	const text = decodeText(file, bytes);
	const result = parseListing(text, {source: file, year: options.year, today: options.today});
	if (result.papers.length === 0) {
		const why = result.warnings.length > 0 ? ` (${result.warnings.length} unreadable blocks)` : '';
		throw fileError(file, `no papers found in it${why}`);
	}
	return result;
}

async function readListingBytes(file: string): Promise<Buffer> {
	try {
		const info = await stat(file);
		if (info.isDirectory()) throw fileError(file, 'is a directory, not a listing file');
		return await readFile(file);
	} catch (error) {
		if (error instanceof InputError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') throw fileError(file, 'no such file');
		if (code === 'EACCES' || code === 'EPERM') throw fileError(file, 'permission denied');
		if (code === 'EISDIR') throw fileError(file, 'is a directory, not a listing file');
		throw fileError(file, `cannot be read (${code ?? (error as Error).message})`);
	}
}

function decodeText(file: string, bytes: Buffer): string {
	if (bytes.length === 0) throw fileError(file, 'is empty');
	const sample = bytes.subarray(0, 64 * 1024);
	if (sample.includes(0)) throw fileError(file, 'is a binary file, not a text listing');
	const text = bytes.toString('utf8');
	const replaced = countReplacementCharacters(text.slice(0, 64 * 1024));
	if (replaced > 16 && replaced > sample.length / 100) throw fileError(file, 'is not UTF-8 text (binary data?)');
	if (text.trim() === '') throw fileError(file, 'is empty (only white space)');
	return text;
}

function countReplacementCharacters(text: string): number {
	let count = 0;
	for (let index = text.indexOf('\uFFFD'); index !== -1; index = text.indexOf('\uFFFD', index + 1)) count++;
	return count;
}

/** Reads and merges several listings in order, deduplicated by id (the later listing's upvotes win). */
export async function loadListings(files: readonly string[], options: LoadOptions = {}): Promise<ParseResult> {
	const results: ParseResult[] = [];
	for (const file of files) results.push(await loadListingFile(file, options));
	return {
		papers: mergePapers(results.map((result) => result.papers)),
		warnings: results.flatMap((result) => result.warnings),
	};
}
