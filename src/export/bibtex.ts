/** Papers as BibTeX `@misc` entries, one a paper (the format: docs/export-formats.md#bibtex). */
import type {PaperWithState} from '../listing/paper.js';
import {bibtexKeys, yearOf} from './bibtex-keys.js';
import type {ExportOptions} from './formats.js';
import {escapeLatex, escapeLatexKeepingMath} from './latex-text.js';
import {arxivIdOf, authorNames, cleanText, paperAddress, percentEncode, plural} from './paper-fields.js';

const NAME_NEEDS_BRACES = /,|(?:^|\s)and(?:\s|$)|^others$/i;

function bibtexName(name: string): string {
	const escaped = escapeLatex(name);
	return NAME_NEEDS_BRACES.test(name) ? `{${escaped}}` : escaped;
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

/** BibTeX `@misc` entries, a blank line between them (docs/export-formats.md#bibtex); '' for no papers. */
export function toBibtex(papers: readonly PaperWithState[], options: ExportOptions = {}): string {
	if (papers.length === 0) return '';
	const keys = bibtexKeys(papers);
	const header = options.generatedAt === undefined ? '' : `% ${plural(papers.length, 'paper')}, exported ${options.generatedAt.toISOString()}\n\n`;
	return header + papers.map((paper, index) => bibtexEntry(paper, keys[index]!)).join('\n');
}

