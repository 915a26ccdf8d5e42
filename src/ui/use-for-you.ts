/**
 * "For you" in the reader: the papers' features are built in the background once first wanted (the
 * for-you sort or `m`), a slice of a few milliseconds at a time between keys and frames (as the search
 * index is); once they are, the ranking is
 * trained again after each change of the favorites, after the key's frame has been drawn (as marks are
 * written). `m` shows the papers most like the selected one.
 */
import {useEffect, useMemo, useRef, useState} from 'react';
import type {Paper} from '../listing/paper.js';
import {FeatureJob, markedIndices, rankPapers, similarTo, type Ranking} from '../triage/for-you.js';
import {truncateToWidth} from '../text/wrap.js';
import {readingStatus} from './frame/lines.js';
import {keysFor} from './keymap.js';
import {runInSlices} from './slices.js';
import type {Action, ViewState} from './view-state.js';

/** How long one slice of the feature build may hold the main thread. */
const FEATURE_SLICE_MS = 4;
/** The build pauses while keys come closer together than this. */
const TYPING_QUIET_MS = 50;
/** How often the footer's "reading N/M papers…" is drawn again. */
const PROGRESS_MS = 250;
/** Terms on the detail's "why" line. */
const WHY_TERMS = 5;

export interface ForYouOptions {
	state: ViewState;
	latest: () => ViewState;
	dispatch: (action: Action) => void;
	/** When the last key arrived. */
	lastInputAt: () => number;
}

export interface ForYou {
	/** The footer's word on the for-you order ("for you: reading 120/10,000 papers…"), or null. */
	status: string | null;
	/** The terms that pulled the selected paper up, when the for-you order is on. */
	why: string[] | null;
	/** `m`: the papers most like the selected one, or back to the sort. */
	moreLikeThis: () => void;
}

export {readingStatus};

export const NO_FAVORITES = `for you: no favorites yet (${keysFor('toggle-favorite')} marks one); listing order`;


export function useForYou({state, latest, dispatch, lastInputAt}: ForYouOptions): ForYou {
	const job = useRef<FeatureJob | null>(null);
	const [progress, setProgress] = useState(0);
	const [ready, setReady] = useState<FeatureJob | null>(null);
	/** Whether the footer shows the build's progress (only then is it drawn again as it goes). */
	const showing = useRef(false);
	showing.current = state.sort === 'for-you' && state.like === null;

	// The features of the papers, once the listing is read and they are first wanted (the for-you sort, `m`):
	// a reader that never ranks spends nothing on them. Built again when papers join the list.
	const [wanted, setWanted] = useState(state.sort === 'for-you');
	if (state.sort === 'for-you' && !wanted) setWanted(true);
	const papers = state.papers;
	const loading = state.loading;
	useEffect(() => {
		if (loading || !wanted) return;
		const current = new FeatureJob(papers);
		job.current = current;
		setProgress(0);
		let drawn = performance.now();
		return runInSlices(
			(deadline) => {
				const done = current.step(deadline);
				const now = performance.now();
				if (done) setReady(current);
				else if (showing.current && now - drawn >= PROGRESS_MS && now - lastInputAt() >= TYPING_QUIET_MS) {
					drawn = now;
					setProgress(current.progress);
				}
				return done;
			},
			FEATURE_SLICE_MS,
			lastInputAt,
			TYPING_QUIET_MS,
		);
	}, [papers, loading, wanted, lastInputAt]);

	const features = ready !== null && ready.papers === papers ? ready.features : null;

	// The favorites and the read papers, as indices; the ranking is trained again when the favorites change.
	const marks = state.marks;
	const marked = useMemo(() => markedIndices(papers.length, (index) => marks.get(papers[index]!.id)), [papers, marks]);
	const favoritesKey = marked.favorites.join(',');
	const previous = useRef<Ranking | null>(null);
	const ranked = state.sort === 'for-you';
	useEffect(() => {
		if (!ranked || features === null) return;
		const {favorites, read} = marked;
		if (favorites.length === 0) {
			previous.current = null;
			dispatch({type: 'for-you-ranked', ranking: null});
			return;
		}
		// After the frame of the key that changed the favorites (slices let it be drawn first).
		return runInSlices(
			() => {
				const ranking = rankPapers(papers, features, favorites, read, previous.current);
				previous.current = ranking;
				dispatch({type: 'for-you-ranked', ranking: {papers, ranked: ranking.ranked, why: ranking.why}});
				return true;
			},
			0,
			lastInputAt,
		);
		// Read marks change the order, not the ranking: `marked` is read, the favorites are what it depends on.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ranked, features, favoritesKey, papers, dispatch, lastInputAt]);

	let status: string | null = null;
	if (showing.current) {
		if (features === null) status = readingStatus(loading ? 0 : Math.min(progress, papers.length), papers.length);
		else if (marked.favorites.length === 0) status = NO_FAVORITES;
	}

	const selectedIndex = state.visible[state.selected];
	const ranking = state.ranking;
	const why = useMemo(() => {
		if (state.sort !== 'for-you' || state.like !== null || ranking === null || ranking.papers !== papers || selectedIndex === undefined) return null;
		return ranking.why(selectedIndex, WHY_TERMS);
	}, [state.sort, state.like, ranking, papers, selectedIndex]);

	const moreLikeThis = () => {
		const current = latest();
		if (current.like !== null) return dispatch({type: 'like', like: null});
		const index = current.visible[current.selected];
		if (index === undefined) return;
		const built = job.current?.papers === current.papers ? job.current.features : null;
		if (built === null) {
			setWanted(true);
			const done = current.loading ? 0 : (job.current?.progress ?? 0);
			return dispatch({type: 'message', text: `more like this: ${readingStatus(done, current.papers.length).slice('for you: '.length)} (try again in a moment)`});
		}
		const paper: Paper = current.papers[index]!;
		dispatch({type: 'like', like: {id: paper.id, title: truncateToWidth(paper.title, 60), papers: current.papers, order: similarTo(built, index)}});
	};

	return {status, why, moreLikeThis};
}
