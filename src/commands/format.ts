import type {Paper, ParseWarning} from '../listing/paper.js';
import {truncateToWidth} from '../text/wrap.js';

/** A paper, with its state where the command knows it. */
type Row = Paper & {read?: boolean; favorite?: boolean};

/** A plain-text table, one paper a line, fitted to `width` columns (titles are cut, never wrapped). */
export function formatTable(papers: readonly Row[], width: number): string {
	const withState = papers.some((paper) => paper.read !== undefined);
	const upvoteWidth = Math.max(2, ...papers.map((paper) => String(paper.upvotes).length));
	const header = [withState ? 'RF' : '', 'ID          ', 'DATE      ', 'UP'.padStart(upvoteWidth), 'TITLE']
		.filter((cell) => cell !== '')
		.join('  ');
	const lines = [header];
	for (const paper of papers) {
		const cells = [
			...(withState ? [`${paper.read ? ' ' : '•'}${paper.favorite ? '★' : ' '}`] : []),
			paper.id,
			(paper.published ?? '').padEnd(10),
			String(paper.upvotes).padStart(upvoteWidth),
		];
		const prefix = cells.join('  ') + '  ';
		lines.push(prefix + truncateToWidth(paper.title, Math.max(10, width - prefix.length)));
	}
	return lines.join('\n') + '\n';
}

/** "file:line: message", one warning a line. */
export function formatWarnings(warnings: readonly ParseWarning[]): string {
	return warnings.map((warning) => `papers: warning: ${warning.source}${warning.line === null ? '' : `:${warning.line}`}: ${warning.message}\n`).join('');
}

/**
 * `{"papers": [...], "warnings": [...]}` as JSON, in pieces: indented for people (in a terminal), compact
 * for programs. Compact output is written a few hundred papers at a time, so that a large listing never
 * needs one giant string.
 */
export function* jsonChunks(papers: readonly object[], warnings: readonly object[], pretty: boolean): Generator<string> {
	if (pretty) {
		yield JSON.stringify({papers, warnings}, null, 2) + '\n';
		return;
	}
	yield '{"papers":[';
	for (let start = 0; start < papers.length; start += JSON_BATCH) {
		const batch = JSON.stringify(papers.slice(start, start + JSON_BATCH)); // "[...]": drop the brackets
		yield (start === 0 ? '' : ',') + batch.slice(1, -1);
	}
	yield `],"warnings":${JSON.stringify(warnings)}}\n`;
}

const JSON_BATCH = 250;
