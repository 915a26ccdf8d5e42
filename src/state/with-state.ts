import type {Paper, PaperWithState} from '../listing/paper.js';
import type {PaperMarks} from './marks.js';
import type {MarkStore} from './store.js';

/** The papers with their read and favorite flags from the store. */
export function withState(papers: readonly Paper[], store: Pick<MarkStore, 'get'>): PaperWithState[] {
	return papers.map((paper) => {
		const mark = store.get(paper.id);
		return {...paper, read: mark?.read ?? false, favorite: mark?.favorite ?? false};
	});
}

/**
 * Which papers a view shows, by their marks: the one view type of the commands (`--read`, `--unread`,
 * `--favorites`) and the reader (which offers all but `read`: ReaderView, src/ui/view-state.ts).
 */
export type View = 'all' | 'read' | 'unread' | 'favorites';

/** True when a paper with these marks belongs in the view. */
export function inView(paper: PaperMarks, view: View): boolean {
	switch (view) {
		case 'all':
			return true;
		case 'read':
			return paper.read;
		case 'unread':
			return !paper.read;
		case 'favorites':
			return paper.favorite;
	}
}
