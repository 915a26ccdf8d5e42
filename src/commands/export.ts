import {InputError} from '../errors.js';
import {EXPORT_FORMATS, exportPapers, type ExportFormat} from '../export/formats.js';
import type {ListingSource} from '../listing/load.js';
import type {View} from '../state/with-state.js';
import type {CommandContext} from './context.js';
import {formatWarnings} from './output.js';
import {loadInView} from './papers-with-marks.js';

/** The output format `--format` names (Markdown by default). */
export function exportFormat(text: string | undefined): ExportFormat {
	if (text === undefined) return 'markdown';
	const format = EXPORT_FORMATS.find((name) => name === text.toLowerCase());
	if (format === undefined) throw new InputError(`export: --format must be one of ${EXPORT_FORMATS.join(', ')} (got ${text})`);
	return format;
}

/** `papers export FILE... [--favorites | --read | --unread] [--format F]`: the papers to stdout. */
export async function exportCommand(files: readonly ListingSource[], options: {view: View; format: ExportFormat}, context: CommandContext): Promise<number> {
	const {papers, warnings} = await loadInView(files, options.view, context);
	context.stdout(exportPapers(papers, options.format));
	context.stderr(formatWarnings(warnings));
	return 0;
}
