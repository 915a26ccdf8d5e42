import {fc, test} from '@fast-check/vitest';
import {describe, expect, it} from 'vitest';
import {emptyMarks, mergeMarks, parseStore, serializeStore, type Mark, type Marks} from '../../src/state/marks.js';

const mark = fc.record({
	read: fc.boolean(),
	readAt: fc.integer({min: 0, max: 1000}),
	favorite: fc.boolean(),
	favoriteAt: fc.integer({min: 0, max: 1000}),
});
const marks = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'constructor', '__proto__', '2410.17243'), mark).map((entries) => {
	const result = emptyMarks();
	for (const [id, value] of Object.entries(entries)) result[id] = value;
	return result;
});
/** Marks whose change times are all different: merging them never meets a tie. */
const distinctTimes = fc.tuple(marks, marks, marks).map((sets) => {
	let time = 1;
	return sets.map((set) => {
		const result = emptyMarks();
		for (const id in set) result[id] = {...set[id]!, readAt: time++, favoriteAt: time++};
		return result;
	});
});

const plain = (set: Marks) => JSON.parse(JSON.stringify(set)) as Record<string, Mark>;

describe('merging two versions of the store', () => {
	test.prop([distinctTimes])('is commutative and associative without ties, and idempotent', ([a, b, c]) => {
		expect(plain(mergeMarks(a!, b!))).toEqual(plain(mergeMarks(b!, a!)));
		expect(plain(mergeMarks(mergeMarks(a!, b!), c!))).toEqual(plain(mergeMarks(a!, mergeMarks(b!, c!))));
		expect(plain(mergeMarks(a!, a!))).toEqual(plain(a!));
	});

	test.prop([marks, marks])('keeps every paper of both, each flag from its latest change', (a, b) => {
		const merged = mergeMarks(a, b);
		expect(Object.keys(merged).sort()).toEqual([...new Set([...Object.keys(a), ...Object.keys(b)])].sort());
		for (const id in merged) {
			const latestRead = Math.max(a[id]?.readAt ?? -1, b[id]?.readAt ?? -1);
			expect(merged[id]!.readAt).toBe(latestRead);
			if ((a[id]?.readAt ?? -1) !== (b[id]?.readAt ?? -1)) {
				expect(merged[id]!.read).toBe((a[id]?.readAt ?? -1) > (b[id]?.readAt ?? -1) ? a[id]!.read : b[id]!.read);
			}
		}
	});

	it('an un-mark later than a mark wins, and the other flag is kept', () => {
		const a = emptyMarks();
		a.x = {read: true, readAt: 10, favorite: true, favoriteAt: 5};
		const b = emptyMarks();
		b.x = {read: false, readAt: 20, favorite: false, favoriteAt: 1};
		expect(mergeMarks(a, b).x).toEqual({read: false, readAt: 20, favorite: true, favoriteAt: 5});
	});
});

describe('the store file', () => {
	test.prop([marks])('reads back what it wrote', (set) => {
		const parsed = parseStore(serializeStore(set));
		expect(parsed.ok).toBe(true);
		if (parsed.ok) expect(plain(parsed.marks)).toEqual(plain(set));
	});

	test.prop([marks, fc.nat()])('cut anywhere short of its end, is a problem, never a partial store', (set, cut) => {
		const text = serializeStore(set);
		const end = cut % text.trimEnd().length;
		expect(parseStore(text.slice(0, end)).ok).toBe(false);
	});

	it.each([
		['', 'empty'],
		['  \n', 'empty'],
		['\uFEFF{}', 'byte order mark'],
		['{', 'not valid JSON'],
		['null', 'not a JSON object'],
		['{"marks": null}', '"marks" is not an object'],
		['{"marks": {"a": true}}', 'not an object'],
		['{"marks": {"a": {"read": 1, "favorite": false}}}', 'not {read'],
		['{"marks": {"a": {"read": true, "favorite": false, "readAt": -5}}}', 'not {read'],
	])('%j is refused: %s', (text, problem) => {
		const parsed = parseStore(text);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.problem).toContain(problem);
	});

	it('reads an empty object, and marks without times as changed at time 0', () => {
		expect(parseStore('{}')).toEqual({ok: true, marks: emptyMarks()});
		const parsed = parseStore('{"marks": {"a": {"read": true, "favorite": false}}}');
		expect(parsed.ok && parsed.marks.a).toEqual({read: true, readAt: 0, favorite: false, favoriteAt: 0});
	});
});
