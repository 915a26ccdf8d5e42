// What the reader and `papers list --sort for-you` need around the ranking: the features built a slice
// at a time, the order of every paper (unread first), and the papers most like one paper. Pure: no I/O.
import type {TriageFlags} from './for-you-order.js';
import {FeatureBuilder, type Features} from './features.js';
import type {TriagePaper} from './tokens.js';
import {PAPERS, rankForYou, type ForYou, type RankSettings} from './rank.js';

export {forYouOrder, type TriageFlags} from './for-you-order.js';

/** The features of a list of papers, built a slice at a time (`step`) until they are ready. */
export class FeatureJob {
	readonly papers: readonly TriagePaper[];
	private readonly builder: FeatureBuilder;
	private built: Features | null = null;
	private tokenised = 0;

	constructor(papers: readonly TriagePaper[], settings: RankSettings = PAPERS) {
		this.papers = papers;
		this.builder = new FeatureBuilder(papers, settings.features);
	}

	/** Works until `deadline` (performance.now()); true once the features are ready. */
	step(deadline: number): boolean {
		if (this.built !== null) return true;
		while (!this.builder.done) {
			this.builder.add(1);
			this.tokenised++;
			if (performance.now() >= deadline) return false;
		}
		this.built = this.builder.finishBy(deadline);
		return this.built !== null;
	}

	/** Papers read so far (all of them while the vocabulary is chosen). */
	get progress(): number {
		return this.tokenised;
	}

	get features(): Features | null {
		return this.built;
	}
}


/** Indices of the favorites and of the read papers. */
export function markedIndices(count: number, flagsAt: (index: number) => TriageFlags | undefined): {favorites: number[]; read: number[]} {
	const favorites: number[] = [];
	const read: number[] = [];
	for (let index = 0; index < count; index++) {
		const flags = flagsAt(index);
		if (flags?.favorite) favorites.push(index);
		if (flags?.read) read.push(index);
	}
	return {favorites, read};
}

/** Every paper by score, best first (ties: listing order). */
export function byScore(scores: ArrayLike<number>): number[] {
	const order = Array.from({length: scores.length}, (_, index) => index);
	return order.sort((a, b) => scores[b]! - scores[a]! || a - b);
}


/** The ranking as the reader keeps it: every paper by score, and the terms behind a paper's place. */
export interface Ranking {
	/** Every paper, best first. */
	ranked: readonly number[];
	why: (index: number, count?: number) => string[];
	/** The solution to start the next ranking from. */
	result: ForYou;
}

/** Ranks the papers after the favorites (features built already), warm-started from `previous`. */
export function rankPapers(papers: readonly TriagePaper[], features: Features, favorites: readonly number[], read: readonly number[], previous?: Ranking | null): Ranking {
	const result = rankForYou(papers, favorites, {features, read, settings: PAPERS, previous: previous?.result});
	return {ranked: byScore(result.scores), why: result.why, result};
}

/**
 * The papers most like paper `index`, by the cosine similarity of their features (rows are l2-normalised,
 * so a dot product), most similar first; the paper itself first of all. Papers with nothing in common
 * (similarity 0) are left out.
 */
export function similarTo(features: Features, index: number): number[] {
	const row = features.rows[index];
	if (row === undefined) return [];
	const dense = new Float64Array(features.terms.length);
	for (let k = 0; k < row.indices.length; k++) dense[row.indices[k]!] = row.values[k]!;
	const scored: Array<[number, number]> = [];
	features.rows.forEach((other, at) => {
		if (at === index) return;
		let sum = 0;
		for (let k = 0; k < other.indices.length; k++) sum += dense[other.indices[k]!]! * other.values[k]!;
		if (sum > 0) scored.push([at, sum]);
	});
	scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
	return [index, ...scored.map(([at]) => at)];
}
