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

/** Which papers a view shows. */
export type StateFilter = 'all' | 'read' | 'unread' | 'favorites';

/** True when the paper belongs in the view. */
export function inView(paper: PaperMarks, filter: StateFilter): boolean {
	switch (filter) {
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
