// The plan of `papers fetch --from DATE --to DATE`: the days of the range, in order, and which of them the
// library holds already (skipped). Pure: days are YYYY-MM-DD strings (UTC days, as everywhere else), and
// what the library holds is asked through a function.
import {InputError} from '../errors.js';

/** The most days one range may cover (a year, leap day included). */
export const MAX_RANGE_DAYS = 366;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD day (UTC). */
function dayNumber(day: string): number {
	return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
}

function dayText(number: number): string {
	return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

/** The day after `day`. */
export function nextDay(day: string): string {
	return dayText(dayNumber(day) + 1);
}

/** Every day from `from` to `to`, both included, in order (empty when `from` is after `to`). */
export function daysBetween(from: string, to: string): string[] {
	const days: string[] = [];
	for (let number = dayNumber(from); number <= dayNumber(to); number++) days.push(dayText(number));
	return days;
}

/**
 * Checks a range: `--to` defaults to `today`; `--from` after `--to`, a day after today, or more than
 * MAX_RANGE_DAYS days are an InputError (one line). Returns the range with its end filled in.
 */
export function checkRange(from: string, to: string | undefined, today: string): {from: string; to: string} {
	const end = to ?? today;
	if (from > today) throw new InputError(`--from ${from} is in the future (today is ${today}, UTC)`);
	if (end > today) throw new InputError(`--to ${end} is in the future (today is ${today}, UTC)`);
	if (from > end) throw new InputError(`--from ${from} is after --to ${end}`);
	const count = dayNumber(end) - dayNumber(from) + 1;
	if (count > MAX_RANGE_DAYS) throw new InputError(`--from ${from} --to ${end} is ${count} days; a range is at most ${MAX_RANGE_DAYS} days`);
	return {from, to: end};
}

/** What a range run will do. */
export interface RangePlan {
	/** Every day of the range, in order. */
	days: string[];
	/** The days the library holds already: not fetched. */
	skip: string[];
	/** The days to fetch, in order. */
	fetch: string[];
}

/**
 * The days of `from`..`to`, split by `kept(day)`: kept days are skipped, the others fetched, oldest first.
 * `today` is fetched even when kept: its listing grows during the day (and is empty before the first
 * papers), so a copy of it is not the day's listing yet.
 */
export function planRange(from: string, to: string, kept: (day: string) => boolean, today?: string): RangePlan {
	const days = daysBetween(from, to);
	const skip: string[] = [];
	const fetch: string[] = [];
	for (const day of days) (day !== today && kept(day) ? skip : fetch).push(day);
	return {days, skip, fetch};
}
