import {describe, expect, it} from 'vitest';
import {buildFeatures, RECIPE_FEATURES} from '../../src/triage/features.js';
import {PAPERS, rankForYou, RECIPE, type RankSettings} from '../../src/triage/rank.js';

const paper = (title: string, abstract: string) => ({title, abstract, authors: []});
// Two topics, with words of their own and words they share.
const PAPERS_TEXT = [
	...Array.from({length: 12}, (_, i) => paper(`Robot grasping ${i}`, `manipulation policy gripper grasping objects tactile sensing study${i % 4}`)),
	...Array.from({length: 12}, (_, i) => paper(`Language model ${i}`, `tokens language model translation benchmark reasoning study${i % 4}`)),
];
const SMALL: RankSettings = {...PAPERS, features: {...PAPERS.features, minDf: 1, maxDf: 1}};

describe('rankForYou', () => {
	it('puts papers of the favorites topic first, favorites and read papers left out', () => {
		const result = rankForYou(PAPERS_TEXT, [0, 1, 2], {settings: SMALL, read: [3]});
		expect(result.order).toHaveLength(20);
		expect(result.order.slice(0, 8).every((index) => index < 12)).toBe(true);
		expect(result.order).not.toContain(0);
		expect(result.order).not.toContain(3);
	});
	it('says which terms pulled a paper up', () => {
		const result = rankForYou(PAPERS_TEXT, [12, 13], {settings: SMALL});
		const why = result.why(20, 3);
		expect(why).toHaveLength(3);
		// Stems: papers' ranking stems its words.
		expect(why.every((term) => /languag|model|token|translat|benchmark|reason/.test(term))).toBe(true);
		expect(result.why(5).some((term) => term.includes('robot'))).toBe(false);
	});
	it('is deterministic, also from a warm start', () => {
		const features = buildFeatures(PAPERS_TEXT, SMALL.features);
		const first = rankForYou(PAPERS_TEXT, [0, 5], {features, settings: SMALL});
		const again = rankForYou(PAPERS_TEXT, [0, 5], {features, settings: SMALL});
		expect(again.order).toEqual(first.order);
		expect([...again.scores]).toEqual([...first.scores]);
		const warm = rankForYou(PAPERS_TEXT, [0, 5, 6], {features, settings: SMALL, previous: first});
		// A warm start stops (tol 1e-2) at a slightly different solution: the same papers first, not the same ties.
		expect(warm.order.slice(0, 9).every((index) => index < 12)).toBe(true);
	});
	it('keeps the listing order without favorites', () => {
		const result = rankForYou(PAPERS_TEXT, [], {settings: SMALL});
		expect(result.order).toEqual(PAPERS_TEXT.map((_, index) => index));
		expect(result.why(0)).toEqual([]);
	});
	it("runs arxiv-sanity-lite's recipe too", () => {
		const result = rankForYou(PAPERS_TEXT, [0, 1], {settings: {...RECIPE, features: {...RECIPE_FEATURES, minDf: 1, maxDf: 1}}});
		expect(result.order.slice(0, 5).every((index) => index < 12)).toBe(true);
	});
});
