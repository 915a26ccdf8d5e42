import type {Key} from 'ink';

/** What a keypress does while the filter box has the keys. */
export type FilterEdit =
	| {type: 'text'; query: string}
	| {type: 'accept'}
	| {type: 'clear'}
	| {type: 'move'; delta: 1 | -1}
	| {type: 'quit'}
	| {type: 'none'};

/**
 * The filter box's line editing: typing appends, Backspace deletes a character, Ctrl-W a word,
 * Ctrl-U everything; Enter keeps the filter, Esc clears it, ↑/↓ move the selection, Ctrl-C quits.
 */
export function editFilter(query: string, input: string, key: Key): FilterEdit {
	if (key.return) return {type: 'accept'};
	if (key.escape) return {type: 'clear'};
	if (key.upArrow || key.downArrow) return {type: 'move', delta: key.downArrow ? 1 : -1};
	if (key.ctrl) {
		if (input === 'c') return {type: 'quit'};
		if (input === 'u') return {type: 'text', query: ''};
		if (input === 'w') return {type: 'text', query: query.replace(/\S*\s*$/, '')};
		if (input === 'h') return {type: 'text', query: [...query].slice(0, -1).join('')};
		return {type: 'none'};
	}
	if (key.backspace || key.delete) return {type: 'text', query: [...query].slice(0, -1).join('')};
	if (key.meta || key.tab || input === '') return {type: 'none'};
	const printable = input.replace(/[\p{Cc}\p{Cf}]/gu, '');
	return printable === '' ? {type: 'none'} : {type: 'text', query: query + printable};
}
