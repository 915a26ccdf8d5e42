// "For you": unread papers ranked by how much they resemble the favorites. A linear SVM trained with the
// favorites as positives and every other paper as a negative (arxiv-sanity-lite's recipe), blended with the
// favorites' centroid (Rocchio), over tf-idf features (features.ts). Pure: no I/O, deterministic.
import {buildFeatures, RECIPE_FEATURES, type FeatureSettings, type Features, type SparseMatrix, type SparseRow} from './features.js';
import type {TriagePaper} from './tokens.js';
import {balancedCosts, trainLinearSvm, type LinearModel} from './svm.js';

export interface RankSettings {
	features: FeatureSettings;
	/** The SVM's C (arxiv-sanity-lite: 0.01). */
	c: number;
	/** The SVM's stopping tolerance (arxiv-sanity-lite: 1e-6). */
	tol: number;
	/**
	 * Train on at most this many negatives (a fixed sample; 0: all), so that a retrain costs the same at
	 * 30,000 papers as at 3,000. Every paper is still scored.
	 */
	negatives: number;
	/** Cost of a read paper that is not a favorite, as a multiple of another negative's (1: no difference). */
	readWeight: number;
	/** Weight of the centroid's standardised score added to the SVM's (0: the SVM alone). */
	centroid: number;
	/**
	 * Pseudo-relevance feedback: the centroid is taken again with this many of the best papers of a first
	 * ranking added to the favorites (0: none), each counting `feedbackWeight` of a favorite.
	 */
	feedback: number;
	feedbackWeight: number;
}

/** arxiv-sanity-lite's recipe: its TfidfVectorizer and LinearSVC(class_weight='balanced', C=0.01, tol=1e-6). */
export const RECIPE: RankSettings = {features: RECIPE_FEATURES, c: 0.01, tol: 1e-6, negatives: 0, readWeight: 1, centroid: 0, feedback: 0, feedbackWeight: 0};

/**
 * papers' ranking (chosen on half of the benchmark's trials, reported on the other half: bench/triage.mjs):
 * LaTeX decoded, stems, the title counted twice, min_df 2 and max_df 0.5 (a few thousand papers have too few
 * terms in five documents and too many informative terms in over a tenth), the SVM blended with the centroid;
 * the SVM stopped at tol 1e-2 and trained on at most 2,000 negatives (the same ranking at a fraction of the
 * time: every paper is within the margin at C = 0.01, so each pass visits them all).
 */
export const PAPERS: RankSettings = {
	features: {decodeLatex: true, stem: true, titleRepeat: 2, bigrams: true, minDf: 2, maxDf: 0.5, maxFeatures: 20_000},
	c: 0.01,
	tol: 1e-2,
	negatives: 2000,
	readWeight: 1,
	centroid: 1,
	feedback: 0,
	feedbackWeight: 0,
};

export interface RankOptions {
	/** Features of these papers, built earlier with the same feature settings (built here otherwise). */
	features?: Features;
	/** Papers read: left out of `order`; those not favorites are weak negatives when readWeight says so. */
	read?: Iterable<number>;
	settings?: RankSettings;
	/** The previous ranking of the same papers: its SVM solution is the start of this one's. */
	previous?: ForYou;
}

export interface ForYou {
	/** Papers neither favorite nor read, best first (ties: listing order). */
	order: number[];
	/** Score per paper (higher: more like the favorites); favorites and read papers scored too. */
	scores: Float64Array;
	/** The terms that pulled a paper up most (largest weight × value), at most `count`. */
	why(index: number, count?: number): string[];
	/** The SVM's dual solution (for `previous`). */
	readonly alpha: Float64Array | null;
}

/**
 * Ranks the papers by their resemblance to the favorites (indices into papers). Without favorites there
 * is nothing to resemble: every score is 0 and the order is the listing's.
 */
export function rankForYou(papers: readonly TriagePaper[], favorites: Iterable<number>, options: RankOptions = {}): ForYou {
	const settings = options.settings ?? PAPERS;
	const features = options.features ?? buildFeatures(papers, settings.features);
	const count = features.rows.length;
	const favorite = new Uint8Array(count);
	for (const index of favorites) if (index >= 0 && index < count) favorite[index] = 1;
	const read = new Uint8Array(count);
	for (const index of options.read ?? []) if (index >= 0 && index < count) read[index] = 1;

	const dimension = features.terms.length;
	const weights = new Float64Array(dimension);
	let bias = 0;
	let alpha: Float64Array | null = null;
	const positives = favorite.reduce((sum, mark) => sum + mark, 0);
	if (positives > 0 && positives < count) {
		const model = svm(features.matrix, dimension, favorite, read, settings, options.previous?.alpha ?? undefined);
		alpha = model.alpha;
		let scale = 1;
		let centroidScale = 0;
		let centroid: Float64Array | null = null;
		if (settings.centroid > 0) {
			centroid = centroidOf(features.rows, dimension, favorite);
			if (settings.feedback > 0) centroid = withFeedback(features.rows, dimension, favorite, read, model, centroid, settings);
			// Both scores are linear in x: standardise each over the papers, then add them.
			const svmSpread = spread(features.rows, model.weights);
			const centroidSpread = spread(features.rows, centroid);
			scale = svmSpread > 0 ? 1 / svmSpread : 0;
			centroidScale = centroidSpread > 0 ? settings.centroid / centroidSpread : 0;
		}
		for (let j = 0; j < dimension; j++) weights[j] = scale * model.weights[j]! + (centroid ? centroidScale * centroid[j]! : 0);
		bias = scale * model.bias;
	}
	const scores = Float64Array.from(features.rows, (row) => dot(weights, row) + bias);
	const order: number[] = [];
	for (let index = 0; index < count; index++) if (!favorite[index] && !read[index]) order.push(index);
	order.sort((a, b) => scores[b]! - scores[a]! || a - b);
	return {
		order,
		scores,
		alpha,
		why: (index, top = 5) => whyTerms(features, weights, index, top),
	};
}

function svm(matrix: SparseMatrix, dimension: number, favorite: Uint8Array, read: Uint8Array, settings: RankSettings, start?: Float64Array): LinearModel {
	const labels = Int8Array.from(favorite, (mark) => (mark ? 1 : -1));
	const negatives = labels.length - favorite.reduce((sum, mark) => sum + mark, 0);
	let costs: Float64Array;
	if (settings.negatives > 0 && negatives > settings.negatives) {
		// Every k-th negative from a fixed offset (deterministic); balanced over the examples taken.
		const taken = new Uint8Array(labels.length);
		const stride = negatives / settings.negatives;
		let seen = 0;
		let next = 0;
		for (let i = 0; i < labels.length; i++) {
			if (favorite[i]) taken[i] = 1;
			else if (seen++ >= next) {
				taken[i] = 1;
				next += stride;
			}
		}
		const sample = labels.filter((_, i) => taken[i]);
		const sampleCosts = balancedCosts(sample, settings.c);
		costs = new Float64Array(labels.length);
		let at = 0;
		for (let i = 0; i < labels.length; i++) if (taken[i]) costs[i] = sampleCosts[at++]!;
	} else {
		costs = balancedCosts(labels, settings.c);
	}
	if (settings.readWeight !== 1) for (let i = 0; i < costs.length; i++) if (read[i] && !favorite[i]) costs[i]! *= settings.readWeight;
	return trainLinearSvm(matrix, dimension, labels, {costs, tol: settings.tol, start});
}

/** The centroid again, with the best papers of a first ranking (SVM + centroid, standardised) added to the favorites. */
function withFeedback(rows: readonly SparseRow[], dimension: number, favorite: Uint8Array, read: Uint8Array, model: LinearModel, centroid: Float64Array, settings: RankSettings): Float64Array {
	const svmSpread = spread(rows, model.weights) || 1;
	const centroidSpread = spread(rows, centroid) || 1;
	const first = rows.map((row, index) => ({index, score: dot(model.weights, row) / svmSpread + (settings.centroid * dot(centroid, row)) / centroidSpread}));
	const best = first.filter(({index}) => !favorite[index] && !read[index]).sort((a, b) => b.score - a.score || a.index - b.index).slice(0, settings.feedback);
	const weights = Float64Array.from(favorite);
	for (const {index} of best) weights[index] = settings.feedbackWeight;
	return centroidOf(rows, dimension, weights);
}

/** The (weighted) sum of the favorites' rows, normalised to length 1 (the Rocchio query without negatives). */
export function centroidOf(rows: readonly SparseRow[], dimension: number, weight: ArrayLike<number>): Float64Array {
	const centroid = new Float64Array(dimension);
	for (let i = 0; i < rows.length; i++) {
		const share = weight[i]!;
		if (!share) continue;
		const row = rows[i]!;
		for (let k = 0; k < row.indices.length; k++) centroid[row.indices[k]!]! += share * row.values[k]!;
	}
	let norm = 0;
	for (const value of centroid) norm += value * value;
	norm = Math.sqrt(norm);
	if (norm > 0) for (let j = 0; j < dimension; j++) centroid[j]! /= norm;
	return centroid;
}

function dot(weights: Float64Array, row: SparseRow): number {
	let sum = 0;
	for (let k = 0; k < row.indices.length; k++) sum += weights[row.indices[k]!]! * row.values[k]!;
	return sum;
}

/** Standard deviation of weights·x over the rows. */
function spread(rows: readonly SparseRow[], weights: Float64Array): number {
	let sum = 0;
	let squares = 0;
	for (const row of rows) {
		const value = dot(weights, row);
		sum += value;
		squares += value * value;
	}
	const mean = sum / rows.length;
	return Math.sqrt(Math.max(0, squares / rows.length - mean * mean));
}

function whyTerms(features: Features, weights: Float64Array, index: number, top: number): string[] {
	const row = features.rows[index];
	if (!row) return [];
	const pulls: Array<[number, number]> = [];
	for (let k = 0; k < row.indices.length; k++) {
		const pull = weights[row.indices[k]!]! * row.values[k]!;
		if (pull > 0) pulls.push([row.indices[k]!, pull]);
	}
	pulls.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
	return pulls.slice(0, top).map(([term]) => features.terms[term]!);
}
