import {InputError} from '../errors.js';
import {EXPORT_FORMATS, exportPapers, type ExportFormat} from '../export/formats.js';
import {loadListings, type ListingSource} from '../listing/load.js';
import {inView, withState, type StateFilter} from '../state/with-state.js';
import type {CommandContext} from './context.js';
import {formatWarnings} from './format.js';

/** The output format `--format` names (Markdown by default). */
export function exportFormat(text: string | undefined): ExportFormat {
	if (text === undefined) return 'markdown';
	const format = EXPORT_FORMATS.find((name) => name === text.toLowerCase());
	if (format === undefined) throw new InputError(`export: --format must be one of ${EXPORT_FORMATS.join(', ')} (got ${text})`);
	return format;
}

/** `papers export FILE... [--favorites | --read | --unread] [--format F]`: the papers to stdout. */
export async function exportCommand(files: readonly ListingSource[], options: {filter: StateFilter; format: ExportFormat}, context: CommandContext): Promise<number> {
	const {papers, warnings} = await loadListings(files, context.load);
	const {openStore} = await import('../state/store.js');
	const store = openStore(context.store, (message) => context.stderr(`papers: ${message}\n`));
	const chosen = withState(papers, store).filter((paper) => inView(paper, options.filter));
	context.stdout(exportPapers(chosen, options.format));
	context.stderr(formatWarnings(warnings));
	return 0;
}
