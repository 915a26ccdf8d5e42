/**
 * Every key of the reader: the filter box's while it is open, the help's while it shows, the keymap's
 * otherwise. A command becomes actions and effects (commands.ts, pure); the actions go to the reducer
 * and the effects are carried out here.
 */
import {useInput, type Key} from 'ink';
import type {MarkChange} from '../state/marks.js';
import {runCommand, type DayCommand, type Effect} from './commands.js';
import {editFilter} from './filter-editor.js';
import {commandFor} from './keymap.js';
import {splitKeypresses} from './keypress.js';
import {searchPending, type Action, type ViewState} from './view-state.js';

/** What the keys act on beyond the view state. */
export interface KeysOptions {
	latest: () => ViewState;
	dispatch: (action: Action) => void;
	exit: () => void;
	writeMarks: (change: MarkChange) => void;
	openUrl: (url: string) => Promise<void>;
	/** `m`, and the days' commands (use-for-you.ts, use-days.ts). */
	moreLikeThis: () => void;
	runDays: (command: DayCommand) => void;
	/** Finishes the search of the query as typed (Enter: the keys after it act on its results). */
	finishSearch: () => void;
	/** Set to when each key arrives: work in slices lets its frame be drawn first. */
	lastInputAt: {current: number};
}

export function useKeys({latest, dispatch, exit, writeMarks, openUrl, moreLikeThis, runDays, finishSearch, lastInputAt}: KeysOptions): void {
	const perform = (effect: Effect) => {
		switch (effect.type) {
			case 'write-marks':
				return writeMarks(effect.change);
			case 'open-url':
				return void openUrl(effect.url).catch((error: unknown) => {
					dispatch({type: 'message', text: `could not open (${error instanceof Error ? error.message : String(error)}): ${effect.url}`});
				});
			case 'exit':
				return exit();
			case 'more-like-this':
				return moreLikeThis();
			case 'days':
				return runDays(effect.command);
		}
	};

	const edit = (input: string, key: Key) => {
		const result = editFilter(latest().query, input, key);
		switch (result.type) {
			case 'text':
				return dispatch({type: 'filter-input', query: result.query});
			case 'accept':
				// Keys after Enter act on the list the filter shows: finish a search still under way first.
				if (searchPending(latest())) finishSearch();
				return dispatch({type: 'filter-accept'});
			case 'clear':
				return dispatch({type: 'filter-clear'});
			case 'move':
				return dispatch({type: 'move', delta: result.delta});
			case 'quit':
				return exit();
			case 'none':
				return;
		}
	};

	const press = (input: string, key: Key) => {
		const current = latest();
		if (current.filtering) return edit(input, key);
		const command = commandFor(input, key);
		if (current.help) {
			if (command === 'down' || command === 'up') return dispatch({type: 'scroll-help', delta: command === 'down' ? 1 : -1});
			return dispatch({type: 'help', open: false});
		}
		if (command === undefined) return;
		const {actions, effects} = runCommand(current, command);
		for (const effect of effects) perform(effect);
		for (const action of actions) dispatch(action);
	};

	// Keys that arrive together ("/lnguage\rjj") are taken one at a time, each by whoever owns the keys at that moment.
	useInput((input, key) => {
		lastInputAt.current = performance.now();
		for (const [single, singleKey] of splitKeypresses(input, key)) press(single, singleKey);
	});
}
