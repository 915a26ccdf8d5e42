import type {Key} from 'ink';

const NO_KEY: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

/**
 * Ink hands over keys that arrive in one read (fast typing, a paste, tmux send-keys) as one string:
 * "jjr", or "abc\rjj" (Enter in the middle). This splits such a string into single keypresses, with
 * Enter, Tab, Backspace and Ctrl-letters recognised as Ink would have recognised them one at a time.
 */
export function splitKeypresses(input: string, key: Key): Array<[string, Key]> {
	if (input.length <= 1 || key.ctrl || key.meta) return [[input, key]];
	return [...input].map((character): [string, Key] => {
		const code = character.codePointAt(0) ?? 0;
		if (character === '\r' || character === '\n') return ['', {...NO_KEY, return: true}];
		if (character === '\t') return ['', {...NO_KEY, tab: true}];
		if (character === '\u007F' || character === '\b') return ['', {...NO_KEY, backspace: true}];
		if (code >= 1 && code <= 26) return [String.fromCharCode(code + 96), {...NO_KEY, ctrl: true}];
		return [character, {...NO_KEY, shift: /[A-Z]/.test(character)}];
	});
}
