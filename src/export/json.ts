/** Papers as JSON, as `papers list --json` prints them (docs/export-formats.md#json). */
import type {PaperWithState} from '../listing/paper.js';
import type {ExportOptions} from './formats.js';

/** `{"papers":[...]}` as `papers list --json` prints the papers, compact; `generatedAt` added when given. */
export function toJson(papers: readonly PaperWithState[], options: ExportOptions = {}): string {
	const document = options.generatedAt === undefined ? {papers} : {papers, generatedAt: options.generatedAt.toISOString()};
	return JSON.stringify(document) + '\n';
}
