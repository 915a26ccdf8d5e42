import {fc, test} from '@fast-check/vitest';
import {describe, expect, it} from 'vitest';
import {distances, editPattern, innerDistance} from '../../src/search/edit-distance.js';

/** The textbook table: optimal string alignment distance from `a` to every prefix of `b`, and with a free start. */
function table(a: string, b: string, freeStart: boolean): number[] {
	const rows = a.length + 1;
	const columns = b.length + 1;
	const d: number[][] = Array.from({length: rows}, () => new Array<number>(columns).fill(0));
	for (let i = 0; i < rows; i++) d[i]![0] = i;
	for (let j = 0; j < columns; j++) d[0]![j] = freeStart ? 0 : j;
	for (let i = 1; i < rows; i++) {
		for (let j = 1; j < columns; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
			d[i]![j] = value;
		}
	}
	return d[a.length]!;
}

const letters = fc.string({unit: fc.constantFrom(...'abcdeé'), minLength: 0, maxLength: 12});

describe('edit distances', () => {
	it('counts a swap of neighbours as one edit', () => {
		expect(distances(editPattern('trasnformer'), 'transformer')).toEqual({whole: 1, prefix: 1});
		expect(distances(editPattern('benigm'), 'benign')).toEqual({whole: 1, prefix: 1});
		expect(distances(editPattern('transfo'), 'transformers').prefix).toBe(0);
		expect(innerDistance(editPattern('parametrization'), 'overparameterization')).toBe(1);
	});

	test.prop([letters.filter((text) => text.length > 0), letters])('match the textbook table', (pattern, word) => {
		const row = table(pattern, word, false);
		expect(distances(editPattern(pattern), word)).toEqual({whole: row.at(-1), prefix: Math.min(...row)});
		expect(innerDistance(editPattern(pattern), word)).toBe(Math.min(...table(pattern, word, true)));
	});

	test.prop([fc.string({unit: fc.constantFrom(...'ab'), minLength: 25, maxLength: 31}), fc.string({unit: fc.constantFrom(...'ab'), maxLength: 40})])('hold patterns of up to 31 characters', (pattern, word) => {
		const row = table(pattern, word, false);
		expect(distances(editPattern(pattern), word)).toEqual({whole: row.at(-1), prefix: Math.min(...row)});
		expect(innerDistance(editPattern(pattern), word)).toBe(Math.min(...table(pattern, word, true)));
	});
});
