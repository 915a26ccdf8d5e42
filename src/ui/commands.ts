/**
 * What a command does, as data: the reducer's actions, and the effects the reader carries out (write
 * marks, open a link, quit, the days' and for-you's commands). Pure: `App` dispatches the actions and
 * runs the effects.
 */
import {paperUrl, safeUrl} from '../listing/paper-url.js';
import {truncateToWidth} from '../text/wrap.js';
import type {MarkChange} from '../state/marks.js';
import {keysFor, type Command} from './keymap.js';
import {markAllReadChange, toggleChange, undoChange} from './mark-changes.js';
import {selectedPaper, type Action, type ReaderView, type ViewState} from './view-state.js';

/** A command the days run (`[`, `]`, `0`, `F`). */
export type DayCommand = 'all-days' | 'fetch-latest' | 'day-previous' | 'day-next';

export type Effect =
	/** Persist a mark change. */
	| {type: 'write-marks'; change: MarkChange}
	/** Open a (safe) link in the browser. */
	| {type: 'open-url'; url: string}
	| {type: 'exit'}
	/** `m`: the papers most like the selected one, or back to the sort. */
	| {type: 'more-like-this'}
	| {type: 'days'; command: DayCommand};

/** Effects run before actions are dispatched. */
export interface CommandResult {
	actions: Action[];
	effects: Effect[];
}

const VIEW_OF: Partial<Record<Command, ReaderView>> = {'view-all': 'all', 'view-unread': 'unread', 'view-favorites': 'favorites'};
const DAY_COMMANDS: ReadonlySet<Command> = new Set<DayCommand>(['all-days', 'fetch-latest', 'day-previous', 'day-next']);

const act = (...actions: Action[]): CommandResult => ({actions, effects: []});
const effect = (...effects: Effect[]): CommandResult => ({actions: [], effects});
const NOTHING: CommandResult = {actions: [], effects: []};

/** What `command` does in `state`. */
export function runCommand(state: ViewState, command: Command): CommandResult {
	const inDetail = state.focus === 'detail';
	const view = VIEW_OF[command];
	if (view !== undefined) return act({type: 'set-view', view});
	if (DAY_COMMANDS.has(command)) return effect({type: 'days', command: command as DayCommand});
	switch (command) {
		case 'down':
		case 'up': {
			const delta = command === 'down' ? 1 : -1;
			return act(inDetail ? {type: 'scroll-detail', delta} : {type: 'move', delta});
		}
		case 'page-down':
		case 'page-up': {
			const direction = command === 'page-down' ? 1 : -1;
			if (inDetail) return act({type: 'scroll-detail', delta: direction * Math.max(1, state.listHeight - 1)});
			return act({type: 'page', direction});
		}
		case 'first':
		case 'last':
			if (inDetail) return act({type: 'scroll-detail', delta: command === 'first' ? -Infinity : Infinity});
			return act({type: 'move-to', where: command});
		case 'filter':
			return act({type: 'filter-start'});
		case 'focus-toggle':
			return act({type: 'focus', focus: 'toggle'});
		case 'focus-detail':
			return act({type: 'focus', focus: 'detail'});
		case 'focus-list':
			return act({type: 'focus', focus: 'list'});
		case 'clear-filter':
			if (inDetail) return act({type: 'focus', focus: 'list'});
			if (state.like !== null) return act({type: 'like', like: null});
			return act({type: 'filter-clear'});
		case 'more-like-this':
			return effect({type: 'more-like-this'});
		case 'toggle-read':
			return apply(toggleChange(state, 'read'), (change) => `${change.entries[0]?.value ? 'read' : 'unread'}: ${selectedTitle(state)}`, true);
		case 'toggle-favorite':
			return apply(toggleChange(state, 'favorite'), (change) => `${change.entries[0]?.value ? '★ favorite' : 'not favorite'}: ${selectedTitle(state)}`);
		case 'mark-all-read': {
			const change = markAllReadChange(state);
			if (change === null) return act({type: 'message', text: 'nothing unread in this view'});
			return apply(change, ({entries}) => `marked ${entries.length} paper${entries.length === 1 ? '' : 's'} read (${keysFor('undo')} undoes)`);
		}
		case 'undo': {
			const change = undoChange(state);
			return {actions: [{type: 'undo'}], effects: change === null ? [] : [{type: 'write-marks', change}]};
		}
		case 'sort':
			return act({type: 'cycle-sort'});
		case 'open':
			return openSelected(state);
		case 'help':
			return act({type: 'help', open: true});
		case 'quit':
			return effect({type: 'exit'});
		default:
			return NOTHING;
	}
}

/** A mark change written and applied, with its message; nothing when there is no change. */
function apply(change: MarkChange | null, message: (change: MarkChange) => string, advance = false): CommandResult {
	if (change === null) return NOTHING;
	return {actions: [{type: 'apply', change, advance, message: message(change)}], effects: [{type: 'write-marks', change}]};
}

function openSelected(state: ViewState): CommandResult {
	const target = selectedPaper(state);
	if (target === undefined) return NOTHING;
	const url = safeUrl(paperUrl(target));
	if (url === null) return act({type: 'message', text: 'this paper has no link that can be opened'});
	return {actions: [{type: 'message', text: `opening ${url.href}`}], effects: [{type: 'open-url', url: url.href}]};
}

function selectedTitle(state: ViewState): string {
	return truncateToWidth(selectedPaper(state)?.title ?? '', 50);
}
