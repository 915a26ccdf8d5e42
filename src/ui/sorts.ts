/** Sort orders, in the order `s` cycles through them ('for-you': unread papers most like the favorites first). */
export const SORTS = ['listing', 'upvotes', 'date', 'title', 'for-you'] as const;
export type Sort = (typeof SORTS)[number];
