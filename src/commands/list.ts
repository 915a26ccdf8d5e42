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

/** `papers list FILE...`: the papers with their state, filtered by state and by a fuzzy query (best first). */
export async function listCommand(files: readonly ListingSource[], options: ListOptions, context: CommandContext): Promise<number> {
	const {papers, warnings} = await loadInView(files, options.filter, context);
	let shown = papers;
	if (options.query !== undefined && options.query.trim() !== '') {
		const {createSearcher} = await import('../search/fuzzy.js');
		const hits = createSearcher(shown).search(options.query);
		shown = hits.map((hit) => shown[hit.index]!);
	}
	await writePapers(shown, warnings, options.json, context);
	return 0;
}
