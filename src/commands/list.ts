import type {ListingSource} from '../listing/load.js';
import type {StateFilter} from '../state/with-state.js';
import type {CommandContext} from './context.js';
import {writePapers} from './format.js';
import {loadInView} from './state.js';

/** Options of `papers list`. */
export interface ListOptions {
	filter: StateFilter;
	query: string | undefined;
	json: boolean;
}

/** `papers list FILE...`: the papers with their state, filtered by state and by a query (best first). */
export async function listCommand(files: readonly ListingSource[], options: ListOptions, context: CommandContext): Promise<number> {
	const {papers, warnings} = await loadInView(files, options.filter, context);
	let shown = papers;
	if (options.query !== undefined && options.query.trim() !== '') {
		const {createSearcher, finishInSlices, describeCut} = await import('../search/search.js');
		const job = createSearcher(shown).start(options.query);
		if (job.cut !== null) context.stderr(`papers: ${describeCut(job.cut)}\n`);
		// In slices: Ctrl-C and SIGTERM are handled between them, however long the search.
		const hits = await finishInSlices(job);
		shown = hits.map((hit) => shown[hit.index]!);
	}
	await writePapers(shown, warnings, options.json, context);
	return 0;
}
