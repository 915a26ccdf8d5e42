import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {editFilter} from '../../src/ui/filter-editor.js';
import {splitKeypresses} from '../../src/ui/keypress.js';

const [[, PLAIN]] = splitKeypresses('ab', {} as Key) as [[string, Key]];
const key = (flags: Partial<Key>): Key => ({...PLAIN, ...flags});

describe('splitKeypresses', () => {
	it('leaves a single key alone', () => {
		const arrow = key({downArrow: true});
		expect(splitKeypresses('', arrow)).toEqual([['', arrow]]);
		expect(splitKeypresses('j', PLAIN)).toEqual([['j', PLAIN]]);
	});

	it('splits keys read together, recognising Enter, Tab, Backspace and Ctrl-letters', () => {
		const presses = splitKeypresses('aG\r\t\u007F\u0015é', PLAIN);
		expect(presses.map(([input]) => input)).toEqual(['a', 'G', '', '', '', 'u', 'é']);
		expect(presses[1]?.[1].shift).toBe(true);
		expect(presses[2]?.[1].return).toBe(true);
		expect(presses[3]?.[1].tab).toBe(true);
		expect(presses[4]?.[1].backspace).toBe(true);
		expect(presses[5]?.[1].ctrl).toBe(true);
	});

	it('keeps an emoji whole', () => {
		expect(splitKeypresses('a😀', PLAIN).map(([input]) => input)).toEqual(['a', '😀']);
	});
});

describe('editFilter', () => {
	it('appends typed text, without control or bidi characters', () => {
		expect(editFilter('lan', 'g', PLAIN)).toEqual({type: 'text', query: 'lang'});
		expect(editFilter('', 'a\u202Eb\u0007', PLAIN)).toEqual({type: 'text', query: 'ab'});
		expect(editFilter('x', '\u0007', PLAIN)).toEqual({type: 'none'});
	});

	it('deletes a character, a word, or everything', () => {
		expect(editFilter('lang modl', '', key({backspace: true}))).toEqual({type: 'text', query: 'lang mod'});
		expect(editFilter('naïve 😀', '', key({delete: true}))).toEqual({type: 'text', query: 'naïve '});
		expect(editFilter('lang modl', 'w', key({ctrl: true}))).toEqual({type: 'text', query: 'lang '});
		expect(editFilter('lang modl', 'u', key({ctrl: true}))).toEqual({type: 'text', query: ''});
	});

	it('accepts, clears, moves and quits', () => {
		expect(editFilter('q', '', key({return: true}))).toEqual({type: 'accept'});
		expect(editFilter('q', '', key({escape: true, meta: true}))).toEqual({type: 'clear'});
		expect(editFilter('q', '', key({downArrow: true}))).toEqual({type: 'move', delta: 1});
		expect(editFilter('q', '', key({upArrow: true}))).toEqual({type: 'move', delta: -1});
		expect(editFilter('q', 'c', key({ctrl: true}))).toEqual({type: 'quit'});
		expect(editFilter('q', '', key({tab: true}))).toEqual({type: 'none'});
	});
});
