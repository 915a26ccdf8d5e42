import {readFileSync} from 'node:fs';
import {fileError, InputError, problemOf} from '../errors.js';
import {addedName, arxivName, dailyPapersDay, dailyPapersName, keepInLibrary, listLibrary, saveToLibrary, type LibraryEntry} from '../library/library.js';
import {loadListings, type LibraryListings, type MemoryListing} from '../listing/load.js';
import type {CommandContext} from './context.js';
import {openCommandMarks} from './papers-with-marks.js';

/** The library's listings for the loader, newest first; null when the library is empty. */
export function librarySource(context: CommandContext): LibraryListings | null {
	const entries = readLibrary(context);
	return entries.length === 0 ? null : {library: context.library, files: entries.map((entry) => entry.path)};
}

/** The library's entries; a directory that cannot be read is an InputError naming it. */
function readLibrary(context: CommandContext): LibraryEntry[] {
	try {
		return listLibrary(context.library);
	} catch (error) {
		throw fileError(context.library, `the library cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
	}
}

/** What an empty library says, where a command would read it. */
export const EMPTY_LIBRARY = 'the library is empty: `papers fetch` gets today’s papers, `papers add FILE` adds a saved listing';

/**
 * Keeps a fetched listing in the library (Daily Papers under their day, a feed under the day it was
 * fetched). Returns a warning when it cannot be written (a read-only directory): the listing is still read.
 */
export function keepFetched(listing: MemoryListing, what: {arxiv?: string | undefined; date?: string | undefined}, context: CommandContext, today = new Date()): string | null {
	const body = listing.bytes.toString('utf8');
	const name = what.arxiv === undefined ? dailyPapersName(what.date ?? dailyPapersDay(body, today)) : arxivName(what.arxiv, today.toISOString().slice(0, 10));
	return keepInLibrary(context.library, name, listing.bytes);
}

/**
 * `papers add FILE...`: each file, once it is read as a listing with papers, copied into the library as
 * it is. Every file is read first: one that is not a listing stops the command before anything is added.
 */
export async function addCommand(files: readonly string[], context: CommandContext, today = new Date()): Promise<number> {
	if (files.length === 0) throw new InputError('add: name at least one listing file');
	const day = today.toISOString().slice(0, 10);
	const read: Array<{file: string; bytes: Buffer; papers: number}> = [];
	for (const file of files) {
		if (file === '-') throw new InputError('add: name a file (standard input cannot be added)');
		let bytes: Buffer;
		try {
			bytes = readFileSync(file);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			throw fileError(file, `cannot be read (${code === 'EISDIR' ? 'is a directory: name its files' : (code ?? String(error))})`);
		}
		// The bytes read above, not the file again: what is checked is what is added.
		const {papers} = await loadListings([{name: file, bytes}], {...context.load, directories: false});
		read.push({file, bytes, papers: papers.length});
	}
	for (const {file, bytes, papers} of read) {
		let path: string;
		try {
			path = saveToLibrary(context.library, addedName(file, day), bytes);
		} catch (error) {
			throw fileError(context.library, `${file} could not be added (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
		}
		context.stdout(`added ${papers} paper${papers === 1 ? '' : 's'} from ${file} as ${path}\n`);
	}
	return 0;
}

/** One listing of `papers library`. */
interface LibraryRow {
	file: string;
	day: string;
	source: string;
	papers: number;
	unread: number;
	/** Why it is not read, when it cannot be. */
	problem: string | null;
}

/** `papers library [--json]`: each listing with its day, source, papers and unread papers, and the totals. */
export async function libraryCommand(options: {json: boolean}, context: CommandContext): Promise<number> {
	const entries = readLibrary(context);
	// The listings first, then the marks of just their papers (one scan of the store, no table of every mark).
	const loaded: Array<{entry: (typeof entries)[number]; ids: string[]; problem: string | null}> = [];
	for (const entry of entries) {
		try {
			const {papers} = await loadListings([entry.path], {...context.load, directories: false});
			loaded.push({entry, ids: papers.map((paper) => paper.id), problem: null});
		} catch (error) {
			if (!(error instanceof InputError)) throw error;
			loaded.push({entry, ids: [], problem: problemOf(error)});
		}
	}
	const store = await openCommandMarks(
		loaded.flatMap(({ids}) => ids),
		context,
	);
	const rows: LibraryRow[] = [];
	const all = new Map<string, boolean>();
	for (const {entry, ids, problem} of loaded) {
		let unread = 0;
		for (const id of ids) {
			const read = store.get(id)?.read ?? false;
			if (!read) unread++;
			all.set(id, read);
		}
		rows.push({file: entry.path, day: entry.day, source: entry.source, papers: problem === null ? ids.length : 0, unread, problem});
	}
	const totals = {listings: rows.length, papers: all.size, unread: [...all.values()].filter((read) => !read).length};
	if (options.json) {
		context.stdout(`${JSON.stringify({directory: context.library, listings: rows, totals}, null, context.pretty ? 2 : undefined)}\n`);
		return 0;
	}
	if (rows.length === 0) {
		context.stdout(`${context.library}: ${EMPTY_LIBRARY}\n`);
		return 0;
	}
	const width = Math.max(6, ...rows.map((row) => row.source.length));
	context.stdout(`${'day'.padEnd(10)}  ${'source'.padEnd(width)}  ${'papers'.padStart(6)}  ${'unread'.padStart(6)}  file\n`);
	for (const row of rows) {
		const name = row.file.slice(context.library.length + 1);
		context.stdout(`${row.day}  ${row.source.padEnd(width)}  ${String(row.papers).padStart(6)}  ${String(row.unread).padStart(6)}  ${name}${row.problem === null ? '' : ` (skipped: ${row.problem})`}\n`);
	}
	context.stdout(`${rows.length} listing${rows.length === 1 ? '' : 's'}, ${totals.papers} papers (each once), ${totals.unread} unread; in ${context.library}\n`);
	return 0;
}
