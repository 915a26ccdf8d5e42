/**
 * Marks, and how two versions of one merge. Pure: no file system here (marks by id are `mark-table.ts`,
 * the file's text `store-format.ts`).
 *
 * Each flag carries the time it last changed (an un-mark too), so two readers that changed the same flag
 * resolve by the latest change, and a flag changed by one reader survives the other reader's write.
 */

/** A paper's two flags, as the reader and the commands see them: its mark without the times. */
export interface PaperMarks {
	read: boolean;
	favorite: boolean;
}

/** What the store remembers of one paper. Timestamps (ms) record when each flag last changed. */
export interface Mark extends PaperMarks {
	readAt: number;
	favoriteAt: number;
}

/** The two flags a mark holds. */
export type Flag = 'read' | 'favorite';

/**
 * A change to marks: one flag, and the value each paper gets. The one type for it: the reader's toggles
 * and their undo entries (src/ui/mark-changes.ts, reducer.ts), the deferred writes (mark-writer.ts).
 */
export interface MarkChange {
	flag: Flag;
	entries: ReadonlyArray<{id: string; value: boolean}>;
}

export const EMPTY_MARK: Readonly<Mark> = Object.freeze({read: false, readAt: 0, favorite: false, favoriteAt: 0});

/** One paper's mark from two sources: each flag from whichever changed it last (`a` on a tie). */
export function mergeMark(a: Mark | undefined, b: Mark | undefined): Mark {
	if (a === undefined) return b ?? {...EMPTY_MARK};
	if (b === undefined) return a;
	const read = b.readAt > a.readAt ? b : a;
	const favorite = b.favoriteAt > a.favoriteAt ? b : a;
	return {read: read.read, readAt: read.readAt, favorite: favorite.favorite, favoriteAt: favorite.favoriteAt};
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
