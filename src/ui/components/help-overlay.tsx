import {Box, Text} from 'ink';
import {KEYMAP, keysFor} from '../keymap.js';

/** The filter's syntax, after the keys: fzf's operators. */
export const FILTER_SYNTAX: ReadonlyArray<{label: string; help: string}> = [
	{label: 'words', help: 'filter: every word must match title, authors or abstract, in any order; typos and half-typed words match'},
	{label: "'word", help: 'the word exactly (no typos)'},
	{label: '^word', help: 'the title starts with it'},
	{label: 'word$', help: 'the title ends with it'},
	{label: '!word', help: 'leave out papers that have it'},
	{label: 'a | b', help: 'either word'},
];

/** Every row of the help: the keys from the keymap, a blank line, the filter's syntax. */
const ROWS: ReadonlyArray<{key: string; label: string; help: string}> = [
	...KEYMAP.map((entry) => ({key: entry.command, label: keysFor(entry.command, {all: true}), help: entry.help})),
	{key: 'blank', label: '', help: ''},
	...FILTER_SYNTAX.map((entry) => ({key: entry.label, ...entry})),
];

const LABEL_WIDTH = Math.max(...ROWS.map((row) => row.label.length)) + 2;

/** Lines of help the overlay scrolls through, beyond its title line. */
export const HELP_LINES = ROWS.length;

/** The keys, generated from the keymap, and the filter's syntax; scrolls when the terminal is too short. */
export function HelpOverlay({width, height, scroll}: {width: number; height: number; scroll: number}) {
	const room = Math.max(1, height - 1);
	const more = ROWS.length - scroll > room;
	const rows = ROWS.slice(scroll, scroll + (more ? room - 1 : room));
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
					{`↓ ${ROWS.length - scroll - rows.length} more (${keysFor(['down', 'up'])} scroll)`}
				</Text>
			) : null}
		</Box>
	);
}
