import {describe, expect, it} from 'vitest';
import type {SparseRow} from '../../src/triage/features.js';
import {balancedCosts, decision, packRows, trainLinearSvm} from '../../src/triage/svm.js';

const row = (values: number[]): SparseRow => {
	const indices = values.flatMap((value, index) => (value === 0 ? [] : [index]));
	return {indices: Int32Array.from(indices), values: Float64Array.from(indices, (index) => values[index]!)};
};
const X = [
	[1, 0, 0.2],
	[0.9, 0.1, 0],
	[0.8, 0, 0.3],
	[0, 1, 0.1],
	[0.1, 0.9, 0],
	[0, 0.8, 0.4],
	[0.2, 0.7, 0.1],
].map(row);
const labels = Int8Array.from([1, 1, 1, -1, -1, -1, -1]);

describe('trainLinearSvm', () => {
	it('separates a separable toy set', () => {
		const model = trainLinearSvm(packRows(X), 3, labels, {costs: balancedCosts(labels, 1)});
		X.forEach((x, i) => expect(Math.sign(decision(model, x))).toBe(labels[i]));
	});
	it("finds scikit-learn's LinearSVC(class_weight='balanced', tol=1e-6) solution", () => {
		// scikit-learn 1.9.1 on the same set: coef_ and intercept_ for C = 1 and C = 0.01.
		const expected = [
			{c: 1, weights: [0.976225, -0.995183, 0.00903], bias: -0.039184},
			{c: 0.01, weights: [0.05491, -0.054666, 0.001054], bias: -0.000343},
		];
		for (const {c, weights, bias} of expected) {
			const model = trainLinearSvm(packRows(X), 3, labels, {costs: balancedCosts(labels, c)});
			[...model.weights].forEach((weight, j) => expect(weight).toBeCloseTo(weights[j]!, 4));
			expect(model.bias).toBeCloseTo(bias, 4);
		}
	});
	it('weighs the classes as balanced: n / (2 n_class)', () => {
		expect([...balancedCosts(Int8Array.from([1, -1, -1, -1]), 0.5)]).toEqual([1, 1 / 3, 1 / 3, 1 / 3]);
	});
	it('leaves out examples without a cost, and reaches the same solution from a warm start', () => {
		const costs = balancedCosts(labels, 1);
		const cold = trainLinearSvm(packRows(X), 3, labels, {costs});
		const warm = trainLinearSvm(packRows(X), 3, labels, {costs, start: cold.alpha});
		[...warm.weights].forEach((weight, j) => expect(weight).toBeCloseTo(cold.weights[j]!, 5));
		const without = Float64Array.from(costs);
		without[6] = 0;
		expect(trainLinearSvm(packRows(X), 3, labels, {costs: without}).alpha[6]).toBe(0);
	});
});
