/**
 * The background work of reading a listing in the reader: the search index built between keys and
 * frames, and the rest of a listing still being read, a slice at a time.
 */
import {useEffect, type RefObject} from 'react';
import type {Loading} from '../listing/load.js';
import type {Paper} from '../listing/paper.js';
import type {Searcher} from '../search/search.js';
import type {PaperMarks} from '../state/marks.js';
import {runInSlices} from './slices.js';
import {RESULTS_AFTER_KEY_MS} from './use-search.js';
import type {Action, ViewState} from './view-state.js';

/** How long one slice of reading the listing, or of indexing it, may hold the main thread. */
const LOAD_SLICE_MS = 8;
const INDEX_SLICE_MS = 8;
/** Reading and indexing the listing pause while keys come closer together than this. */
const TYPING_QUIET_MS = 50;
/** How often the list shows the papers read so far while a listing is read; under a filter, searched again each time. */
const LOAD_UPDATE_MS = 250;
const LOAD_UPDATE_FILTERED_MS = 1000;

const NO_MARKS = () => new Map<string, PaperMarks>();

/**
 * Indexes the papers in the background, between keys and frames, so that the first search finds the
 * index ready (a search indexes what is left itself).
 */
export function useIndexing(searcher: Searcher, papers: readonly Paper[], lastInputAt: RefObject<number>): void {
	useEffect(() => {
		searcher.setPapers(papers);
		return runInSlices((deadline) => searcher.prepare(deadline), INDEX_SLICE_MS, () => lastInputAt.current, TYPING_QUIET_MS);
	}, [searcher, papers, lastInputAt]);
}

export interface LoadingOptions {
	/** The listing still being read, if any. */
	loading: Pick<Loading, 'papers' | 'run'> | undefined;
	latest: () => ViewState;
	dispatch: (action: Action) => void;
	searcher: Searcher;
	/** The marks of papers that arrive. */
	readMarks: (papers: readonly Paper[]) => ReadonlyMap<string, PaperMarks>;
	/** When the last key arrived. */
	lastInputAt: RefObject<number>;
}

/**
 * Reads the rest of a listing still being read, a slice at a time between keys and frames; the list
 * grows a few times a second (about once a second under a filter, which is searched again each time).
 * The listing counts as read once its papers are indexed too: a search then answers at once, and
 * nothing runs while the reader is idle.
 */
export function useLoading({loading, latest, dispatch, searcher, readMarks, lastInputAt}: LoadingOptions): void {
	useEffect(() => {
		if (loading === undefined) return;
		let shown = latest().papers.length;
		let updated = performance.now();
		let all: readonly Paper[] | null = null;
		return runInSlices(
			(deadline) => {
				if (all !== null) {
					searcher.setPapers(all);
					if (!searcher.prepare(deadline)) return false;
					dispatch({type: 'papers-loaded', papers: all, marks: NO_MARKS(), done: true});
					return true;
				}
				let read: boolean;
				try {
					read = loading.run(deadline);
				} catch (error) {
					read = true;
					dispatch({type: 'message', text: `stopped reading: ${error instanceof Error ? error.message : String(error)}`});
				}
				const now = performance.now();
				const every = latest().query.trim() === '' ? LOAD_UPDATE_MS : LOAD_UPDATE_FILTERED_MS;
				// Not while keys are coming: drawing the grown list would hold up their echo.
				const typing = now - lastInputAt.current < RESULTS_AFTER_KEY_MS;
				if (read || (now - updated >= every && !typing)) {
					updated = now;
					const papers = loading.papers.slice();
					dispatch({type: 'papers-loaded', papers, marks: readMarks(papers.slice(shown)), done: false});
					shown = papers.length;
					if (read) all = papers;
				}
				return false;
			},
			LOAD_SLICE_MS,
			() => lastInputAt.current,
			TYPING_QUIET_MS,
		);
	}, [loading, readMarks, latest, dispatch, searcher, lastInputAt]);
}
