import {loadListings, type ListingSource} from '../listing/load.js';
import type {ParseWarning} from '../listing/paper.js';
import type {CommandContext} from './context.js';
import {writePapers} from './output.js';

/** `papers parse FILE... [--json]`: the records as JSON or a readable table; `warnings` (a fetch's, say) go first. */
export async function parseCommand(files: readonly ListingSource[], options: {json: boolean; warnings?: readonly ParseWarning[]}, context: CommandContext): Promise<number> {
	const {papers, warnings} = await loadListings(files, context.load);
	await writePapers(papers, [...(options.warnings ?? []), ...warnings], options.json, context);
	return 0;
}
