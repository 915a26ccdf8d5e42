import {fc, test} from '@fast-check/vitest';
import {describe, expect, it} from 'vitest';
import {MarkTable} from '../../src/state/mark-table.js';
import {mergeMark, withFlag} from '../../src/state/marks.js';
import {marks, plain} from '../helpers/marks.js';

/** Tables whose change times are all different: merging them never meets a tie. */
const distinctTimes = fc.tuple(marks, marks, marks).map((sets) => {
	let time = 1;
	return sets.map((set) => MarkTable.from([...set].map(([id, mark]) => [id, {...mark, readAt: time++, favoriteAt: time++}] as const)));
});

/** `a` merged with `b`, as a new table. */
function merged(a: MarkTable, b: MarkTable): MarkTable {
	const result = MarkTable.from(a);
	result.merge(b);
	return result;
}

describe('merging two versions of the store', () => {
	test.prop([distinctTimes])('is commutative and associative without ties, and idempotent', ([a, b, c]) => {
		expect(plain(merged(a!, b!))).toEqual(plain(merged(b!, a!)));
		expect(plain(merged(merged(a!, b!), c!))).toEqual(plain(merged(a!, merged(b!, c!))));
		expect(plain(merged(a!, a!))).toEqual(plain(a!));
	});

	test.prop([marks, marks])('keeps every paper of both, each flag from its latest change', (a, b) => {
		const result = merged(a, b);
		const ids = new Set([...a, ...b].map(([id]) => id));
		expect(Object.keys(plain(result)).sort()).toEqual([...ids].sort());
		for (const id of ids) {
			const [before, after] = [a.get(id)?.readAt ?? -1, b.get(id)?.readAt ?? -1];
			expect(result.get(id)!.readAt).toBe(Math.max(before, after));
			if (before !== after) expect(result.get(id)!.read).toBe(before > after ? a.get(id)!.read : b.get(id)!.read);
		}
	});

	it('an un-mark later than a mark wins, and the other flag is kept', () => {
		expect(mergeMark({read: true, readAt: 10, favorite: true, favoriteAt: 5}, {read: false, readAt: 20, favorite: false, favoriteAt: 1})).toEqual({
			read: false,
			readAt: 20,
			favorite: true,
			favoriteAt: 5,
		});
	});

	it('setting one flag keeps the other and its time', () => {
		expect(withFlag({read: true, readAt: 10, favorite: true, favoriteAt: 5}, 'read', false, 30)).toEqual({read: false, readAt: 30, favorite: true, favoriteAt: 5});
		expect(withFlag(undefined, 'favorite', true, 7)).toEqual({read: false, readAt: 0, favorite: true, favoriteAt: 7});
	});
});
