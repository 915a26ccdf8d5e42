import {Box, Text} from 'ink';
import type {DetailLine} from '../detail-lines.js';
import {Highlighted} from './highlighted.js';

/** Props of the detail pane. */
export interface DetailPaneProps {
	lines: readonly DetailLine[];
	scroll: number;
	width: number;
	height: number;
	focused: boolean;
}

const STYLE: Record<DetailLine['kind'], {bold?: boolean; dimColor?: boolean; color?: string}> = {
	title: {bold: true},
	meta: {dimColor: true},
	why: {color: 'magenta'},
	link: {color: 'blue'},
	text: {},
	blank: {},
};

/** The selected paper in full: the visible slice of its wrapped lines, with a scroll indicator. */
export function DetailPane({lines, scroll, width, height, focused}: DetailPaneProps) {
	const shown = lines.slice(scroll, scroll + height);
	const more = lines.length > scroll + height;
	return (
		<Box width={width} height={height} flexDirection="column">
			{shown.map((line, index) => {
				const isLast = index === shown.length - 1;
				if (isLast && more) {
					return (
						<Text key={index} dimColor wrap="truncate">
							{`↓ ${lines.length - scroll - height + 1} more lines${focused ? ' (j/k scroll)' : ' (Tab to scroll)'}`}
						</Text>
					);
				}
				return (
					<Text key={index} {...STYLE[line.kind]} wrap="truncate">
						{line.segments.length === 0 ? ' ' : <Highlighted segments={line.segments} />}
					</Text>
				);
			})}
		</Box>
	);
}
