import type {Key} from 'ink';

/** Everything a key can do in the list and detail panes. */
export type Command =
	| 'down'
	| 'up'
	| 'first'
	| 'last'
	| 'page-down'
	| 'page-up'
	| 'filter'
	| 'focus-toggle'
	| 'focus-detail'
	| 'focus-list'
	| 'toggle-read'
	| 'toggle-favorite'
	| 'view-all'
	| 'view-unread'
	| 'view-favorites'
	| 'sort'
	| 'more-like-this'
	| 'day-previous'
	| 'day-next'
	| 'all-days'
	| 'fetch-latest'
	| 'undo'
	| 'mark-all-read'
	| 'open'
	| 'clear-filter'
	| 'help'
	| 'quit';

/** A key as the help shows it, and how to recognise it in Ink's (input, key). */
export interface KeyBinding {
	label: string;
	matches: (input: string, key: Key) => boolean;
}

/** One row of the keymap: a command, its keys and what the help says of it. */
export interface KeymapEntry {
	command: Command;
	keys: KeyBinding[];
	help: string;
	/** Shown in the footer's short hint line. */
	hint?: string;
}

const char = (character: string): KeyBinding => ({
	label: character,
	matches: (input, key) => input === character && !key.ctrl && !key.meta,
});
const ctrl = (letter: string): KeyBinding => ({label: `Ctrl-${letter}`, matches: (input, key) => key.ctrl && input === letter});
const named = (label: string, test: (key: Key) => boolean): KeyBinding => ({label, matches: (_input, key) => test(key)});

/** The one keymap: behaviour, the help overlay and the footer hints all come from it. */
export const KEYMAP: readonly KeymapEntry[] = [
	{command: 'down', keys: [char('j'), named('↓', (key) => key.downArrow)], help: 'next paper (in the detail: scroll down)', hint: 'j/k move'},
	{command: 'up', keys: [char('k'), named('↑', (key) => key.upArrow)], help: 'previous paper (in the detail: scroll up)'},
	{command: 'first', keys: [char('g'), named('Home', (key) => key.home)], help: 'first paper'},
	{command: 'last', keys: [char('G'), named('End', (key) => key.end)], help: 'last paper'},
	{command: 'page-down', keys: [named('PgDn', (key) => key.pageDown), ctrl('d')], help: 'page down'},
	{command: 'page-up', keys: [named('PgUp', (key) => key.pageUp), ctrl('u')], help: 'page up'},
	{command: 'filter', keys: [char('/')], help: 'filter: type words you remember, in any order; Enter keeps it, Esc clears it', hint: '/ filter'},
	{command: 'focus-toggle', keys: [named('Tab', (key) => key.tab)], help: 'switch focus between list and detail', hint: 'Tab detail'},
	{command: 'focus-detail', keys: [char('l'), named('→', (key) => key.rightArrow), named('Enter', (key) => key.return)], help: 'read the abstract (focus the detail)'},
	{command: 'focus-list', keys: [char('h'), named('←', (key) => key.leftArrow)], help: 'back to the list'},
	{command: 'toggle-read', keys: [char('r')], help: 'toggle read and move to the next paper', hint: 'r read'},
	{command: 'toggle-favorite', keys: [char('f')], help: 'toggle favorite', hint: 'f fav'},
	{command: 'view-all', keys: [char('1')], help: 'view all papers'},
	{command: 'view-unread', keys: [char('2')], help: 'view unread papers'},
	{command: 'view-favorites', keys: [char('3')], help: 'view favorites'},
	{command: 'sort', keys: [char('s')], help: 'cycle the sort: listing order, upvotes, date, title, for you (unread papers most like your favorites first)', hint: 's sort'},
	{command: 'more-like-this', keys: [char('m')], help: 'more like this: the papers most like this one (m or Esc goes back)'},
	{command: 'day-previous', keys: [char('[')], help: 'the previous day (before the oldest: fetch its Daily Papers)', hint: '[ ] day'},
	{command: 'day-next', keys: [char(']')], help: 'the next day (past the newest: fetch its Daily Papers)'},
	{command: 'all-days', keys: [char('0')], help: 'all days again'},
	{command: 'fetch-latest', keys: [char('F')], help: 'fetch the latest Daily Papers into the library (in the background)'},
	{command: 'undo', keys: [char('u')], help: 'undo the last read/favorite change', hint: 'u undo'},
	{command: 'mark-all-read', keys: [char('R')], help: 'mark every paper in this view read'},
	{command: 'open', keys: [char('o')], help: 'open the paper in the browser', hint: 'o open'},
	{command: 'clear-filter', keys: [named('Esc', (key) => key.escape)], help: 'clear the filter; leave "more like this" (in the detail: back to the list)'},
	{command: 'help', keys: [char('?')], help: 'this help (j/k scroll it, any other key closes it)', hint: '? help'},
	{command: 'quit', keys: [char('q'), ctrl('c')], help: 'quit', hint: 'q quit'},
];

/** The command bound to a keypress, if any. */
export function commandFor(input: string, key: Key): Command | undefined {
	return KEYMAP.find((entry) => entry.keys.some((binding) => binding.matches(input, key)))?.command;
}

/** "j ↓" for a command. */
export function keyLabels(entry: KeymapEntry): string {
	return entry.keys.map((binding) => binding.label).join(' ');
}

/** The footer's short hints: help first (a narrow footer cuts the end), then keymap order. */
export function footerHints(): string[] {
	const withHints = KEYMAP.filter((entry) => entry.hint !== undefined);
	const ordered = [...withHints.filter((entry) => entry.command === 'help'), ...withHints.filter((entry) => entry.command !== 'help')];
	return ordered.map((entry) => entry.hint!);
}
