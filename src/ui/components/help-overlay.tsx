import {Box, Text} from 'ink';
import {HELP_ROWS, helpMaxScroll, helpRoom} from '../help-rows.js';
import {keysFor} from '../keymap.js';

const LABEL_WIDTH = Math.max(...HELP_ROWS.map((row) => row.label.length)) + 2;

/** The keys, generated from the keymap, and the filter's syntax; scrolls when the terminal is too short. */
export function HelpOverlay({width, height, scroll}: {width: number; height: number; scroll: number}) {
	const room = helpRoom(height);
	const more = scroll < helpMaxScroll(height);
	const rows = HELP_ROWS.slice(scroll, scroll + (more ? room - 1 : room));
	return (
		<Box width={width} height={height} flexDirection="column" overflow="hidden">
			<Text bold wrap="truncate">
				Keys <Text dimColor>(any key closes this help)</Text>
			</Text>
			{rows.map((row) => (
				<Text key={row.key} wrap="truncate">
					<Text color="cyan">{row.label.padEnd(LABEL_WIDTH)}</Text>
					{row.help === '' ? ' ' : row.help}
				</Text>
			))}
			{more ? (
				<Text dimColor wrap="truncate">
					{`↓ ${HELP_ROWS.length - scroll - rows.length} more (${keysFor(['down', 'up'])} scroll)`}
				</Text>
			) : null}
		</Box>
	);
}
