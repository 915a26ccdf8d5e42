import {mkdirSync, renameSync, watch, type FSWatcher} from 'node:fs';
import {basename, join} from 'node:path';
import envPaths from 'env-paths';
import {LockBusyError, withLock, type LockOptions} from './lock.js';
import {MarkTable} from './mark-table.js';
import {mergeMark, withFlag, type Flag, type Mark} from './marks.js';
import {currentVersion, describeError, fileTime, isReadOnly, readFile, removeLeftoverTemps, sameVersion, tempFiles, unreadable, writeFile, type Version} from './store-file.js';

export type {Flag, Mark} from './marks.js';

/**
 * Read state and favorites, keyed by paper id, kept in a JSON file that several papers processes may
 * share. Every write takes the lock, rereads the file if another process replaced it, merges (each flag by
 * its latest change) and replaces the file atomically (a temporary file, fsynced, renamed over the old one).
 */
export interface MarkStore {
	/** The JSON file behind the store. */
	readonly path: string;
	/** False once the store could not be written (a read-only directory): marks live in memory only. */
	readonly writable: boolean;
	/** The mark of one paper, or undefined when it was never marked. */
	get(id: string): Mark | undefined;
	/** Sets one flag on many papers, in memory at once and in the file (throws when the lock stays busy). */
	set(flag: Flag, ids: readonly string[], value: boolean): void;
	/** Merges in what other processes wrote to the file; true when a mark changed. */
	reload(): boolean;
	/** Calls `onChange` after another process changed a mark (the file is watched, not polled). */
	watch(onChange: () => void): () => void;
}

/** Where the store lives; by default the user's config directory (honours XDG_CONFIG_HOME). */
export interface StoreOptions {
	/** Directory holding config.json instead of the user's config directory. */
	directory?: string;
	/** Clock for the timestamps. */
	now?: () => number;
	/** Lock timings (tests shorten them). */
	lock?: LockOptions;
}

/**
 * Opens the store. A store that is not a store (bad JSON, empty, a byte order mark, the wrong shape) is
 * moved aside to `<file>.corrupt-<time>` and the store starts empty; a store that cannot be read or
 * written keeps marks in memory. Each says so once through `warn`. A store is never overwritten unread.
 */
export function openStore(options: StoreOptions = {}, warn: (message: string) => void = () => {}): MarkStore {
	const now = options.now ?? Date.now;
	const directory = options.directory ?? defaultStoreDirectory();
	const path = join(directory, 'config.json');
	const lockPath = `${path}.lock`;
	let writable = true;
	/** The marks in the file, as last read or written here, and which version of the file that was. */
	let inFile = new MarkTable();
	let version: Version | null = null;
	/** Marks changed here and not yet in the file. */
	const unsaved = new Map<string, Mark>();

	const readOnly = (error: unknown, what: string) => {
		if (!writable) return;
		writable = false;
		warn(`${path}: ${what} (${describeError(error)}); marks are kept for this session only`);
	};

	/**
	 * With the lock held: reads the file unless it is the version last read or written here. A bad file
	 * is moved aside, keeping the marks read before (the next write writes every mark this process
	 * knows). False when the file cannot be read or moved: then nothing may be written.
	 */
	const readLocked = (): boolean => {
		if (version !== null && sameVersion(version, currentVersion(path))) return true;
		const state = readFile(path);
		if (state.kind === 'marks') {
			inFile = state.marks;
			version = state.version;
			return true;
		}
		if (state.kind === 'unreadable') {
			readOnly(state.error, unreadable(path, state.error));
			return false;
		}
		const aside = `${path}.corrupt-${fileTime(now())}`;
		try {
			renameSync(path, aside);
		} catch (error) {
			readOnly(error, `${state.problem}, and it cannot be moved aside`);
			return false;
		}
		warn(`${path}: ${state.problem}; moved it to ${aside} and started with no marks`);
		version = null;
		return true;
	};

	const locked = (body: () => void, what: string): void => {
		try {
			mkdirSync(directory, {recursive: true}); // the first write makes the directory
			withLock(lockPath, body, options.lock);
		} catch (error) {
			if (error instanceof LockBusyError || !isReadOnly(error)) throw error;
			readOnly(error, what);
		}
	};

	const persist = () => {
		if (!writable || unsaved.size === 0) return;
		locked(() => {
			if (!readLocked()) return;
			inFile.merge(unsaved);
			try {
				version = writeFile(path, inFile, now());
			} catch (error) {
				version = null; // what the table holds is not the file's: read it again next time
				if (!isReadOnly(error)) throw error;
				readOnly(error, 'cannot be written');
				return;
			}
			removeLeftoverTemps(path);
			unsaved.clear();
		}, 'cannot be written');
	};

	// Open: read the file; a bad one is moved aside (under the lock, after reading it again, so that a
	// good store written meanwhile is never moved). Temporary files left by a killed writer go too.
	const first = readFile(path);
	if (first.kind === 'marks') {
		inFile = first.marks;
		version = first.version;
	} else if (first.kind === 'unreadable') readOnly(first.error, unreadable(path, first.error));
	else locked(readLocked, 'cannot be written');
	if (writable && tempFiles(path).length > 0) locked(() => removeLeftoverTemps(path), 'cannot be written');

	const get = (id: string): Mark | undefined => {
		const mark = unsaved.get(id);
		return mark === undefined ? inFile.get(id) : mergeMark(inFile.get(id), mark);
	};

	const reload = () => {
		if (version !== null && sameVersion(version, currentVersion(path))) return false;
		const state = readFile(path);
		if (state.kind !== 'marks') return false; // a bad file is moved aside by the next write
		const changed = !inFile.equals(state.marks);
		inFile = state.marks;
		version = state.version;
		return changed;
	};

	return {
		path,
		get writable() {
			return writable;
		},
		get,
		set(flag, ids, value) {
			const at = now();
			for (const id of ids) unsaved.set(id, withFlag(get(id), flag, value, at));
			persist();
		},
		reload,
		watch(onChange) {
			let watcher: FSWatcher;
			try {
				mkdirSync(directory, {recursive: true}); // another reader may write the first mark
				watcher = watch(directory, {persistent: false});
			} catch {
				return () => {}; // cannot watch (a read-only parent without the directory): no changes to see
			}
			let timer: NodeJS.Timeout | undefined;
			watcher.on('change', (_event, name) => {
				if (name !== basename(path)) return;
				clearTimeout(timer);
				// A write is a rename: wait for the burst of events to settle, then read once.
				timer = setTimeout(() => {
					if (reload()) onChange();
				}, 30);
				timer.unref();
			});
			watcher.on('error', () => watcher.close());
			return () => {
				clearTimeout(timer);
				watcher.close();
			};
		},
	};
}

/** The user's config directory for papers (XDG_CONFIG_HOME/papers on Linux). */
export function defaultStoreDirectory(): string {
	return envPaths('papers', {suffix: ''}).config;
}
