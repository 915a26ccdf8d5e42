/**
 * The help's rows (the keys from the keymap, then the filter's syntax) and how far they scroll: one
 * source for the overlay that draws them and the reducer that clamps its scrolling.
 */
import {KEYMAP, keysFor} from './keymap.js';

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
export const HELP_ROWS: ReadonlyArray<{key: string; label: string; help: string}> = [
	...KEYMAP.map((entry) => ({key: entry.command, label: keysFor(entry.command, {all: true}), help: entry.help})),
	{key: 'blank', label: '', help: ''},
	...FILTER_SYNTAX.map((entry) => ({key: entry.label, ...entry})),
];

/** Rows of help below its title line, in a body `height` rows high. */
export function helpRoom(height: number): number {
	return Math.max(1, height - 1);
}

/** How far the help scrolls in a body `height` rows high: at the end, its last row shows and no "more" line. */
export function helpMaxScroll(height: number): number {
	return Math.max(0, HELP_ROWS.length - helpRoom(height));
}
