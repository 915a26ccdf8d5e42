/**
 * Math in LaTeX text (`$...$` and its kin), shown when every part of it can be: known symbols, plain
 * characters, and scripts of one character or of digits and signs. Also what the decoder (latex.ts)
 * reads of a text first: where its group braces pair up and where a `$` may close math.
 */
import {isAsciiLetter, isDigit, isSpace, nameEnd, skipBlanks, type Piece} from './latex-letters.js';
import {ARGUMENT_MACROS, BLACKBOARD, DECLARATIONS, ESCAPES, FUNCTION_NAMES, OPERATORS, SUBSCRIPTS, SUPERSCRIPTS, SYMBOLS} from './latex-tables.js';

/** A text being decoded: where its group braces pair up, and where a `$` may close math. */
export interface Source {
	text: string;
	/** For a brace that pairs with another, the other's position; -1 elsewhere (null: no braces). */
	partners: Int32Array | null;
	/** Positions of every `$` that may close inline math, ascending. */
	closers: number[];
	/** Delimiters (`$$`, `\)`, `\]`) known to occur no more after the search point. */
	exhausted: Set<string>;
}

const STRUCTURE = /[\\{}$]/g;

/** What the decoder reads of a text before it decodes it. */
export function readSource(text: string): Source {
	const partners = text.includes('{') ? new Int32Array(text.length).fill(-1) : null;
	const open: number[] = [];
	const closers: number[] = [];
	STRUCTURE.lastIndex = 0;
	for (let match = STRUCTURE.exec(text); match !== null; match = STRUCTURE.exec(text)) {
		const index = match.index;
		const code = text.charCodeAt(index);
		if (code === 0x5c) STRUCTURE.lastIndex = index + 2; // an escaped character: \{ \} \$ \\
		else if (code === 0x7b) open.push(index);
		else if (code === 0x7d) {
			const opening = open.pop();
			if (opening !== undefined && partners !== null) [partners[opening], partners[index]] = [index, opening];
		} else if (index > 0 && !isSpace(text.charCodeAt(index - 1)) && !isDigit(text.charCodeAt(index + 1))) {
			closers.push(index);
		}
	}
	return {text, partners, closers, exhausted: new Set()};
}

/** The position of the brace paired with the one at `at`, or -1. */
export function partnerOf(source: Source, at: number): number {
	return source.partners?.[at] ?? -1;
}

/** Where `delimiter` next occurs from `from`, or -1; each search starts after the last one's find. */
export function findDelimiter(source: Source, delimiter: string, from: number): number {
	if (source.exhausted.has(delimiter)) return -1;
	const at = source.text.indexOf(delimiter, from);
	if (at < 0) source.exhausted.add(delimiter);
	return at;
}

/** The last character written, or ''. */
export function lastOf(out: readonly string[]): string {
	const last = out[out.length - 1] ?? '';
	return last.slice(-1);
}

/** The content of a script (`^2`, `_{i}`, `^{-1}`, `^\prime`) at `at`, shown; null when it cannot be. */
function script(source: Source, at: number, to: number, forms: Readonly<Record<string, string>>, sign: string): Piece | null {
	const {text} = source;
	let start = skipBlanks(text, at);
	if (start >= to) return null;
	let end: number;
	let close: number;
	if (text.charCodeAt(start) === 0x7b) {
		close = partnerOf(source, start);
		if (close <= start || close >= to) return null;
		end = close + 1;
		start++;
	} else {
		const code = text.charCodeAt(start);
		close = code === 0x5c ? nameEnd(text, start + 1) : start + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
		end = close;
	}
	if (start >= close || close > to) return null;
	const content = text.slice(start, close);
	if ([...content].every((character) => forms[character] !== undefined)) return {text: [...content].map((character) => forms[character]).join(''), end};
	if (content === '\\prime' && sign === '^') return {text: '′', end};
	const symbol = content.startsWith('\\') ? SYMBOLS[content.slice(1)] : [...content].length === 1 && !/[\\{}^_$&#%~\s]/.test(content) ? content : undefined;
	return symbol === undefined ? null : {text: sign + symbol, end};
}

/** A command inside math at `at` (a backslash), written to `out`; its end, or -1 when it cannot be shown. */
function mathCommand(source: Source, at: number, to: number, out: string[]): number {
	const {text} = source;
	const character = text[at + 1] ?? '';
	const escape = ESCAPES[character];
	if (escape !== undefined && at + 1 < to) {
		out.push(escape);
		return at + 2;
	}
	const end = Math.min(nameEnd(text, at + 1), to);
	const name = end === at + 1 ? character : text.slice(at + 1, end);
	const operator = OPERATORS[name];
	if (operator !== undefined) {
		// Spaced when written with a space on either side ("a \leq b", "N\geq 2" → N ≥ 2), else not ("a\cdot{}b").
		const after = Math.min(skipBlanks(text, end), to);
		const spaced = lastOf(out) === ' ' || after > end;
		out.push(spaced && lastOf(out) !== ' ' && out.length > 0 ? ' ' : '', operator, spaced && after < to ? ' ' : '');
		return after;
	}
	const symbol = SYMBOLS[name];
	if (symbol !== undefined) {
		out.push(symbol);
		return end === at + 1 ? at + 2 : end;
	}
	if (FUNCTION_NAMES.has(name)) {
		const next = text.charCodeAt(end);
		out.push(name, end < to && (isAsciiLetter(next) || next === 0x5c) ? ' ' : '');
		return end;
	}
	if (ARGUMENT_MACROS.has(name) || DECLARATIONS.has(name)) return Math.min(skipBlanks(text, end), to);
	if (name === 'left' || name === 'right') return text[end] === '.' && end < to ? end + 1 : end;
	if (name === 'quad' || name === 'qquad') {
		out.push(' ');
		return end;
	}
	const letter = BLACKBOARD[text[end + 1] ?? ''];
	if (name === 'mathbb' && letter !== undefined && text[end] === '{' && text[end + 2] === '}' && end + 3 <= to) {
		out.push(letter);
		return end + 3;
	}
	return -1;
}

/** Math from `from` to `to` (without its delimiters), shown; null when any part of it cannot be. */
function decodeMath(source: Source, from: number, to: number): string | null {
	const {text} = source;
	const out: string[] = [];
	let index = from;
	while (index < to) {
		const character = text[index]!;
		if (character === '\\') {
			index = mathCommand(source, index, to, out);
			if (index < 0) return null;
		} else if (character === '{' || character === '}') {
			const other = partnerOf(source, index);
			if (other < from || other >= to) return null;
			index++;
		} else if (character === '^' || character === '_') {
			const piece = script(source, index + 1, to, character === '^' ? SUPERSCRIPTS : SUBSCRIPTS, character);
			if (piece === null) return null;
			out.push(piece.text);
			index = piece.end;
		} else if ('$&#%'.includes(character)) {
			return null;
		} else {
			out.push(character === '~' ? ' ' : character);
			index++;
		}
	}
	return out.join('');
}

/** Math from `from` to `to`, closed by a delimiter `closing` long: shown, or as written. */
export function math(source: Source, start: number, from: number, to: number, closing: number, out: string[]): number {
	out.push(decodeMath(source, from, to) ?? source.text.slice(start, to + closing));
	return to + closing;
}
