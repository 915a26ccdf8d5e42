import {paperDay} from '../library/days.js';
import type {Paper} from '../listing/paper.js';
import type {SearchHit} from '../search/search.js';
import type {Flag} from '../state/store.js';
import {forYouOrder} from '../triage/for-you-order.js';

/** The three views of the header. */
export type View = 'all' | 'unread' | 'favorites';
import {SORTS, type Sort} from './sorts.js';

export {SORTS, type Sort};

/** The for-you ranking of a list of papers (triage/for-you.ts), once its features are built. */
export interface ForYouRanking {
	papers: readonly Paper[];
	/** Every paper, best first. */
	ranked: readonly number[];
	/** The terms that pulled a paper up. */
	why: (index: number, count?: number) => string[];
}

/** "More like this": the papers most like one paper, that paper first. */
export interface Like {
	id: string;
	title: string;
	papers: readonly Paper[];
	/** Indices into `papers`, most similar first. */
	order: readonly number[];
}
/** Which pane the keys act on. */
export type Focus = 'list' | 'detail';

/** The flags the reader shows for one paper. */
export interface Flags {
	read: boolean;
	favorite: boolean;
}

/** A change to read or favorite marks: one flag, a value for each paper. */
export interface Change {
	flag: Flag;
	entries: ReadonlyArray<{id: string; value: boolean}>;
}

/** The papers a search matched: best first, and a quick test of whether a paper is one. */
export interface Hits {
	/** Indices into `papers`, best first. */
	readonly order: readonly number[];
	has(index: number): boolean;
}

/** Hits from a search's results (a table of members, not a Map: 100,000 hits take a millisecond, not 60). */
function hitsOf(found: readonly SearchHit[], papers: number): Hits {
	const members = new Uint8Array(papers);
	const order = new Array<number>(found.length);
	for (let at = 0; at < found.length; at++) {
		const index = found[at]!.index;
		order[at] = index;
		members[index] = 1;
	}
	return {order, has: (index) => members[index] === 1};
}

/** Counts for the header. */
export interface Counts {
	all: number;
	unread: number;
	favorites: number;
}

/** Everything the reader shows, derived data included; changed only by `reduce`. */
export interface ViewState {
	papers: readonly Paper[];
	marks: ReadonlyMap<string, Flags>;
	counts: Counts;
	view: View;
	sort: Sort;
	/** The filter text. */
	query: string;
	/** The filter box has the keys. */
	filtering: boolean;
	/** Hits of the last finished search for `query`; null without a query. */
	hits: Hits | null;
	/** The query `hits` belong to ('' without hits); it lags `query` while a search runs. */
	hitsQuery: string;
	/** Indices into `papers`, in display order. */
	visible: readonly number[];
	/** Position of the selected paper in `visible`. */
	selected: number;
	/** First row of `visible` in the list window. */
	top: number;
	/** Rows the list window shows. */
	listHeight: number;
	focus: Focus;
	/** First line of the detail pane's content. */
	detailScroll: number;
	/** Inverse changes, newest last. */
	undo: readonly Change[];
	message: string | null;
	help: boolean;
	/** First line of the help overlay. */
	helpScroll: number;
	/** The listing is still being read: more papers will come. */
	loading: boolean;
	/** The day the view is narrowed to (YYYY-MM-DD, see library/days.ts), or null for all days. */
	day: string | null;
	/** The for-you ranking: null before there are features and favorites (the for-you sort shows the listing order). */
	ranking: ForYouRanking | null;
	/** "More like this" (`m`): the list shows these papers instead of the sort's, until `m` or Esc. */
	like: Like | null;
}

/** What can happen to the view. */
export type Action =
	| {type: 'move'; delta: number}
	| {type: 'move-to'; where: 'first' | 'last'}
	| {type: 'page'; direction: 1 | -1}
	| {type: 'resize'; listHeight: number}
	| {type: 'set-view'; view: View}
	| {type: 'cycle-sort'}
	| {type: 'filter-start'}
	| {type: 'filter-input'; query: string}
	/** `papers`: the list searched, when it may not be the current one (results over another are stale). */
	| {type: 'filter-results'; query: string; hits: readonly SearchHit[]; papers?: readonly Paper[]}
	| {type: 'filter-accept'}
	| {type: 'filter-clear'}
	| {type: 'focus'; focus: Focus | 'toggle'}
	| {type: 'scroll-detail'; delta: number; max: number}
	| {type: 'apply'; change: Change; advance?: boolean; message?: string}
	| {type: 'undo'}
	| {type: 'message'; text: string | null}
	| {type: 'help'; open: boolean}
	| {type: 'scroll-help'; delta: number; max: number}
	| {type: 'marks-reloaded'; marks: ReadonlyMap<string, Flags>}
	| {type: 'papers-loaded'; papers: readonly Paper[]; marks: ReadonlyMap<string, Flags>; done: boolean}
	/** Papers fetched while the reader runs, once the listing is read: those not in the list yet join at its end. */
	| {type: 'papers-added'; papers: readonly Paper[]; marks: ReadonlyMap<string, Flags>}
	/** Narrows the view to a day (null: all days). */
	| {type: 'set-day'; day: string | null}
	/** A new for-you ranking (null: none, as without favorites). */
	| {type: 'for-you-ranked'; ranking: ForYouRanking | null}
	/** Shows the papers like one paper (null: back to the sort). */
	| {type: 'like'; like: Like | null};

/** How many changes `u` can take back. */
const MAX_UNDO = 100;
const NO_FLAGS: Flags = {read: false, favorite: false};

/** The flags of a paper. */
export function flagsOf(state: Pick<ViewState, 'marks'>, id: string): Flags {
	return state.marks.get(id) ?? NO_FLAGS;
}

/** Where the reader starts: a view, and a filter already typed. */
export interface StartOptions {
	view?: View;
	query?: string;
	/** The papers are the first of a listing still being read. */
	loading?: boolean;
	/** A message for the footer from the start (a warning about the store, say). */
	message?: string;
	/** The sort to start with. */
	sort?: Sort;
}

/** The reader's first state. */
export function initialState(papers: readonly Paper[], marks: ReadonlyMap<string, Flags>, listHeight: number, start: StartOptions = {}): ViewState {
	const base: ViewState = {
		papers,
		marks,
		counts: countFlags(papers, marks, null),
		view: start.view ?? 'all',
		sort: start.sort ?? 'listing',
		query: start.query ?? '',
		filtering: false,
		hits: null,
		hitsQuery: '',
		visible: [],
		selected: 0,
		top: 0,
		listHeight: Math.max(1, listHeight),
		focus: 'list',
		detailScroll: 0,
		undo: [],
		message: start.message ?? null,
		help: false,
		helpScroll: 0,
		loading: start.loading ?? false,
		day: null,
		ranking: null,
		like: null,
	};
	return {...base, visible: computeVisible(base)};
}

/** The header's counts: of the day's papers when the view is narrowed to one. */
function countFlags(papers: readonly Paper[], marks: ReadonlyMap<string, Flags>, day: string | null): Counts {
	let all = 0;
	let unread = 0;
	let favorites = 0;
	for (const paper of papers) {
		if (day !== null && paperDay(paper) !== day) continue;
		all++;
		const flags = marks.get(paper.id);
		if (!flags?.read) unread++;
		if (flags?.favorite) favorites++;
	}
	return {all, unread, favorites};
}

function inView(flags: Flags, view: View): boolean {
	return view === 'all' || (view === 'unread' ? !flags.read : flags.favorite);
}

/** Made on first use: making a collator takes about 10 ms, at every start of the reader otherwise. */
let collator: Intl.Collator | undefined;
const byTitle = {compare: (a: string, b: string) => (collator ??= new Intl.Collator('en', {sensitivity: 'base', numeric: true})).compare(a, b)};

/** The papers of the view, filtered by the query's hits and sorted. */
export function computeVisible(state: Pick<ViewState, 'papers' | 'marks' | 'view' | 'sort' | 'hits'> & {day?: string | null; ranking?: ForYouRanking | null; like?: Like | null}): number[] {
	const {papers, hits} = state;
	const day = state.day ?? null;
	// All papers are in the All view: no look at each one's marks (100,000 of them take ~30 ms).
	const inViewOf = state.view === 'all' ? () => true : (index: number) => inView(flagsOf(state, papers[index]!.id), state.view);
	const shown = day === null ? inViewOf : (index: number) => paperDay(papers[index]!) === day && inViewOf(index);
	if (state.like != null && state.like.papers === papers) return state.like.order.filter((index) => (hits === null || hits.has(index)) && shown(index));
	// For you: unread papers best first, then the read ones; the listing order until there is a ranking.
	const ranking = state.ranking;
	if (state.sort === 'for-you' && ranking != null && ranking.papers === papers) {
		return forYouOrder(ranking.ranked, (index) => state.marks.get(papers[index]!.id)).filter((index) => (hits === null || hits.has(index)) && shown(index));
	}
	if (state.sort === 'listing' || state.sort === 'for-you') {
		// Listing order, or best match first under a filter.
		const candidates = hits === null ? papers.map((_paper, index) => index) : hits.order;
		return candidates.filter(shown);
	}
	// Every paper in the sort's order, computed once per list of papers: marking, switching views and
	// filtering only pick from it (sorting 100,000 titles takes over half a second).
	return sortedOrder(papers, state.sort).filter((index) => (hits === null || hits.has(index)) && shown(index));
}

type SortOrder = Exclude<Sort, 'listing' | 'for-you'>;

/** Orders of every paper by each sort, for the lists of papers seen (kept while the list is in use). */
const orders = new WeakMap<readonly Paper[], Map<SortOrder, readonly number[]>>();
/** The last order computed: a list that only grew from its papers extends it instead of sorting again. */
let lastOrder: {papers: readonly Paper[]; sort: SortOrder; order: readonly number[]} | null = null;

/** The indices of all papers in the sort's order (ties in listing order). */
export function sortedOrder(papers: readonly Paper[], sort: SortOrder): readonly number[] {
	let bySort = orders.get(papers);
	if (bySort === undefined) orders.set(papers, (bySort = new Map()));
	let order = bySort.get(sort);
	if (order === undefined) {
		const compare = comparator(papers, sort);
		const previous = lastOrder !== null && lastOrder.sort === sort && grewFrom(papers, lastOrder.papers) ? lastOrder.order : null;
		order = previous === null ? sortRange(papers.length, 0, compare) : merge(previous, sortRange(papers.length, previous.length, compare), compare);
		bySort.set(sort, order);
	}
	lastOrder = {papers, sort, order};
	return order;
}

/** Papers only appended to (as while a listing is read): the same objects at every earlier index. */
function grewFrom(papers: readonly Paper[], earlier: readonly Paper[]): boolean {
	if (earlier.length > papers.length) return false;
	for (let index = 0; index < earlier.length; index++) if (papers[index] !== earlier[index]) return false;
	return true;
}

function sortRange(end: number, start: number, compare: (a: number, b: number) => number): number[] {
	const indices: number[] = [];
	for (let index = start; index < end; index++) indices.push(index);
	return indices.sort(compare);
}

function merge(left: readonly number[], right: readonly number[], compare: (a: number, b: number) => number): number[] {
	const merged: number[] = [];
	let i = 0;
	let j = 0;
	while (i < left.length && j < right.length) merged.push(compare(left[i]!, right[j]!) <= 0 ? left[i++]! : right[j++]!);
	while (i < left.length) merged.push(left[i++]!);
	while (j < right.length) merged.push(right[j++]!);
	return merged;
}

function comparator(papers: readonly Paper[], sort: SortOrder): (a: number, b: number) => number {
	switch (sort) {
		case 'upvotes': {
			// No upvotes (null: an arXiv feed) sorts after 0.
			const votes = (index: number) => papers[index]!.upvotes ?? -1;
			return (a, b) => votes(b) - votes(a) || a - b;
		}
		case 'date': {
			// ISO dates: comparing the strings is comparing the dates (no date sorts last).
			const dates = papers.map((paper) => paper.published ?? '');
			return (a, b) => (dates[a]! < dates[b]! ? 1 : dates[a]! > dates[b]! ? -1 : a - b);
		}
		case 'title':
			return (a, b) => byTitle.compare(papers[a]!.title, papers[b]!.title) || a - b;
	}
}

/** True while the list does not yet show the results of the query as typed. */
export function searchPending(state: Pick<ViewState, 'query' | 'hitsQuery'>): boolean {
	return state.query.trim() !== '' && state.hitsQuery !== state.query;
}

/** The selected paper, if the view has any. */
export function selectedPaper(state: ViewState): Paper | undefined {
	const index = state.visible[state.selected];
	return index === undefined ? undefined : state.papers[index];
}

/** Keeps the selection inside the list and the window around the selection. */
function withWindow(state: ViewState): ViewState {
	const count = state.visible.length;
	const selected = clamp(state.selected, 0, count - 1);
	let top = clamp(state.top, 0, Math.max(0, count - state.listHeight));
	if (selected < top) top = selected;
	if (selected >= top + state.listHeight) top = selected - state.listHeight + 1;
	return {...state, selected, top};
}

function clamp(value: number, low: number, high: number): number {
	return Math.max(low, Math.min(value, Math.max(low, high)));
}

/** Recomputes the visible list, keeping the selected paper (or, when it left the view, its position). */
function relist(state: ViewState, keep: string | null = selectedPaper(state)?.id ?? null): ViewState {
	const visible = computeVisible(state);
	const position = keep === null ? -1 : visible.findIndex((index) => state.papers[index]!.id === keep);
	const next = {...state, visible, selected: position === -1 ? state.selected : position};
	return withWindow(next);
}

/** Moves the selection; the footer's last message has been read by then. */
function select(state: ViewState, selected: number): ViewState {
	return withWindow({...state, selected, message: null});
}

function applyChange(state: ViewState, change: Change): ViewState {
	const marks = new Map(state.marks);
	for (const {id, value} of change.entries) {
		const flags = {...flagsOf(state, id), [change.flag]: value};
		if (flags.read || flags.favorite) marks.set(id, flags);
		else marks.delete(id);
	}
	return {...state, marks, counts: countFlags(state.papers, marks, state.day)};
}

/** The change that undoes `change` from the state before it. */
function inverse(state: ViewState, change: Change): Change {
	return {flag: change.flag, entries: change.entries.map(({id}) => ({id, value: flagsOf(state, id)[change.flag]}))};
}

/** The view reducer: every key the reader handles ends up here as an action. */
export function reduce(state: ViewState, action: Action): ViewState {
	const next = reduceAction(state, action);
	// The detail scroll belongs to the selected paper: another paper's detail starts at its top.
	if (next.detailScroll !== 0 && selectedPaper(next)?.id !== selectedPaper(state)?.id) return {...next, detailScroll: 0};
	return next;
}

function reduceAction(state: ViewState, action: Action): ViewState {
	switch (action.type) {
		case 'move':
			return select(state, state.selected + action.delta);
		case 'move-to':
			return select(state, action.where === 'first' ? 0 : state.visible.length - 1);
		case 'page': {
			const step = Math.max(1, state.listHeight - 1) * action.direction;
			return select({...state, top: state.top + step}, state.selected + step);
		}
		case 'resize':
			return withWindow({...state, listHeight: Math.max(1, action.listHeight)});
		case 'set-view':
			return relist({...state, view: action.view, message: null});
		case 'cycle-sort': {
			const sort = SORTS[(SORTS.indexOf(state.sort) + 1) % SORTS.length]!;
			// For you starts at its best paper; the other sorts keep the selected paper.
			if (sort === 'for-you') return relist({...state, sort, like: null, selected: 0, top: 0}, null);
			return relist({...state, sort, like: null});
		}
		case 'filter-start':
			return {...state, filtering: true, focus: 'list', message: null};
		case 'filter-input':
			if (action.query.trim() === '') return relist({...state, query: action.query, hits: null, hitsQuery: ''});
			return {...state, query: action.query};
		case 'filter-results': {
			// A stale search that finished late (an older query, or fewer papers), or a second search of what is shown.
			if (action.query !== state.query || (action.papers !== undefined && action.papers !== state.papers) || action.query === state.hitsQuery) return state;
			const hits = hitsOf(action.hits, state.papers.length);
			// The same query searched again over more papers: keep the paper the user moved to, if any. A new
			// query: best match first.
			if (state.hitsQuery === '' && state.hits !== null && state.selected > 0) return relist({...state, hits, hitsQuery: action.query});
			return relist({...state, hits, hitsQuery: action.query, selected: 0, top: 0}, null);
		}
		case 'filter-accept':
			return {...state, filtering: false};
		case 'filter-clear':
			return relist({...state, filtering: false, query: '', hits: null, hitsQuery: ''});
		case 'focus': {
			const focus = action.focus === 'toggle' ? (state.focus === 'list' ? 'detail' : 'list') : action.focus;
			return {...state, focus};
		}
		case 'scroll-detail':
			return {...state, detailScroll: clamp(state.detailScroll + action.delta, 0, action.max)};
		case 'apply': {
			const following = action.advance ? state.visible[state.selected + 1] : undefined;
			const undo = [...state.undo, inverse(state, action.change)].slice(-MAX_UNDO);
			const changed = applyChange({...state, undo, message: action.message ?? null}, action.change);
			const keep = following === undefined ? (selectedPaper(state)?.id ?? null) : state.papers[following]!.id;
			return relist(changed, keep);
		}
		case 'undo': {
			const last = state.undo.at(-1);
			if (last === undefined) return {...state, message: 'nothing to undo'};
			const undone = applyChange({...state, undo: state.undo.slice(0, -1), message: `undone (${last.entries.length} paper${last.entries.length === 1 ? '' : 's'})`}, last);
			return relist(undone, last.entries[0]?.id ?? null);
		}
		case 'message':
			return {...state, message: action.text};
		case 'help':
			return {...state, help: action.open, helpScroll: 0};
		case 'scroll-help':
			return {...state, helpScroll: clamp(state.helpScroll + action.delta, 0, action.max)};
		case 'marks-reloaded':
			return relist({...state, marks: action.marks, counts: countFlags(state.papers, action.marks, state.day)});
		case 'papers-loaded': {
			// The same papers, now ready: only the header's "so far" goes.
			if (action.papers === state.papers) return {...state, loading: !action.done};
			// Papers only ever join at the end (or are replaced in place by a merge), so indices and hits
			// stay valid; a filter's hits are marked stale so that it is searched again over all papers.
			const marks = new Map(state.marks);
			for (const [id, flags] of action.marks) marks.set(id, flags);
			const hitsQuery = state.query.trim() === '' ? state.hitsQuery : '';
			return relist({...state, papers: action.papers, marks, counts: countFlags(action.papers, marks, state.day), loading: !action.done, hitsQuery, like: null});
		}
		case 'papers-added': {
			const known = new Set(state.papers.map((paper) => paper.id));
			const added = action.papers.filter((paper) => !known.has(paper.id));
			if (added.length === 0) return state;
			const papers = [...state.papers, ...added];
			const marks = new Map(state.marks);
			for (const [id, flags] of action.marks) marks.set(id, flags);
			const hitsQuery = state.query.trim() === '' ? state.hitsQuery : '';
			return relist({...state, papers, marks, counts: countFlags(papers, marks, state.day), hitsQuery, like: null});
		}
		case 'set-day': {
			if (action.day === state.day) return state;
			// Another day: its first paper (the selection's position means nothing there).
			const next = {...state, day: action.day, counts: countFlags(state.papers, state.marks, action.day), selected: 0, top: 0, detailScroll: 0, message: null};
			return relist(next, null);
		}
		case 'for-you-ranked': {
			// The first ranking shown starts at its best paper; a new one (the favorites changed) keeps the selection.
			const first = state.sort === 'for-you' && state.like === null && action.ranking !== null && (state.ranking === null || state.ranking.papers !== state.papers);
			if (first) return relist({...state, ranking: action.ranking, selected: 0, top: 0}, null);
			return relist({...state, ranking: action.ranking});
		}
		case 'like':
			if (action.like === null) return state.like === null ? state : relist({...state, like: null});
			// The paper itself first: selected, at the top.
			return relist({...state, like: action.like, selected: 0, top: 0, detailScroll: 0}, null);
	}
}

/** The change `r` or `f` makes to the selected paper, or null when the view is empty. */
export function toggleChange(state: ViewState, flag: Flag): Change | null {
	const paper = selectedPaper(state);
	if (paper === undefined) return null;
	return {flag, entries: [{id: paper.id, value: !flagsOf(state, paper.id)[flag]}]};
}

/** The change `R` makes: every unread paper of the current view read. */
export function markAllReadChange(state: ViewState): Change | null {
	const entries = state.visible
		.map((index) => state.papers[index]!.id)
		.filter((id) => !flagsOf(state, id).read)
		.map((id) => ({id, value: true}));
	return entries.length === 0 ? null : {flag: 'read', entries};
}

/** The change `u` makes: the last inverse change, or null. */
export function undoChange(state: ViewState): Change | null {
	return state.undo.at(-1) ?? null;
}
