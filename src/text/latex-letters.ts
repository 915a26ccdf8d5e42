/**
 * LaTeX accents (`\"{o}`, `\v{c}`) and letters written as commands (`\ss`, `\o`), read where they
 * stand, and the character tests the LaTeX decoder (latex.ts) shares. Paper ids read only these (see
 * normalizeTitle), so that a title with `\"{o}` has the id of the same title with ö.
 */
import {LETTER_ACCENTS, LETTERS, SYMBOL_ACCENTS} from './latex-tables.js';

export const isAsciiLetter = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
export const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isBlank = (code: number) => code === 0x20 || code === 0x09;
export const isSpace = (code: number) => isBlank(code) || code === 0x0a || code === 0x0d;

/** The position of the first character at or after `at` that is not a space or tab. */
export function skipBlanks(text: string, at: number): number {
	while (isBlank(text.charCodeAt(at))) at++;
	return at;
}

/** The end of the command name (ASCII letters) that starts at `at`. */
export function nameEnd(text: string, at: number): number {
	while (isAsciiLetter(text.charCodeAt(at))) at++;
	return at;
}

export interface Piece {
	text: string;
	end: number;
}

/** The letter an accent goes on at `at`: an ASCII letter, or `\i` / `\j` (dotless, accented as i and j). */
function accentBase(text: string, at: number): Piece | null {
	const code = text.charCodeAt(at);
	if (isAsciiLetter(code)) return {text: text[at]!, end: at + 1};
	const letter = text[at + 1];
	if (code === 0x5c && (letter === 'i' || letter === 'j') && !isAsciiLetter(text.charCodeAt(at + 2))) return {text: letter, end: at + 2};
	return null;
}

/** An accent's letter after the command (`"o`, `"{o}`, `" o`, `"{ \i }`), with the mark on it. */
function accented(text: string, at: number, mark: string, braced: boolean): Piece | null {
	let index = skipBlanks(text, at);
	const open = text.charCodeAt(index) === 0x7b;
	if (braced && !open) return null;
	if (open) index = skipBlanks(text, index + 1);
	const base = accentBase(text, index);
	if (base === null) return null;
	let end = base.end;
	if (open) {
		end = skipBlanks(text, end);
		if (text.charCodeAt(end) !== 0x7d) return null;
		end++;
	}
	return {text: (base.text + mark).normalize('NFC'), end};
}

/** An accent or a letter written as a command, at a backslash: the letter, and where the command ends. */
export function letterCommand(text: string, at: number): Piece | null {
	const symbolAccent = SYMBOL_ACCENTS[text[at + 1] ?? ''];
	if (symbolAccent !== undefined) return accented(text, at + 2, symbolAccent, false);
	const end = nameEnd(text, at + 1);
	const name = text.slice(at + 1, end);
	const letterAccent = LETTER_ACCENTS[name];
	if (letterAccent !== undefined) return accented(text, end, letterAccent, true);
	const letter = LETTERS[name];
	// A command name ends at the spaces after it ("Stra\ss e" is Straße).
	return letter === undefined ? null : {text: letter, end: skipBlanks(text, end)};
}

/**
 * The text with only its accents and letters written as commands decoded (`\"{o}` → ö, `\ss` → ß), all
 * else as written: what paper ids read (see normalizeTitle).
 */
export function decodeLatexLetters(text: string): string {
	let at = text.indexOf('\\');
	if (at < 0) return text;
	let out = '';
	let copied = 0;
	while (at >= 0) {
		const piece = letterCommand(text, at);
		if (piece === null) {
			at = text.indexOf('\\', at + 2);
			continue;
		}
		out += text.slice(copied, at) + piece.text;
		copied = piece.end;
		at = text.indexOf('\\', piece.end);
	}
	return out + text.slice(copied);
}
