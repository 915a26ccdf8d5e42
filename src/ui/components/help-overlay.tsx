import {Box, Text} from 'ink';
import {KEYMAP, keyLabels} from '../keymap.js';

/** The keys, generated from the keymap, fitted to the space there is. */
export function HelpOverlay({width, height}: {width: number; height: number}) {
	const labelWidth = Math.max(...KEYMAP.map((entry) => keyLabels(entry).length)) + 2;
	const rows = KEYMAP.slice(0, Math.max(0, height - 2));
	return (
		<Box width={width} height={height} flexDirection="column" overflow="hidden">
			<Text bold>Keys (any key closes this help)</Text>
			{rows.map((entry) => (
				<Text key={entry.command} wrap="truncate">
					<Text color="cyan">{keyLabels(entry).padEnd(labelWidth)}</Text>
					{entry.help}
				</Text>
			))}
			{rows.length < KEYMAP.length ? <Text dimColor>{`… ${KEYMAP.length - rows.length} more: a taller terminal shows them`}</Text> : null}
		</Box>
	);
}
