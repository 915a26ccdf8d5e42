/** The papers of listings with their read and favorite marks from the store, for the commands that show or change marks. */
import {loadListings, type ListingSource} from '../listing/load.js';
import type {PaperWithState, ParseWarning} from '../listing/paper.js';
import type {Flag} from '../state/marks.js';
import type {MarkStore} from '../state/store.js';
import {inView, withState, type View} from '../state/with-state.js';
import type {CommandContext} from './context.js';

const warnTo = (context: CommandContext) => (message: string) => context.stderr(`papers: ${message}\n`);

/**
 * The marks of these papers, for a command: the store is scanned once for just these ids (no table of
 * every mark). Its warnings (moved aside, read-only) go to stderr.
 */
export async function openCommandMarks(ids: Iterable<string>, context: CommandContext): Promise<Pick<MarkStore, 'get'>> {
	const {lookupMarks} = await import('../state/store-lookup.js'); // the store's code loads only where marks are used
	return lookupMarks(ids, context.store, warnTo(context));
}

/** Sets one flag on these papers in the store (for `papers mark`); says whether it was saved. */
export async function setCommandMarks(flag: Flag, ids: readonly string[], value: boolean, context: CommandContext): Promise<Pick<MarkStore, 'path' | 'writable'>> {
	const {setMarks} = await import('../state/store-lookup.js');
	return setMarks(flag, ids, value, context.store, warnTo(context));
}

/** The papers of the listings with their read and favorite flags, those the view shows. */
export async function loadInView(files: readonly ListingSource[], view: View, context: CommandContext): Promise<{papers: PaperWithState[]; warnings: ParseWarning[]}> {
	const {papers, warnings} = await loadListings(files, context.load);
	const store = await openCommandMarks(
		papers.map((paper) => paper.id),
		context,
	);
	return {papers: withState(papers, store).filter((paper) => inView(paper, view)), warnings};
}
