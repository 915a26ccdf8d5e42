import {describe, expect, it} from 'vitest';
import {runInSlices} from '../../src/ui/slices.js';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('runInSlices', () => {
	it('runs the work a slice per turn of the event loop until it is done', async () => {
		const deadlines: number[] = [];
		runInSlices((deadline) => deadlines.push(deadline) === 3, 8, () => 0);
		expect(deadlines).toHaveLength(0); // nothing before the current code has finished
		for (let turn = 0; turn < 5; turn++) await nextTurn();
		expect(deadlines).toHaveLength(3);
		for (const deadline of deadlines) expect(deadline).toBeGreaterThan(performance.now() - 1000);
	});

	it('lets a key that arrived since a slice was queued go first: that slice is queued again, unworked', async () => {
		let slices = 0;
		let lastInput = 0;
		runInSlices(() => ++slices === 3, 8, () => lastInput);
		await nextTurn();
		expect(slices).toBe(1);
		lastInput = performance.now(); // a key read between two slices
		await nextTurn();
		expect(slices).toBe(1);
		await nextTurn();
		expect(slices).toBe(2);
	});

	it('holds background work while keys come closer together than its quiet time, and goes on after', async () => {
		let slices = 0;
		let lastInput = performance.now();
		const stop = runInSlices(() => ++slices === 100, 8, () => lastInput, 50);
		// Keys every 20 ms for 200 ms: no slice runs.
		for (let key = 0; key < 10; key++) {
			await new Promise((resolve) => setTimeout(resolve, 20));
			lastInput = performance.now();
		}
		expect(slices).toBe(0);
		await new Promise((resolve) => setTimeout(resolve, 120));
		expect(slices).toBeGreaterThan(0);
		stop();
	});

	it('stops when asked', async () => {
		let slices = 0;
		const stop = runInSlices(() => {
			slices++;
			return false;
		}, 8, () => 0);
		await nextTurn();
		stop();
		await nextTurn();
		await nextTurn();
		expect(slices).toBe(1);
	});
});
