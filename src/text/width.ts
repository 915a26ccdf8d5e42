import stringWidth from 'string-width';
import {stripVTControlCharacters} from 'node:util';

/**
 * The one measure of text on the terminal, used by the layout and by Ink itself: the build (and the tests)
 * resolve Ink's `string-width` to this module (scripts/ink-patches.mjs), so Yoga's layout, Ink's writing
 * of each character and our own cutting and wrapping never disagree.
 *
 * It adds up the columns of each code point (string-width's width of that one character: 2 for wide and
 * emoji characters, 0 for combining and format characters, 1 for the rest, spacing vowel signs included),
 * the way terminals advance the cursor (xterm, VTE, tmux), instead of string-width's one width per grapheme
 * cluster: that undercounts the conjuncts of Devanagari and related scripts ("न्दी" is one cluster of three
 * columns; string-width says two), which pushed a row past its pane. Emoji that a terminal may or may not
 * join into one glyph (ZWJ sequences, skin tones) count as their parts, never fewer columns than drawn; the
 * sanitiser takes the joiners and emoji variation selectors out, so that all terminals agree (sanitize.ts).
 */
export function cellWidth(text: string): number {
	if (PRINTABLE_ASCII.test(text)) return text.length;
	const plain = text.includes('\u001B') || text.includes('\u009B') || text.includes('\u009D') ? stripVTControlCharacters(text) : text;
	let width = 0;
	for (const character of plain) width += codePointWidth(character);
	return width;
}

const PRINTABLE_ASCII = /^[\u0020-\u007E]*$/;
const widths = new Map<string, number>();

/** The columns of one code point (string-width's measure of it alone), cached. */
function codePointWidth(character: string): number {
	const code = character.codePointAt(0)!;
	if (code >= 0x20 && code < 0x7f) return 1;
	let width = widths.get(character);
	if (width === undefined) {
		width = stringWidth(character);
		widths.set(character, width);
	}
	return width;
}

/** string-width's interface (its options are not used by Ink), so that Ink can import this in its place. */
export default function inkStringWidth(text: string): number {
	return cellWidth(text);
}
