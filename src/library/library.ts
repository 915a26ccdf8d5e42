/**
 * The library: every listing `papers fetch` got, and every file `papers add` added, kept as it came in
 * `$XDG_DATA_HOME/papers/library/`, one file per listing, named by source and day
 * (`hf-daily-2024-10-25.json`, `arxiv-cs.LG-2024-10-25.xml`, `added-2024-10-25-page.txt`). The
 * library is the user's: nothing here deletes or rewrites a file in it, and a file is only ever
 * written whole (a temporary file renamed over it).
 */
import {randomBytes} from 'node:crypto';
import {mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync} from 'node:fs';
import {basename, join} from 'node:path';
import envPaths from 'env-paths';
import {writeAtomically} from '../atomic-write.js';

/** One listing in the library. */
export interface LibraryEntry {
	/** Its file. */
	path: string;
	/** Its file name. */
	name: string;
	/** Where it came from: "hf-daily", "arxiv-cs.LG", "added". */
	source: string;
	/** Its day (YYYY-MM-DD): the Daily Papers' day, the day a feed was fetched or a file added. */
	day: string;
	/** When it was written into the library (ms). */
	addedAt: number;
}

/** The library's directory ($XDG_DATA_HOME/papers/library on Linux). */
export function defaultLibraryDirectory(): string {
	return join(envPaths('papers', {suffix: ''}).data, 'library');
}

/** The file where the time of the reader's last session is kept ($XDG_STATE_HOME/papers/last-session). */
export function defaultLastSessionFile(): string {
	return join(envPaths('papers', {suffix: ''}).log, 'last-session');
}

/** `source-YYYY-MM-DD...`: a library file's source and day (an added file may have no extension). */
const NAME = /^(.+?)-(\d{4}-\d{2}-\d{2})(?:[-.].*)?$/;

/** The source and day a library file's name gives, or null for a name the library did not give. */
export function parseLibraryName(name: string): {source: string; day: string} | null {
	const match = NAME.exec(name);
	return match === null ? null : {source: match[1]!, day: match[2]!};
}

/** The name of a day's Daily Papers in the library. */
export function dailyPapersName(day: string): string {
	return `hf-daily-${day}.json`;
}

/** The name of an arXiv category's feed fetched on a day. */
export function arxivName(category: string, day: string): string {
	return `arxiv-${category}-${day}.xml`;
}

/** The name of a file added on a day: its own name kept (its extension tells its format), made safe. */
export function addedName(file: string, day: string): string {
	const safe = basename(file).replaceAll(/[^\w.+-]/g, '_').replace(/^[.-]+/, '') || 'listing.txt';
	return `added-${day}-${safe}`;
}

/** Temporary files of writes in progress (or of a writer killed meanwhile): never listings. */
const TEMP = /\.tmp-[0-9a-z]+$/;

/**
 * The library's listings, newest day first (then by name). Files whose names the library did not
 * give are listed too, on the day they were last modified. A missing directory is an empty library.
 */
export function listLibrary(directory: string): LibraryEntry[] {
	let names: string[];
	try {
		names = readdirSync(directory);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw error;
	}
	const entries: LibraryEntry[] = [];
	for (const name of names) {
		if (name.startsWith('.') || TEMP.test(name)) continue;
		const path = join(directory, name);
		let stats;
		try {
			stats = statSync(path);
		} catch {
			continue; // gone meanwhile
		}
		if (!stats.isFile()) continue;
		const parsed = parseLibraryName(name);
		entries.push({path, name, source: parsed?.source ?? 'other', day: parsed?.day ?? new Date(stats.mtimeMs).toISOString().slice(0, 10), addedAt: stats.mtimeMs});
	}
	return entries.sort((a, b) => (a.day === b.day ? a.name.localeCompare(b.name) : a.day < b.day ? 1 : -1));
}

/** True when the library holds a file of this name. */
export function inLibrary(directory: string, name: string): boolean {
	try {
		return statSync(join(directory, name)).isFile();
	} catch {
		return false;
	}
}

/**
 * Writes a listing into the library under `name`, whole or not at all: a temporary file, fsynced,
 * renamed over any file of that name (the same listing fetched again). Returns its path. Errors (a
 * read-only directory) are thrown as they are: the caller warns.
 */
export function saveToLibrary(directory: string, name: string, bytes: Uint8Array): string {
	mkdirSync(directory, {recursive: true});
	const path = join(directory, name);
	writeAtomically(path, `${path}.tmp-${randomBytes(6).toString('hex')}`, 0o644, (fd) => writeSync(fd, bytes));
	return path;
}

/** The day of a Daily Papers answer: the day most of its items were listed on (their `publishedAt`), else today. */
export function dailyPapersDay(body: string, today: Date = new Date()): string {
	const counts = new Map<string, number>();
	try {
		const items: unknown = JSON.parse(body);
		if (Array.isArray(items)) {
			for (const item of items) {
				const at = (item as {publishedAt?: unknown} | null)?.publishedAt;
				if (typeof at === 'string' && /^\d{4}-\d{2}-\d{2}/.test(at)) counts.set(at.slice(0, 10), (counts.get(at.slice(0, 10)) ?? 0) + 1);
			}
		}
	} catch {
		// Not JSON: validated before, so never here; today then.
	}
	let best: [string, number] | null = null;
	for (const entry of counts) if (best === null || entry[1] > best[1]) best = entry;
	return best?.[0] ?? today.toISOString().slice(0, 10);
}

/** Writes a listing into the library (saveToLibrary); a warning saying why it could not, or null. */
export function keepInLibrary(directory: string, name: string, bytes: Uint8Array): string | null {
	try {
		saveToLibrary(directory, name, bytes);
		return null;
	} catch (error) {
		return `${directory}: the listing could not be kept in the library (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
	}
}

/** The time of the reader's last session (ms), or null before the first. */
export function readLastSession(file: string): number | null {
	try {
		const value = Number(readFileSync(file, 'utf8').trim());
		return Number.isFinite(value) && value > 0 ? value : null;
	} catch {
		return null;
	}
}

/** Records the time of this session; false when it cannot be written (nothing else depends on it). */
export function writeLastSession(file: string, at: number): boolean {
	try {
		mkdirSync(join(file, '..'), {recursive: true});
		writeFileSync(file, `${at}\n`);
		return true;
	} catch {
		return false;
	}
}
