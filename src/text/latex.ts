/**
 * LaTeX in titles and abstracts, decoded for display (`Schr\"{o}dinger` → Schrödinger, `$\alpha$-divergence`
 * → α-divergence): listings carry them as their authors typed them. Math that cannot all be shown, unknown
 * macros, prices, `--` and TeX quotes stay as written; what is decoded and the rules that leave plain text
 * alone are in docs/formats.md ("LaTeX"). Linear time: one pass pairs the braces and finds where math may
 * close, one decodes; no backtracking patterns, no recursion. Text without `\ $ { } ~` is returned at once.
 * Paper ids do not read this (see normalizeTitle).
 */
import {collapseWhiteSpace} from './sanitize.js';
import {isAsciiLetter, isDigit, isSpace, letterCommand, nameEnd, skipBlanks} from './latex-letters.js';
import {findDelimiter, lastOf, math, partnerOf, readSource, type Source} from './latex-math.js';
import {ARGUMENT_MACROS, DECLARATIONS, ESCAPES, OPERATORS, SYMBOL_ACCENTS, SYMBOLS} from './latex-tables.js';

const MARKUP = /[\\${}~]/;
const LETTER = /^\p{L}$/u;

/** A command in text at `at` (a backslash), written to `out`; where it ends. */
function textCommand(source: Source, at: number, out: string[]): number {
	const {text} = source;
	const character = text[at + 1] ?? '';
	if (character === '(' || character === '[') {
		const close = findDelimiter(source, character === '(' ? '\\)' : '\\]', at + 2);
		if (close >= 0) return math(source, at, at + 2, close, 2, out);
	}
	const piece = letterCommand(text, at);
	if (piece !== null) {
		out.push(piece.text);
		return piece.end;
	}
	const escape = ESCAPES[character];
	if (escape !== undefined) {
		out.push(escape);
		return at + 2;
	}
	let end = nameEnd(text, at + 1);
	const name = text.slice(at + 1, end);
	if (ARGUMENT_MACROS.has(name) || DECLARATIONS.has(name)) return skipBlanks(text, end);
	const symbol = SYMBOLS[name] ?? OPERATORS[name];
	if (name === '' && SYMBOL_ACCENTS[character] === undefined) {
		// A control symbol not known (`\\`, `\|`): as written.
		out.push(text.slice(at, at + 2));
		return Math.min(at + 2, text.length);
	}
	if (symbol !== undefined) {
		out.push(symbol);
		return end;
	}
	// A macro not known, or an accent on no letter (`\'{}`): as written, with its braced arguments.
	if (name === '') end = at + 2;
	while (text.charCodeAt(end) === 0x7b && partnerOf(source, end) > end) end = partnerOf(source, end) + 1;
	out.push(text.slice(at, end));
	return end;
}

/** The last `~` looked at, and whether the run of non-space characters it is in holds "://" (a URL). */
interface TieState {
	at: number;
	url: boolean;
}

/**
 * True when the `~` at `at` is a tie: between a letter or full stop and a letter or digit, not in a URL.
 * The run it is in is read back only to the last `~` looked at, which was in the same run if no space
 * comes between: every character is read once.
 */
function isTie(text: string, at: number, before: string, last: TieState): boolean {
	const after = text.charCodeAt(at + 1);
	if (!(before === '.' || LETTER.test(before)) || !(isAsciiLetter(after) || isDigit(after))) return false;
	let url = false;
	let index = at - 1;
	for (; index > last.at; index--) {
		const code = text.charCodeAt(index);
		if (isSpace(code)) break;
		if (code === 0x3a && text.startsWith('//', index + 1)) url = true;
	}
	if (index === last.at && last.at >= 0) url ||= last.url;
	last.at = at;
	last.url = url;
	return !url;
}

const SCRIPT_OR_WORD = /[\p{L}\p{N}^_]/u;
const BARE_DECLARATION = /^(?:em|it|bf|sl|tt|sc|rm|sf) +/;

/** After a group, what joins it to the next letters (a letter, or markup that may give one). */
const JOINS_AFTER = /[\p{L}\\${~]/u;
const ACCENT_MARK = /['"`^~=.]/;

/** A brace group right after a word or a script mark, with no macro in it and not a macro's argument: math whose backslashes were dropped. */
function isLeftoverGroup(text: string, at: number, partner: number): boolean {
	if (at === 0 || !SCRIPT_OR_WORD.test(text[at - 1]!) || text.lastIndexOf('\\', partner) > at) return false;
	// Inside a word ("K{ä}hler" once its accent is read) a group protects a letter: not math.
	const after = text[partner + 1] ?? '';
	if (JOINS_AFTER.test(after) && text[at - 1] !== '^' && text[at - 1] !== '_') return false;
	let start = at;
	while (start > 0 && isAsciiLetter(text.charCodeAt(start - 1))) start--;
	// Not a macro's argument: `\mathcal{O}`, nor after an accented letter, `\'e{BERT}`.
	return text[start - 1] !== '\\' && !(start > 1 && ACCENT_MARK.test(text[start - 1]!) && text[start - 2] === '\\');
}

/** The characters the decoder stops at (a module-level pattern: decodeLatex never runs inside itself). */
const SPECIAL = /[\\${}~]/g;

/** Decodes the LaTeX of a title or an abstract for display (see the module comment). */
export function decodeLatex(text: string): string {
	if (!MARKUP.test(text)) return text;
	const source = readSource(text);
	const {closers} = source;
	const out: string[] = [];
	let closer = 0;
	let index = 0;
	const tie: TieState = {at: -1, url: false};
	/** Closing braces kept with their opening one. */
	const kept = new Set<number>();
	const special = SPECIAL;
	special.lastIndex = 0;
	for (let match = special.exec(text); match !== null; match = special.exec(text)) {
		if (index < match.index) out.push(text.slice(index, match.index));
		const at = match.index;
		const code = text.charCodeAt(at);
		if (code === 0x5c) {
			index = textCommand(source, at, out);
		} else if (code === 0x24) {
			index = dollar(source, at, out, () => {
				while (closer < closers.length && closers[closer]! <= at + 1) closer++;
				return closers[closer] ?? -1;
			});
		} else if (code === 0x7b || code === 0x7d) {
			// A brace that pairs with another only groups ("{BERT}"); an unpaired one is a character. A pair
			// right after a letter, a digit, `^` or `_` is what is left of math whose backslashes were dropped
			// (a page shows `\mathcal{O}(n^{2})` as "mathcal{O}(n^{2})"): it stays, or "min{a,b}" reads "mina,b".
			const partner = partnerOf(source, at);
			if (partner < 0 || kept.has(at)) out.push(text[at]!);
			else if (code === 0x7b && isLeftoverGroup(text, at, partner)) {
				out.push('{');
				kept.add(partner);
			}
			index = at + 1;
			// "{it misaligned}": a declaration whose backslash the page dropped (`{\it misaligned}`).
			const declaration = code === 0x7b && partner > at ? BARE_DECLARATION.exec(text.slice(at + 1, Math.min(partner, at + 5))) : null;
			if (declaration !== null && !kept.has(partner)) index += declaration[0].length;
		} else {
			out.push(isTie(text, at, lastOf(out), tie) ? ' ' : '~');
			index = at + 1;
		}
		special.lastIndex = index;
	}
	if (index < text.length) out.push(text.slice(index));
	return out.join('');
}

/** A `$` in text at `at`: display math, inline math, or the character; where it ends. */
function dollar(source: Source, at: number, out: string[], nextCloser: () => number): number {
	const {text} = source;
	if (text[at + 1] === '$') {
		const close = findDelimiter(source, '$$', at + 2);
		if (close > at + 2) return math(source, at, at + 2, close, 2, out);
		out.push('$$');
		return at + 2;
	}
	const close = at + 1 < text.length && !isSpace(text.charCodeAt(at + 1)) ? nextCloser() : -1;
	// Another `$` before the closing one: this one is a character, the other may open math.
	const other = close > at + 1 ? text.indexOf('$', at + 1) : -1;
	if (close > at + 1 && other === close) return math(source, at, at + 1, close, 1, out);
	out.push('$');
	return at + 1;
}

/** A line (a title, a paragraph) as the reader shows it: its LaTeX decoded, its white space collapsed again. */
export function shownLine(line: string): string {
	const decoded = decodeLatex(line);
	return decoded === line ? line : collapseWhiteSpace(decoded);
}

/** An abstract as the reader shows it: each paragraph decoded on its own (math never spans two). */
export function shownAbstract(abstract: string): string {
	return abstract
		.split('\n\n')
		.map(shownLine)
		.filter((paragraph) => paragraph !== '')
		.join('\n\n');
}
