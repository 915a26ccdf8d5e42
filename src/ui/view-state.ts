import type {Paper} from '../listing/paper.js';
import type {SearchHit} from '../search/search.js';
import type {MarkChange, PaperMarks} from '../state/marks.js';
import type {View} from '../state/with-state.js';
import {computeVisible, countFlags} from './visibility.js';

/** The three views of the header: the reader has no read-only view. */
export type ReaderView = Exclude<View, 'read'>;
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

/** The papers a search matched: best first, and a quick test of whether a paper is one. */
export interface Hits {
	/** Indices into `papers`, best first. */
	readonly order: readonly number[];
	has(index: number): boolean;
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
	marks: ReadonlyMap<string, PaperMarks>;
	counts: Counts;
	view: ReaderView;
	sort: Sort;
	/** The filter text. */
	query: string;
	/** The filter box has the keys. */
	filtering: boolean;
	/** Hits of the last finished search; null without a query. */
	hits: Hits | null;
	/** The query `hits` belong to ('' without hits); it lags `query` while a search runs. */
	hitsQuery: string;
	/**
	 * Papers arrived after `hits` were found (the listing read on, a day fetched): they are shown until a
	 * search over all the papers replaces them.
	 */
	hitsStale: boolean;
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
	/** Lines of the selected paper's detail as the pane lays them out (the App reports them): how far it scrolls. */
	detailLines: number;
	/** Inverse changes, newest last. */
	undo: readonly MarkChange[];
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
	| {type: 'set-view'; view: ReaderView}
	| {type: 'cycle-sort'}
	| {type: 'filter-start'}
	| {type: 'filter-input'; query: string}
	/** `papers`: the list searched, when it may not be the current one (results over another are stale). */
	| {type: 'filter-results'; query: string; hits: readonly SearchHit[]; papers?: readonly Paper[]}
	| {type: 'filter-accept'}
	| {type: 'filter-clear'}
	| {type: 'focus'; focus: Focus | 'toggle'}
	| {type: 'scroll-detail'; delta: number}
	| {type: 'detail-lines'; count: number}
	| {type: 'apply'; change: MarkChange; advance?: boolean; message?: string}
	| {type: 'undo'}
	| {type: 'message'; text: string | null}
	| {type: 'help'; open: boolean}
	| {type: 'scroll-help'; delta: number}
	| {type: 'marks-reloaded'; marks: ReadonlyMap<string, PaperMarks>}
	| {type: 'papers-loaded'; papers: readonly Paper[]; marks: ReadonlyMap<string, PaperMarks>; done: boolean}
	/** Papers fetched while the reader runs, once the listing is read: those not in the list yet join at its end. */
	| {type: 'papers-added'; papers: readonly Paper[]; marks: ReadonlyMap<string, PaperMarks>}
	/** Narrows the view to a day (null: all days). */
	| {type: 'set-day'; day: string | null}
	/** A new for-you ranking (null: none, as without favorites). */
	| {type: 'for-you-ranked'; ranking: ForYouRanking | null}
	/** Shows the papers like one paper (null: back to the sort). */
	| {type: 'like'; like: Like | null};

const NO_FLAGS: PaperMarks = {read: false, favorite: false};

/** The flags of a paper. */
export function flagsOf(state: Pick<ViewState, 'marks'>, id: string): PaperMarks {
	return state.marks.get(id) ?? NO_FLAGS;
}

/** Where the reader starts: a view, and a filter already typed. */
export interface StartOptions {
	view?: ReaderView;
	query?: string;
	/** The papers are the first of a listing still being read. */
	loading?: boolean;
	/** A message for the footer from the start (a warning about the store, say). */
	message?: string;
	/** The sort to start with. */
	sort?: Sort;
}

/** The reader's first state. */
export function initialState(papers: readonly Paper[], marks: ReadonlyMap<string, PaperMarks>, listHeight: number, start: StartOptions = {}): ViewState {
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
		hitsStale: false,
		visible: [],
		selected: 0,
		top: 0,
		listHeight: Math.max(1, listHeight),
		focus: 'list',
		detailScroll: 0,
		detailLines: 0,
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

/** True while the list does not yet show the results of the query as typed, over all the papers. */
export function searchPending(state: Pick<ViewState, 'query' | 'hitsQuery' | 'hitsStale'>): boolean {
	return state.query.trim() !== '' && (state.hitsQuery !== state.query || state.hitsStale);
}

/** The selected paper, if the view has any. */
export function selectedPaper(state: ViewState): Paper | undefined {
	const index = state.visible[state.selected];
	return index === undefined ? undefined : state.papers[index];
}
