/** The view reducer: how each action changes the view state. */
import type {SearchHit} from '../search/search.js';
import type {MarkChange} from '../state/marks.js';
import {detailMaxScroll} from './frame/lines.js';
import {helpMaxScroll} from './help-rows.js';
import {SORTS} from './sorts.js';
import {computeVisible, countFlags} from './visibility.js';
import {flagsOf, searchPending, selectedPaper, type Action, type Hits, type ViewState} from './view-state.js';

/** How many changes `u` can take back. */
const MAX_UNDO = 100;

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

function applyChange(state: ViewState, change: MarkChange): ViewState {
	const marks = new Map(state.marks);
	for (const {id, value} of change.entries) {
		const flags = {...flagsOf(state, id), [change.flag]: value};
		if (flags.read || flags.favorite) marks.set(id, flags);
		else marks.delete(id);
	}
	return {...state, marks, counts: countFlags(state.papers, marks, state.day)};
}

/** The change that undoes `change` from the state before it. */
function inverse(state: ViewState, change: MarkChange): MarkChange {
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
		case 'resize': {
			const listHeight = Math.max(1, action.listHeight);
			const detailScroll = clamp(state.detailScroll, 0, detailMaxScroll(state.detailLines, listHeight));
			return withWindow({...state, listHeight, detailScroll, helpScroll: clamp(state.helpScroll, 0, helpMaxScroll(listHeight))});
		}
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
			if (action.query.trim() === '') return relist({...state, query: action.query, hits: null, hitsQuery: '', hitsStale: false});
			return {...state, query: action.query};
		case 'filter-results': {
			// A stale search that finished late (an older query, or fewer papers), or a second search of what is shown.
			if (action.query !== state.query || (action.papers !== undefined && action.papers !== state.papers) || !searchPending(state)) return state;
			const hits = hitsOf(action.hits, state.papers.length);
			// The same query searched again over more papers: keep the paper the user moved to, if any. A new
			// query: best match first.
			if (state.hitsStale && state.hitsQuery === action.query && state.selected > 0) return relist({...state, hits, hitsQuery: action.query, hitsStale: false});
			return relist({...state, hits, hitsQuery: action.query, hitsStale: false, selected: 0, top: 0}, null);
		}
		case 'filter-accept':
			return {...state, filtering: false};
		case 'filter-clear':
			return relist({...state, filtering: false, query: '', hits: null, hitsQuery: '', hitsStale: false});
		case 'focus': {
			const focus = action.focus === 'toggle' ? (state.focus === 'list' ? 'detail' : 'list') : action.focus;
			return {...state, focus};
		}
		case 'scroll-detail':
			return {...state, detailScroll: clamp(state.detailScroll + action.delta, 0, detailMaxScroll(state.detailLines, state.listHeight))};
		case 'detail-lines':
			return {...state, detailLines: action.count, detailScroll: clamp(state.detailScroll, 0, detailMaxScroll(action.count, state.listHeight))};
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
			return {...state, helpScroll: clamp(state.helpScroll + action.delta, 0, helpMaxScroll(state.listHeight))};
		case 'marks-reloaded':
			return relist({...state, marks: action.marks, counts: countFlags(state.papers, action.marks, state.day)});
		case 'papers-loaded': {
			// The same papers, now ready: only the header's "so far" goes.
			if (action.papers === state.papers) return {...state, loading: !action.done};
			// Papers only ever join at the end (or are replaced in place by a merge), so indices and hits
			// stay valid; a filter's hits are marked stale so that it is searched again over all papers.
			const marks = new Map(state.marks);
			for (const [id, flags] of action.marks) marks.set(id, flags);
			return relist({...state, papers: action.papers, marks, counts: countFlags(action.papers, marks, state.day), loading: !action.done, hitsStale: state.hits !== null, like: null});
		}
		case 'papers-added': {
			const known = new Set(state.papers.map((paper) => paper.id));
			const added = action.papers.filter((paper) => !known.has(paper.id));
			if (added.length === 0) return state;
			const papers = [...state.papers, ...added];
			const marks = new Map(state.marks);
			for (const [id, flags] of action.marks) marks.set(id, flags);
			return relist({...state, papers, marks, counts: countFlags(papers, marks, state.day), hitsStale: state.hits !== null, like: null});
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
