import {fc, test as fcTest} from '@fast-check/vitest';
import {describe, expect, it} from 'vitest';
import type {Paper} from '../../src/listing/paper.js';
import {makePaper} from '../helpers/paper.js';
import type {SearchHit} from '../../src/search/search.js';
import type {PaperMarks} from '../../src/state/marks.js';
import {markAllReadChange, toggleChange, undoChange} from '../../src/ui/mark-changes.js';
import {HELP_ROWS} from '../../src/ui/help-rows.js';
import {reduce} from '../../src/ui/reducer.js';
import {computeVisible, sortedOrder} from '../../src/ui/visibility.js';
import {
	initialState,
	searchPending,
	selectedPaper,
	SORTS,
	type Action,
	type ViewState,
} from '../../src/ui/view-state.js';

const paper = makePaper;

/** Ten papers, "Paper 0" to "Paper 9", in listing order. */
const TEN = Array.from({length: 10}, (_unused, index) => paper(`Paper ${index}`));
const NO_MARKS: ReadonlyMap<string, PaperMarks> = new Map();

function marksFor(entries: Array<[Paper, Partial<PaperMarks>]>): Map<string, PaperMarks> {
	return new Map(entries.map(([item, flags]) => [item.id, {read: false, favorite: false, ...flags}]));
}

/** A detail `max` lines longer than the pane (of the states here, 3 rows high), scrolled by `delta`. */
function scrollDetail(delta: number, max: number): Action[] {
	return [{type: 'detail-lines', count: max + 3}, {type: 'scroll-detail', delta}];
}

function run(state: ViewState, ...actions: Action[]): ViewState {
	return actions.reduce(reduce, state);
}

const titles = (state: ViewState) => state.visible.map((index) => state.papers[index]!.title);
const selectedTitle = (state: ViewState) => selectedPaper(state)?.title;

function hit(index: number, score = 0): SearchHit {
	return {index, score};
}

describe('initialState', () => {
	it('shows every paper in listing order with the first selected', () => {
		const state = initialState(TEN, NO_MARKS, 5);
		expect(titles(state)).toEqual(TEN.map((item) => item.title));
		expect(state.selected).toBe(0);
		expect(state.top).toBe(0);
		expect(state.view).toBe('all');
		expect(state.sort).toBe('listing');
		expect(selectedTitle(state)).toBe('Paper 0');
	});

	it('counts all, unread and favorite papers from the marks', () => {
		const marks = marksFor([
			[TEN[0]!, {read: true}],
			[TEN[1]!, {read: true, favorite: true}],
			[TEN[2]!, {favorite: true}],
		]);
		expect(initialState(TEN, marks, 5).counts).toEqual({all: 10, unread: 8, favorites: 2});
	});

	it('ignores marks of papers that are not in the listing', () => {
		const marks = marksFor([[paper('Somewhere else'), {read: true, favorite: true}]]);
		expect(initialState(TEN, marks, 5).counts).toEqual({all: 10, unread: 10, favorites: 0});
	});

	it('can start in another view, with a filter typed whose search is still to come', () => {
		const marks = marksFor([[TEN[0]!, {read: true}]]);
		const unread = initialState(TEN, marks, 5, {view: 'unread'});
		expect(unread.view).toBe('unread');
		expect(selectedTitle(unread)).toBe('Paper 1');
		expect(unread.visible).toHaveLength(9);
		const filtered = initialState(TEN, NO_MARKS, 5, {query: 'paper'});
		expect(filtered.query).toBe('paper');
		expect(filtered.hits).toBeNull();
		expect(titles(run(filtered, {type: 'filter-results', query: 'paper', hits: [hit(4)]}))).toEqual(['Paper 4']);
	});

	it('keeps at least one list row', () => {
		expect(initialState(TEN, NO_MARKS, 0).listHeight).toBe(1);
	});
});

describe('moving the selection', () => {
	const start = initialState(TEN, NO_MARKS, 3);

	it('moves by one and clamps at both ends', () => {
		expect(run(start, {type: 'move', delta: 1}).selected).toBe(1);
		expect(run(start, {type: 'move', delta: -1}).selected).toBe(0);
		expect(run(start, {type: 'move', delta: 25}).selected).toBe(9);
		expect(run(start, {type: 'move', delta: 25}, {type: 'move', delta: 1}).selected).toBe(9);
	});

	it('jumps to the first and the last paper', () => {
		const last = run(start, {type: 'move-to', where: 'last'});
		expect(selectedTitle(last)).toBe('Paper 9');
		expect(run(last, {type: 'move-to', where: 'first'}).selected).toBe(0);
	});

	it('scrolls the window only as far as the selection needs', () => {
		const down = (state: ViewState) => reduce(state, {type: 'move', delta: 1});
		let state = start;
		const tops: number[] = [];
		for (let step = 0; step < 9; step++) {
			state = down(state);
			tops.push(state.top);
		}
		// The window (3 rows) starts following once the selection leaves its last row.
		expect(tops).toEqual([0, 0, 1, 2, 3, 4, 5, 6, 7]);
		state = run(state, {type: 'move', delta: -1}, {type: 'move', delta: -1});
		expect(state.selected).toBe(7);
		expect(state.top).toBe(7);
		state = run(state, {type: 'move', delta: -1});
		expect(state.top).toBe(6);
		expect(run(state, {type: 'move-to', where: 'first'}).top).toBe(0);
	});

	it('pages by one row less than the window, clamped at the ends', () => {
		const tall = initialState(TEN, NO_MARKS, 4);
		const once = run(tall, {type: 'page', direction: 1});
		expect([once.selected, once.top]).toEqual([3, 3]);
		const twice = run(once, {type: 'page', direction: 1});
		expect([twice.selected, twice.top]).toEqual([6, 6]);
		const end = run(twice, {type: 'page', direction: 1}, {type: 'page', direction: 1});
		expect([end.selected, end.top]).toEqual([9, 6]);
		const back = run(end, {type: 'page', direction: -1});
		expect([back.selected, back.top]).toEqual([6, 3]);
		const home = run(back, {type: 'page', direction: -1}, {type: 'page', direction: -1}, {type: 'page', direction: -1});
		expect([home.selected, home.top]).toEqual([0, 0]);
	});

	it('keeps the selection in the window when the window shrinks or grows', () => {
		const atEight = run(initialState(TEN, NO_MARKS, 10), {type: 'move-to', where: 'last'}, {type: 'move', delta: -1});
		expect(atEight.top).toBe(0);
		const small = run(atEight, {type: 'resize', listHeight: 3});
		expect(small.listHeight).toBe(3);
		expect(small.selected).toBe(8);
		expect(small.top).toBe(6);
		const big = run(small, {type: 'resize', listHeight: 20});
		expect(big.top).toBe(0);
		expect(run(small, {type: 'resize', listHeight: 0}).listHeight).toBe(1);
	});

	it('starts the detail at the top for each newly selected paper', () => {
		const scrolled = run(start, ...scrollDetail(5, 10));
		expect(scrolled.detailScroll).toBe(5);
		expect(run(scrolled, {type: 'move', delta: 1}).detailScroll).toBe(0);
		// Staying on the same paper keeps the scroll.
		expect(run(scrolled, {type: 'move', delta: -1}).detailScroll).toBe(5);
	});

	it('clamps the detail scroll to [0, its lines less the pane], also when the lines or the pane change', () => {
		const scrolled = run(start, ...scrollDetail(50, 7));
		expect(run(scrolled, {type: 'detail-lines', count: 5}).detailScroll).toBe(2);
		expect(run(scrolled, {type: 'resize', listHeight: 8}).detailScroll).toBe(2);
		expect(run(scrolled, {type: 'resize', listHeight: 20}).detailScroll).toBe(0);
	});

	it('clamps the help scroll to its rows less the pane', () => {
		const help = run(start, {type: 'help', open: true}, ...Array.from({length: 200}, (): Action => ({type: 'scroll-help', delta: 1})));
		expect(help.helpScroll).toBe(HELP_ROWS.length - 2);
		expect(run(help, {type: 'scroll-help', delta: -1000}).helpScroll).toBe(0);
		expect(run(help, {type: 'resize', listHeight: 8}).helpScroll).toBe(HELP_ROWS.length - 7);
	});

	it('clamps the detail scroll to [0, max]', () => {
		expect(run(start, ...scrollDetail(50, 7)).detailScroll).toBe(7);
		expect(run(start, ...scrollDetail(-3, 7)).detailScroll).toBe(0);
		expect(run(start, ...scrollDetail(Infinity, 4)).detailScroll).toBe(4);
	});

	const movement = fc.oneof(
		fc.integer({min: -12, max: 12}).map((delta): Action => ({type: 'move', delta})),
		fc.constantFrom<Action>({type: 'page', direction: 1}, {type: 'page', direction: -1}, {type: 'move-to', where: 'first'}, {type: 'move-to', where: 'last'}),
		fc.integer({min: 0, max: 14}).map((listHeight): Action => ({type: 'resize', listHeight})),
	);

	fcTest.prop([fc.integer({min: 0, max: 30}), fc.integer({min: 1, max: 12}), fc.array(movement, {maxLength: 30})])(
		'always keeps the selection inside the list and inside the window',
		(count, listHeight, actions) => {
			const papers = Array.from({length: count}, (_unused, index) => paper(`P ${index}`));
			for (const state of actions.reduce<ViewState[]>((states, action) => [...states, reduce(states.at(-1)!, action)], [initialState(papers, NO_MARKS, listHeight)])) {
				expect(state.selected).toBeGreaterThanOrEqual(0);
				expect(state.selected).toBeLessThanOrEqual(Math.max(0, count - 1));
				expect(state.top).toBeGreaterThanOrEqual(0);
				expect(state.top).toBeLessThanOrEqual(state.selected);
				expect(state.selected).toBeLessThan(state.top + state.listHeight);
				expect(state.top).toBeLessThanOrEqual(Math.max(0, count - state.listHeight));
			}
		},
	);
});

describe('views', () => {
	const marks = marksFor([
		[TEN[1]!, {read: true}],
		[TEN[2]!, {read: true, favorite: true}],
		[TEN[5]!, {favorite: true}],
	]);
	const start = initialState(TEN, marks, 5);

	it('unread hides read papers', () => {
		const unread = run(start, {type: 'set-view', view: 'unread'});
		expect(titles(unread)).toEqual(['Paper 0', 'Paper 3', 'Paper 4', 'Paper 5', 'Paper 6', 'Paper 7', 'Paper 8', 'Paper 9']);
		expect(unread.visible.length).toBe(unread.counts.unread);
	});

	it('favorites shows only favorites, read or not', () => {
		const favorites = run(start, {type: 'set-view', view: 'favorites'});
		expect(titles(favorites)).toEqual(['Paper 2', 'Paper 5']);
		expect(favorites.visible.length).toBe(favorites.counts.favorites);
	});

	it('keeps the selected paper when the new view has it', () => {
		const onFive = run(start, {type: 'move', delta: 5});
		expect(selectedTitle(run(onFive, {type: 'set-view', view: 'favorites'}))).toBe('Paper 5');
		expect(selectedTitle(run(onFive, {type: 'set-view', view: 'unread'}))).toBe('Paper 5');
	});

	it('keeps the position, clamped, when the selected paper is not in the new view', () => {
		const onEight = run(start, {type: 'move', delta: 8});
		const favorites = run(onEight, {type: 'set-view', view: 'favorites'});
		expect(favorites.selected).toBe(1);
		expect(selectedTitle(favorites)).toBe('Paper 5');
	});

	it('starts the detail at the top when the selected paper left the view', () => {
		const scrolled = run(start, {type: 'move', delta: 8}, ...scrollDetail(4, 10));
		expect(run(scrolled, {type: 'set-view', view: 'favorites'}).detailScroll).toBe(0);
		expect(run(scrolled, {type: 'set-view', view: 'unread'}).detailScroll).toBe(4);
	});

	it('does not change the counts', () => {
		for (const view of ['unread', 'favorites', 'all'] as const) {
			expect(run(start, {type: 'set-view', view}).counts).toEqual({all: 10, unread: 8, favorites: 2});
		}
	});

	it('an empty view has no selected paper and nothing to change', () => {
		const empty = run(initialState(TEN, NO_MARKS, 5), {type: 'set-view', view: 'favorites'});
		expect(empty.visible).toEqual([]);
		expect(selectedPaper(empty)).toBeUndefined();
		expect(toggleChange(empty, 'read')).toBeNull();
		expect(markAllReadChange(empty)).toBeNull();
		expect(run(empty, {type: 'move', delta: 1}, {type: 'page', direction: 1}).selected).toBe(0);
	});
});

describe('sorting', () => {
	const papers = [
		paper('delta', {upvotes: 3, published: '2024-03-01'}),
		paper('Alpha', {upvotes: 10, published: null}),
		paper('echo', {upvotes: null, published: '2024-02-01'}),
		paper('charlie 10', {upvotes: 3, published: '2025-01-15'}),
		paper('charlie 9', {upvotes: 0, published: '2023-12-31'}),
		paper('Bravo', {upvotes: 7, published: '2024-03-01'}),
	];
	const start = initialState(papers, NO_MARKS, 10);
	const sorted = (count: number) => run(start, ...Array.from({length: count}, (): Action => ({type: 'cycle-sort'})));

	it('cycles listing → upvotes → date → title → for you → listing', () => {
		expect(SORTS).toEqual(['listing', 'upvotes', 'date', 'title', 'for-you']);
		expect([0, 1, 2, 3, 4, 5].map((count) => sorted(count).sort)).toEqual(['listing', 'upvotes', 'date', 'title', 'for-you', 'listing']);
		expect(titles(sorted(5))).toEqual(titles(start));
	});

	it('for you keeps the listing order until there is a ranking, then puts unread papers best first and read ones after', () => {
		expect(titles(sorted(4))).toEqual(titles(start));
		const ranking = {papers, ranked: [5, 4, 3, 2, 1, 0], why: () => ['term']};
		let state = run(sorted(4), {type: 'for-you-ranked', ranking});
		expect(titles(state)).toEqual(['Bravo', 'charlie 9', 'charlie 10', 'echo', 'Alpha', 'delta']);
		state = run(state, {type: 'move-to', where: 'first'}, {type: 'apply', change: {flag: 'read', entries: [{id: papers[5]!.id, value: true}]}});
		expect(titles(state)).toEqual(['charlie 9', 'charlie 10', 'echo', 'Alpha', 'delta', 'Bravo']);
		expect(titles(run(state, {type: 'set-view', view: 'unread'}))).toEqual(['charlie 9', 'charlie 10', 'echo', 'Alpha', 'delta']);
		// A ranking of another list of papers is not used.
		expect(titles(run(sorted(4), {type: 'for-you-ranked', ranking: {...ranking, papers: [...papers]}}))).toEqual(titles(start));
		// Other sorts ignore it.
		expect(titles(run(state, {type: 'cycle-sort'}))).toEqual(titles(start));
	});

	it('more like this shows its papers, the paper itself selected, until it is left or the sort changes', () => {
		const like = {id: papers[2]!.id, title: 'echo', papers, order: [2, 0, 4]};
		let state = run(start, {type: 'move-to', where: 'last'}, {type: 'like', like});
		expect(titles(state)).toEqual(['echo', 'delta', 'charlie 9']);
		expect(selectedTitle(state)).toBe('echo');
		state = run(state, {type: 'like', like: null});
		expect(state.like).toBeNull();
		expect(titles(state)).toEqual(titles(start));
		expect(run(start, {type: 'like', like}, {type: 'cycle-sort'}).like).toBeNull();
	});

	it('listing keeps the order of the listing', () => {
		expect(titles(start)).toEqual(['delta', 'Alpha', 'echo', 'charlie 10', 'charlie 9', 'Bravo']);
	});

	it('upvotes puts the most upvoted first, ties in listing order, papers without upvotes (null) after 0', () => {
		expect(titles(sorted(1))).toEqual(['Alpha', 'Bravo', 'delta', 'charlie 10', 'charlie 9', 'echo']);
		const noneFirst = [paper('none a', {upvotes: null}), paper('zero', {upvotes: 0}), paper('none b', {upvotes: null}), paper('one', {upvotes: 1})];
		expect(titles(run(initialState(noneFirst, NO_MARKS, 10), {type: 'cycle-sort'}))).toEqual(['one', 'zero', 'none a', 'none b']);
	});

	it('date puts the newest first, ties in listing order, undated last', () => {
		expect(titles(sorted(2))).toEqual(['charlie 10', 'delta', 'Bravo', 'echo', 'charlie 9', 'Alpha']);
	});

	it('title sorts alphabetically, ignoring case, numbers by value', () => {
		expect(titles(sorted(3))).toEqual(['Alpha', 'Bravo', 'charlie 9', 'charlie 10', 'delta', 'echo']);
	});

	it('keeps the selected paper selected; for you starts at its best paper', () => {
		const onBravo = run(start, {type: 'move-to', where: 'last'});
		for (let count = 1; count <= 3; count++) {
			expect(selectedTitle(run(onBravo, ...Array.from({length: count}, (): Action => ({type: 'cycle-sort'}))))).toBe('Bravo');
		}
		const forYou = run(onBravo, ...Array.from({length: 4}, (): Action => ({type: 'cycle-sort'})));
		expect(selectedTitle(forYou)).toBe('delta');
		expect(selectedTitle(run(forYou, {type: 'cycle-sort'}))).toBe('delta');
		// The first ranking: its best paper; the next ones keep the selection.
		const ranking = {papers, ranked: [5, 4, 3, 2, 1, 0], why: () => []};
		const ranked = run(forYou, {type: 'for-you-ranked', ranking});
		expect(selectedTitle(ranked)).toBe('Bravo');
		expect(selectedTitle(run(ranked, {type: 'move', delta: 2}, {type: 'for-you-ranked', ranking: {...ranking, ranked: [0, 1, 2, 3, 4, 5]}}))).toBe('charlie 10');
	});

	it('computeVisible applies view and sort without a state', () => {
		const marks = marksFor([[papers[1]!, {read: true}]]);
		expect(computeVisible({papers, marks, view: 'unread', sort: 'upvotes', hits: null}).map((index) => papers[index]!.title)).toEqual([
			'Bravo',
			'delta',
			'charlie 10',
			'charlie 9',
			'echo',
		]);
	});
});

describe('the filter', () => {
	const start = initialState(TEN, NO_MARKS, 5);
	const typed = run(start, {type: 'filter-start'}, {type: 'filter-input', query: 'pap'});

	it('gives the keys to the filter box', () => {
		expect(run(start, {type: 'filter-start'}).filtering).toBe(true);
	});

	it('keeps showing the list until the search for the query finishes', () => {
		expect(typed.query).toBe('pap');
		expect(typed.hits).toBeNull();
		expect(titles(typed)).toEqual(titles(start));
	});

	it('shows the hits best first and selects the first', () => {
		const moved = run(typed, {type: 'move', delta: 6});
		const filtered = run(moved, {type: 'filter-results', query: 'pap', hits: [hit(7, 0.1), hit(2, 0.2), hit(4, 0.3)]});
		expect(titles(filtered)).toEqual(['Paper 7', 'Paper 2', 'Paper 4']);
		expect(filtered.selected).toBe(0);
		expect(filtered.top).toBe(0);
		expect(filtered.hits?.order).toEqual([7, 2, 4]);
		expect([2, 3].map((index) => filtered.hits?.has(index))).toEqual([true, false]);
	});

	it('ignores results for an older query', () => {
		const newer = run(typed, {type: 'filter-input', query: 'paper'});
		const stale = reduce(newer, {type: 'filter-results', query: 'pap', hits: [hit(3)]});
		expect(stale).toBe(newer);
		expect(titles(stale)).toEqual(titles(start));
	});

	it('shows every paper again for an empty or blank query', () => {
		const filtered = run(typed, {type: 'filter-results', query: 'pap', hits: [hit(3)]});
		expect(titles(filtered)).toEqual(['Paper 3']);
		for (const query of ['', '   ']) {
			const cleared = run(filtered, {type: 'filter-input', query});
			expect(cleared.hits).toBeNull();
			expect(titles(cleared)).toEqual(titles(start));
			expect(selectedTitle(cleared)).toBe('Paper 3');
		}
	});

	it('starts the detail at the top for the paper the results select', () => {
		const scrolled = run(typed, ...scrollDetail(4, 10));
		expect(run(scrolled, {type: 'filter-results', query: 'pap', hits: [hit(7)]}).detailScroll).toBe(0);
	});

	it('shows no paper when nothing matches', () => {
		const none = run(typed, {type: 'filter-results', query: 'pap', hits: []});
		expect(none.visible).toEqual([]);
		expect(selectedPaper(none)).toBeUndefined();
	});

	it('Enter keeps the filter and gives the keys back to the list', () => {
		const accepted = run(typed, {type: 'filter-results', query: 'pap', hits: [hit(3), hit(1)]}, {type: 'filter-accept'});
		expect(accepted.filtering).toBe(false);
		expect(accepted.query).toBe('pap');
		expect(titles(accepted)).toEqual(['Paper 3', 'Paper 1']);
	});

	it('clearing shows every paper and keeps the selected one', () => {
		const filtered = run(typed, {type: 'filter-results', query: 'pap', hits: [hit(3), hit(6)]}, {type: 'move', delta: 1});
		const cleared = run(filtered, {type: 'filter-clear'});
		expect(cleared.filtering).toBe(false);
		expect(cleared.query).toBe('');
		expect(cleared.hits).toBeNull();
		expect(titles(cleared)).toEqual(titles(start));
		expect(selectedTitle(cleared)).toBe('Paper 6');
	});

	it('combines with the view and the sort', () => {
		const papers = [paper('a', {upvotes: 1}), paper('b', {upvotes: 5}), paper('c', {upvotes: 3})];
		const marks = marksFor([[papers[2]!, {read: true}]]);
		const filtered = run(
			initialState(papers, marks, 5),
			{type: 'filter-input', query: 'x'},
			{type: 'filter-results', query: 'x', hits: [hit(0), hit(2), hit(1)]},
		);
		expect(titles(filtered)).toEqual(['a', 'c', 'b']);
		expect(titles(run(filtered, {type: 'cycle-sort'}))).toEqual(['b', 'c', 'a']);
		expect(titles(run(filtered, {type: 'set-view', view: 'unread'}))).toEqual(['a', 'b']);
	});
});

describe('marks', () => {
	const start = initialState(TEN, NO_MARKS, 5);
	const readOf = (state: ViewState, index: number) => state.marks.get(TEN[index]!.id)?.read ?? false;

	it('toggleChange flips the flag of the selected paper', () => {
		expect(toggleChange(start, 'read')).toEqual({flag: 'read', entries: [{id: TEN[0]!.id, value: true}]});
		const read = run(start, {type: 'apply', change: toggleChange(start, 'read')!});
		expect(toggleChange(read, 'read')).toEqual({flag: 'read', entries: [{id: TEN[0]!.id, value: false}]});
		expect(toggleChange(read, 'favorite')).toEqual({flag: 'favorite', entries: [{id: TEN[0]!.id, value: true}]});
	});

	it('apply changes the marks, the counts and the message', () => {
		const state = run(start, {type: 'apply', change: toggleChange(start, 'favorite')!, message: 'starred'});
		expect(state.marks.get(TEN[0]!.id)).toEqual({read: false, favorite: true});
		expect(state.counts).toEqual({all: 10, unread: 10, favorites: 1});
		expect(state.message).toBe('starred');
		expect(state.selected).toBe(0);
	});

	it('toggling read with advance moves to the next paper in the All view', () => {
		const onTwo = run(start, {type: 'move', delta: 2});
		const next = run(onTwo, {type: 'apply', change: toggleChange(onTwo, 'read')!, advance: true});
		expect(readOf(next, 2)).toBe(true);
		expect(selectedTitle(next)).toBe('Paper 3');
		expect(titles(next)).toEqual(titles(start));
		expect(next.counts.unread).toBe(9);
	});

	it('toggling read with advance in the Unread view drops the paper and selects the next', () => {
		const onTwo = run(start, {type: 'set-view', view: 'unread'}, {type: 'move', delta: 2});
		const next = run(onTwo, {type: 'apply', change: toggleChange(onTwo, 'read')!, advance: true});
		expect(titles(next)).not.toContain('Paper 2');
		expect(next.visible).toHaveLength(9);
		expect(selectedTitle(next)).toBe('Paper 3');
		expect(next.selected).toBe(2);
	});

	it('toggling the last unread paper read selects the new last one', () => {
		const onLast = run(start, {type: 'set-view', view: 'unread'}, {type: 'move-to', where: 'last'});
		const next = run(onLast, {type: 'apply', change: toggleChange(onLast, 'read')!, advance: true});
		expect(selectedTitle(next)).toBe('Paper 8');
		expect(next.selected).toBe(8);
	});

	it('the detail starts at the top for the paper the advance selects', () => {
		for (const view of ['all', 'unread'] as const) {
			const scrolled = run(start, {type: 'set-view', view}, {type: 'move', delta: 2}, ...scrollDetail(4, 10));
			const next = run(scrolled, {type: 'apply', change: toggleChange(scrolled, 'read')!, advance: true});
			expect(selectedTitle(next)).toBe('Paper 3');
			expect(next.detailScroll).toBe(0);
		}
	});

	it('without advance the selection stays', () => {
		const onTwo = run(start, {type: 'move', delta: 2});
		expect(selectedTitle(run(onTwo, {type: 'apply', change: toggleChange(onTwo, 'read')!}))).toBe('Paper 2');
	});

	it('markAllReadChange names every unread paper of the current view, and only those', () => {
		const marks = marksFor([
			[TEN[0]!, {read: true}],
			[TEN[3]!, {favorite: true}],
			[TEN[4]!, {favorite: true, read: true}],
			[TEN[7]!, {favorite: true}],
		]);
		const state = initialState(TEN, marks, 5);
		expect(markAllReadChange(state)?.entries.map(({id}) => id)).toEqual([1, 2, 3, 5, 6, 7, 8, 9].map((index) => TEN[index]!.id));
		const favorites = run(state, {type: 'set-view', view: 'favorites'});
		expect(markAllReadChange(favorites)).toEqual({flag: 'read', entries: [TEN[3]!, TEN[7]!].map(({id}) => ({id, value: true}))});
		const filtered = run(state, {type: 'filter-input', query: 'q'}, {type: 'filter-results', query: 'q', hits: [hit(0), hit(9)]});
		expect(markAllReadChange(filtered)).toEqual({flag: 'read', entries: [{id: TEN[9]!.id, value: true}]});
	});

	it('one undo after mark-all-read restores every mark', () => {
		const marks = marksFor([
			[TEN[0]!, {read: true}],
			[TEN[3]!, {favorite: true}],
		]);
		const before = run(initialState(TEN, marks, 5), {type: 'move', delta: 4});
		const all = run(before, {type: 'apply', change: markAllReadChange(before)!});
		expect(all.counts).toEqual({all: 10, unread: 0, favorites: 1});
		const undone = run(all, {type: 'undo'});
		expect(undone.marks).toEqual(before.marks);
		expect(undone.counts).toEqual(before.counts);
		expect(undone.undo).toEqual([]);
		expect(undone.message).toMatch(/undone \(9 papers\)/);
	});

	it('mark-all-read in the Unread view empties it, and undo brings every paper back', () => {
		const unread = run(start, {type: 'set-view', view: 'unread'}, {type: 'move', delta: 3});
		const all = run(unread, {type: 'apply', change: markAllReadChange(unread)!});
		expect(all.visible).toEqual([]);
		const undone = run(all, {type: 'undo'});
		expect(titles(undone)).toEqual(titles(start));
		expect(undone.counts.unread).toBe(10);
	});

	it('undo takes back the last change only, newest first', () => {
		const favorite = run(start, {type: 'apply', change: toggleChange(start, 'favorite')!});
		const read = run(favorite, {type: 'apply', change: toggleChange(favorite, 'read')!});
		expect(read.marks.get(TEN[0]!.id)).toEqual({read: true, favorite: true});
		expect(undoChange(read)).toEqual({flag: 'read', entries: [{id: TEN[0]!.id, value: false}]});
		const once = run(read, {type: 'undo'});
		expect(once.marks.get(TEN[0]!.id)).toEqual({read: false, favorite: true});
		expect(once.counts).toEqual({all: 10, unread: 10, favorites: 1});
		const twice = run(once, {type: 'undo'});
		expect(twice.marks.get(TEN[0]!.id) ?? {read: false, favorite: false}).toEqual({read: false, favorite: false});
		expect(twice.counts).toEqual({all: 10, unread: 10, favorites: 0});
	});

	it('undo on an empty stack changes nothing and says so', () => {
		expect(undoChange(start)).toBeNull();
		const state = run(start, {type: 'undo'});
		expect(state.message).toBe('nothing to undo');
		expect(state.marks).toBe(start.marks);
		expect(state.counts).toEqual(start.counts);
	});

	it('undo selects the paper it changed back', () => {
		const onTwo = run(start, {type: 'set-view', view: 'unread'}, {type: 'move', delta: 2});
		const read = run(onTwo, {type: 'apply', change: toggleChange(onTwo, 'read')!, advance: true});
		const undone = run(read, {type: 'undo'});
		expect(titles(undone)).toContain('Paper 2');
		expect(selectedTitle(undone)).toBe('Paper 2');
	});

	it('keeps the header counts right through a run of changes', () => {
		const actions: Array<(state: ViewState) => Action> = [
			(state) => ({type: 'apply', change: toggleChange(state, 'read')!, advance: true}),
			(state) => ({type: 'apply', change: toggleChange(state, 'favorite')!}),
			(state) => ({type: 'apply', change: toggleChange(state, 'read')!, advance: true}),
			() => ({type: 'set-view', view: 'unread'}),
			(state) => ({type: 'apply', change: toggleChange(state, 'read')!, advance: true}),
			() => ({type: 'undo'}),
			(state) => ({type: 'apply', change: markAllReadChange(state)!}),
			() => ({type: 'undo'}),
			() => ({type: 'undo'}),
		];
		let state = start;
		for (const next of actions) {
			state = reduce(state, next(state));
			const read = TEN.filter((item) => state.marks.get(item.id)?.read).length;
			const favorites = TEN.filter((item) => state.marks.get(item.id)?.favorite).length;
			expect(state.counts).toEqual({all: 10, unread: 10 - read, favorites});
		}
		expect(state.counts).toEqual({all: 10, unread: 9, favorites: 1});
	});
});

describe('searches under way', () => {
	const hit = (index: number): SearchHit => ({index, score: 0.1});

	it('knows whether the list shows the results of the query as typed', async () => {
		const {searchPending} = await import('../../src/ui/view-state.js');
		let state = reduce(initialState(TEN, NO_MARKS, 5), {type: 'filter-input', query: 'paper 3'});
		expect(searchPending(state)).toBe(true);
		state = reduce(state, {type: 'filter-results', query: 'paper 3', hits: [hit(3), hit(4)]});
		expect(searchPending(state)).toBe(false);
		expect(state.hitsQuery).toBe('paper 3');
	});

	it('ignores a second result for the query already shown, keeping the selection', () => {
		let state = reduce(initialState(TEN, NO_MARKS, 5), {type: 'filter-input', query: 'paper'});
		state = reduce(state, {type: 'filter-results', query: 'paper', hits: [hit(1), hit(2), hit(3)]});
		state = reduce(state, {type: 'move', delta: 2});
		const again = reduce(state, {type: 'filter-results', query: 'paper', hits: [hit(1), hit(2), hit(3)]});
		expect(again).toBe(state);
		expect(selectedPaper(again)?.title).toBe('Paper 3');
	});
});

describe('the footer message', () => {
	it('stays until the selection moves', () => {
		let state = reduce(initialState(TEN, NO_MARKS, 5), {type: 'message', text: 'opening https://arxiv.org/abs/2410.17243'});
		state = reduce(state, {type: 'cycle-sort'});
		expect(state.message).toBe('opening https://arxiv.org/abs/2410.17243');
		state = reduce(state, {type: 'move', delta: 1});
		expect(state.message).toBeNull();
	});
});

describe('new filter results', () => {
	it('select the best match even when the paper selected before is among the results', () => {
		const hit = (index: number): SearchHit => ({index, score: 0.1});
		let state = initialState(TEN, NO_MARKS, 5);
		expect(selectedPaper(state)?.title).toBe('Paper 0');
		state = reduce(state, {type: 'filter-input', query: 'paper'});
		state = reduce(state, {type: 'filter-results', query: 'paper', hits: [hit(7), hit(3), hit(0)]});
		expect(state.selected).toBe(0);
		expect(selectedPaper(state)?.title).toBe('Paper 7');
	});
});

describe('a listing still being read', () => {
	const FIRST = TEN.slice(0, 4);

	it('grows: counts, marks of the new papers and the list, keeping the selected paper', () => {
		let state = initialState(FIRST, NO_MARKS, 5, {loading: true});
		expect(state.loading).toBe(true);
		state = run(state, {type: 'move', delta: 2});
		state = reduce(state, {type: 'papers-loaded', papers: TEN, marks: marksFor([[TEN[8]!, {read: true}]]), done: true});
		expect(state.loading).toBe(false);
		expect(state.counts).toEqual({all: 10, unread: 9, favorites: 0});
		expect(state.visible).toHaveLength(10);
		expect(selectedTitle(state)).toBe('Paper 2');
	});

	it('searches a filter again over the new papers, dropping a result over the old ones', () => {
		let state = run(initialState(FIRST, NO_MARKS, 5, {loading: true}), {type: 'filter-start'}, {type: 'filter-input', query: 'paper'});
		state = reduce(state, {type: 'filter-results', query: 'paper', hits: [hit(3), hit(1)], papers: FIRST});
		state = run(state, {type: 'move', delta: 1});
		expect(selectedTitle(state)).toBe('Paper 1');
		state = reduce(state, {type: 'papers-loaded', papers: TEN, marks: NO_MARKS, done: true});
		expect(searchPending(state)).toBe(true);
		expect(titles(state)).toEqual(['Paper 3', 'Paper 1']); // the old hits until the new ones come
		expect(reduce(state, {type: 'filter-results', query: 'paper', hits: [hit(3)], papers: FIRST})).toBe(state);
		state = reduce(state, {type: 'filter-results', query: 'paper', hits: [hit(9), hit(3), hit(1)], papers: TEN});
		expect(searchPending(state)).toBe(false);
		expect(titles(state)).toEqual(['Paper 9', 'Paper 3', 'Paper 1']);
		expect(selectedTitle(state)).toBe('Paper 1');
	});

	it('says so when its hits are stale: they keep their query (and highlights) until the new search, and a newer query starts at its best match', () => {
		let state = run(initialState(FIRST, NO_MARKS, 5, {loading: true}), {type: 'filter-start'}, {type: 'filter-input', query: 'paper'});
		state = reduce(state, {type: 'filter-results', query: 'paper', hits: [hit(3), hit(1)], papers: FIRST});
		expect(state.hitsStale).toBe(false);
		state = run(state, {type: 'move', delta: 1});
		state = reduce(state, {type: 'papers-loaded', papers: TEN, marks: NO_MARKS, done: true});
		expect(state.hitsStale).toBe(true);
		expect(state.hitsQuery).toBe('paper');
		state = reduce(state, {type: 'filter-input', query: 'paper 9'});
		state = reduce(state, {type: 'filter-results', query: 'paper 9', hits: [hit(9), hit(3)], papers: TEN});
		expect(state.hitsStale).toBe(false);
		expect(searchPending(state)).toBe(false);
		expect(selectedTitle(state)).toBe('Paper 9');
	});

	it('shows the best match first after searching again, unless the user had moved', () => {
		let state = run(initialState(FIRST, NO_MARKS, 5, {loading: true}), {type: 'filter-start'}, {type: 'filter-input', query: 'paper'});
		state = reduce(state, {type: 'filter-results', query: 'paper', hits: [hit(3), hit(1)], papers: FIRST});
		state = reduce(state, {type: 'papers-loaded', papers: TEN, marks: NO_MARKS, done: true});
		state = reduce(state, {type: 'filter-results', query: 'paper', hits: [hit(9), hit(3), hit(1)], papers: TEN});
		expect(state.selected).toBe(0);
		expect(selectedTitle(state)).toBe('Paper 9');
	});
});

describe('sorted orders', () => {
	const papersOf = fc.array(
		fc.record({title: fc.string({maxLength: 8}), upvotes: fc.option(fc.nat(5), {nil: null}), published: fc.option(fc.constantFrom('2024-01-02', '2024-01-15', '2025-12-31'), {nil: null})}),
		{maxLength: 40},
	).map((records) => records.map((record, index) => paper(`${record.title} ${index}`, {...record, title: record.title})));

	fcTest.prop([papersOf, fc.nat(40), fc.constantFrom('upvotes', 'date', 'title')])('a list that grew is ordered as if it were sorted afresh', (papers, cut, sort) => {
		const start = papers.slice(0, Math.min(cut, papers.length));
		sortedOrder(start, sort); // remembered: the longer list extends it
		const grown = sortedOrder(papers, sort);
		const byTitle = new Intl.Collator('en', {sensitivity: 'base', numeric: true});
		const fresh = papers
			.map((_paper, index) => index)
			.sort((a, b) => {
				const x = papers[a]!;
				const y = papers[b]!;
				if (sort === 'upvotes') return (y.upvotes ?? -1) - (x.upvotes ?? -1) || a - b;
				if (sort === 'date') return (y.published ?? '').localeCompare(x.published ?? '') || a - b;
				return byTitle.compare(x.title, y.title) || a - b;
			});
		expect(grown).toEqual(fresh);
	});

	it('picks the view and the filter from the sorted order', () => {
		const papers = [paper('b', {upvotes: 1}), paper('a', {upvotes: 3}), paper('c', {upvotes: 2})];
		let state = run(initialState(papers, NO_MARKS, 5), {type: 'cycle-sort'});
		expect(state.sort).toBe('upvotes');
		expect(titles(state)).toEqual(['a', 'c', 'b']);
		state = run(state, {type: 'filter-start'}, {type: 'filter-input', query: 'x'}, {type: 'filter-results', query: 'x', hits: [hit(0), hit(1)]});
		expect(titles(state)).toEqual(['a', 'b']);
	});
});
