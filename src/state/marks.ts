/**
 * The store's file format, and how two versions of it merge. Pure: no file system here.
 *
 * The file is `{"marks": {ID: {"read": bool, "readAt": ms, "favorite": bool, "favoriteAt": ms}}}`. Each flag
 * carries the time it last changed (an un-mark too), so two readers that changed the same flag resolve
 * by the latest change, and a flag changed by one reader survives the other reader's write.
 */

/** What the store remembers of one paper. Timestamps (ms) record when each flag last changed. */
export interface Mark {
	read: boolean;
	readAt: number;
	favorite: boolean;
	favoriteAt: number;
}

/** The two flags a mark holds. */
export type Flag = 'read' | 'favorite';

/** Marks by paper id (a null-prototype object: ids are never mistaken for Object's own keys). */
export type Marks = Record<string, Mark>;

export const EMPTY_MARK: Readonly<Mark> = Object.freeze({read: false, readAt: 0, favorite: false, favoriteAt: 0});

/** A new empty set of marks. */
export function emptyMarks(): Marks {
	return Object.create(null) as Marks;
}

/** What reading a store file gave: its marks, or what is wrong with it. */
export type ParsedStore = {ok: true; marks: Marks} | {ok: false; problem: string};

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTime(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Parses the text of a store file; anything but the expected shape is a problem (never guessed at). */
export function parseStore(text: string): ParsedStore {
	if (text.trim() === '') return {ok: false, problem: 'it is empty'};
	if (text.startsWith('\uFEFF')) return {ok: false, problem: 'it starts with a byte order mark'};
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return {ok: false, problem: 'it is not valid JSON'};
	}
	if (!isPlainObject(data)) return {ok: false, problem: 'it is not a JSON object'};
	const marks = emptyMarks();
	if (data.marks === undefined) return {ok: true, marks};
	if (!isPlainObject(data.marks)) return {ok: false, problem: '"marks" is not an object'};
	for (const [id, value] of Object.entries(data.marks)) {
		if (!isPlainObject(value)) return {ok: false, problem: `the mark of ${JSON.stringify(id)} is not an object`};
		const {read, readAt = 0, favorite, favoriteAt = 0} = value;
		if (typeof read !== 'boolean' || typeof favorite !== 'boolean' || !isTime(readAt) || !isTime(favoriteAt)) {
			return {ok: false, problem: `the mark of ${JSON.stringify(id)} is not {read, readAt, favorite, favoriteAt}`};
		}
		marks[id] = {read, readAt, favorite, favoriteAt};
	}
	return {ok: true, marks};
}

/** The text of a store file holding these marks. */
export function serializeStore(marks: Marks): string {
	return `${JSON.stringify({marks}, null, '\t')}\n`;
}

/** One paper's mark from two sources: each flag from whichever changed it last (`a` on a tie). */
export function mergeMark(a: Mark | undefined, b: Mark | undefined): Mark {
	if (a === undefined) return b ?? {...EMPTY_MARK};
	if (b === undefined) return a;
	const read = b.readAt > a.readAt ? b : a;
	const favorite = b.favoriteAt > a.favoriteAt ? b : a;
	return {read: read.read, readAt: read.readAt, favorite: favorite.favorite, favoriteAt: favorite.favoriteAt};
}

/** Both sets of marks, each flag of each paper from whichever changed it last (`a` on a tie). */
export function mergeMarks(a: Marks, b: Marks): Marks {
	const merged = emptyMarks();
	for (const id in a) merged[id] = a[id]!;
	for (const id in b) merged[id] = mergeMark(merged[id], b[id]);
	return merged;
}

/** True when two marks say the same of a paper, flags and times. */
export function sameMark(a: Mark | undefined, b: Mark | undefined): boolean {
	if (a === undefined || b === undefined) return a === b;
	return a.read === b.read && a.readAt === b.readAt && a.favorite === b.favorite && a.favoriteAt === b.favoriteAt;
}

/** The mark after setting one flag at a time. */
export function withFlag(mark: Mark | undefined, flag: Flag, value: boolean, at: number): Mark {
	const previous = mark ?? EMPTY_MARK;
	return flag === 'read' ? {...previous, read: value, readAt: at} : {...previous, favorite: value, favoriteAt: at};
}
