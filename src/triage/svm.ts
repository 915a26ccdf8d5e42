// A linear SVM as scikit-learn's LinearSVC trains it (liblinear's L2-regularised, L2-loss (squared hinge)
// SVC, solved in the dual by coordinate descent with shrinking: Hsieh et al. 2008, liblinear's
// solve_l2r_l1l2_svc), with the intercept as an extra feature of value 1 (intercept_scaling=1, so
// regularised too, as liblinear does).
import type {SparseMatrix, SparseRow} from './features.js';

export interface SvmOptions {
	/** Per-example cost C_i (class_weight='balanced' makes it C * n / (2 * n_class)); 0 leaves the example out. */
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

/** Rows packed into one matrix. */
export function packRows(rows: readonly SparseRow[]): SparseMatrix {
	const offsets = new Int32Array(rows.length + 1);
	rows.forEach((row, i) => (offsets[i + 1] = offsets[i]! + row.indices.length));
	const indices = new Int32Array(offsets[rows.length]!);
	const values = new Float64Array(offsets[rows.length]!);
	rows.forEach((row, i) => {
		indices.set(row.indices, offsets[i]);
		values.set(row.values, offsets[i]);
	});
	return {offsets, indices, values};
}

/**
 * Trains on the rows of a matrix (l2-normalised or not) with labels +1 / -1; the decision function is
 * weights·x + bias.
 */
export function trainLinearSvm(matrix: SparseMatrix, dimension: number, labels: Int8Array, options: SvmOptions): LinearModel {
	const {costs, tol = 1e-6, maxIter = 10_000, seed = 1} = options;
	const {offsets, indices, values} = matrix;
	const count = offsets.length - 1;
	const w = new Float64Array(dimension + 1);
	const alpha = options.start && options.start.length === count ? Float64Array.from(options.start) : new Float64Array(count);
	const diag = new Float64Array(count);
	const qd = new Float64Array(count);
	const index = new Int32Array(count);
	for (let i = 0; i < count; i++) {
		const end = offsets[i + 1]!;
		// L2 loss: D_ii = 1 / (2 C_i), no upper bound; an example without cost takes no part.
		diag[i] = costs[i]! > 0 ? 0.5 / costs[i]! : Infinity;
		let norm = 1; // the intercept's feature
		for (let k = offsets[i]!; k < end; k++) norm += values[k]! * values[k]!;
		qd[i] = diag[i]! + norm;
		if (alpha[i]! !== 0) {
			const step = alpha[i]! * labels[i]!;
			for (let k = offsets[i]!; k < end; k++) w[indices[k]!]! += step * values[k]!;
			w[dimension]! += step;
		}
	}
	// The examples that take part: those with a cost.
	let examples = 0;
	for (let i = 0; i < count; i++) if (diag[i] !== Infinity) index[examples++] = i;
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
	let active = examples;
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
			const start = offsets[i]!;
			const end = offsets[i + 1]!;
			const y = labels[i]!;
			let dot = w[dimension]!;
			for (let k = start; k < end; k++) dot += w[indices[k]!]! * values[k]!;
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
				for (let k = start; k < end; k++) w[indices[k]!]! += step * values[k]!;
				w[dimension]! += step;
			}
		}
		iteration++;
		if (pgMaxNew - pgMinNew <= tol) {
			if (active === examples) break;
			active = examples;
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
