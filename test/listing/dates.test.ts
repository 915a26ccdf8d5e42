import {describe, expect, it} from 'vitest';
import {formatIsoDate, inferYear, parsePageDate} from '../../src/listing/dates.js';

describe('parsePageDate', () => {
	it.each([
		['Feb 17, 2022', {month: 2, day: 17, year: 2022}],
		['Nov 25', {month: 11, day: 25, year: null}],
		['September 3, 2024', {month: 9, day: 3, year: 2024}],
		['Sept 3', {month: 9, day: 3, year: null}],
		['dec 1 2020', {month: 12, day: 1, year: 2020}],
		['Feb 29', {month: 2, day: 29, year: null}],
	])('reads %s', (text, expected) => {
		expect(parsePageDate(text)).toEqual(expected);
	});

	it.each(['Feb 30, 2022', 'Feb 29, 2023', 'Foo 3', 'Nov', '25 Nov', 'Nov 32', 'Subscribe', 'Novemberish 3'])('rejects %s', (text) => {
		expect(parsePageDate(text)).toBeNull();
	});
});

describe('inferYear', () => {
	const today = new Date('2026-11-26T12:00:00Z');

	it('uses the explicit year when given', () => {
		expect(inferYear(12, 30, today, 2019)).toBe(2019);
	});

	it('uses this year for dates up to tomorrow', () => {
		expect(inferYear(11, 25, today)).toBe(2026);
		expect(inferYear(11, 27, today)).toBe(2026);
		expect(inferYear(1, 1, today)).toBe(2026);
	});

	it('uses last year for dates further in the future', () => {
		expect(inferYear(11, 28, today)).toBe(2025);
		expect(inferYear(12, 30, new Date('2027-01-02T00:00:00Z'))).toBe(2026);
	});

	it('moves Feb 29 to a leap year', () => {
		expect(inferYear(2, 29, today)).toBe(2024);
	});
});

describe('formatIsoDate', () => {
	it('pads', () => {
		expect(formatIsoDate(2024, 3, 7)).toBe('2024-03-07');
	});
});
