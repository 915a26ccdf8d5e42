/**
 * The store for commands that know their papers' ids before reading it: `list`, `export` and `library`
 * look up the marks of those ids, `mark` changes them. A store as papers writes it is streamed once
 * (store-stream.ts), every entry checked as the full reading checks it, and only the wanted ids' marks are
 * kept; `mark` copies the file to a new one as it reads it, splicing in the changed entries. Anything else
 * (no file yet, a store written otherwise, a corrupt or unreadable one, leftover temporary files, a
 * read-only directory) goes to `openStore` and is handled exactly as there.
 */
import {closeSync, openSync, writeSync} from 'node:fs';
import {join} from 'node:path';
import {writeAtomically} from '../atomic-write.js';
import {entry, hashBytes} from './compact-entry.js';
import {LockBusyError, withLock} from './lock.js';
import {mergeMark, sameMark, withFlag, type Flag, type Mark} from './marks.js';
import {currentVersion, removeLeftoverTemps, tempFiles, tempName} from './store-file.js';
import {scanCompactFile, type ScanHooks} from './store-stream.js';
import {defaultStoreDirectory, openStore, type MarkStore, type StoreOptions} from './store.js';

/** Options of the streamed reading: the buffer's size (tests make it small). */
export interface LookupOptions extends StoreOptions {
	chunk?: number;
}

/** Wanted ids by the hash of their bytes (compact entries' ids are 12 bytes: no other can be found). */
class Wanted {
	readonly #byHash = new Map<number, Array<{id: string; bytes: Buffer}>>();

	constructor(ids: Iterable<string>) {
		for (const id of new Set(ids)) {
			const bytes = Buffer.from(id);
			if (bytes.length !== 12) continue;
			const hash = hashBytes(bytes, 0, bytes.length);
			const list = this.#byHash.get(hash);
			if (list === undefined) this.#byHash.set(hash, [{id, bytes}]);
			else list.push({id, bytes});
		}
	}

	/** The wanted id of the entry just scanned at `bytes[start..]` (its hash in `entry`), or undefined. */
	at(bytes: Buffer, start: number): string | undefined {
		const list = this.#byHash.get(entry.hash);
		if (list === undefined) return undefined;
		for (const {id, bytes: key} of list) if (key.compare(bytes, start + 1, start + 13) === 0) return id;
		return undefined;
	}
}

function pathOf(options: StoreOptions): string {
	return join(options.directory ?? defaultStoreDirectory(), 'config.json');
}

/** Scans the file at `path` with `hooks`; false when it is not there, cannot be opened, or is not streamable. */
function scanPath(path: string, hooks: ScanHooks, chunk: number | undefined): boolean {
	let fd: number;
	try {
		fd = openSync(path, 'r');
	} catch {
		return false;
	}
	try {
		return scanCompactFile(fd, hooks, chunk);
	} finally {
		closeSync(fd);
	}
}

/**
 * The marks of these ids (a last entry of an id given twice wins, as JSON.parse has it). `get` of any
 * other id says undefined. Warnings (a store moved aside, unreadable) go to `warn` as `openStore` says them.
 */
export function lookupMarks(ids: Iterable<string>, options: LookupOptions = {}, warn: (message: string) => void = () => {}): Pick<MarkStore, 'get'> {
	const path = pathOf(options);
	const wanted = new Wanted(ids);
	const marks = new Map<string, Mark>();
	const hooks: ScanHooks = {
		entry(bytes, start) {
			const id = wanted.at(bytes, start);
			if (id !== undefined) marks.set(id, {read: entry.read, readAt: entry.readAt, favorite: entry.favorite, favoriteAt: entry.favoriteAt});
		},
	};
	if (currentVersion(path) === null || tempFiles(path).length > 0 || !scanPath(path, hooks, options.chunk)) return openStore(options, warn);
	return {get: (id) => marks.get(id)};
}

/** The scan stopped at something not as papers writes it: the temporary file goes, `openStore` writes. */
class NotStreamable extends Error {}

/**
 * Sets one flag on these papers in the store file, like `openStore(...).set`: under the lock, the file
 * is read as it is now and copied to a temporary file, each wanted entry merged with the change (each flag
 * by its latest change), new ids added at the end; fsynced and renamed over it. Whatever this does not
 * stream goes to `openStore(...).set`. Returns the store's path and whether the marks were saved.
 */
export function setMarks(flag: Flag, ids: readonly string[], value: boolean, options: LookupOptions = {}, warn: (message: string) => void = () => {}): Pick<MarkStore, 'path' | 'writable'> {
	const path = pathOf(options);
	const now = options.now ?? Date.now;
	const at = now();
	const streamed = currentVersion(path) !== null && streamSet(path, flag, ids, value, at, options);
	if (streamed) return {path, writable: true};
	const store = openStore(options, warn);
	store.set(flag, ids, value);
	return store;
}

/** With the lock: the file rewritten with the change; false when it was not (nothing changed then). */
function streamSet(path: string, flag: Flag, ids: readonly string[], value: boolean, at: number, options: LookupOptions): boolean {
	try {
		return withLock(`${path}.lock`, () => streamSetLocked(path, flag, ids, value, at, options.chunk), options.lock);
	} catch (error) {
		if (error instanceof LockBusyError) throw error;
		return false; // a read-only directory, say: openStore says so
	}
}

function streamSetLocked(path: string, flag: Flag, ids: readonly string[], value: boolean, at: number, chunk: number | undefined): boolean {
	let input: number;
	try {
		input = openSync(path, 'r');
	} catch {
		return false;
	}
	const wanted = new Wanted(ids);
	const found = new Set<string>();
	try {
		writeAtomically(path, tempName(path, at), 0o600, (output) => {
			/** Where the bytes of the buffer not yet written start. */
			let written = 0;
			let closed = false;
			let entries = 0;
			const hooks: ScanHooks = {
				entry(bytes, start, end) {
					entries++;
					const id = wanted.at(bytes, start);
					if (id === undefined) return;
					found.add(id);
					const before: Mark = {read: entry.read, readAt: entry.readAt, favorite: entry.favorite, favoriteAt: entry.favoriteAt};
					const after = mergeMark(before, withFlag(before, flag, value, at));
					if (sameMark(before, after)) return;
					writeSync(output, bytes, written, start - written);
					writeSync(output, entryText(id, after));
					written = end;
				},
				drop(bytes, end) {
					if (!closed) writeSync(output, bytes, written, end - written);
					written = 0;
				},
				close(bytes, end) {
					writeSync(output, bytes, written, end - written);
					closed = true;
				},
			};
			if (!scanCompactFile(input, hooks, chunk)) throw new NotStreamable();
			const added = ids.filter((id) => !found.has(id));
			const texts = [...new Set(added)].map((id, index) => `${entries + index > 0 ? ',' : ''}${entryText(id, withFlag(undefined, flag, value, at))}`);
			writeSync(output, `${texts.join('')}}}\n`);
		});
	} catch (error) {
		if (error instanceof NotStreamable) return false;
		throw error;
	} finally {
		closeSync(input);
	}
	removeLeftoverTemps(path);
	return true;
}

/** An entry as papers writes it. */
function entryText(id: string, {read, readAt, favorite, favoriteAt}: Mark): string {
	return `${JSON.stringify(id)}:{"read":${read},"readAt":${readAt},"favorite":${favorite},"favoriteAt":${favoriteAt}}`;
}
