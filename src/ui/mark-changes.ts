/** The mark changes of `r`, `f`, `R` and `u`, from the view state (the reader writes them, then applies them). */
import type {Flag, MarkChange} from '../state/marks.js';
import {flagsOf, selectedPaper, type ViewState} from './view-state.js';

/** The change `r` or `f` makes to the selected paper, or null when the view is empty. */
export function toggleChange(state: ViewState, flag: Flag): MarkChange | null {
	const paper = selectedPaper(state);
	if (paper === undefined) return null;
	return {flag, entries: [{id: paper.id, value: !flagsOf(state, paper.id)[flag]}]};
}

/** The change `R` makes: every unread paper of the current view read. */
export function markAllReadChange(state: ViewState): MarkChange | null {
	const entries = state.visible
		.map((index) => state.papers[index]!.id)
		.filter((id) => !flagsOf(state, id).read)
		.map((id) => ({id, value: true}));
	return entries.length === 0 ? null : {flag: 'read', entries};
}

/** The change `u` makes: the last inverse change, or null. */
export function undoChange(state: ViewState): MarkChange | null {
	return state.undo.at(-1) ?? null;
}
