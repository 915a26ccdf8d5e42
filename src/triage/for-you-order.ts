// The for-you order from a ranking: small, so that the reader's view state (and its first frame) need not
// load the ranking itself (for-you.ts).

/** Flags of a paper for the order: favorites are what is resembled, read papers go after the unread. */
export interface TriageFlags {
	read: boolean;
	favorite: boolean;
}

/**
 * The for-you order of every paper: the unread papers that are not favorites, best first, then the read
 * papers and the favorites (in their score order). `ranked`: every paper by score (byScore).
 */
export function forYouOrder(ranked: readonly number[], flagsAt: (index: number) => TriageFlags | undefined): number[] {
	const first: number[] = [];
	const after: number[] = [];
	for (const index of ranked) {
		const flags = flagsAt(index);
		(flags?.read || flags?.favorite ? after : first).push(index);
	}
	return first.concat(after);
}
