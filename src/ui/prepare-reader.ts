import type {Loading} from '../listing/load.js';
import type {Paper} from '../listing/paper.js';
import type {PaperMarks} from '../state/marks.js';
import type {MarkStore} from '../state/store.js';
import type {StartOptions} from './view-state.js';

/** What the reader starts from, made before Ink loads (the first frame is drawn from it: early-frame.ts). */
export interface PreparedReader {
	loading: Loading;
	store: MarkStore;
	/** Warnings about the store (moved aside, read-only): shown in the footer and again after the reader. */
	warnings: string[];
	/** Where later warnings go while the reader runs (null: nowhere yet). */
	notice: ((text: string) => void) | null;
	/** The papers read so far, and their marks. */
	papers: readonly Paper[];
	marks: ReadonlyMap<string, PaperMarks>;
	/** The marks of papers (as they arrive). */
	readMarks: (papers: readonly Paper[]) => Map<string, PaperMarks>;
	/** The start options as the App gets them: the store's last warning as the footer's message. */
	start: StartOptions;
}

/** Opens the mark store and reads the marks of the papers read so far. No Ink, no React. */
export function prepareReader(loading: Loading, openMarkStore: (warn: (message: string) => void) => MarkStore, start: StartOptions = {}): PreparedReader {
	const warnings: string[] = [];
	const prepared: PreparedReader = {
		loading,
		store: openMarkStore((message) => {
			warnings.push(message);
			prepared.notice?.(message);
		}),
		warnings,
		notice: null,
		papers: [],
		marks: new Map(),
		readMarks: (papers) => {
			const marks = new Map<string, PaperMarks>();
			for (const paper of papers) {
				const mark = prepared.store.get(paper.id);
				if (mark && (mark.read || mark.favorite)) marks.set(paper.id, {read: mark.read, favorite: mark.favorite});
			}
			return marks;
		},
		start,
	};
	prepared.papers = loading.papers.slice();
	prepared.marks = prepared.readMarks(prepared.papers);
	prepared.start = {...start, message: warnings.at(-1) ?? start.message};
	return prepared;
}
