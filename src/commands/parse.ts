import {loadListings, type ListingSource} from '../listing/load.js';
import type {CommandContext} from './context.js';
import {writePapers} from './format.js';

/** `papers parse FILE... [--json]`: the records as JSON or a readable table. */
export async function parseCommand(files: readonly ListingSource[], options: {json: boolean}, context: CommandContext): Promise<number> {
	const {papers, warnings} = await loadListings(files, context.load);
	await writePapers(papers, warnings, options.json, context);
	return 0;
}
