import {describe, expect, it} from 'vitest';
import {generateListing} from '../bench/generate.mjs';
import {parseHfPage} from '../src/listing/hf-page.js';

const TODAY = new Date('2026-11-26T12:00:00Z');

describe('bench/generate.mjs', () => {
	const text = generateListing(200, {seed: 7});
	const {papers, warnings} = parseHfPage(text, {source: 'generated.txt', today: TODAY});

	it('makes a listing the parser reads back whole', () => {
		expect(warnings).toEqual([]);
		expect(papers).toHaveLength(200);
	});

	it('makes distinct papers', () => {
		expect(new Set(papers.map((paper) => paper.id)).size).toBe(200);
		expect(new Set(papers.map((paper) => paper.title)).size).toBe(200);
		expect(new Set(papers.map((paper) => paper.abstract)).size).toBe(200);
	});

	it('varies the metadata as the real page does', () => {
		expect(papers.some((paper) => paper.authorCount === null)).toBe(true);
		expect(papers.some((paper) => paper.yearInferred)).toBe(true);
		expect(papers.some((paper) => paper.published !== null && !paper.yearInferred)).toBe(true);
		expect(papers.some((paper) => (paper.upvotes ?? 0) > 0)).toBe(true);
	});

	it('is deterministic for a seed', () => {
		expect(generateListing(200, {seed: 7})).toBe(text);
		expect(generateListing(200, {seed: 8})).not.toBe(text);
	});
});
