import {fc} from '@fast-check/vitest';
import {MarkTable} from '../../src/state/mark-table.js';
import type {Mark} from '../../src/state/marks.js';

export const mark = fc.record({
	read: fc.boolean(),
	readAt: fc.integer({min: 0, max: 1000}),
	favorite: fc.boolean(),
	favoriteAt: fc.integer({min: 0, max: 1000}),
});

/** Ids as the store meets them: paper ids, arXiv ids, and names that are Object's own or need escapes. */
export const id = fc.oneof(
	fc.constantFrom('a', 'b', 'c', 'constructor', '__proto__', 'toString', '2410.17243', '0123456789ab', 'é', 'say "hi"', 'back\\slash', 'tab\there', '日本', '👨‍👩‍👧'),
	fc.stringMatching(/^[0-9a-f]{12}$/),
	fc.string({maxLength: 6}),
);

/** A table of marks. */
export const marks = fc.array(fc.tuple(id, mark), {maxLength: 12}).map((entries) => MarkTable.from(entries));

/** A table as a plain object (for toEqual). */
export function plain(table: MarkTable): Record<string, Mark> {
	const result: Record<string, Mark> = Object.create(null) as Record<string, Mark>;
	for (const [key, value] of table) result[key] = value;
	return {...result};
}
