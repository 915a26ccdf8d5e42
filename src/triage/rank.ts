// "For you": unread papers ranked by how much they resemble the favorites. A linear SVM trained with the
// favorites as positives and every other paper as a negative (arxiv-sanity-lite's recipe), blended with the
// favorites' centroid (Rocchio), over tf-idf features (features.ts). Pure: no I/O, deterministic.
import {buildFeatures, RECIPE_FEATURES, type FeatureSettings, type Features, type SparseRow, type TriagePaper} from './features.js';
import {balancedCosts, trainLinearSvm, type LinearModel} from './svm.js';

export interface RankSettings {
	features: FeatureSettings;
	/** The SVM's C (arxiv-sanity-lite: 0.01). */
	c: number;
	/** Cost of a read paper that is not a favorite, as a multiple of another negative's (1: no difference). */
	readWeight: number;
	/** Weight of the centroid's standardised score added to the SVM's (0: the SVM alone). */
	centroid: number;
}

/** arxiv-sanity-lite's recipe: its TfidfVectorizer and LinearSVC(class_weight='balanced', C=0.01, tol=1e-6). */
export const RECIPE: RankSettings = {features: RECIPE_FEATURES, c: 0.01, readWeight: 1, centroid: 0};

/**
 * papers' ranking (chosen on half of the benchmark's trials, reported on the other half: bench/triage.mjs):
 * LaTeX decoded, stems, the title counted twice, min_df 2 and max_df 0.5 (a few thousand papers have too few
 * terms in five documents and too many informative terms in over a tenth), the SVM blended with the centroid.
 */
export const PAPERS: RankSettings = {
	features: {decodeLatex: true, stem: true, titleRepeat: 2, bigrams: true, minDf: 2, maxDf: 0.5, maxFeatures: 20_000},
	c: 0.01,
	readWeight: 1,
	centroid: 1,
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
		const model = svm(features.rows, dimension, favorite, read, settings, options.previous?.alpha ?? undefined);
		alpha = model.alpha;
		let scale = 1;
		let centroidScale = 0;
		let centroid: Float64Array | null = null;
		if (settings.centroid > 0) {
			centroid = centroidOf(features.rows, dimension, favorite);
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

function svm(rows: readonly SparseRow[], dimension: number, favorite: Uint8Array, read: Uint8Array, settings: RankSettings, start?: Float64Array): LinearModel {
	const labels = Int8Array.from(favorite, (mark) => (mark ? 1 : -1));
	const costs = balancedCosts(labels, settings.c);
	if (settings.readWeight !== 1) for (let i = 0; i < costs.length; i++) if (read[i] && !favorite[i]) costs[i]! *= settings.readWeight;
	return trainLinearSvm(rows, dimension, labels, {costs, start});
}

/** The mean of the favorites' rows, normalised to length 1 (the Rocchio query without negatives). */
export function centroidOf(rows: readonly SparseRow[], dimension: number, favorite: Uint8Array): Float64Array {
	const centroid = new Float64Array(dimension);
	for (let i = 0; i < rows.length; i++) {
		if (!favorite[i]) continue;
		const row = rows[i]!;
		for (let k = 0; k < row.indices.length; k++) centroid[row.indices[k]!]! += row.values[k]!;
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
