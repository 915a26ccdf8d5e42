import {describe, expect, it} from 'vitest';
import {detailLines, whyLine} from '../../src/ui/detail-lines.js';
import {readingStatus} from '../../src/ui/use-for-you.js';
import {makePaper} from '../helpers/paper.js';

const text = (line: {segments: ReadonlyArray<{text: string}>}) => line.segments.map((segment) => segment.text).join('');

describe('the why line', () => {
	it('names the terms, or says there are none', () => {
		expect(whyLine(['diffus', 'video diffus'])).toBe('for you: diffus, video diffus');
		expect(whyLine([])).toBe('for you: nothing in common with your favorites');
	});
	it('is one line after the facts, only when asked for', () => {
		const paper = makePaper('A Title', {published: '2024-10-22'});
		const flags = {read: false, favorite: false};
		const without = detailLines(paper, flags, undefined, 40);
		const terms = Array.from({length: 30}, (_, index) => `term${index}`);
		const withWhy = detailLines(paper, flags, undefined, 40, terms);
		expect(withWhy).toHaveLength(without.length + 1);
		expect(withWhy[2]).toMatchObject({kind: 'why'});
		expect(text(withWhy[2]!)).toBe(whyLine(terms));
	});
});

describe('the footer while the features are built', () => {
	it('counts the papers read', () => {
		expect(readingStatus(4606, 10_000)).toBe('for you: reading 4,606/10,000 papers…');
	});
});
