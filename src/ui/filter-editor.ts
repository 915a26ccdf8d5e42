import type {Key} from 'ink';
import {filterCommandFor} from './keymap.js';

/** What a keypress does while the filter box has the keys. */
export type FilterEdit =
	| {type: 'text'; query: string}
	| {type: 'accept'}
	| {type: 'clear'}
	| {type: 'move'; delta: 1 | -1}
	| {type: 'quit'}
	| {type: 'none'};

/**
 * The filter box's line editing, its keys from the keymap (FILTER_KEYMAP): a character, a word or
 * everything deleted; the filter kept or cleared, the selection moved, quit. Other keys with Ctrl or Meta
 * do nothing; anything else printable is typed.
 */
export function editFilter(query: string, input: string, key: Key): FilterEdit {
	switch (filterCommandFor(input, key)) {
		case 'accept':
			return {type: 'accept'};
		case 'clear':
			return {type: 'clear'};
		case 'move-down':
			return {type: 'move', delta: 1};
		case 'move-up':
			return {type: 'move', delta: -1};
		case 'quit':
			return {type: 'quit'};
		case 'delete-all':
			return {type: 'text', query: ''};
		case 'delete-word':
			return {type: 'text', query: query.replace(/\S*\s*$/, '')};
		case 'delete-char':
			return {type: 'text', query: [...query].slice(0, -1).join('')};
		case 'ignore':
			return {type: 'none'};
		case undefined:
			break;
	}
	if (key.ctrl || key.meta || input === '') return {type: 'none'};
	const printable = input.replace(/[\p{Cc}\p{Cf}]/gu, '');
	return printable === '' ? {type: 'none'} : {type: 'text', query: query + printable};
}
