/** Where things go on a terminal of a given size. */
export interface Layout {
	/** Split: list and detail side by side. Stacked: one pane at a time (narrow terminals). */
	mode: 'split' | 'stacked';
	columns: number;
	/** Lines of the whole frame: one fewer than the terminal, so Ink never clears the screen. */
	height: number;
	/** Lines of the list and the detail panes. */
	bodyHeight: number;
	listWidth: number;
	detailWidth: number;
}

/** Narrowest terminal where list and detail sit side by side. */
export const SPLIT_MIN_COLUMNS = 90;
const CHROME_LINES = 2; // header and footer

/** The layout for a terminal of `columns` x `rows`. */
export function computeLayout(columns: number, rows: number): Layout {
	const safeColumns = Math.max(20, columns);
	const height = Math.max(4, rows - 1);
	const bodyHeight = height - CHROME_LINES;
	if (safeColumns >= SPLIT_MIN_COLUMNS) {
		const listWidth = Math.floor(safeColumns * 0.45);
		return {mode: 'split', columns: safeColumns, height, bodyHeight, listWidth, detailWidth: safeColumns - listWidth - 1};
	}
	return {mode: 'stacked', columns: safeColumns, height, bodyHeight, listWidth: safeColumns, detailWidth: safeColumns};
}
