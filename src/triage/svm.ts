// A linear SVM as scikit-learn's LinearSVC trains it (liblinear's L2-regularised, L2-loss (squared hinge)
// SVC, solved in the dual by coordinate descent with shrinking: Hsieh et al. 2008, liblinear's
// solve_l2r_l1l2_svc), with the intercept as an extra feature of value 1 (intercept_scaling=1, so
// regularised too, as liblinear does).
import type {SparseRow} from './features.js';

export interface SvmOptions {
	/** Per-example cost C_i (class_weight='balanced' makes it C * n / (2 * n_class)). */
	costs: Float64Array;
	/** Stop when the projected gradient's spread is at most this (scikit-learn's tol). */
	tol?: number;
	maxIter?: number;
	/** Seed of the order in which the examples are visited. */
	seed?: number;
	/** Dual variables to start from (a previous solution): a favorite change then takes a few passes. */
	start?: Float64Array;
}

export interface LinearModel {
	/** Weight per feature. */
	weights: Float64Array;
	bias: number;
	/** The dual solution, to warm-start the next training. */
	alpha: Float64Array;
	iterations: number;
}

/** Costs of class_weight='balanced': C * n / (2 * n_class) for each example's class. */
export function balancedCosts(labels: Int8Array, c: number): Float64Array {
	let positives = 0;
	for (const label of labels) if (label > 0) positives++;
	const negatives = labels.length - positives;
	const positive = positives === 0 ? 0 : (c * labels.length) / (2 * positives);
	const negative = negatives === 0 ? 0 : (c * labels.length) / (2 * negatives);
	return Float64Array.from(labels, (label) => (label > 0 ? positive : negative));
}

/** Trains on rows (l2-normalised or not) with labels +1 / -1; the decision function is weights·x + bias. */
export function trainLinearSvm(rows: readonly SparseRow[], dimension: number, labels: Int8Array, options: SvmOptions): LinearModel {
	const {costs, tol = 1e-6, maxIter = 10_000, seed = 1} = options;
	const count = rows.length;
	const w = new Float64Array(dimension + 1);
	const alpha = options.start && options.start.length === count ? Float64Array.from(options.start) : new Float64Array(count);
	const diag = new Float64Array(count);
	const qd = new Float64Array(count);
	const index = new Int32Array(count);
	for (let i = 0; i < count; i++) {
		const row = rows[i]!;
		// L2 loss: D_ii = 1 / (2 C_i), no upper bound; an example without cost takes no part.
		diag[i] = costs[i]! > 0 ? 0.5 / costs[i]! : Infinity;
		let norm = 1; // the intercept's feature
		for (const value of row.values) norm += value * value;
		qd[i] = diag[i]! + norm;
		index[i] = i;
		if (alpha[i]! !== 0) {
			const step = alpha[i]! * labels[i]!;
			for (let k = 0; k < row.indices.length; k++) w[row.indices[k]!]! += step * row.values[k]!;
			w[dimension]! += step;
		}
	}
	let random = seed >>> 0 || 1;
	const next = (): number => {
		// xorshift32
		random ^= random << 13;
		random >>>= 0;
		random ^= random >>> 17;
		random ^= random << 5;
		random >>>= 0;
		return random;
	};
	let active = count;
	let pgMaxOld = Infinity;
	let iteration = 0;
	while (iteration < maxIter) {
		let pgMaxNew = -Infinity;
		let pgMinNew = Infinity;
		for (let i = 0; i < active; i++) {
			const j = i + (next() % (active - i));
			const swap = index[i]!;
			index[i] = index[j]!;
			index[j] = swap;
		}
		for (let s = 0; s < active; s++) {
			const i = index[s]!;
			if (diag[i] === Infinity) continue;
			const row = rows[i]!;
			const y = labels[i]!;
			let dot = w[dimension]!;
			for (let k = 0; k < row.indices.length; k++) dot += w[row.indices[k]!]! * row.values[k]!;
			const g = y * dot - 1 + alpha[i]! * diag[i]!;
			let pg = 0;
			// No upper bound (L2 loss): only alpha = 0 is a bound to shrink at.
			if (alpha[i] === 0) {
				if (g > pgMaxOld) {
					// Shrink: at its bound and likely to stay there.
					active--;
					index[s] = index[active]!;
					index[active] = i;
					s--;
					continue;
				}
				if (g < 0) pg = g;
			} else {
				pg = g;
			}
			if (pg > pgMaxNew) pgMaxNew = pg;
			if (pg < pgMinNew) pgMinNew = pg;
			if (Math.abs(pg) > 1e-12) {
				const old = alpha[i]!;
				const updated = Math.max(old - g / qd[i]!, 0);
				alpha[i] = updated;
				const step = (updated - old) * y;
				for (let k = 0; k < row.indices.length; k++) w[row.indices[k]!]! += step * row.values[k]!;
				w[dimension]! += step;
			}
		}
		iteration++;
		if (pgMaxNew - pgMinNew <= tol) {
			if (active === count) break;
			active = count;
			pgMaxOld = Infinity;
			continue;
		}
		pgMaxOld = pgMaxNew <= 0 ? Infinity : pgMaxNew;
	}
	return {weights: w.subarray(0, dimension), bias: w[dimension]!, alpha, iterations: iteration};
}

/** weights·x + bias of one row. */
export function decision(model: Pick<LinearModel, 'weights' | 'bias'>, row: SparseRow): number {
	let sum = model.bias;
	for (let k = 0; k < row.indices.length; k++) sum += model.weights[row.indices[k]!]! * row.values[k]!;
	return sum;
}
