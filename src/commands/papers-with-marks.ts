/** The papers of listings with their read and favorite marks from the store, for the commands that show or change marks. */
import {loadListings, type ListingSource} from '../listing/load.js';
import type {PaperWithState, ParseWarning} from '../listing/paper.js';
import type {MarkStore} from '../state/store.js';
import {inView, withState, type View} from '../state/with-state.js';
import type {CommandContext} from './context.js';

/** The store, for a command: its warnings (moved aside, read-only) go to stderr. */
export async function openCommandStore(context: CommandContext): Promise<MarkStore> {
	const {openStore} = await import('../state/store.js'); // the store's code loads only where marks are used
	return openStore(context.store, (message) => context.stderr(`papers: ${message}\n`));
}

/** The papers of the listings with their read and favorite flags, those the view shows. */
export async function loadInView(files: readonly ListingSource[], view: View, context: CommandContext): Promise<{papers: PaperWithState[]; warnings: ParseWarning[]}> {
	const {papers, warnings} = await loadListings(files, context.load);
	const store = await openCommandStore(context);
	return {papers: withState(papers, store).filter((paper) => inView(paper, view)), warnings};
}
