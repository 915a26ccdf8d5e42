import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {cellWidth, ONE_COLUMN_RANGES} from '../../src/text/width.js';

describe('cellWidth', () => {
	it('counts printable ASCII as one column each', () => {
		expect(cellWidth('')).toBe(0);
		expect(cellWidth('2024-10-01')).toBe(10);
	});

	it('gives zero-width spaces, joiners and other format characters no column', () => {
		expect(cellWidth('ab\u200Bcd')).toBe(4);
		expect(cellWidth('ab\u200Dcd')).toBe(4);
		expect(cellWidth('\u200Dab')).toBe(2);
		expect(cellWidth('a\u2060b\uFEFFc\u200Cd')).toBe(4);
		expect(cellWidth('e\u0301')).toBe(1);
	});

	it('counts the vowel signs and conjuncts of Devanagari and Tamil as terminals do (xterm, VTE, tmux)', () => {
		// ह ि न ् द ी: the virama takes no column, every other code point one (string-width says 4: "न्दी" is one cluster).
		expect(cellWidth('हिन्दी')).toBe(5);
		expect(cellWidth('क्ष')).toBe(2);
		expect(cellWidth('தமிழ்')).toBe(4);
		expect(cellWidth('मॉडल')).toBe(4);
	});

	it('counts emoji as two columns, and a joined sequence as its parts: never fewer than a terminal draws', () => {
		expect(cellWidth('😀')).toBe(2);
		expect(cellWidth('👨‍👩‍👧‍👦')).toBe(8);
		expect(cellWidth('👨👩👧👦')).toBe(8);
		expect(cellWidth('🏳🌈')).toBe(3);
		expect(cellWidth('🏳️‍🌈')).toBe(3);
		expect(cellWidth('👍🏽')).toBe(4);
		expect(cellWidth('数学')).toBe(4);
	});

	it('ignores the escape sequences Ink writes (colours, hyperlinks)', () => {
		expect(cellWidth('\u001B[1m\u001B[33mbold\u001B[39m\u001B[22m')).toBe(4);
		expect(cellWidth('\u001B]8;;https://example.org\u0007link\u001B]8;;\u0007')).toBe(4);
	});

	it('agrees with string-width on text without clusters of several visible characters', () => {
		for (const text of ['Ünïcödé — 数学 😀', 'e\u0301 tab\there', 'ｆｕｌｌ ﾊﾝ', '▲ 12 · ★ favorite', 'தமிழ்']) {
			expect(cellWidth(text), text).toBe(stringWidth(text));
		}
	});
});

describe('the code points measured without string-width', () => {
	it('are one column each by string-width too, every one of them, in ranges in order', () => {
		let previous = -1;
		for (const [first, last] of ONE_COLUMN_RANGES) {
			expect(first).toBeGreaterThan(previous);
			expect(last).toBeGreaterThanOrEqual(first);
			previous = last;
			for (let code = first; code <= last; code++) {
				const character = String.fromCodePoint(code);
				if (stringWidth(character) !== 1) expect.fail(`U+${code.toString(16).toUpperCase()} (${character}): string-width says ${stringWidth(character)}`);
			}
		}
	});
});
