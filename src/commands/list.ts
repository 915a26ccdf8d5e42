import type {ListingSource} from '../listing/load.js';
import type {PaperWithState} from '../listing/paper.js';
import {loadListings} from '../listing/load.js';
import {inView, withState, type View} from '../state/with-state.js';
import type {Sort} from '../ui/sorts.js';
import type {CommandContext} from './context.js';
import {writePapers} from './output.js';
import {openCommandMarks} from './papers-with-marks.js';

/** Options of `papers list`. */
export interface ListOptions {
	view: View;
	query: string | undefined;
	json: boolean;
	/** The order (the listing's, or best match first with a query, by default). */
	sort?: Sort | undefined;
}

/** What `list --sort for-you` says before there are favorites. */
export const NO_FAVORITES = 'for you: no favorites yet (papers mark --favorite ID); listing order';

/** `papers list FILE...`: the papers with their state, filtered by state and by a query (best first), sorted. */
export async function listCommand(files: readonly ListingSource[], options: ListOptions, context: CommandContext): Promise<number> {
	const loaded = await loadListings(files, context.load);
	const all = withState(
		loaded.papers,
		await openCommandMarks(
			loaded.papers.map((paper) => paper.id),
			context,
		),
	);
	let shown = all.filter((paper) => inView(paper, options.view));
	if (options.query !== undefined && options.query.trim() !== '') {
		const {createSearcher, finishInSlices, describeCut} = await import('../search/search.js');
		const job = createSearcher(shown).start(options.query);
		if (job.cut !== null) context.stderr(`papers: ${describeCut(job.cut)}\n`);
		// In slices: Ctrl-C and SIGTERM are handled between them, however long the search.
		const hits = await finishInSlices(job);
		shown = hits.map((hit) => shown[hit.index]!);
	}
	if (options.sort !== undefined && options.sort !== 'listing') shown = await sorted(all, shown, options.sort, context);
	await writePapers(shown, loaded.warnings, options.json, context);
	return 0;
}

/** `shown` (some of `all`) in the sort's order; for you ranks all the papers after their favorites. */
async function sorted(all: readonly PaperWithState[], shown: readonly PaperWithState[], sort: Exclude<Sort, 'listing'>, context: CommandContext): Promise<PaperWithState[]> {
	let order: readonly number[];
	if (sort === 'for-you') {
		const {FeatureJob, forYouOrder, markedIndices, rankPapers} = await import('../triage/for-you.js');
		const {favorites, read} = markedIndices(all.length, (index) => all[index]);
		if (favorites.length === 0) {
			context.stderr(`papers: ${NO_FAVORITES}\n`);
			order = forYouOrder(
				all.map((_, index) => index),
				(index) => all[index],
			);
		} else {
			const job = new FeatureJob(all);
			// In slices: Ctrl-C and SIGTERM are handled between them.
			while (!job.step(performance.now() + 50)) await new Promise((resolve) => setImmediate(resolve));
			const ranking = rankPapers(all, job.features!, favorites, read);
			order = forYouOrder(ranking.ranked, (index) => all[index]);
		}
	} else {
		const {sortedOrder} = await import('../ui/visibility.js');
		order = sortedOrder(all, sort);
	}
	const place = new Map<PaperWithState, number>();
	order.forEach((index, at) => place.set(all[index]!, at));
	// Stable: the query's best match first among papers the sort does not tell apart (none, here).
	return shown.slice().sort((a, b) => place.get(a)! - place.get(b)!);
}
