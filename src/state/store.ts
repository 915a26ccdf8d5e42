import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import Conf from 'conf';
import envPaths from 'env-paths';
import {InputError} from '../errors.js';

/** What the store remembers of one paper. Timestamps (ms) record when each flag last changed. */
export interface Mark {
	read: boolean;
	readAt: number;
	favorite: boolean;
	favoriteAt: number;
}

/** The two flags a mark holds. */
export type Flag = 'read' | 'favorite';

interface StoreShape extends Record<string, unknown> {
	marks: Record<string, Mark>;
}

/** Read state and favorites, keyed by paper id. */
export interface MarkStore {
	/** The JSON file behind the store. */
	readonly path: string;
	/** The mark of one paper, or undefined when it was never marked. */
	get(id: string): Mark | undefined;
	/** Sets one flag on many papers in one write. */
	set(flag: Flag, ids: readonly string[], value: boolean): void;
}

/** Where the store lives; by default the user's config directory (honours XDG_CONFIG_HOME). */
export interface StoreOptions {
	/** Directory holding config.json instead of the user's config directory. */
	directory?: string;
	/** Clock for the timestamps. */
	now?: () => number;
}

const EMPTY_MARK: Mark = {read: false, readAt: 0, favorite: false, favoriteAt: 0};

/** Opens the store; throws an InputError (never wipes the file) when it cannot be read. */
export function openStore(options: StoreOptions = {}): MarkStore {
	const now = options.now ?? Date.now;
	const directory = options.directory ?? defaultStoreDirectory();
	let conf: Conf<StoreShape>;
	try {
		conf = new Conf<StoreShape>({
			projectName: 'papers',
			projectSuffix: '',
			cwd: directory,
			accessPropertiesByDotNotation: false,
			configFileMode: 0o600,
			clearInvalidConfig: false,
		});
	} catch (error) {
		throw storeError(join(directory, 'config.json'), error);
	}
	let marks = readMarks(conf.path);

	return {
		path: conf.path,
		get: (id) => (Object.hasOwn(marks, id) ? marks[id] : undefined),
		set(flag, ids, value) {
			// Reread before writing so that marks written by another process since we read are kept.
			const latest = readMarks(conf.path);
			const at = now();
			for (const id of ids) {
				const previous = Object.hasOwn(latest, id) ? latest[id]! : EMPTY_MARK;
				latest[id] = flag === 'read' ? {...previous, read: value, readAt: at} : {...previous, favorite: value, favoriteAt: at};
			}
			conf.set('marks', latest);
			marks = latest;
		},
	};
}

/** Reads the marks from the file itself, so that a store of the wrong shape is refused, never overwritten. */
function readMarks(path: string): Record<string, Mark> {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Object.create(null) as Record<string, Mark>;
		throw storeError(path, error);
	}
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		throw storeError(path, error);
	}
	if (!isPlainObject(data)) throw shapeError(path, 'it is not a JSON object');
	const value = data.marks;
	if (value === undefined) return Object.create(null) as Record<string, Mark>;
	if (!isPlainObject(value)) throw shapeError(path, '"marks" is not an object');
	const marks = Object.create(null) as Record<string, Mark>;
	for (const [id, mark] of Object.entries(value)) marks[id] = toMark(mark);
	return marks;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shapeError(path: string, problem: string): InputError {
	return new InputError(`${path}: the store is not in the expected shape (${problem}); it was left untouched`);
}

function toMark(value: unknown): Mark {
	const record = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof Mark, unknown>>;
	return {
		read: record.read === true,
		readAt: typeof record.readAt === 'number' ? record.readAt : 0,
		favorite: record.favorite === true,
		favoriteAt: typeof record.favoriteAt === 'number' ? record.favoriteAt : 0,
	};
}

/** The user's config directory for papers (XDG_CONFIG_HOME/papers on Linux). */
export function defaultStoreDirectory(): string {
	return envPaths('papers', {suffix: ''}).config;
}

function storeError(path: string, error: unknown): InputError {
	const reason = error instanceof SyntaxError ? 'is not valid JSON' : `cannot be read (${(error as Error).message})`;
	return new InputError(`${path}: the store ${reason}; it was left untouched`);
}
