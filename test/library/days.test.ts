import {describe, expect, it} from 'vitest';
import {addDays, countFrom, daysOf, filesSince, paperDay, stepDay} from '../../src/library/days.js';
import {reduce} from '../../src/ui/reducer.js';
import {initialState} from '../../src/ui/view-state.js';
import {makePaper} from '../helpers/paper.js';

const LIBRARY = '/home/u/.local/share/papers/library';
const daily = (day: string, title: string) => makePaper(title, {source: `${LIBRARY}/hf-daily-${day}.json`, published: '2024-01-01'});

describe('paperDay', () => {
	it("is the Daily Papers listing's day for a library file, else the paper's date", () => {
		expect(paperDay(daily('2024-10-25', 'a'))).toBe('2024-10-25');
		expect(paperDay(makePaper('b', {source: `${LIBRARY}/arxiv-cs.LG-2024-10-25.xml`, published: '2024-10-23'}))).toBe('2024-10-23');
		expect(paperDay(makePaper('c', {source: 'page.txt', published: '2024-09-01'}))).toBe('2024-09-01');
		expect(paperDay(makePaper('d', {source: 'page.txt', published: null}))).toBeNull();
		expect(paperDay(makePaper('e', {source: 'C:\\papers\\hf-daily-2024-10-21.json'}))).toBe('2024-10-21');
	});
});

describe('daysOf and stepDay', () => {
	const papers = [daily('2024-10-25', 'a'), daily('2024-10-23', 'b'), daily('2024-10-25', 'c'), makePaper('d', {published: null})];
	const days = daysOf(papers);
	const TODAY = '2024-10-26';

	it('lists the days oldest first, each once', () => {
		expect(days).toEqual(['2024-10-23', '2024-10-25']);
		expect(daysOf(papers)).toBe(days); // worked out once per list
	});

	it('goes from all days to the newest day, then between the days the papers have', () => {
		expect(stepDay(days, null, -1, TODAY)).toEqual({type: 'show', day: '2024-10-25'});
		expect(stepDay(days, null, 1, TODAY)).toEqual({type: 'show', day: '2024-10-25'});
		expect(stepDay(days, '2024-10-25', -1, TODAY)).toEqual({type: 'show', day: '2024-10-23'});
		expect(stepDay(days, '2024-10-23', 1, TODAY)).toEqual({type: 'show', day: '2024-10-25'});
		// From a day without papers (one being fetched): the nearest day that has some.
		expect(stepDay(days, '2024-10-24', 1, TODAY)).toEqual({type: 'show', day: '2024-10-25'});
	});

	it('fetches past the newest and before the oldest day, never after today', () => {
		expect(stepDay(days, '2024-10-25', 1, TODAY)).toEqual({type: 'fetch', day: '2024-10-26'});
		expect(stepDay(days, '2024-10-23', -1, TODAY)).toEqual({type: 'fetch', day: '2024-10-22'});
		expect(stepDay(days, '2024-10-26', 1, TODAY)).toEqual({type: 'none', newest: '2024-10-26'});
		expect(stepDay([], null, 1, TODAY)).toEqual({type: 'fetch', day: TODAY});
	});

	it('counts days across months and years', () => {
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
		expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
		expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
	});
});

describe('new papers', () => {
	const entries = [
		{path: `${LIBRARY}/hf-daily-2024-10-25.json`, addedAt: 3000},
		{path: `${LIBRARY}/hf-daily-2024-10-24.json`, addedAt: 2000},
		{path: `${LIBRARY}/hf-daily-2024-10-23.json`, addedAt: 1000},
	];

	it('come from the files written after the last session; all of them the first time', () => {
		expect(filesSince(entries, 2000)).toEqual([`${LIBRARY}/hf-daily-2024-10-25.json`]);
		expect(filesSince(entries, null)).toHaveLength(3);
		expect(filesSince(entries, 5000)).toEqual([]);
	});

	it('are counted by their source', () => {
		const papers = [daily('2024-10-25', 'a'), daily('2024-10-25', 'b'), daily('2024-10-24', 'c')];
		expect(countFrom(papers, new Set(filesSince(entries, 2000)))).toBe(2);
		expect(countFrom(papers, new Set())).toBe(0);
	});
});

describe('the view narrowed to a day', () => {
	const papers = [daily('2024-10-25', 'a'), daily('2024-10-24', 'b'), daily('2024-10-25', 'c')];
	const start = initialState(papers, new Map([[papers[0]!.id, {read: true, favorite: false}]]), 10);

	it('shows the day’s papers, counted for the header, and all of them again with null', () => {
		const day = reduce(reduce(start, {type: 'move', delta: 1}), {type: 'set-day', day: '2024-10-25'});
		expect(day.visible).toEqual([0, 2]);
		expect(day.selected).toBe(0);
		expect(day.counts).toEqual({all: 2, unread: 1, favorites: 0});
		const all = reduce(day, {type: 'set-day', day: null});
		expect(all.visible).toEqual([0, 1, 2]);
		expect(all.counts.all).toBe(3);
		expect(reduce(day, {type: 'set-day', day: '2024-10-25'})).toBe(day);
	});

	it('keeps the day with the unread view', () => {
		const unread = reduce(reduce(start, {type: 'set-view', view: 'unread'}), {type: 'set-day', day: '2024-10-25'});
		expect(unread.visible).toEqual([2]);
	});

	it('takes fetched papers at the end of the list, each paper once', () => {
		const day = reduce(start, {type: 'set-day', day: '2024-10-26'});
		expect(day.visible).toEqual([]);
		const fetched = [daily('2024-10-26', 'd'), daily('2024-10-26', 'e'), papers[1]!];
		const added = reduce(day, {type: 'papers-added', papers: fetched, marks: new Map([[fetched[1]!.id, {read: false, favorite: true}]])});
		expect(added.papers).toHaveLength(5);
		expect(added.visible).toEqual([3, 4]);
		expect(added.counts).toEqual({all: 2, unread: 2, favorites: 1});
		expect(reduce(added, {type: 'papers-added', papers: fetched, marks: new Map()})).toBe(added);
	});
});
