/* eslint-disable no-control-regex -- finding control characters is what this module is for */
/**
 * Removes everything from listing text that a terminal could act on, keeping the visible words.
 *
 * Removed: escape sequences (CSI, OSC including OSC 8 and 52, DCS, APC, PM, SOS, and two-byte ESC
 * sequences) in both their 7-bit (ESC x) and 8-bit (C1 byte) forms, every other C0/C1 control
 * character and DEL, bidi controls (U+202A-202E, U+2066-2069, U+200E/F, U+061C), and lone surrogates.
 * Also removed: invisible characters that terminals and layouts do not agree on (INVISIBLE below).
 * Sanitising is idempotent: sanitise(sanitise(s)) === sanitise(s).
 */

// String sequences (OSC, DCS, SOS, PM, APC) run until BEL or ST (ESC \ or 0x9C).
const STRING_SEQUENCE = /(?:\u001B[\]PX^_]|[\u0090\u0098\u009D\u009E\u009F])[^\u0007\u001B\u009C]*(?:\u0007|\u001B\\|\u009C)/g;
// CSI: ESC [ or 0x9B, parameter bytes, intermediate bytes, one final byte.
const CSI_SEQUENCE = /(?:\u001B\[|\u009B)[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]?/g;
// Other escape sequences: ESC, intermediates, one final byte (e.g. ESC c, ESC ( B, ESC 7).
const ESC_SEQUENCE = /\u001B[\u0020-\u002F]*[\u0030-\u007E]?/g;
// Leftover controls and bidi characters. Lone surrogates are handled separately.
const CONTROL_OR_BIDI = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// Invisible characters a terminal may give a column or none, or join emoji with or not: the zero-width
// space, word joiner and invisible operators, soft hyphen, Mongolian vowel separator, byte order mark,
// the zero-width joiner and the emoji/text presentation selectors. Without them every terminal draws the
// text in the columns the layout measured (src/text/width.ts): a family emoji shows as its members
// (👨👩👧 rather than one glyph that only some terminals draw in two columns), the rainbow flag as 🏳🌈.
// The zero-width non-joiner (Persian, Indic scripts) stays: no terminal gives it a column.
// (The joiner and the selectors are outside the class: in one, eslint takes them for a joined emoji.)
const INVISIBLE = /[\u00AD\u180E\u200B\u2060-\u2064\uFEFF]|\u200D|\uFE0E|\uFE0F/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Tab, line feed and carriage return are white space, not controls, until a field is collapsed.
const FAST_PATH_UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uD800-\uDFFF]|\u200D|\uFE0E|\uFE0F/;

/** Removes escape sequences, control, bidi and invisible characters; keeps tabs and line breaks. */
export function sanitize(text: string): string {
	if (!FAST_PATH_UNSAFE.test(text)) return text;
	return text
		.replace(STRING_SEQUENCE, '')
		.replace(CSI_SEQUENCE, '')
		.replace(ESC_SEQUENCE, '')
		.replace(CONTROL_OR_BIDI, '')
		.replace(INVISIBLE, '')
		.replace(LONE_SURROGATE, '');
}

const UNUSUAL_SPACE = /[\t\n\v\f\r\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF]/;

/** Collapses every run of white space (line breaks included) into one space, and trims. */
export function collapseWhiteSpace(text: string): string {
	// Most lines have single plain spaces only: skip the replace for them.
	const collapsed = text.includes('  ') || UNUSUAL_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text;
	return collapsed.trim();
}

/** Sanitises and collapses all white space (including line breaks) into single spaces. */
export function sanitizeLine(text: string): string {
	return collapseWhiteSpace(sanitize(text));
}

/** Matches any character that sanitize() removes, escape sequences aside (for checks and tests). */
export const UNSAFE_CHARACTER = new RegExp(FAST_PATH_UNSAFE.source, 'u');

// What escapeUnsafe writes as escapes: what sanitize() removes as unsafe (not the invisible characters), and tab and line breaks too (paired
// surrogates, an emoji in a file name, are not lone ones and stay).
const UNSAFE_OR_LINE_BREAK = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text that must stay recognisable, a file name in a message, with every character that sanitize()
 * would remove (and tabs and line breaks) written as a `\uXXXX` escape, so that it prints on one line
 * and a terminal has nothing to act on.
 */
export function escapeUnsafe(text: string): string {
	return text.replace(UNSAFE_OR_LINE_BREAK, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
