import {Box, Text} from 'ink';
import {KEYMAP, keyLabels} from '../keymap.js';

const LABEL_WIDTH = Math.max(...KEYMAP.map((entry) => keyLabels(entry).length)) + 2;

/** Lines of help the overlay scrolls through, beyond its title line. */
export const HELP_LINES = KEYMAP.length;

/** The keys, generated from the keymap; scrolls when the terminal is too short for all of them. */
export function HelpOverlay({width, height, scroll}: {width: number; height: number; scroll: number}) {
	const room = Math.max(1, height - 1);
	const more = KEYMAP.length - scroll > room;
	const rows = KEYMAP.slice(scroll, scroll + (more ? room - 1 : room));
	return (
		<Box width={width} height={height} flexDirection="column" overflow="hidden">
			<Text bold wrap="truncate">
				Keys <Text dimColor>(any key closes this help)</Text>
			</Text>
			{rows.map((entry) => (
				<Text key={entry.command} wrap="truncate">
					<Text color="cyan">{keyLabels(entry).padEnd(LABEL_WIDTH)}</Text>
					{entry.help}
				</Text>
			))}
			{more ? <Text dimColor>{`↓ ${KEYMAP.length - scroll - rows.length} more (j/k scroll)`}</Text> : null}
		</Box>
	);
}
