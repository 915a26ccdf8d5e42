import {Box, Text} from 'ink';
import type {ViewState} from '../view-state.js';
import {flagsOf} from '../view-state.js';
import {PaperRow} from './paper-row.js';

/** The window of the list that fits: only these rows are rendered. */
export function PaperList({state, width, height}: {state: ViewState; width: number; height: number}) {
	const rows = state.visible.slice(state.top, state.top + height);
	if (state.visible.length === 0) {
		return (
			<Box width={width} height={height} flexDirection="column">
				<Text dimColor>{emptyMessage(state)}</Text>
			</Box>
		);
	}
	let maxUpvotes = 0;
	for (const index of rows) maxUpvotes = Math.max(maxUpvotes, state.papers[index]!.upvotes ?? 0);
	const upvoteWidth = Math.max(2, String(maxUpvotes).length);
	return (
		<Box width={width} height={height} flexDirection="column">
			{rows.map((index, row) => {
				const paper = state.papers[index]!;
				return (
					<PaperRow
						key={paper.id}
						paper={paper}
						flags={flagsOf(state, paper.id)}
						width={width}
						selected={state.top + row === state.selected}
						focused={state.focus === 'list'}
						query={state.hits?.has(index) ? state.hitsQuery : ''}
						upvoteWidth={upvoteWidth}
					/>
				);
			})}
		</Box>
	);
}

function emptyMessage(state: ViewState): string {
	if (state.query.trim() !== '') return state.hits === null || state.loading ? 'searching…' : `no paper matches "${state.query}"`;
	if (state.loading) return 'reading the listing…';
	if (state.day !== null && state.counts.all === 0) return `nothing on ${state.day} yet (0: all days)`;
	if (state.view === 'unread') return 'all read: nothing new here (1 shows all papers)';
	if (state.view === 'favorites') return 'no favorites yet (f marks one)';
	return 'no papers';
}
