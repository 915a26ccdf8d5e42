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

/**
 * Ranges of code points (first, last) that string-width measures as one column each, checked one by one
 * against it (test/text/width.test.ts): Latin, Greek and Cyrillic letters, punctuation, arrows, box
 * drawing and shapes, braille (the reader's own ● ★ … · │ ▲ ↓ ⠋ among them). They are measured without
 * string-width, whose first use costs 10-40 ms (its Intl.Segmenter and its Unicode property patterns):
 * the reader's first frame is usually drawn without it.
 */
export const ONE_COLUMN_RANGES: ReadonlyArray<readonly [number, number]> = [
	[0xa1, 0xac],
	[0xae, 0x2ff],
	[0x370, 0x377],
	[0x37a, 0x37f],
	[0x384, 0x38a],
	[0x38c, 0x38c],
	[0x38e, 0x3a1],
	[0x3a3, 0x482],
	[0x48a, 0x52f],
	[0x2010, 0x2027],
	[0x2030, 0x205e],
	[0x20a0, 0x20c0],
	[0x2100, 0x218b],
	[0x2190, 0x21ff],
	[0x2200, 0x22ff],
	[0x2500, 0x25fc],
	[0x2605, 0x2606],
	[0x2800, 0x28ff],
];

function isOneColumn(code: number): boolean {
	for (const [first, last] of ONE_COLUMN_RANGES) {
		if (code < first) return false;
		if (code <= last) return true;
	}
	return false;
}

/** The columns of one code point (string-width's measure of it alone), cached. */
function codePointWidth(character: string): number {
	const code = character.codePointAt(0)!;
	if (code >= 0x20 && code < 0x7f) return 1;
	if (isOneColumn(code)) return 1;
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
