import {mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, watch, type FSWatcher} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import Conf from 'conf';
import envPaths from 'env-paths';
import {LockBusyError, withLock, type LockOptions} from './lock.js';
import {emptyMarks, mergeMarks, parseStore, sameMark, withFlag, type Flag, type Mark, type Marks} from './marks.js';

export type {Flag, Mark} from './marks.js';

/**
 * Read state and favorites, keyed by paper id, kept in a JSON file that several papers processes may
 * share. Every write takes the lock, rereads the file, merges (each flag by its latest change) and
 * replaces the file atomically (conf writes a temporary file and renames it over the old one).
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

/** Errors that mean the directory or file cannot be written: the store then keeps marks in memory. */
const READ_ONLY = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * What a store that could not be opened is: an existing file that cannot be read, or, when not even its
 * directory can be entered (an unwritable XDG_CONFIG_HOME without papers/ yet, say), one that cannot be
 * read or created.
 */
function unreadable(path: string, error: unknown): string {
	const denied = isReadOnly(error) ? ', permission denied' : '';
	try {
		statSync(path);
		return `cannot be read${denied}`;
	} catch {
		return `cannot be read or created${denied}`;
	}
}

function isReadOnly(error: unknown): boolean {
	return READ_ONLY.has((error as NodeJS.ErrnoException).code ?? '');
}

function describe(error: unknown): string {
	const {code, message} = error as NodeJS.ErrnoException;
	return code ?? message;
}

/** What the file holds: marks, nothing yet, or a problem. */
type FileState = {kind: 'marks'; marks: Marks} | {kind: 'bad'; problem: string} | {kind: 'unreadable'; error: unknown};

function readFile(path: string): FileState {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {kind: 'marks', marks: emptyMarks()};
		return {kind: 'unreadable', error};
	}
	const parsed = parseStore(text);
	return parsed.ok ? {kind: 'marks', marks: parsed.marks} : {kind: 'bad', problem: parsed.problem};
}

/** `2026-11-27T05-40-12.345Z`: a time for file names. */
function fileTime(at: number): string {
	return new Date(at).toISOString().replaceAll(':', '-');
}

/** Temporary files of conf's atomic writes (`config.json.tmp-<time><random>`) in the store's directory. */
function tempFiles(path: string): string[] {
	const prefix = `${basename(path)}.tmp-`;
	try {
		return readdirSync(dirname(path))
			.filter((name) => name.startsWith(prefix))
			.map((name) => join(dirname(path), name));
	} catch {
		return [];
	}
}

/** Removes the temporary files a killed writer left (call it holding the lock: no write is under way). */
function removeLeftoverTemps(path: string): void {
	for (const file of tempFiles(path)) {
		try {
			unlinkSync(file);
		} catch {
			// Gone already, or not ours to remove: the next write tries again.
		}
	}
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
	let memory = emptyMarks();
	/** Marks changed here and not yet in the file. */
	let unsaved = emptyMarks();
	let conf: Conf<{marks: Marks}> | undefined;

	const readOnly = (error: unknown, what: string) => {
		if (!writable) return;
		writable = false;
		warn(`${path}: ${what} (${describe(error)}); marks are kept for this session only`);
	};

	/** Set when a bad file was moved aside: the next write writes every mark this process knows. */
	let movedAside = false;

	/** With the lock held: the marks in the file, a bad file moved aside first. */
	const readLocked = (): Marks | null => {
		const state = readFile(path);
		if (state.kind === 'marks') return state.marks;
		if (state.kind === 'unreadable') {
			readOnly(state.error, unreadable(path, state.error));
			return null;
		}
		const aside = `${path}.corrupt-${fileTime(now())}`;
		try {
			renameSync(path, aside);
		} catch (error) {
			readOnly(error, `${state.problem}, and it cannot be moved aside`);
			return null;
		}
		warn(`${path}: ${state.problem}; moved it to ${aside} and started with no marks`);
		movedAside = true;
		return emptyMarks();
	};

	const locked = <T,>(body: () => T, what: string): T | null => {
		try {
			mkdirSync(directory, {recursive: true}); // the first write makes the directory
			return withLock(lockPath, body, options.lock);
		} catch (error) {
			if (error instanceof LockBusyError || !isReadOnly(error)) throw error;
			readOnly(error, what);
			return null;
		}
	};

	const persist = () => {
		if (!writable || Object.keys(unsaved).length === 0) return;
		locked(() => {
			const inFile = readLocked();
			if (inFile === null) return;
			const merged = mergeMarks(inFile, movedAside ? memory : unsaved);
			try {
				conf ??= new Conf<{marks: Marks}>({
					projectName: 'papers',
					projectSuffix: '',
					cwd: directory,
					configName: basename(path, '.json'),
					accessPropertiesByDotNotation: false,
					configFileMode: 0o600,
					clearInvalidConfig: false,
					// Compact: a store of a million marks is 81 MB this way, 99 MB indented (conf's default).
					serialize: (value) => JSON.stringify(value),
				});
				conf.store = {marks: merged};
			} catch (error) {
				if (!isReadOnly(error)) throw error;
				readOnly(error, 'cannot be written');
				return;
			}
			removeLeftoverTemps(path);
			memory = mergeMarks(merged, memory);
			unsaved = emptyMarks();
			movedAside = false;
		}, 'cannot be written');
	};

	// Open: read the file; a bad one is moved aside (under the lock, after reading it again, so that a
	// good store written meanwhile is never moved). Temporary files left by a killed writer go too.
	const first = readFile(path);
	if (first.kind === 'marks') memory = first.marks;
	else if (first.kind === 'unreadable') readOnly(first.error, unreadable(path, first.error));
	else memory = locked(readLocked, 'cannot be written') ?? emptyMarks();
	if (writable && tempFiles(path).length > 0) locked(() => removeLeftoverTemps(path), 'cannot be written');

	const reload = () => {
		const state = readFile(path);
		if (state.kind !== 'marks') return false; // a bad file is moved aside by the next write
		const merged = mergeMarks(memory, state.marks);
		let changed = false;
		for (const id in merged) {
			if (!sameMark(merged[id], memory[id])) {
				changed = true;
				break;
			}
		}
		memory = merged;
		return changed;
	};

	return {
		path,
		get writable() {
			return writable;
		},
		get: (id) => memory[id],
		set(flag, ids, value) {
			const at = now();
			for (const id of ids) {
				const mark = withFlag(memory[id], flag, value, at);
				memory[id] = mark;
				unsaved[id] = mark;
			}
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
