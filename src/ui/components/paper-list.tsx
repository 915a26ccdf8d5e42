import {Box} from 'ink';
import {listWindow} from '../frame/lines.js';
import type {ViewState} from '../view-state.js';
import {PaperRow} from './paper-row.js';
import {Line} from './spans.js';

/** The window of the list that fits: only these rows are rendered (frame/lines.ts's listWindow). */
export function PaperList({state, width, height}: {state: ViewState; width: number; height: number}) {
	const window = listWindow(state, width, height);
	return (
		<Box width={width} height={height} flexDirection="column">
			{window.rows === null
				? window.empty.map((line, index) => <Line key={index} line={line} />)
				: window.rows.map((row) => <PaperRow key={row.paper.id} {...row} />)}
		</Box>
	);
}
