/** Papers as a Markdown reading list, one line a paper (the format: docs/export-formats.md#markdown). */
import type {PaperWithState} from '../listing/paper.js';
import type {ExportOptions} from './formats.js';
import {authorNames, cleanText, paperAddress, percentEncode, plural, titleSearchUrl} from './paper-fields.js';

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
	const url = paperAddress(paper) ?? titleSearchUrl(paper);
	const details = [markdownAuthors(paper), cleanText(paper.published ?? '')].filter((part) => part !== '').map(escapeMarkdown);
	return `- [${escapeMarkdown(title)}](${markdownDestination(url)})${details.length > 0 ? ` — ${details.join(' · ')}` : ''}\n`;
}

/** A Markdown list, one paper a line; '' for no papers. */
export function toMarkdown(papers: readonly PaperWithState[], options: ExportOptions = {}): string {
	if (papers.length === 0) return '';
	const header = options.generatedAt === undefined ? '' : `${plural(papers.length, 'paper')}, exported ${options.generatedAt.toISOString()}.\n\n`;
	return header + papers.map(markdownLine).join('');
}
