import {loadListings} from '../listing/load.js';
import type {CommandContext} from './context.js';
import {formatWarnings, jsonChunks} from './format.js';

/** `papers parse FILE... [--json]`: the records as JSON or a readable table. */
export async function parseCommand(files: readonly string[], options: {json: boolean}, context: CommandContext): Promise<number> {
	const {papers, warnings} = await loadListings(files, context.load);
	if (options.json) {
		for (const chunk of jsonChunks(papers, warnings, context.pretty)) context.stdout(chunk);
	} else {
		context.stderr(formatWarnings(warnings));
		const {formatTable} = await import('./table.js'); // string-width loads only for tables
		context.stdout(formatTable(papers, context.columns));
	}
	return 0;
}
