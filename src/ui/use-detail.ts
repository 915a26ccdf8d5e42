/**
 * The selected paper's detail: its lines at the pane's width, with the filter's matches highlighted and
 * the for-you "why" line. Their count goes into the view state (during this render, so the frame drawn
 * already has it), where the reducer clamps the detail's scrolling.
 */
import {useMemo} from 'react';
import {matchRanges} from '../search/highlight.js';
import {detailLines, type DetailLine} from './detail-lines.js';
import {flagsOf, selectedPaper, type Action, type ViewState} from './view-state.js';

export function useDetail(state: ViewState, dispatch: (action: Action) => void, width: number, why: readonly string[] | null): readonly DetailLine[] {
	const paper = selectedPaper(state);
	const matched = paper !== undefined && state.hits?.has(state.visible[state.selected]!) === true;
	const ranges = useMemo(() => (paper !== undefined && matched ? matchRanges(state.hitsQuery, paper) : undefined), [paper, matched, state.hitsQuery]);
	const lines = useMemo(
		() => (paper === undefined ? [] : detailLines(paper, flagsOf(state, paper.id), ranges, width, why)),
		// Marks are read through `state` (flagsOf); `state.marks` is what they depend on.
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[paper, state.marks, ranges, width, why],
	);
	if (lines.length !== state.detailLines) dispatch({type: 'detail-lines', count: lines.length});
	return lines;
}
