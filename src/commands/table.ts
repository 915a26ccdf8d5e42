import type {Paper} from '../listing/paper.js';
import {truncateToWidth} from '../text/wrap.js';

/** A paper, with its state where the command knows it. */
type Row = Paper & {read?: boolean; favorite?: boolean};

/** Upvotes as a table cell: blank when the listing has none. */
function upvotesCell(paper: Row): string {
	return paper.upvotes === null ? '' : String(paper.upvotes);
}

/** A plain-text table, one paper a line, fitted to `width` columns (titles are cut, never wrapped). */
export function formatTable(papers: readonly Row[], width: number): string {
	const withState = papers.some((paper) => paper.read !== undefined);
	const upvoteWidth = papers.reduce((widest, paper) => Math.max(widest, upvotesCell(paper).length), 2);
	const header = [withState ? 'RF' : '', 'ID          ', 'DATE      ', 'UP'.padStart(upvoteWidth), 'TITLE']
		.filter((cell) => cell !== '')
		.join('  ');
	const lines = [header];
	for (const paper of papers) {
		const cells = [
			...(withState ? [`${paper.read ? ' ' : '•'}${paper.favorite ? '★' : ' '}`] : []),
			paper.id,
			(paper.published ?? '').padEnd(10),
			upvotesCell(paper).padStart(upvoteWidth),
		];
		const prefix = cells.join('  ') + '  ';
		lines.push(prefix + truncateToWidth(paper.title, Math.max(10, width - prefix.length)));
	}
	return lines.join('\n') + '\n';
}
