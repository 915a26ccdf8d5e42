/**
 * Papers as export text for `papers export`: a Markdown reading list, BibTeX entries, or JSON. This module
 * names the formats and hands the papers to the format's writer (markdown.ts, bibtex.ts, json.ts); each
 * is pure (papers in, a string out), so an export depends on the papers and `generatedAt` alone.
 * What each format writes, and why (escaping, keys, math): docs/export-formats.md.
 */
import type {PaperWithState} from '../listing/paper.js';
import {toBibtex} from './bibtex.js';
import {toJson} from './json.js';
import {toMarkdown} from './markdown.js';

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
