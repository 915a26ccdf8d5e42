/**
 * The filter's search in the reader: run in slices of a few milliseconds, after the typed character has
 * been drawn and between keys, so that typing never waits for a search; Enter finishes it at once.
 */
import {useEffect, useRef, type RefObject} from 'react';
import type {Paper} from '../listing/paper.js';
import {describeCut, type SearchJob, type Searcher} from '../search/search.js';
import {runInSlices} from './slices.js';
import type {Action, ViewState} from './view-state.js';

/** How long one slice of a search may hold the main thread. */
const SEARCH_SLICE_MS = 8;
/** A search's results are drawn no sooner than this after the last key. */
export const RESULTS_AFTER_KEY_MS = 40;

export interface SearchOptions {
	state: ViewState;
	latest: () => ViewState;
	dispatch: (action: Action) => void;
	searcher: Searcher;
	/** When the last key arrived. */
	lastInputAt: RefObject<number>;
}

/** Searches the filter's query as it is typed; returns `finishSearch`, which finishes the search of the query as typed at once. */
export function useSearch({state, latest, dispatch, searcher, lastInputAt}: SearchOptions): () => void {
	const job = useRef<{job: SearchJob; papers: readonly Paper[]} | null>(null);

	// A new query drops the job under way (the searcher lets the new one take over its progress); a
	// result for an older query is dropped by the reducer.
	const searchedPapers = state.papers;
	useEffect(() => {
		const query = state.query;
		if (query.trim() === '') return;
		const current = searcher.start(query, searchedPapers);
		if (current.cut !== null) dispatch({type: 'message', text: describeCut(current.cut)});
		job.current = {job: current, papers: searchedPapers};
		let shown: NodeJS.Timeout | undefined;
		const show = () => dispatch({type: 'filter-results', query, hits: current.hits(), papers: searchedPapers});
		const stop = runInSlices(
			(deadline) => {
				if (!current.run(deadline)) return false;
				// A results frame takes tens of milliseconds to draw: right after a key, the next key's echo
				// would wait for it. Drawn once typing has paused a moment (a key or more later, it is a
				// newer query's search that draws).
				const wait = RESULTS_AFTER_KEY_MS - (performance.now() - lastInputAt.current);
				if (wait <= 0) show();
				else shown = setTimeout(show, wait);
				return true;
			},
			SEARCH_SLICE_MS,
			() => lastInputAt.current,
		);
		return () => {
			stop();
			clearTimeout(shown);
		};
	}, [state.query, searcher, searchedPapers, dispatch, lastInputAt]);

	/** Keys after Enter act on its results. */
	return () => {
		const {query, papers: current} = latest();
		let running = job.current?.job;
		if (running === undefined || running.query !== query || job.current?.papers !== current) running = searcher.start(query, current);
		running.run(Infinity);
		dispatch({type: 'filter-results', query, hits: running.hits(), papers: current});
	};
}
