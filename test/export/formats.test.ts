import {readFileSync} from 'node:fs';
import {fc, test} from '@fast-check/vitest';
import {describe, expect, it} from 'vitest';
import {jsonChunks} from '../../src/commands/output.js';
import {bibtexKeys} from '../../src/export/bibtex-keys.js';
import {toBibtex} from '../../src/export/bibtex.js';
import {EXPORT_FORMATS, exportPapers, isExportFormat, type ExportFormat} from '../../src/export/formats.js';
import {toJson} from '../../src/export/json.js';
import {escapeLatex, isSimpleMath} from '../../src/export/latex-text.js';
import {escapeMarkdown, toMarkdown} from '../../src/export/markdown.js';
import {normalizeArxivId} from '../../src/listing/arxiv-id.js';
import {parseHfPage} from '../../src/listing/hf-page.js';
import {paperId, type PaperWithState} from '../../src/listing/paper.js';
import {collapseWhiteSpace, sanitize, UNSAFE_CHARACTER} from '../../src/text/sanitize.js';
import {paperUrl, safeUrl} from '../../src/listing/paper-url.js';

function paper(fields: Partial<PaperWithState> = {}): PaperWithState {
	const title = fields.title ?? 'Attention Is All You Need';
	return {
		id: paperId(title),
		title,
		abstract: 'The dominant sequence transduction models are based on complex recurrent networks.',
		authorCount: null,
		authors: [],
		published: '2017-06-12',
		yearInferred: false,
		upvotes: 3,
		abstractKind: 'abstract',
		organization: null,
		links: [],
		arxivId: null,
		source: 'page.txt',
		read: false,
		favorite: false,
		...fields,
	};
}

const VASWANI = paper({
	authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'],
	authorCount: 3,
	arxivId: '1706.03762',
	links: ['https://arxiv.org/abs/1706.03762'],
});

const clean = (text: string): string => collapseWhiteSpace(sanitize(text));

// ---------------------------------------------------------------------------------------------------
// A strict reader of the Markdown lines: CommonMark's backslash escapes are decoded, and any character
// CommonMark or GitHub could act on (link brackets, code, emphasis, HTML, tables, strikethrough, math,
// character references, line breaks) that is not escaped is an error.

const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;
const MARKDOWN_ACTIVE = new Set([...'[]`*_<>|~$']);
const ENTITY = /^&#?[A-Za-z0-9]+;/;

function decodeMarkdownText(source: string, from: number, until: string | null): {text: string; end: number} {
	let text = '';
	let index = from;
	while (index < source.length) {
		const character = source[index]!;
		if (character === until) return {text, end: index};
		if (character === '\\') {
			const next = source[index + 1];
			if (next === undefined || !ASCII_PUNCTUATION.test(next)) throw new Error(`stray backslash at ${index}: ${source}`);
			text += next;
			index += 2;
			continue;
		}
		if (MARKDOWN_ACTIVE.has(character)) throw new Error(`unescaped ${character} at ${index}: ${source}`);
		if (character === '&' && ENTITY.test(source.slice(index))) throw new Error(`character reference at ${index}: ${source}`);
		if (/[\n\r]/.test(character)) throw new Error(`line break at ${index}: ${source}`);
		text += character;
		index += 1;
	}
	if (until !== null) throw new Error(`no closing ${until}: ${source}`);
	return {text, end: index};
}

/** A link destination without angle brackets: it ends at the first unescaped ")" (we allow no parentheses). */
function decodeDestination(source: string, from: number): {url: string; end: number} {
	let url = '';
	let index = from;
	while (index < source.length) {
		const character = source[index]!;
		if (character === ')') return {url, end: index};
		if (character === '\\') {
			const next = source[index + 1];
			if (next === undefined || !ASCII_PUNCTUATION.test(next)) throw new Error(`stray backslash in URL: ${source}`);
			url += next;
			index += 2;
			continue;
		}
		if (/[\s\p{Cc}(<>"`]/u.test(character)) throw new Error(`${JSON.stringify(character)} in URL at ${index}: ${source}`);
		if (character === '&' && ENTITY.test(source.slice(index))) throw new Error(`character reference in URL: ${source}`);
		url += character;
		index += 1;
	}
	throw new Error(`no closing ): ${source}`);
}

interface MarkdownItem {
	title: string;
	url: string;
	details: string;
}

function parseMarkdownLine(line: string): MarkdownItem {
	if (!line.startsWith('- [')) throw new Error(`not a list item with a link: ${line}`);
	const title = decodeMarkdownText(line, 3, ']');
	if (line[title.end + 1] !== '(') throw new Error(`no link destination: ${line}`);
	const destination = decodeDestination(line, title.end + 2);
	const rest = line.slice(destination.end + 1);
	if (rest !== '' && !rest.startsWith(' — ')) throw new Error(`unexpected text after the link: ${line}`);
	const details = decodeMarkdownText(rest, 0, null).text.replace(/^ — /, '');
	return {title: title.text, url: destination.url, details};
}

function parseMarkdown(markdown: string): MarkdownItem[] {
	expect(markdown.endsWith('\n')).toBe(true);
	return markdown.slice(0, -1).split('\n').map(parseMarkdownLine);
}

/** The characters the Markdown writer percent-encodes in a URL, decoded, to compare with the original. */
function withoutMarkdownEncoding(url: string): string {
	return url.replace(/%(?:20|22|28|29|3C|3E|5C|60)/gi, (code) => decodeURIComponent(code));
}

// ---------------------------------------------------------------------------------------------------
// A strict BibTeX reader: entries `@type{key, name = {value}, ...}` with brace-delimited values, braces
// counted as BibTeX counts them (every brace, escaped or not), nothing but white space or `%` lines
// before the first entry and white space between entries, and every value on one line.

interface BibEntry {
	type: string;
	key: string;
	fields: Map<string, string>;
}

function parseBibtex(source: string): BibEntry[] {
	const entries: BibEntry[] = [];
	let index = 0;
	const skipSpace = (): void => {
		while (index < source.length && /\s/.test(source[index]!)) index += 1;
	};
	const expectCharacter = (character: string): void => {
		if (source[index] !== character) throw new Error(`expected ${character} at ${index}, found ${JSON.stringify(source.slice(index, index + 20))}`);
		index += 1;
	};
	const read = (pattern: RegExp, what: string): string => {
		const sticky = new RegExp(pattern.source, 'y');
		sticky.lastIndex = index;
		const match = sticky.exec(source);
		if (match === null) throw new Error(`expected ${what} at ${index}: ${JSON.stringify(source.slice(index, index + 20))}`);
		index += match[0].length;
		return match[0];
	};
	const readBraced = (): string => {
		expectCharacter('{');
		const start = index;
		let depth = 1;
		for (; index < source.length; index += 1) {
			const character = source[index]!;
			if (character === '\n') throw new Error(`line break in a value at ${index}`);
			if (character === '{') depth += 1;
			if (character === '}') depth -= 1;
			if (depth === 0) {
				index += 1;
				return source.slice(start, index - 1);
			}
		}
		throw new Error('unbalanced braces: the value never closes');
	};
	for (;;) {
		skipSpace();
		if (index >= source.length) return entries;
		if (source[index] === '%') {
			if (entries.length > 0) throw new Error('text between entries');
			const end = source.indexOf('\n', index);
			if (end < 0 || source.slice(index, end).includes('@')) throw new Error('bad comment line');
			index = end + 1;
			continue;
		}
		expectCharacter('@');
		const type = read(/[a-z]+/, 'an entry type');
		expectCharacter('{');
		const key = read(/[^\s,{}()"#%'=\\~]+/, 'a key');
		expectCharacter(',');
		const fields = new Map<string, string>();
		for (;;) {
			skipSpace();
			const name = read(/[A-Za-z]+/, 'a field name');
			skipSpace();
			expectCharacter('=');
			skipSpace();
			if (fields.has(name)) throw new Error(`field ${name} twice`);
			fields.set(name, readBraced());
			skipSpace();
			if (source[index] === ',') {
				index += 1;
				continue;
			}
			expectCharacter('}');
			break;
		}
		entries.push({type, key, fields});
	}
}

const LATEX_UNESCAPES: ReadonlyArray<readonly [string, string]> = [
	['\\textbackslash{}', '\\'],
	['\\textbraceleft{}', '{'],
	['\\textbraceright{}', '}'],
	['\\textasciitilde{}', '~'],
	['\\textasciicircum{}', '^'],
	['\\textless{}', '<'],
	['\\textgreater{}', '>'],
	['\\textbar{}', '|'],
	['\\&', '&'],
	['\\%', '%'],
	['\\$', '$'],
	['\\#', '#'],
	['\\_', '_'],
];
const LATEX_ACTIVE = '\\{}&%$#_~^<>|';
const DANGEROUS_COMMANDS = /\\(?:input|include|write|immediate|openout|openin|read|def|edef|gdef|let|catcode|csname|end|begin|special|usepackage|newcommand|renewcommand|url|href|verb)(?![A-Za-z])/;

/** Math a value may keep: non-empty ASCII, balanced braces, commands made of letters, nothing that ends or comments out. */
function checkMath(math: string, value: string): void {
	expect(math, value).not.toBe('');
	expect(math, value).toMatch(/^[\x20-\x7E]*$/);
	expect(math, value).not.toMatch(/[&%#~"'$]/);
	expect(math, value).not.toMatch(/\\(?![A-Za-z])/);
	expect(math, value).not.toMatch(DANGEROUS_COMMANDS);
	let depth = 0;
	for (const character of math) {
		if (character === '{') depth += 1;
		if (character === '}') depth -= 1;
		expect(depth, value).toBeGreaterThanOrEqual(0);
	}
	expect(depth, value).toBe(0);
}

/** The text a value prints as: our escapes reversed, kept `$math$` as it is; an unescaped special is an error. */
function unescapeLatex(value: string, mathAllowed: boolean): string {
	let text = '';
	let index = 0;
	outer: while (index < value.length) {
		for (const [escaped, original] of LATEX_UNESCAPES) {
			if (value.startsWith(escaped, index)) {
				text += original;
				index += escaped.length;
				continue outer;
			}
		}
		const character = value[index]!;
		if (character === '$' && mathAllowed) {
			const end = value.indexOf('$', index + 1);
			if (end < 0) throw new Error(`unpaired $ in ${value}`);
			checkMath(value.slice(index + 1, end), value);
			text += value.slice(index, end + 1);
			index = end + 1;
			continue;
		}
		if (LATEX_ACTIVE.includes(character)) throw new Error(`unescaped ${character} at ${index} in ${value}`);
		text += character;
		index += 1;
	}
	return text;
}

/** The inside of a value wholly wrapped in one more pair of braces (`{Title}`); an error otherwise. */
function unbrace(value: string): string {
	if (!value.startsWith('{')) throw new Error(`not braced: ${value}`);
	let depth = 0;
	for (let index = 0; index < value.length; index += 1) {
		if (value[index] === '{') depth += 1;
		if (value[index] === '}') depth -= 1;
		if (depth === 0 && index < value.length - 1) throw new Error(`not wholly braced: ${value}`);
	}
	return value.slice(1, -1);
}

/** Splits an author value as BibTeX does: on the word "and" (any case) at brace depth 0. */
function splitBibtexNames(value: string): string[][] {
	const words: string[] = [];
	let depth = 0;
	let word = '';
	for (const character of value) {
		if (character === '{') depth += 1;
		if (character === '}') depth -= 1;
		if (depth === 0 && /\s/.test(character)) {
			if (word !== '') words.push(word);
			word = '';
		} else {
			word += character;
		}
	}
	if (word !== '') words.push(word);
	const names: string[][] = [[]];
	for (const each of words) {
		if (each.toLowerCase() === 'and') names.push([]);
		else names.at(-1)!.push(each);
	}
	return names;
}

/** The names an author value stands for (`others` as the last means "et al."). */
function readAuthors(value: string): {names: string[]; others: boolean} {
	const groups = splitBibtexNames(value);
	const others = groups.length > 1 && groups.at(-1)!.join(' ') === 'others';
	if (others) groups.pop();
	const names = groups.map((words) => {
		if (words.length === 0) throw new Error(`empty name in ${value}`);
		const name = words.join(' ');
		if (words.length === 1 && name.startsWith('{')) return unescapeLatex(unbrace(name), false);
		if (name.includes(',')) throw new Error(`unbraced comma would reorder the name: ${value}`);
		if (name.toLowerCase() === 'others') throw new Error(`unbraced "others": ${value}`);
		return unescapeLatex(name, false);
	});
	return {names, others};
}

/** The characters the BibTeX writer percent-encodes in a url, decoded, to compare with the original. */
function withoutBibtexEncoding(url: string): string {
	return url.replace(/%(?:20|5C|7B|7D)/gi, (code) => decodeURIComponent(code));
}

/** Checks one parsed entry field by field against the paper it came from. */
function expectEntryMatches(entry: BibEntry, source: PaperWithState): void {
	expect(entry.type).toBe('misc');
	const title = clean(source.title);
	const names = source.authors.map(clean).filter((name) => name !== '');
	const count = source.authorCount ?? 0;
	const validArxivId = source.arxivId === null ? null : normalizeArxivId(source.arxivId);
	const firstLink = source.links.map((link) => safeUrl(link)).find((url) => url !== null)?.href ?? null;
	const url = validArxivId !== null ? `https://arxiv.org/abs/${validArxivId}` : firstLink;
	const expected = new Map<string, string>();
	if (title !== '') expected.set('title', title);
	if (names.length > 0) expected.set('author', names.join('\n'));
	if (source.published !== null) expected.set('year', source.published.slice(0, 4));
	if (validArxivId !== null) expected.set('eprint', validArxivId).set('archivePrefix', 'arXiv');
	if (url !== null) expected.set('url', withoutBibtexEncoding(url));
	if (clean(source.abstract) !== '') expected.set('abstract', clean(source.abstract));
	if (names.length === 0 && count > 0) expected.set('note', `${count} author${count === 1 ? '' : 's'}`);

	const actual = new Map<string, string>();
	for (const [name, value] of entry.fields) {
		if (name === 'title') actual.set(name, unescapeLatex(unbrace(value), true));
		else if (name === 'author') {
			const authors = readAuthors(value);
			expect(authors.others, value).toBe(count > names.length);
			actual.set(name, authors.names.join('\n'));
		} else if (name === 'abstract') actual.set(name, unescapeLatex(value, true));
		else if (name === 'url') {
			expect(value).not.toMatch(/[\s{}\\]/);
			actual.set(name, withoutBibtexEncoding(value));
		} else actual.set(name, unescapeLatex(value, false));
	}
	expect(actual).toEqual(expected);
}

// ---------------------------------------------------------------------------------------------------
// Generators: text made of every character with a meaning in Markdown, LaTeX or BibTeX, hostile
// payloads (terminal escapes, entry starts, comments, HTML, links), Unicode, and ordinary words.

const SPECIAL_CHARACTERS = [...'\\{}&%$#_~^<>|@"\'`*[]()!:;=+-/?.,'];
const PAYLOADS = [
	'$\\alpha$',
	'$x^2$',
	'$O(n^2)$',
	'$x_{i,j}^{2}$',
	'$\\input{/etc/passwd}$',
	'$\\mathbb{R}$',
	'$$',
	'$5 and $10',
	'\\textbf{',
	'\\end{document}',
	'\\\\',
	'\\{',
	'}{',
	'@misc{evil,',
	'\n@article{x,\n',
	'% comment',
	'&lt;',
	'&#60;',
	'&amp;',
	'</a><script>alert(1)</script>',
	'](javascript:alert(1))',
	'![x](y)',
	'`code`',
	'**bold**',
	'~~gone~~',
	' and ',
	'AND',
	'others',
	', Jr.',
	'\n\n',
	'\t',
	'\r\n',
	'é',
	'Łukasz',
	'Müller',
	'中文',
	'😀',
	'\u001B]52;c;ZXZpbA==\u0007',
	'\u001B[31m',
	'\u202E',
	'\u0000',
	'\uD800',
];
const piece = fc.oneof(
	fc.constantFrom(...SPECIAL_CHARACTERS),
	fc.constantFrom(...PAYLOADS),
	fc.string({maxLength: 6}),
	fc.string({unit: 'binary', maxLength: 4}),
	fc.lorem({maxCount: 3}),
);
const hostileText = fc.array(piece, {maxLength: 14}).map((pieces) => pieces.join(''));
const hostilePaper = fc
	.record({
		title: hostileText,
		abstract: hostileText,
		authors: fc.array(hostileText, {maxLength: 5}),
		authorCount: fc.option(fc.nat({max: 40}), {nil: null}),
		published: fc.option(fc.constantFrom('2024-10-22', '1999-01-01', '2025-02-28'), {nil: null}),
		arxivId: fc.option(fc.oneof(fc.constantFrom('2410.17243', '1706.03762', '2501.0123', 'hep-th/9901001', 'math.AG/0601001v2', 'cond-mat/0102536'), hostileText), {nil: null}),
		upvotes: fc.option(fc.nat({max: 500}), {nil: null}),
		links: fc.array(
			fc.oneof(
				fc.webUrl({withQueryParameters: true, withFragments: true}),
				hostileText,
				fc.constantFrom('javascript:alert(1)', 'https://en.wikipedia.org/wiki/Foo_(bar) x', 'https://e.com/a?q={x}&b=\\c'),
			),
			{maxLength: 3},
		),
	})
	.map((fields) => paper(fields));

// ---------------------------------------------------------------------------------------------------

describe('exportPapers', () => {
	const papers = [VASWANI, paper({title: 'Second paper', authorCount: 2})];

	it('offers the three formats, and dispatches to each', () => {
		expect(EXPORT_FORMATS).toEqual(['markdown', 'bibtex', 'json']);
		expect(exportPapers(papers, 'markdown')).toBe(toMarkdown(papers));
		expect(exportPapers(papers, 'bibtex')).toBe(toBibtex(papers));
		expect(exportPapers(papers, 'json')).toBe(toJson(papers));
		expect(exportPapers(papers, 'markdown')).not.toBe(exportPapers(papers, 'bibtex'));
	});

	it.each(EXPORT_FORMATS)('%s ends with exactly one newline', (format) => {
		const text = exportPapers(papers, format);
		expect(text).toMatch(/[^\n]\n$/);
	});

	it('gives an empty document for no papers: nothing in Markdown and BibTeX, an empty list in JSON', () => {
		expect(exportPapers([], 'markdown')).toBe('');
		expect(exportPapers([], 'bibtex')).toBe('');
		expect(exportPapers([], 'json')).toBe('{"papers":[]}\n');
		expect(exportPapers([], 'markdown', {generatedAt: new Date(0)})).toBe('');
		expect(JSON.parse(exportPapers([], 'json'))).toEqual({papers: []});
	});

	it('says when the export was made, when asked', () => {
		const generatedAt = new Date('2024-11-25T10:00:00Z');
		expect(exportPapers(papers, 'markdown', {generatedAt})).toMatch(/^2 papers, exported 2024-11-25T10:00:00\.000Z\.\n\n- \[/);
		expect(exportPapers(papers, 'bibtex', {generatedAt})).toMatch(/^% 2 papers, exported 2024-11-25T10:00:00\.000Z\n\n@misc\{/);
		expect(JSON.parse(exportPapers(papers, 'json', {generatedAt})).generatedAt).toBe('2024-11-25T10:00:00.000Z');
		expect(parseBibtex(exportPapers(papers, 'bibtex', {generatedAt}))).toHaveLength(2);
		expect(exportPapers(papers, 'markdown')).not.toContain('exported');
	});

	it('rejects an unknown format', () => {
		expect(() => exportPapers(papers, 'csv' as ExportFormat)).toThrow(/unknown export format: csv/);
	});

	it('tells format names from other words', () => {
		expect(EXPORT_FORMATS.filter(isExportFormat)).toEqual(['markdown', 'bibtex', 'json']);
		for (const word of ['md', 'Markdown', 'bib', '', 'toString', 'constructor']) expect(isExportFormat(word)).toBe(false);
	});
});

describe('toMarkdown', () => {
	it('writes one list item a paper: the linked title, the authors and the date', () => {
		expect(toMarkdown([VASWANI])).toBe('- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) — Ashish Vaswani, Noam Shazeer, Niki Parmar · 2017-06-12\n');
	});

	it('gives the author count when the listing has no names, and leaves out what is unknown', () => {
		const lines = toMarkdown([
			paper({title: 'A', authorCount: 12}),
			paper({title: 'B', authorCount: 1}),
			paper({title: 'C', authorCount: null, published: null}),
			paper({title: 'D', authorCount: 0}),
			paper({title: 'E', authors: ['Solo Author'], published: null}),
		]).split('\n');
		expect(lines[0]).toMatch(/\) — 12 authors · 2017-06-12$/);
		expect(lines[1]).toMatch(/\) — 1 author · 2017-06-12$/);
		expect(lines[2]).toMatch(/^- \[C\]\([^)]*\)$/);
		expect(lines[3]).toMatch(/\) — 2017-06-12$/);
		expect(lines[4]).toMatch(/\) — Solo Author$/);
	});

	it('names up to four authors, else three and "et al.", and "et al." when the count says there are more', () => {
		const names = ['A One', 'B Two', 'C Three', 'D Four', 'E Five'];
		expect(parseMarkdown(toMarkdown([paper({authors: names.slice(0, 4)})]))[0]!.details).toBe('A One, B Two, C Three, D Four · 2017-06-12');
		expect(parseMarkdown(toMarkdown([paper({authors: names})]))[0]!.details).toBe('A One, B Two, C Three et al. · 2017-06-12');
		expect(parseMarkdown(toMarkdown([paper({authors: names.slice(0, 2), authorCount: 5})]))[0]!.details).toBe('A One, B Two et al. · 2017-06-12');
		expect(parseMarkdown(toMarkdown([paper({authors: names.slice(0, 2), authorCount: 2})]))[0]!.details).toBe('A One, B Two · 2017-06-12');
	});

	it('links the arXiv page, else the first web link, else an arXiv title search', () => {
		const [arxiv, link, unsafe, badId, none] = parseMarkdown(
			toMarkdown([
				paper({arxivId: '2410.17243', links: ['https://github.com/x/y']}),
				paper({links: ['https://github.com/x/y', 'https://example.org/']}),
				paper({links: ['javascript:alert(1)', 'https://user:pw@example.org/', 'http://localhost/', 'https://example.org/page']}),
				paper({arxivId: '../../etc/passwd'}),
				paper({title: 'Go (Wider) & Deeper'}),
			]),
		);
		expect(arxiv!.url).toBe('https://arxiv.org/abs/2410.17243');
		expect(link!.url).toBe('https://github.com/x/y');
		expect(unsafe!.url).toBe('https://example.org/page');
		expect(badId!.url).toBe(paperUrl({arxivId: null, title: 'Attention Is All You Need'}));
		const search = new URL(none!.url);
		expect(search.origin + search.pathname).toBe('https://arxiv.org/search/');
		expect(search.searchParams.get('query')).toBe('Go (Wider) & Deeper');
	});

	it('percent-encodes parentheses and spaces in URLs so the link is not cut short', () => {
		const markdown = toMarkdown([paper({links: ['https://en.wikipedia.org/wiki/Transformer_(deep_learning)?q=a b&c=`x`']})]);
		expect(markdown).toContain('(https://en.wikipedia.org/wiki/Transformer_%28deep_learning%29?q=a%20b&c=%60x%60)');
		const [item] = parseMarkdown(markdown);
		expect(withoutMarkdownEncoding(item!.url)).toBe('https://en.wikipedia.org/wiki/Transformer_(deep_learning)?q=a b&c=`x`');
	});

	it('escapes & in a URL where it would read as a character reference', () => {
		const markdown = toMarkdown([paper({links: ['https://example.org/?a=1&lt;2&b=3']})]);
		expect(markdown).toContain('(https://example.org/?a=1\\&lt;2&b=3)');
		expect(parseMarkdown(markdown)[0]!.url).toBe('https://example.org/?a=1&lt;2&b=3');
	});

	it.each([
		['Square [brackets] and a ](javascript:alert(1)) closer', '- [Square \\[brackets\\] and a \\](javascript:alert(1)) closer]('],
		['*stars* and _underscores_ and `ticks`', '- [\\*stars\\* and \\_underscores\\_ and \\`ticks\\`]('],
		['<img src=x onerror=alert(1)> & <b>', '- [\\<img src=x onerror=alert(1)\\> & \\<b\\>]('],
		['&lt;script&gt; and &#60; and Q&A', '- [\\&lt;script\\&gt; and \\&#60; and Q&A]('],
		['a | b | c ~~struck~~ $x$ back\\slash', '- [a \\| b \\| c \\~\\~struck\\~\\~ \\$x\\$ back\\\\slash]('],
	])('escapes Markdown in the title %j', (title, start) => {
		const markdown = toMarkdown([paper({title})]);
		expect(markdown.startsWith(start)).toBe(true);
		expect(parseMarkdown(markdown)[0]!.title).toBe(title);
	});

	it('keeps each paper on one line and removes terminal escapes', () => {
		const markdown = toMarkdown([
			paper({title: 'First line\n# Heading\n\n---\n> quote', authors: ['Eve\n\n- injected item']}),
			paper({title: 'Red \u001B[31mtext\u001B]52;c;ZXZpbA==\u0007 \u202Eevil'}),
		]);
		expect(markdown.split('\n')).toHaveLength(3);
		expect(markdown).not.toMatch(UNSAFE_CHARACTER);
		const [first, second] = parseMarkdown(markdown);
		expect(first!.title).toBe('First line # Heading --- > quote');
		expect(first!.details).toBe('Eve - injected item · 2017-06-12');
		expect(second!.title).toBe('Red text evil');
	});

	it('shows an empty title as "Untitled"', () => {
		expect(parseMarkdown(toMarkdown([paper({title: ' \u001B[2J '})]))[0]!.title).toBe('Untitled');
	});

	it('escapes exactly the characters Markdown would act on', () => {
		expect(escapeMarkdown('Plain: words, (parens), 100% #1 "quotes" it\'s -- fine.')).toBe('Plain: words, (parens), 100% #1 "quotes" it\'s -- fine.');
		expect(escapeMarkdown('\\`*_[]<>|~$')).toBe('\\\\\\`\\*\\_\\[\\]\\<\\>\\|\\~\\$');
	});

	test.prop([fc.array(hostilePaper, {minLength: 1, maxLength: 5})])('every title, author list and URL reads back exactly', (papers) => {
		const markdown = toMarkdown(papers);
		expect(markdown).not.toMatch(UNSAFE_CHARACTER);
		const items = parseMarkdown(markdown);
		expect(items).toHaveLength(papers.length);
		items.forEach((item, index) => {
			const source = papers[index]!;
			expect(item.title).toBe(clean(source.title) || 'Untitled');
			const names = source.authors.map(clean).filter((name) => name !== '');
			const count = source.authorCount ?? 0;
			const shown = names.length > 4 ? names.slice(0, 3) : names;
			const authors = names.length === 0 ? (count > 0 ? `${count} author${count === 1 ? '' : 's'}` : '') : shown.join(', ') + (shown.length < Math.max(names.length, count) ? ' et al.' : '');
			expect(item.details).toBe([authors, source.published ?? ''].filter((part) => part !== '').join(' · '));
			const validId = source.arxivId === null ? null : normalizeArxivId(source.arxivId);
			const link = source.links.map((each) => safeUrl(each)).find((url) => url !== null)?.href;
			const expected = validId !== null ? `https://arxiv.org/abs/${validId}` : (link ?? paperUrl({arxivId: null, title: clean(source.title)}));
			expect(withoutMarkdownEncoding(item.url)).toBe(withoutMarkdownEncoding(expected));
			expect(safeUrl(item.url)).not.toBeNull();
		});
	});
});

describe('toBibtex', () => {
	it('writes an arXiv paper as a @misc entry', () => {
		expect(toBibtex([VASWANI])).toBe(
			[
				'@misc{vaswani2017attention,',
				'  title = {{Attention Is All You Need}},',
				'  author = {Ashish Vaswani and Noam Shazeer and Niki Parmar},',
				'  year = {2017},',
				'  eprint = {1706.03762},',
				'  archivePrefix = {arXiv},',
				'  url = {https://arxiv.org/abs/1706.03762},',
				'  abstract = {The dominant sequence transduction models are based on complex recurrent networks.}',
				'}',
				'',
			].join('\n'),
		);
	});

	it('separates entries with a blank line', () => {
		const bibtex = toBibtex([VASWANI, paper({title: 'Other'})]);
		expect(bibtex).toContain('}\n\n@misc{other2017,\n');
		expect(parseBibtex(bibtex).map((entry) => entry.key)).toEqual(['vaswani2017attention', 'other2017']);
	});

	it('omits fields it does not know: no author, year, eprint, url or abstract', () => {
		const [entry] = parseBibtex(toBibtex([paper({title: 'Bare', published: null, abstract: '', arxivId: '12345', links: ['ftp://example.org/x']})]));
		expect([...entry!.fields.keys()]).toEqual(['title']);
		expect(entry!.key).toBe('bare');
	});

	it('gives the author count as a note when the listing has no names, and "and others" when it has fewer names than the count', () => {
		const [countOnly, partial, complete] = parseBibtex(
			toBibtex([paper({authorCount: 7}), paper({title: 'Partial', authors: ['Ann Lee', 'Bo Li'], authorCount: 5}), paper({title: 'Complete', authors: ['Ann Lee'], authorCount: 1})]),
		);
		expect(countOnly!.fields.has('author')).toBe(false);
		expect(countOnly!.fields.get('note')).toBe('7 authors');
		expect(partial!.fields.get('author')).toBe('Ann Lee and Bo Li and others');
		expect(partial!.fields.has('note')).toBe(false);
		expect(complete!.fields.get('author')).toBe('Ann Lee');
	});

	it('braces names that BibTeX would split or reorder', () => {
		const [entry] = parseBibtex(toBibtex([paper({authors: ['Tom and Jerry', 'Smith, Jr., John', 'others', 'AND', 'Anderson Sandy']})]));
		expect(entry!.fields.get('author')).toBe('{Tom and Jerry} and {Smith, Jr., John} and {others} and {AND} and Anderson Sandy');
		expect(readAuthors(entry!.fields.get('author')!)).toEqual({names: ['Tom and Jerry', 'Smith, Jr., John', 'others', 'AND', 'Anderson Sandy'], others: false});
	});

	it('links the first web link when there is no arXiv id, encoding braces, backslashes and spaces, keeping %', () => {
		const [entry] = parseBibtex(toBibtex([paper({links: ['javascript:alert(1)', 'https://example.org/a%20b?q={x}&r=\\y#frag']})]));
		expect(entry!.fields.get('url')).toBe('https://example.org/a%20b?q=%7Bx%7D&r=%5Cy#frag');
		expect(entry!.fields.has('eprint')).toBe(false);
	});

	it('puts each value on one line, so no line but an entry\'s first starts with @', () => {
		const bibtex = toBibtex([paper({title: 'Evil\n@misc{evil,\n title = {x}}', abstract: 'First paragraph.\n\n@article{x,\nSecond % paragraph.'})]);
		expect(bibtex.split('\n').filter((line) => line.startsWith('@'))).toEqual(['@misc{evil2017,']);
		const [entry] = parseBibtex(bibtex);
		expect(entry!.fields.get('abstract')).toBe('First paragraph. @article\\textbraceleft{}x, Second \\% paragraph.');
	});

	describe('escaping', () => {
		it('escapes every LaTeX special character so it prints as written', () => {
			expect(escapeLatex('50% & $5 #1 a_b {x} ~ ^ \\ < > |')).toBe(
				'50\\% \\& \\$5 \\#1 a\\_b \\textbraceleft{}x\\textbraceright{} \\textasciitilde{} \\textasciicircum{} \\textbackslash{} \\textless{} \\textgreater{} \\textbar{}',
			);
			expect(escapeLatex('Plain words: (ok), "quoted", it\'s fine; 3-4 -- é 中文 😀 @')).toBe('Plain words: (ok), "quoted", it\'s fine; 3-4 -- é 中文 😀 @');
		});

		it('protects the title\'s capitalisation with a second pair of braces', () => {
			const [entry] = parseBibtex(toBibtex([paper({title: 'BERT: Pre-training of Deep {Bidirectional} Transformers'})]));
			expect(entry!.fields.get('title')).toBe('{BERT: Pre-training of Deep \\textbraceleft{}Bidirectional\\textbraceright{} Transformers}');
		});

		it.each([
			['$\\alpha$-Net: Simple Math', '{$\\alpha$-Net: Simple Math}'],
			['Attention is $O(n^2)$ for $\\pi_0$ and $x_{i,j}^{2}$', '{Attention is $O(n^2)$ for $\\pi_0$ and $x_{i,j}^{2}$}'],
			['$|x|^2 \\leq \\infty$ bounds', '{$|x|^2 \\leq \\infty$ bounds}'],
			['From $5 to $10', '{From \\$5 to \\$10}'],
			['Cost $5$10', '{Cost \\$5\\$10}'],
			['Read $\\input{/etc/passwd}$ now', '{Read \\$\\textbackslash{}input\\textbraceleft{}/etc/passwd\\textbraceright{}\\$ now}'],
			['Sets $\\mathbb{R}$ and $x^2^3$ and $$x$$', '{Sets \\$\\textbackslash{}mathbb\\textbraceleft{}R\\textbraceright{}\\$ and \\$x\\textasciicircum{}2\\textasciicircum{}3\\$ and \\$\\$x\\$\\$}'],
			['Comment $x % y$ and $a & b$', '{Comment \\$x \\% y\\$ and \\$a \\& b\\$}'],
		])('keeps simple math as math and escapes the rest: %j', (title, value) => {
			const [entry] = parseBibtex(toBibtex([paper({title})]));
			expect(entry!.fields.get('title')).toBe(value);
			expect(unescapeLatex(unbrace(entry!.fields.get('title')!), true)).toBe(title);
		});

		it('keeps math in the abstract the same way, and escapes math in author names', () => {
			const [entry] = parseBibtex(toBibtex([paper({abstract: 'We get $O(\\log n)$ time and 100% recall.', authors: ['$\\alpha$ Team']})]));
			expect(entry!.fields.get('abstract')).toBe('We get $O(\\log n)$ time and 100\\% recall.');
			expect(entry!.fields.get('author')).toBe('\\$\\textbackslash{}alpha\\$ Team');
		});
	});

	describe('isSimpleMath', () => {
		it.each(['\\alpha', 'x', 'O(n^2)', '\\pi_0', 'x_i^2', 'x^2_i', 'x_{i,j}^{-1}', '(a+b)^2', '|x|_1', 'f(x) = \\log x', 'a < b > c', 'k', '10^{\\top}'])(
			'accepts %j',
			(math) => expect(isSimpleMath(math)).toBe(true),
		);

		it.each(['', ' ', '( )', '\\mathcal', '\\mathcal{O}', '\\mathbb{R}', '\\text{x}', '\\input{x}', '\\alphax', '\\', 'x^', 'x^^2', 'x^2^3', 'x_1_2', 'x^{}', 'x^{a^b}', 'x ^2', '^2', '{x}', 'x}', 'x % y', 'a & b', 'x # y', 'a~b', "f'", 'α', '\\def\\x{y}', 'x^{1'])(
			'rejects %j',
			(math) => expect(isSimpleMath(math)).toBe(false),
		);
	});

	describe('keys', () => {
		it('are the last name, the year and the first title word, in lower-case ASCII', () => {
			expect(bibtexKeys([VASWANI])).toEqual(['vaswani2017attention']);
			expect(bibtexKeys([paper({title: 'The Müller Method', authors: ['Łukasz Kaiser']})])).toEqual(['kaiser2017muller']);
			expect(bibtexKeys([paper({title: 'On a Theory of Everything', authors: ['José Ñúñez-Ortiz Jr.']})])).toEqual(['nunezortiz2017theory']);
			expect(bibtexKeys([paper({title: 'Straße', authors: ['Smith, John'], published: null})])).toEqual(['smithstrasse']);
			expect(bibtexKeys([paper({title: 'GPT-4o: Technical Report', authors: ['Ann Ørsted']})])).toEqual(['orsted2017gpt']);
		});

		it('use the title word and year without names, and the paper id with neither a name nor a title word', () => {
			expect(bibtexKeys([paper({})])).toEqual(['attention2017']);
			const cjk = paper({title: '大規模言語モデルの推論'});
			expect(bibtexKeys([cjk])).toEqual([cjk.id]);
			expect(bibtexKeys([paper({title: '大規模言語モデル', authors: ['王 Wang']})])).toEqual(['wang2017']);
		});

		it('are made unique with a, b, c, ... in the order of the papers', () => {
			const twin = paper({authors: ['A Smith'], title: 'Deep Learning'});
			expect(bibtexKeys([twin, paper({title: 'Unrelated'}), twin, twin])).toEqual(['smith2017deep', 'unrelated2017', 'smith2017deepa', 'smith2017deepb']);
			const many = bibtexKeys(Array.from({length: 29}, () => twin));
			expect(many.slice(25)).toEqual(['smith2017deepy', 'smith2017deepz', 'smith2017deepaa', 'smith2017deepab']);
			expect(new Set(many).size).toBe(29);
		});

		it('do not take a key another paper has as its own', () => {
			const a = paper({authors: ['A Smith'], title: 'Deep'});
			const natural = paper({authors: ['A Smith'], title: 'Deepa'});
			expect(bibtexKeys([natural, a, a])).toEqual(['smith2017deepa', 'smith2017deep', 'smith2017deepb']);
		});

		it('are stable: the same papers in the same order get the same keys', () => {
			const papers = [VASWANI, paper({}), paper({}), paper({title: 'X', authors: ['Ann Lee']})];
			expect(bibtexKeys(papers)).toEqual(bibtexKeys(papers.map((each) => ({...each}))));
			expect(parseBibtex(toBibtex(papers)).map((entry) => entry.key)).toEqual(bibtexKeys(papers));
		});

		test.prop([fc.array(hostilePaper, {maxLength: 8})])('are unique, non-empty lower-case ASCII letters and digits', (papers) => {
			const keys = bibtexKeys(papers);
			expect(new Set(keys).size).toBe(papers.length);
			for (const key of keys) expect(key).toMatch(/^[a-z0-9]+$/);
		});
	});

	test.prop([fc.array(hostilePaper, {minLength: 1, maxLength: 5})], {numRuns: 300})(
		'parses back as valid BibTeX, every value reading as the text it came from',
		(papers) => {
			const bibtex = toBibtex(papers);
			expect(bibtex).not.toMatch(UNSAFE_CHARACTER);
			const entries = parseBibtex(bibtex);
			expect(entries).toHaveLength(papers.length);
			expect(bibtex.split('\n').filter((line) => line.startsWith('@'))).toHaveLength(papers.length);
			expect(entries.map((entry) => entry.key)).toEqual(bibtexKeys(papers));
			entries.forEach((entry, index) => expectEntryMatches(entry, papers[index]!));
		},
	);
});

describe('old-style arXiv ids', () => {
	// The reader's `o` opens these (paperUrl); every format links and cites them the same way.
	it.each([
		['hep-th/9901001', 'hep-th/9901001'],
		['math.AG/0601001', 'math.AG/0601001'],
		['cond-mat/0102536', 'cond-mat/0102536'],
		['hep-th/9901001v2', 'hep-th/9901001'],
		['2410.17243v1', '2410.17243'],
	])('%s is exported as %s: the abstract link in Markdown, eprint and url in BibTeX, the id in JSON', (arxivId, id) => {
		const old = paper({title: 'Old Style', authors: ['Ann Lee'], published: '1999-01-04', arxivId, links: ['https://github.com/x/y']});
		const abstractPage = `https://arxiv.org/abs/${id}`;
		expect(paperUrl(old)).toBe(abstractPage);
		expect(parseMarkdown(toMarkdown([old]))[0]!.url).toBe(abstractPage);
		const [entry] = parseBibtex(toBibtex([old]));
		expect(entry!.fields.get('eprint')).toBe(id);
		expect(entry!.fields.get('archivePrefix')).toBe('arXiv');
		expect(entry!.fields.get('url')).toBe(abstractPage);
		expect(JSON.parse(toJson([old])).papers[0].arxivId).toBe(arxivId);
	});
});

describe('toJson', () => {
	const papers = [VASWANI, paper({title: 'Q "quoted" \\ and \u2028 line', read: true, favorite: true, authorCount: 4, links: ['https://example.org/']})];

	it('round-trips through JSON.parse', () => {
		expect(JSON.parse(toJson(papers))).toEqual({papers});
	});

	it('is what papers list --json prints for the same papers, without its warnings', () => {
		const list = [...jsonChunks(papers, [], false)].join('');
		expect(list.endsWith(',"warnings":[]}\n')).toBe(true);
		expect(toJson(papers)).toBe(list.replace(',"warnings":[]}\n', '}\n'));
	});

	it('writes "upvotes": null for a paper without upvotes (an arXiv feed), and no upvotes in Markdown or BibTeX', () => {
		const feedPaper = paper({upvotes: null, arxivId: 'hep-th/9901001'});
		expect(toJson([feedPaper])).toContain('"upvotes":null');
		expect(JSON.parse(toJson([feedPaper])).papers[0].upvotes).toBeNull();
		for (const format of ['markdown', 'bibtex'] as const) expect(exportPapers([feedPaper], format)).not.toMatch(/null|▲/);
	});

	it('is compact, on one line', () => {
		expect(toJson(papers).split('\n')).toEqual([expect.stringMatching(/^\{"papers":\[\{"id":"/), '']);
	});

	test.prop([fc.array(hostilePaper, {maxLength: 5}), fc.boolean(), fc.boolean()])('round-trips any papers', (papers, read, favorite) => {
		const withState = papers.map((each) => ({...each, read, favorite}));
		expect(JSON.parse(toJson(withState))).toEqual({papers: withState});
	});
});

describe('the bundled listing', () => {
	const {papers: parsed} = parseHfPage(readFileSync(new URL('../../fixtures/hf-daily-papers-page.txt', import.meta.url), 'utf8'), {source: 'page.txt', year: 2024});
	const papers: PaperWithState[] = parsed.map((each, index) => ({...each, read: index % 2 === 0, favorite: index % 5 === 0}));

	it('exports every paper in every format', () => {
		expect(papers.length).toBeGreaterThan(55);
		const items = parseMarkdown(toMarkdown(papers));
		expect(items.map((item) => item.title)).toEqual(papers.map((each) => each.title));
		const entries = parseBibtex(toBibtex(papers));
		expect(new Set(entries.map((entry) => entry.key)).size).toBe(papers.length);
		entries.forEach((entry, index) => expectEntryMatches(entry, papers[index]!));
		expect(JSON.parse(toJson(papers)).papers).toHaveLength(papers.length);
	});
});
