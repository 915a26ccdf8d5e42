import {Box} from 'ink';
import type {DetailLine} from '../detail-lines.js';
import {detailPaneLines} from '../frame/lines.js';
import {Line} from './spans.js';

/** Props of the detail pane. */
export interface DetailPaneProps {
	lines: readonly DetailLine[];
	scroll: number;
	width: number;
	height: number;
	focused: boolean;
}

/** The selected paper in full: the visible slice of its wrapped lines, with a scroll indicator (frame/lines.ts). */
export function DetailPane({lines, scroll, width, height, focused}: DetailPaneProps) {
	return (
		<Box width={width} height={height} flexDirection="column">
			{detailPaneLines(lines, scroll, width, height, focused).map((line, index) => (
				<Line key={index} line={line} />
			))}
		</Box>
	);
}
