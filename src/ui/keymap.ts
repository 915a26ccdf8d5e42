/**
 * The reader's keys: every command's and the filter box's, what the help says of them, and `keysFor`, the
 * one way any text on screen names a key (footer hints, help, empty-list messages, the detail pane).
 */
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
	keys: readonly KeyBinding[];
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

/** Every command's keys, the first the one short hints name: change a key here and every label follows. */
const KEYS: Readonly<Record<Command, readonly KeyBinding[]>> = {
	down: [char('j'), named('↓', (key) => key.downArrow)],
	up: [char('k'), named('↑', (key) => key.upArrow)],
	first: [char('g'), named('Home', (key) => key.home)],
	last: [char('G'), named('End', (key) => key.end)],
	'page-down': [named('PgDn', (key) => key.pageDown), ctrl('d')],
	'page-up': [named('PgUp', (key) => key.pageUp), ctrl('u')],
	filter: [char('/')],
	'focus-toggle': [named('Tab', (key) => key.tab)],
	'focus-detail': [char('l'), named('→', (key) => key.rightArrow), named('Enter', (key) => key.return)],
	'focus-list': [char('h'), named('←', (key) => key.leftArrow)],
	'toggle-read': [char('r')],
	'toggle-favorite': [char('f')],
	'view-all': [char('1')],
	'view-unread': [char('2')],
	'view-favorites': [char('3')],
	sort: [char('s')],
	'more-like-this': [char('m')],
	'day-previous': [char('[')],
	'day-next': [char(']')],
	'all-days': [char('0')],
	'fetch-latest': [char('F')],
	undo: [char('u')],
	'mark-all-read': [char('R')],
	open: [char('o')],
	'clear-filter': [named('Esc', (key) => key.escape)],
	help: [char('?')],
	quit: [char('q'), ctrl('c')],
};

/** What the filter box does with a key (filter-editor.ts); other keys are typed into it. */
export type FilterCommand = 'accept' | 'clear' | 'move-down' | 'move-up' | 'quit' | 'delete-all' | 'delete-word' | 'delete-char' | 'ignore';

/** The filter box's keys, in the order they are tried. */
export const FILTER_KEYMAP: Readonly<Record<FilterCommand, readonly KeyBinding[]>> = {
	accept: [named('Enter', (key) => key.return)],
	clear: [named('Esc', (key) => key.escape)],
	'move-down': [named('↓', (key) => key.downArrow)],
	'move-up': [named('↑', (key) => key.upArrow)],
	quit: [ctrl('c')],
	'delete-all': [ctrl('u')],
	'delete-word': [ctrl('w')],
	'delete-char': [named('Backspace', (key) => !key.ctrl && (key.backspace || key.delete)), ctrl('h')],
	/** Taken and dropped: not typed into the filter. */
	ignore: [named('Tab', (key) => key.tab)],
};

/** How `keysFor` names keys. */
export interface KeysForOptions {
	/** Every key of each command ("j ↓"), not only the first ("j"). */
	all?: boolean;
	/** Between the commands' keys: "/" ("j/k") unless told. */
	separator?: string;
}

function labels<C extends string>(table: Readonly<Record<C, readonly KeyBinding[]>>, commands: C | readonly C[], {all = false, separator = '/'}: KeysForOptions): string {
	const list: readonly C[] = typeof commands === 'string' ? [commands] : commands;
	return list.map((command) => (all ? table[command].map((binding) => binding.label).join(' ') : table[command][0]!.label)).join(separator);
}

/** The label of a command's key, as every text on screen names it: "j"; "j/k" for ['down', 'up']; "j ↓" with `all`. */
export function keysFor(commands: Command | readonly Command[], options: KeysForOptions = {}): string {
	return labels(KEYS, commands, options);
}

/** The label of a filter box key: "Enter" for 'accept'. */
export function filterKeysFor(commands: FilterCommand | readonly FilterCommand[], options: KeysForOptions = {}): string {
	return labels(FILTER_KEYMAP, commands, options);
}

const entry = (command: Command, help: string, hint?: string): KeymapEntry => ({command, keys: KEYS[command], help, ...(hint === undefined ? {} : {hint})});

/** The one keymap: behaviour, the help overlay and the footer hints all come from it. */
export const KEYMAP: readonly KeymapEntry[] = [
	entry('down', 'next paper (in the detail: scroll down)', `${keysFor(['down', 'up'])} move`),
	entry('up', 'previous paper (in the detail: scroll up)'),
	entry('first', 'first paper'),
	entry('last', 'last paper'),
	entry('page-down', 'page down'),
	entry('page-up', 'page up'),
	entry('filter', `filter: type words you remember, in any order; ${filterKeysFor('accept')} keeps it, ${filterKeysFor('clear')} clears it`, `${keysFor('filter')} filter`),
	entry('focus-toggle', 'switch focus between list and detail', `${keysFor('focus-toggle')} detail`),
	entry('focus-detail', 'read the abstract (focus the detail)'),
	entry('focus-list', 'back to the list'),
	entry('toggle-read', 'toggle read and move to the next paper', `${keysFor('toggle-read')} read`),
	entry('toggle-favorite', 'toggle favorite', `${keysFor('toggle-favorite')} fav`),
	entry('view-all', 'view all papers'),
	entry('view-unread', 'view unread papers'),
	entry('view-favorites', 'view favorites'),
	entry('sort', 'cycle the sort: listing order, upvotes, date, title, for you (unread papers most like your favorites first)', `${keysFor('sort')} sort`),
	entry('more-like-this', `more like this: the papers most like this one (${keysFor('more-like-this')} or ${keysFor('clear-filter')} goes back)`),
	entry('day-previous', 'the previous day (before the oldest: fetch its Daily Papers)', `${keysFor(['day-previous', 'day-next'], {separator: ' '})} day`),
	entry('day-next', 'the next day (past the newest: fetch its Daily Papers)'),
	entry('all-days', 'all days again'),
	entry('fetch-latest', 'fetch the latest Daily Papers into the library (in the background)'),
	entry('undo', 'undo the last read/favorite change', `${keysFor('undo')} undo`),
	entry('mark-all-read', 'mark every paper in this view read'),
	entry('open', 'open the paper in the browser', `${keysFor('open')} open`),
	entry('clear-filter', 'clear the filter; leave "more like this" (in the detail: back to the list)'),
	entry('help', `this help (${keysFor(['down', 'up'])} scroll it, any other key closes it)`, `${keysFor('help')} help`),
	entry('quit', 'quit', `${keysFor('quit')} quit`),
];

/** The command bound to a keypress, if any. */
export function commandFor(input: string, key: Key): Command | undefined {
	return KEYMAP.find((entry) => entry.keys.some((binding) => binding.matches(input, key)))?.command;
}

/** The filter box's command for a keypress, if any (the first in FILTER_KEYMAP's order). */
export function filterCommandFor(input: string, key: Key): FilterCommand | undefined {
	return (Object.keys(FILTER_KEYMAP) as FilterCommand[]).find((command) => FILTER_KEYMAP[command].some((binding) => binding.matches(input, key)));
}

/** The footer's short hints: help first (a narrow footer cuts the end), then keymap order. */
export function footerHints(): string[] {
	const withHints = KEYMAP.filter((entry) => entry.hint !== undefined);
	const ordered = [...withHints.filter((entry) => entry.command === 'help'), ...withHints.filter((entry) => entry.command !== 'help')];
	return ordered.map((entry) => entry.hint!);
}

/** The footer's hints while the filter box has the keys. */
export function filterHints(): string[] {
	return ['type to filter', `${filterKeysFor('accept')} keep`, `${filterKeysFor('clear')} clear`];
}
