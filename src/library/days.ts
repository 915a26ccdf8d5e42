/**
 * Days in the reader, worked out from the papers alone: a paper's day is the day of the Daily Papers
 * listing it came from (the library's `hf-daily-YYYY-MM-DD.json`), else its own `published` date.
 * Nothing here reads a file or the clock.
 */
import type {Paper} from '../listing/paper.js';
import {parseLibraryName, type LibraryEntry} from './library.js';

/** Days already worked out, by paper (a paper object never changes). */
const cache = new WeakMap<Paper, string | null>();

/** The file name at the end of a path (either separator). */
function fileName(path: string): string {
	return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** A paper's day (YYYY-MM-DD), or null when neither its listing nor the paper tells one. */
export function paperDay(paper: Paper): string | null {
	let day = cache.get(paper);
	if (day === undefined) {
		const parsed = parseLibraryName(fileName(paper.source));
		day = parsed?.source === 'hf-daily' ? parsed.day : /^\d{4}-\d{2}-\d{2}/.test(paper.published ?? '') ? paper.published!.slice(0, 10) : null;
		cache.set(paper, day);
	}
	return day;
}

/** Days of the lists of papers seen (a list never changes: papers that arrive make a new one). */
const daysCache = new WeakMap<readonly Paper[], readonly string[]>();

/** The days the papers fall on, oldest first. */
export function daysOf(papers: readonly Paper[]): readonly string[] {
	let days = daysCache.get(papers);
	if (days === undefined) {
		const found = new Set<string>();
		for (const paper of papers) {
			const day = paperDay(paper);
			if (day !== null) found.add(day);
		}
		days = [...found].sort();
		daysCache.set(papers, days);
	}
	return days;
}

/** The day `count` days after `day` (before, when negative). */
export function addDays(day: string, count: number): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + count);
	return date.toISOString().slice(0, 10);
}

/** Where `[` (-1) or `]` (+1) goes: a day the papers have, a day to fetch, or nowhere (`newest`: today's is the next). */
export type DayStep = {type: 'show'; day: string} | {type: 'fetch'; day: string} | {type: 'none'; newest: string};

/**
 * The previous (-1) or next (+1) day from `current` (null: all days, from which either key goes to the
 * newest day). Past the newest day the next one is fetched, before the oldest the previous one, but
 * never a day after `today`.
 */
export function stepDay(days: readonly string[], current: string | null, direction: 1 | -1, today: string): DayStep {
	if (current === null) {
		const newest = days.at(-1);
		if (newest !== undefined) return {type: 'show', day: newest};
		return {type: 'fetch', day: today};
	}
	const known = direction === 1 ? days.find((day) => day > current) : days.findLast((day) => day < current);
	if (known !== undefined) return {type: 'show', day: known};
	const day = addDays(current, direction);
	if (day > today) return {type: 'none', newest: current};
	return {type: 'fetch', day};
}

/**
 * The library files written since the last session (all of them before the first): their papers are
 * the new ones.
 */
export function filesSince(entries: readonly Pick<LibraryEntry, 'path' | 'addedAt'>[], lastSession: number | null): string[] {
	return entries.filter((entry) => lastSession === null || entry.addedAt > lastSession).map((entry) => entry.path);
}

/** How many papers came from the given sources (as `Paper.source` names them). */
export function countFrom(papers: readonly Paper[], sources: ReadonlySet<string>): number {
	if (sources.size === 0) return 0;
	let count = 0;
	for (const paper of papers) if (sources.has(paper.source)) count++;
	return count;
}
