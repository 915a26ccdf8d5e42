import {describe, expect, it} from 'vitest';
import {buildFeatures, FeatureBuilder} from '../../src/triage/features.js';
import type {TriagePaper} from '../../src/triage/tokens.js';
import {byScore, FeatureJob, forYouOrder, markedIndices, rankPapers, similarTo} from '../../src/triage/for-you.js';
import {PAPERS} from '../../src/triage/rank.js';

const paper = (title: string, abstract: string): TriagePaper => ({title, abstract, authors: []});
// Two topics, with words of their own and words they share.
const TEXT = [
	...Array.from({length: 12}, (_, i) => paper(`Robot grasping ${i}`, `manipulation policy gripper grasping objects tactile sensing study${i % 4}`)),
	...Array.from({length: 12}, (_, i) => paper(`Language model ${i}`, `tokens language model translation benchmark reasoning study${i % 4}`)),
];

describe('FeatureBuilder.finishBy', () => {
	it('builds, a few steps at a time, the features finish builds at once', () => {
		const many = Array.from({length: 600}, (_, i) => TEXT[i % TEXT.length]!).map((p, i) => ({...p, title: `${p.title} v${i % 37}`}));
		const whole = buildFeatures(many, PAPERS.features);
		const builder = new FeatureBuilder(many, PAPERS.features);
		let steps = 0;
		let built = null;
		while (built === null) {
			built = builder.finishBy(performance.now() - 1); // one step per call
			steps++;
		}
		expect(steps).toBeGreaterThan(600);
		expect(built.terms).toEqual(whole.terms);
		expect(Array.from(built.matrix.values)).toEqual(Array.from(whole.matrix.values));
		expect(Array.from(built.matrix.indices)).toEqual(Array.from(whole.matrix.indices));
		expect(builder.finish()).toBe(built);
	});

	it('keeps the most frequent terms, ties by name, as a sort of them all does', () => {
		const settings = {...PAPERS.features, minDf: 1, maxDf: 1, maxFeatures: 5};
		const features = buildFeatures(TEXT, settings);
		expect(features.terms).toHaveLength(5);
		// study0..study3 are rarer than the topic words: none kept.
		expect(features.terms.some((term) => term.startsWith('studi'))).toBe(false);
	});
});

describe('FeatureJob', () => {
	it('reports its progress and ends with the features', () => {
		const job = new FeatureJob(TEXT);
		expect(job.step(performance.now() - 1)).toBe(false);
		expect(job.progress).toBe(1);
		while (!job.step(performance.now() + 5));
		expect(job.progress).toBe(TEXT.length);
		expect(job.features?.rows).toHaveLength(TEXT.length);
	});
});

describe('the for-you order', () => {
	const features = buildFeatures(TEXT, {...PAPERS.features, minDf: 1, maxDf: 1});

	it('ranks the papers of the favorites topic first, read papers and favorites after the unread', () => {
		const flags = new Map([
			[0, {read: false, favorite: true}],
			[1, {read: false, favorite: true}],
			[2, {read: true, favorite: false}],
		]);
		const {favorites, read} = markedIndices(TEXT.length, (index) => flags.get(index));
		expect(favorites).toEqual([0, 1]);
		expect(read).toEqual([2]);
		const ranking = rankPapers(TEXT, features, favorites, read);
		const order = forYouOrder(ranking.ranked, (index) => flags.get(index));
		expect(order).toHaveLength(TEXT.length);
		expect(order.slice(0, 9).every((index) => index >= 3 && index < 12)).toBe(true);
		expect(order.slice(-3).sort()).toEqual([0, 1, 2]);
		expect(ranking.why(order[0]!, 3).length).toBeGreaterThan(0);
	});

	it('orders by score, ties in listing order', () => {
		expect(byScore([1, 3, 3, 0])).toEqual([1, 2, 0, 3]);
	});
});

describe('similarTo', () => {
	it('puts the paper first, then those of its topic; papers with nothing in common are left out', () => {
		const features = buildFeatures([...TEXT, paper('Zebra', 'savanna stripes')], {...PAPERS.features, minDf: 1, maxDf: 1});
		const order = similarTo(features, 13);
		expect(order[0]).toBe(13);
		expect(order.slice(1, 12).every((index) => index >= 12 && index < 24)).toBe(true);
		expect(order).not.toContain(24);
		expect(similarTo(features, 99)).toEqual([]);
	});
});
