import {describe, expect, it} from 'vitest';
import {computeLayout, SPLIT_MIN_COLUMNS} from '../../src/ui/layout.js';

describe('computeLayout', () => {
	it('splits a 120x35 terminal into list and detail side by side', () => {
		const layout = computeLayout(120, 35);
		expect(layout.mode).toBe('split');
		expect(layout.columns).toBe(120);
		expect(layout.height).toBe(34);
		expect(layout.bodyHeight).toBe(32);
		expect(layout.listWidth).toBeGreaterThan(0);
		expect(layout.detailWidth).toBeGreaterThan(layout.listWidth / 2);
		// List, one column of separator, detail: the full width.
		expect(layout.listWidth + 1 + layout.detailWidth).toBe(120);
	});

	it('stacks the panes on a 60x16 terminal, each the full width', () => {
		const layout = computeLayout(60, 16);
		expect(layout.mode).toBe('stacked');
		expect(layout.height).toBe(15);
		expect(layout.bodyHeight).toBe(13);
		expect(layout.listWidth).toBe(60);
		expect(layout.detailWidth).toBe(60);
	});

	it('leaves one terminal row free and two rows for header and footer', () => {
		for (const rows of [10, 24, 35, 80]) {
			const layout = computeLayout(100, rows);
			expect(layout.height).toBe(rows - 1);
			expect(layout.bodyHeight).toBe(rows - 3);
		}
	});

	it('switches to split at SPLIT_MIN_COLUMNS', () => {
		expect(computeLayout(SPLIT_MIN_COLUMNS - 1, 30).mode).toBe('stacked');
		expect(computeLayout(SPLIT_MIN_COLUMNS, 30).mode).toBe('split');
	});

	it('keeps a usable minimum on tiny terminals', () => {
		const layout = computeLayout(5, 2);
		expect(layout.columns).toBeGreaterThanOrEqual(20);
		expect(layout.bodyHeight).toBeGreaterThanOrEqual(1);
	});
});
