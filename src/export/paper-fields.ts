/**
 * What every export format says about a paper, read the same way for each: its text cleaned, its arXiv
 * id, its address, its author names (docs/export-formats.md).
 */
import {normalizeArxivId} from '../listing/arxiv-id.js';
import type {PaperWithState} from '../listing/paper.js';
import {collapseWhiteSpace, sanitize} from '../text/sanitize.js';
import {paperUrl, safeUrl} from '../listing/paper-url.js';

/** A text field sanitised again (no control or bidi character reaches the output) and on one line. */
export function cleanText(text: string): string {
	return collapseWhiteSpace(sanitize(text));
}

/** The paper's arXiv id, new style or old ("hep-th/9901001"), as the reader's `o` reads it; null when it has none. */
export function arxivIdOf(paper: PaperWithState): string | null {
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
export function paperAddress(paper: PaperWithState): string | null {
	const arxivId = arxivIdOf(paper);
	if (arxivId !== null) return paperUrl({arxivId, title: paper.title});
	return firstSafeLink(paper.links);
}

/** An arXiv title search for the paper: Markdown's address for a paper without one. */
export function titleSearchUrl(paper: PaperWithState): string {
	return paperUrl({arxivId: null, title: cleanText(paper.title)});
}

export function authorNames(paper: PaperWithState): string[] {
	return paper.authors.map(cleanText).filter((name) => name !== '');
}

export function percentEncode(character: string): string {
	return Array.from(new TextEncoder().encode(character), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

export function plural(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
