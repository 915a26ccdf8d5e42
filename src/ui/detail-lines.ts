import type {Paper} from '../listing/paper.js';
import type {MatchRanges} from '../search/highlight.js';
import type {PaperMarks} from '../state/marks.js';
import {wrapText, type Line} from '../text/wrap.js';

/** A detail line with its style. */
export interface DetailLine {
	kind: 'title' | 'meta' | 'why' | 'link' | 'text' | 'blank';
	segments: Line;
}

const plain = (kind: DetailLine['kind'], text: string): DetailLine => ({kind, segments: text === '' ? [] : [{text, highlight: false}]});

/** The "why" line's text: the terms that pulled the paper up in the for-you order. */
export function whyLine(terms: readonly string[]): string {
	return terms.length === 0 ? 'for you: nothing in common with your favorites' : `for you: ${terms.join(', ')}`;
}

/**
 * Everything the detail pane shows for a paper, wrapped to `width`, highlights included; `why`: the terms
 * that pulled it up in the for-you order (one line, cut to fit), when that order is on.
 */
export function detailLines(paper: Paper, flags: PaperMarks, ranges: MatchRanges | undefined, width: number, why?: readonly string[] | null): DetailLine[] {
	const lines: DetailLine[] = [];
	for (const line of wrapText(paper.title, width, ranges?.title)) lines.push({kind: 'title', segments: line});
	const facts = [
		paper.authors.length > 0 ? null : paper.authorCount === null ? paper.organization : `${paper.authorCount} author${paper.authorCount === 1 ? '' : 's'}`,
		paper.published === null ? 'no date' : `${paper.published}${paper.yearInferred ? ' (year inferred)' : ''}`,
		paper.upvotes === null ? null : `▲ ${paper.upvotes}`,
		flags.read ? 'read' : 'unread',
		flags.favorite ? '★ favorite' : null,
		paper.arxivId === null ? null : `arXiv:${paper.arxivId}`,
	].filter((fact) => fact !== null);
	for (const line of wrapText(facts.join(' · '), width)) lines.push({kind: 'meta', segments: line});
	if (why != null) lines.push(plain('why', whyLine(why)));
	if (paper.authors.length > 0) {
		for (const line of wrapText(paper.authors.join(', '), width, ranges?.authors)) lines.push({kind: 'meta', segments: line});
	}
	for (const link of paper.links) {
		for (const line of wrapText(link, width)) lines.push({kind: 'link', segments: line});
	}
	lines.push(plain('blank', ''));
	if (paper.abstract === '') {
		lines.push(plain('meta', '(no abstract)'));
	} else {
		if (paper.abstractKind === 'summary') {
			for (const line of wrapText('Summary by the site (the listing has no abstract):', width)) lines.push({kind: 'meta', segments: line});
		}
		for (const line of wrapText(paper.abstract, width, ranges?.abstract)) lines.push({kind: line.length === 0 ? 'blank' : 'text', segments: line});
	}
	return lines;
}
