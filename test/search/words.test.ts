import {fc, test} from '@fast-check/vitest';
import {describe, expect, it} from 'vitest';
import {foldText, MAX_WORD, wordsOf} from '../../src/search/words.js';

const texts = (text: string) => wordsOf(text).map((word) => word.text);

describe('words', () => {
	it('folds case, accents and letters written apart', () => {
		expect(texts('Schrödinger ÉCOLE naïve Søgaard Łukasz straße ﬁne')).toEqual(['schrodinger', 'ecole', 'naive', 'sogaard', 'lukasz', 'strasse', 'fine']);
		// "e" followed by a combining acute accent is one word
		expect(texts('cafe\u0301 bar')).toEqual(['cafe', 'bar']);
	});

	it('reads LaTeX accents and braces inside words', () => {
		expect(texts('Schr\\"{o}dinger and Schr\\"odinger, {G}aussian, Erd\\H{o}s, \\c{C}elik, \\ss{}')).toEqual(['schrodinger', 'and', 'schrodinger', 'gaussian', 'erdos', 'celik', 'ss']);
		expect(texts('$\\alpha$-stable \\\\ next')).toEqual(['alpha', 'stable', 'next']);
	});

	it('splits at punctuation and marks words joined by a little of it and no space', () => {
		expect(wordsOf('Vision-Language, GPT-4o; state-of-the-art ---- x - y MC$^2$Mark').map((word) => [word.text, word.joined])).toEqual([
			['vision', false],
			['language', true],
			['gpt', false],
			['4o', true],
			['state', false],
			['of', true],
			['the', true],
			['art', true],
			['x', false],
			['y', false],
			['mc', false],
			['2', true],
			['mark', true],
		]);
		expect(wordsOf('Non\u2010linear I/O a\u00a0b').map((word) => word.joined)).toEqual([false, true, false, true, false, false]);
	});

	it('keeps letters of other scripts as words', () => {
		expect(texts('Об обучении 深度学习')).toEqual(['об', 'обучении', '深度学习']);
	});

	it('reads Greek letters as their names, as LaTeX writes them', () => {
		expect(texts('αβγ α-divergence Σ-net ϵ ε ϕ-mixing')).toEqual(['alphabetagamma', 'alpha', 'divergence', 'sigma', 'net', 'epsilon', 'epsilon', 'phi', 'mixing']);
		expect(texts('$\\alpha$-divergence')).toEqual(texts('α-divergence'));
	});

	it('tells where each word is in the text', () => {
		const text = 'A {G}aussian—Schr\\"odinger 😀 test';
		expect(wordsOf(text).map((word) => text.slice(word.start, word.end))).toEqual(['A', 'G}aussian', 'Schr\\"odinger', 'test']);
	});

	it('cuts very long words', () => {
		expect(texts('x'.repeat(500))).toEqual(['x'.repeat(MAX_WORD)]);
	});

	test.prop([fc.string({unit: 'grapheme', maxLength: 80})])('gives words in order, inside the text, folded the same when read again', (text) => {
		const words = wordsOf(text);
		let last = 0;
		for (const word of words) {
			expect(word.start).toBeGreaterThanOrEqual(last);
			expect(word.end).toBeGreaterThan(word.start);
			expect(word.end).toBeLessThanOrEqual(text.length);
			expect(word.text.length).toBeGreaterThan(0);
			last = word.end;
		}
		expect(foldText(foldText(text))).toBe(foldText(text));
	});
});
