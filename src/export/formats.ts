/**
 * Papers as export text: a Markdown reading list, BibTeX entries, or JSON. Pure: strings in, a string out.
 *
 * Every output ends with a newline. No papers give '' in Markdown and BibTeX (an empty list, an empty .bib
 * file) and `{"papers":[]}` in JSON (an empty string is not JSON).
 *
 * Markdown, one line a paper: `- [Title](URL) — A. One, B. Two · 2024-10-22`.
 * - URL: the arXiv abstract page when `arxivId` is an arXiv id (arxiv-id.ts: `2410.17243`, `hep-th/9901001`),
 *   else the first `links` entry that is an http(s) URL with a real host (never `javascript:` and the
 *   like), else an arXiv title search (paperUrl).
 * - Text (title, names, date): every character CommonMark or GitHub would act on inside a paragraph or a
 *   link's text is backslash-escaped (backslash, backtick, `* _ [ ] < > | ~ $`), and `&` where it would
 *   start a character reference (`&lt;`), so a title can neither close the link, nor start code,
 *   emphasis, raw HTML, math or a table cell. White space (line breaks included) collapses to one space,
 *   so a title cannot start a new block. An empty title is shown as "Untitled".
 * - URL: white space, `( ) < > "`, backtick and backslash are percent-encoded, so the destination is
 *   never cut short, and `&` is backslash-escaped where it would start a character reference.
 * - Authors: up to four names, else the first three and "et al." ("et al." too when the count says there
 *   are more than the names); "N authors" when the listing gives only a count; nothing when neither.
 *
 * BibTeX, one `@misc` entry a paper: title, author, year, eprint + archivePrefix (arXiv id known, old-style
 * ones too), url, abstract, note, in that order, one field a line, each value in braces. A field with
 * nothing to say is left out (an empty title or abstract too).
 * - Keys: `lastname` + `year` + first title word (`vaswani2017attention`), lower-case ASCII letters and
 *   digits only (accents folded: `müller` → `muller`); without author names `firstword` + `year`
 *   (`attention2017`); with neither a usable name nor title word, the paper id. A few words are skipped
 *   as the title's first word (a, an, the, on, of, ...). Keys are unique within one export: a repeated
 *   key gets a, b, c, ... z, aa, ab, ... in the order of the papers, so the same papers in the same
 *   order always get the same keys.
 * - Text values are escaped so LaTeX prints them as written: `& % $ # _` become `\&` etc., and
 *   `\ { } ~ ^ < > |` the text commands `\textbackslash{}`, `\textbraceleft{}`, ... (`\{` cannot be used:
 *   BibTeX counts every brace, escaped or not, so it would unbalance the value). Braces in a title print
 *   as braces; the only grouping braces in a value are our own, balanced pairs. White space (paragraph
 *   breaks too: a blank line is `\par`, which some styles' macros reject) collapses to one space, so
 *   every value is on one line and no line but an entry's first starts with `@`. `%` is escaped, so it
 *   can never comment out the rest.
 * - Title: in a second pair of braces, `{{Title}}`, so styles keep the listing's capitalisation.
 * - Math in the title and abstract (`$\alpha$-Net`, `$O(n^2)$`) stays math when it is simple: ASCII
 *   letters, digits, operators, brackets, one sub- and one superscript per symbol (a symbol, or a braced
 *   group of them), and argument-less commands of plain LaTeX (Greek letters, `\infty`, `\leq`, `\log`,
 *   ...). Anything else (`$5 and $10`, `$\mathbb{R}$`, `$x^2^3$`, `$$x$$`) is escaped, dollars included,
 *   and prints as typed. Dollars pair as in Pandoc: an opening `$` before a non-space, a closing `$` after
 *   a non-space and not before a digit, neither next to another `$`.
 * - Authors: `A and B and C`; a name holding a comma or the word "and", or reading "others", is braced
 *   so BibTeX keeps it whole. When the listing counts more authors than it names, `and others` ("et al.");
 *   with a count but no names, no author field and `note = {N authors}`.
 * - Year from `published` (inferred years included); url as for Markdown, but no search URL (it is not
 *   the paper's address). The url is written verbatim (url and biblatex read it so; `\%` would print a
 *   backslash), with white space, braces and backslashes percent-encoded.
 * - Unicode stays as it is (UTF-8): biber, bibtex8 and XeLaTeX/LuaLaTeX take it; pdflatex takes accented
 *   Latin letters but stops at characters it has no font set up for (CJK, emoji; Greek and Cyrillic
 *   letters unless their fonts are loaded).
 *
 * JSON: `{"papers":[...]}` with the records as they are, as `papers list --json` prints them, compact
 * as `list --json` is when written to a file or a pipe, and without its `warnings` (they are the
 * caller's to report).
 *
 * `generatedAt`, when given, is written as ISO 8601: a first paragraph "N papers, exported <time>." in
 * Markdown, a first line "% N papers, exported <time>" in BibTeX (text outside entries, which BibTeX
 * ignores and biber reads as a comment), a `generatedAt` field after `papers` in JSON. Without it the
 * output depends on the papers alone.
 *
 * Text fields are sanitised again (sanitize.ts) in Markdown and BibTeX, so no control or bidi character
 * reaches the output whatever the record holds. JSON, like `list --json`, relies on the parser's
 * sanitising (JSON.stringify escapes C0 controls and lone surrogates, not C1 or bidi characters).
 */
import {normalizeArxivId} from '../listing/arxiv-id.js';
import type {PaperWithState} from '../listing/paper.js';
import {collapseWhiteSpace, sanitize} from '../text/sanitize.js';
import {paperUrl, safeUrl} from '../ui/open-url.js';

export type ExportFormat = 'markdown' | 'bibtex' | 'json';

export const EXPORT_FORMATS: readonly ExportFormat[] = Object.freeze(['markdown', 'bibtex', 'json'] as const);

export interface ExportOptions {
	/** When set, the export says when it was made (a line in Markdown, a comment in BibTeX, a field in JSON). */
	generatedAt?: Date;
}

/** True when the text names an export format. */
export function isExportFormat(text: string): text is ExportFormat {
	return (EXPORT_FORMATS as readonly string[]).includes(text);
}

/** The papers as export text in the format; ends with a newline ('' for no papers in Markdown and BibTeX). */
export function exportPapers(papers: readonly PaperWithState[], format: ExportFormat, options: ExportOptions = {}): string {
	switch (format) {
		case 'markdown':
			return toMarkdown(papers, options);
		case 'bibtex':
			return toBibtex(papers, options);
		case 'json':
			return toJson(papers, options);
		default:
			throw new Error(`unknown export format: ${String(format)}`);
	}
}

// ---------------------------------------------------------------------------------------------------
// Shared

function cleanText(text: string): string {
	return collapseWhiteSpace(sanitize(text));
}

/** The paper's arXiv id, new style or old ("hep-th/9901001"), as the reader's `o` reads it; null when it has none. */
function arxivIdOf(paper: PaperWithState): string | null {
	return paper.arxivId === null ? null : normalizeArxivId(paper.arxivId);
}

/** The first link that is an http(s) URL with a real host and no credentials, normalised. */
function firstSafeLink(links: readonly string[]): string | null {
	for (const link of links) {
		const url = safeUrl(link);
		if (url !== null) return url.href;
	}
	return null;
}

/** The paper's own address: its arXiv page, else its first safe link; null when neither. */
function paperAddress(paper: PaperWithState): string | null {
	const arxivId = arxivIdOf(paper);
	if (arxivId !== null) return paperUrl({arxivId, title: paper.title});
	return firstSafeLink(paper.links);
}

function authorNames(paper: PaperWithState): string[] {
	return paper.authors.map(cleanText).filter((name) => name !== '');
}

function percentEncode(character: string): string {
	return Array.from(new TextEncoder().encode(character), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

function plural(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

// ---------------------------------------------------------------------------------------------------
// Markdown

const MARKDOWN_SPECIAL = /[\\`*_[\]<>|~$]/g;
/** `&` that would start a character reference (`&amp;`, `&#60;`, `&#x3C;`). */
const ENTITY_START = /&(?=#?[A-Za-z0-9]+;)/g;
const URL_UNSAFE_IN_MARKDOWN = /[\s()<>"`\\]/gu;
const MAX_NAMED_AUTHORS = 4;
const NAMED_BEFORE_ET_AL = 3;

/** Text that CommonMark (and GitHub) shows as written, inside or outside a link's brackets. */
export function escapeMarkdown(text: string): string {
	return text.replace(MARKDOWN_SPECIAL, '\\$&').replace(ENTITY_START, '\\&');
}

/** A URL as a link destination that no character can cut short. */
function markdownDestination(url: string): string {
	return url.replace(URL_UNSAFE_IN_MARKDOWN, percentEncode).replace(ENTITY_START, '\\&');
}

function markdownAuthors(paper: PaperWithState): string {
	const names = authorNames(paper);
	const count = paper.authorCount ?? 0;
	if (names.length === 0) return count > 0 ? plural(count, 'author') : '';
	const shown = names.length > MAX_NAMED_AUTHORS ? names.slice(0, NAMED_BEFORE_ET_AL) : names;
	const more = shown.length < Math.max(names.length, count);
	return shown.join(', ') + (more ? ' et al.' : '');
}

function markdownLine(paper: PaperWithState): string {
	const title = cleanText(paper.title) || 'Untitled';
	const url = paperAddress(paper) ?? paperUrl({arxivId: null, title: cleanText(paper.title)});
	const details = [markdownAuthors(paper), cleanText(paper.published ?? '')].filter((part) => part !== '').map(escapeMarkdown);
	return `- [${escapeMarkdown(title)}](${markdownDestination(url)})${details.length > 0 ? ` — ${details.join(' · ')}` : ''}\n`;
}

/** A Markdown list, one paper a line (see the module comment); '' for no papers. */
export function toMarkdown(papers: readonly PaperWithState[], options: ExportOptions = {}): string {
	if (papers.length === 0) return '';
	const header = options.generatedAt === undefined ? '' : `${plural(papers.length, 'paper')}, exported ${options.generatedAt.toISOString()}.\n\n`;
	return header + papers.map(markdownLine).join('');
}

// ---------------------------------------------------------------------------------------------------
// BibTeX

const LATEX_ESCAPES: Readonly<Record<string, string>> = {
	'\\': '\\textbackslash{}',
	'{': '\\textbraceleft{}',
	'}': '\\textbraceright{}',
	'&': '\\&',
	'%': '\\%',
	$: '\\$',
	'#': '\\#',
	_: '\\_',
	'~': '\\textasciitilde{}',
	'^': '\\textasciicircum{}',
	'<': '\\textless{}',
	'>': '\\textgreater{}',
	'|': '\\textbar{}',
};
const LATEX_SPECIAL = /[\\{}&%$#_~^<>|]/g;

/** Argument-less math commands of plain LaTeX (no package needed). */
const MATH_COMMANDS = new Set(
	(
		'alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi varpi rho ' +
		'varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi ' +
		'Psi Omega infty ell partial nabla hbar times cdot cdots ldots dots leq geq le ge neq ne approx sim simeq ' +
		'equiv propto pm mp to rightarrow leftarrow leftrightarrow Rightarrow Leftarrow mapsto in notin subset ' +
		'subseteq cup cap setminus emptyset forall exists neg wedge vee oplus otimes star ast circ bullet prime top ' +
		'perp mid parallel langle rangle lfloor rfloor lceil rceil log ln exp sin cos tan max min arg sup inf lim ' +
		'det dim sum prod int'
	).split(' '),
);
/** `$...$` as Pandoc pairs dollars: no space inside either dollar, no digit right after the closing one. */
const MATH_SPAN = /(?<!\$)\$(?![\s$])([^$]*?[^\s$])\$(?![\d$])/g;
const MATH_OPERATORS = new Set([...'+-=<>,.;:/!*([|)]']);
/** Operators a script may follow (closing brackets: `(a+b)^2`, `|x|^2`). */
const MATH_SCRIPTABLE_OPERATORS = new Set([...')]|']);

/**
 * Reads one math symbol at the index: a letter, a digit or a known command. Returns the index after it,
 * or -1.
 */
function mathSymbolEnd(math: string, index: number): number {
	const character = math[index];
	if (character === undefined) return -1;
	if (/[A-Za-z0-9]/.test(character)) return index + 1;
	if (character !== '\\') return -1;
	const name = /^[A-Za-z]+/.exec(math.slice(index + 1))?.[0];
	return name !== undefined && MATH_COMMANDS.has(name) ? index + 1 + name.length : -1;
}

/** Reads a script's argument: a symbol, or `{...}` of symbols, spaces and operators. Returns its end, or -1. */
function mathScriptEnd(math: string, index: number): number {
	if (math[index] !== '{') return mathSymbolEnd(math, index);
	let at = index + 1;
	let empty = true;
	while (at < math.length && math[at] !== '}') {
		const character = math[at]!;
		if (character === ' ' || MATH_OPERATORS.has(character)) {
			at += 1;
			continue;
		}
		at = mathSymbolEnd(math, at);
		if (at < 0) return -1;
		empty = false;
	}
	return at < math.length && !empty ? at + 1 : -1;
}

/** True for math that compiles in plain LaTeX whatever the preamble (see the module comment). */
export function isSimpleMath(math: string): boolean {
	let index = 0;
	let scriptable = false;
	let superscript = false;
	let subscript = false;
	let symbols = 0;
	while (index < math.length) {
		const character = math[index]!;
		if (character === '^' || character === '_') {
			if (!scriptable || (character === '^' ? superscript : subscript)) return false;
			if (character === '^') superscript = true;
			else subscript = true;
			index = mathScriptEnd(math, index + 1);
			if (index < 0) return false;
			continue;
		}
		superscript = false;
		subscript = false;
		if (character === ' ') {
			scriptable = false;
			index += 1;
		} else if (MATH_OPERATORS.has(character)) {
			scriptable = MATH_SCRIPTABLE_OPERATORS.has(character);
			index += 1;
		} else {
			index = mathSymbolEnd(math, index);
			if (index < 0) return false;
			scriptable = true;
			symbols += 1;
		}
	}
	return symbols > 0;
}

/** Text that LaTeX prints as written: every special character escaped. */
export function escapeLatex(text: string): string {
	return text.replace(LATEX_SPECIAL, (character) => LATEX_ESCAPES[character]!);
}

/** Text with simple `$math$` kept as math and everything else escaped. */
function escapeLatexKeepingMath(text: string): string {
	let result = '';
	let from = 0;
	for (const match of text.matchAll(MATH_SPAN)) {
		if (!isSimpleMath(match[1]!)) continue;
		result += escapeLatex(text.slice(from, match.index)) + match[0];
		from = match.index + match[0].length;
	}
	return result + escapeLatex(text.slice(from));
}

const NAME_NEEDS_BRACES = /,|(?:^|\s)and(?:\s|$)|^others$/i;

function bibtexName(name: string): string {
	const escaped = escapeLatex(name);
	return NAME_NEEDS_BRACES.test(name) ? `{${escaped}}` : escaped;
}

/** Folds text to lower-case ASCII words: accents dropped, a few letters spelled out, the rest split on. */
function asciiWords(text: string): string[] {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[ßæœøłđðþıħ]/g, (letter) => ASCII_LETTERS[letter] ?? '')
		.split(/[^a-z0-9]+/)
		.filter((word) => word !== '');
}

const ASCII_LETTERS: Readonly<Record<string, string>> = {ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h'};
const KEY_STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'and', 'to', 'with', 'towards', 'toward', 'is', 'are', 'do', 'does', 'can', 'what', 'how', 'why', 'when']);
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
const KEY_PART_LENGTH = 20;

function keyLastName(names: readonly string[]): string {
	const name = names[0];
	if (name === undefined) return '';
	if (name.includes(',')) return asciiWords(name.slice(0, name.indexOf(','))).join('').slice(0, KEY_PART_LENGTH);
	const parts = name.split(' ').filter((part) => !NAME_SUFFIXES.has(asciiWords(part).join('')));
	return asciiWords(parts.at(-1) ?? '').join('').slice(0, KEY_PART_LENGTH);
}

function keyTitleWord(title: string): string {
	const words = asciiWords(title);
	return (words.find((word) => !KEY_STOP_WORDS.has(word)) ?? words[0] ?? '').slice(0, KEY_PART_LENGTH);
}

function yearOf(paper: PaperWithState): string {
	return /^(\d{4})-/.exec(paper.published ?? '')?.[1] ?? '';
}

/** The key a paper would get alone (before deduplication). */
function baseKey(paper: PaperWithState): string {
	const lastName = keyLastName(authorNames(paper));
	const word = keyTitleWord(cleanText(paper.title));
	const year = yearOf(paper);
	if (lastName !== '') return lastName + year + word;
	if (word !== '') return word + year;
	return paper.id.toLowerCase().replace(/[^a-z0-9]/g, '') || `paper${year}`;
}

/** a, b, ..., z, aa, ab, ... for n = 0, 1, ... */
function keySuffix(n: number): string {
	let suffix = '';
	for (let rest = n + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) suffix = String.fromCharCode(97 + ((rest - 1) % 26)) + suffix;
	return suffix;
}

/** Unique citation keys for the papers, in order (see the module comment). */
export function bibtexKeys(papers: readonly PaperWithState[]): string[] {
	const used = new Set<string>();
	return papers.map((paper) => {
		const base = baseKey(paper);
		let key = base;
		for (let n = 0; used.has(key); n += 1) key = base + keySuffix(n);
		used.add(key);
		return key;
	});
}

function bibtexUrl(url: string): string {
	return url.replace(/[\s{}\\]/gu, percentEncode);
}

function bibtexEntry(paper: PaperWithState, key: string): string {
	const fields: [string, string][] = [];
	const title = cleanText(paper.title);
	if (title !== '') fields.push(['title', `{${escapeLatexKeepingMath(title)}}`]);
	const names = authorNames(paper);
	const count = paper.authorCount ?? 0;
	if (names.length > 0) fields.push(['author', [...names.map(bibtexName), ...(count > names.length ? ['others'] : [])].join(' and ')]);
	const year = yearOf(paper);
	if (year !== '') fields.push(['year', year]);
	const arxivId = arxivIdOf(paper);
	if (arxivId !== null) fields.push(['eprint', arxivId], ['archivePrefix', 'arXiv']);
	const url = paperAddress(paper);
	if (url !== null) fields.push(['url', bibtexUrl(url)]);
	const abstract = cleanText(paper.abstract);
	if (abstract !== '') fields.push(['abstract', escapeLatexKeepingMath(abstract)]);
	if (names.length === 0 && count > 0) fields.push(['note', plural(count, 'author')]);
	return `@misc{${key},\n${fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')}\n}\n`;
}

/** BibTeX `@misc` entries, a blank line between them (see the module comment); '' for no papers. */
export function toBibtex(papers: readonly PaperWithState[], options: ExportOptions = {}): string {
	if (papers.length === 0) return '';
	const keys = bibtexKeys(papers);
	const header = options.generatedAt === undefined ? '' : `% ${plural(papers.length, 'paper')}, exported ${options.generatedAt.toISOString()}\n\n`;
	return header + papers.map((paper, index) => bibtexEntry(paper, keys[index]!)).join('\n');
}

// ---------------------------------------------------------------------------------------------------
// JSON

/** `{"papers":[...]}` as `papers list --json` prints the papers, compact; `generatedAt` added when given. */
export function toJson(papers: readonly PaperWithState[], options: ExportOptions = {}): string {
	const document = options.generatedAt === undefined ? {papers} : {papers, generatedAt: options.generatedAt.toISOString()};
	return JSON.stringify(document) + '\n';
}
