import {describe, expect, it} from 'vitest';
import {checkRange, daysBetween, MAX_RANGE_DAYS, nextDay, planRange} from '../../src/fetch/range-plan.js';
import {InputError} from '../../src/errors.js';

describe('daysBetween', () => {
	it('lists every day, both ends included, across months, years and a leap day', () => {
		expect(daysBetween('2024-02-27', '2024-03-02')).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02']);
		expect(daysBetween('2023-12-31', '2024-01-01')).toEqual(['2023-12-31', '2024-01-01']);
		expect(daysBetween('2024-10-25', '2024-10-25')).toEqual(['2024-10-25']);
		expect(daysBetween('2024-10-26', '2024-10-25')).toEqual([]);
	});

	it('nextDay crosses month and year ends', () => {
		expect(nextDay('2023-02-28')).toBe('2023-03-01');
		expect(nextDay('2024-02-28')).toBe('2024-02-29');
		expect(nextDay('2024-12-31')).toBe('2025-01-01');
	});
});

describe('checkRange', () => {
	const today = '2026-11-30';

	it('fills --to with today when it is not given', () => {
		expect(checkRange('2026-11-20', undefined, today)).toEqual({from: '2026-11-20', to: today});
		expect(checkRange(today, undefined, today)).toEqual({from: today, to: today});
	});

	it.each([
		['2026-11-25', '2026-11-20', /^--from 2026-11-25 is after --to 2026-11-20$/],
		['2026-12-01', undefined, /^--from 2026-12-01 is in the future \(today is 2026-11-30, UTC\)$/],
		['2026-11-01', '2026-12-01', /^--to 2026-12-01 is in the future/],
		['2025-11-28', undefined, /^--from 2025-11-28 --to 2026-11-30 is 368 days; a range is at most 366 days$/],
	])('refuses --from %s --to %s with one line', (from, to, message) => {
		expect(() => checkRange(from, to, today)).toThrow(InputError);
		expect(() => checkRange(from, to, today)).toThrow(message);
	});

	it('takes a range of exactly MAX_RANGE_DAYS days, and refuses one more', () => {
		expect(daysBetween('2023-11-30', '2024-11-29')).toHaveLength(MAX_RANGE_DAYS); // a leap year: 366 days
		expect(checkRange('2023-11-30', '2024-11-29', today)).toEqual({from: '2023-11-30', to: '2024-11-29'});
		expect(() => checkRange('2023-11-29', '2024-11-29', today)).toThrow(/367 days/);
	});
});

describe('planRange', () => {
	it('skips the days the library holds and fetches the others, oldest first', () => {
		const kept = new Set(['2024-10-22', '2024-10-24']);
		expect(planRange('2024-10-21', '2024-10-25', (day) => kept.has(day))).toEqual({
			days: ['2024-10-21', '2024-10-22', '2024-10-23', '2024-10-24', '2024-10-25'],
			skip: ['2024-10-22', '2024-10-24'],
			fetch: ['2024-10-21', '2024-10-23', '2024-10-25'],
		});
	});

	it('fetches today even when the library holds it: its listing grows during the day', () => {
		const plan = planRange('2024-10-24', '2024-10-26', () => true, '2024-10-26');
		expect(plan.skip).toEqual(['2024-10-24', '2024-10-25']);
		expect(plan.fetch).toEqual(['2024-10-26']);
	});

	it('asks about each day once, and fetches nothing when every day is kept', () => {
		const asked: string[] = [];
		const plan = planRange('2024-10-21', '2024-10-23', (day) => (asked.push(day), true));
		expect(asked).toEqual(['2024-10-21', '2024-10-22', '2024-10-23']);
		expect(plan.fetch).toEqual([]);
		expect(plan.skip).toEqual(plan.days);
	});
});
