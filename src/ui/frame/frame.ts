/**
 * The reader's whole frame from its state, as the App lays it out: the header, the list, the divider and
 * the detail pane side by side (or one pane on a narrow terminal), the footer. The App takes its header's
 * and footer's props from here; the first frame (early-frame.ts) is written from here before Ink loads.
 */
import {detailLines} from '../detail-lines.js';
import type {Layout} from '../layout.js';
import {flagsOf, searchPending, selectedPaper, type ViewState} from '../view-state.js';
import {Frame, lineText} from './ansi.js';
import {detailPaneLines, footerLine, headerLine, listWindow, paperRowLine, type FooterProps, type HeaderProps} from './lines.js';
import {line} from './spans.js';

/** What the frame shows beyond the view state: the hooks' part (use-days.ts, use-for-you.ts). */
export interface FrameExtras {
	/** Papers new since the last session, or null when not counted. */
	newCount: number | null;
	/** Work under way, for the footer. */
	busy: string | null;
	/** The for-you "why" terms of the selected paper. */
	why: readonly string[] | null;
}

export function headerProps(state: ViewState, layout: Layout, newCount: number | null): HeaderProps {
	return {
		counts: state.counts,
		searching: searchPending(state),
		loading: state.loading,
		view: state.view,
		sort: state.sort,
		query: state.query,
		filtering: state.filtering,
		day: state.day,
		newCount,
		like: state.like?.title ?? null,
		width: layout.columns,
	};
}

export function footerProps(state: ViewState, layout: Layout, busy: string | null): FooterProps {
	return {position: state.selected, total: state.visible.length, message: state.message, busy, filtering: state.filtering, width: layout.columns};
}

/** The detail pane's width: its box, less the column of space before it. */
export const detailPaneWidth = (layout: Layout) => layout.detailWidth - 1;

/**
 * The frame Ink draws for this state, as Ink writes it (colours when `colors`: chalk's level above 0).
 * For the reader's first frame: not for the help overlay, nor for a search's results (no highlights: a
 * search ends after the first frame), so that the first frame needs neither.
 */
export function frameText(state: ViewState, layout: Layout, extras: FrameExtras, colors: boolean): string {
	if (state.help || state.hits !== null) throw new Error('frameText draws the reader as it starts: no help, no search results');
	const frame = new Frame(layout.columns, layout.height);
	const write = (x: number, y: number, text: string) => frame.write(x, y, text);
	write(0, 0, lineText(headerLine(headerProps(state, layout, extras.newCount)), colors));
	const split = layout.mode === 'split';
	if (split || state.focus === 'list') {
		const window = listWindow(state, layout.listWidth, layout.bodyHeight);
		const lines = window.rows === null ? window.empty : window.rows.map((row) => paperRowLine(row, []));
		lines.slice(0, layout.bodyHeight).forEach((row, index) => write(0, 1 + index, lineText(row, colors)));
	}
	if (split) for (let row = 0; row < layout.bodyHeight; row++) write(layout.listWidth, 1 + row, lineText(line({dimColor: true}, '│'), colors));
	if (split || state.focus === 'detail') {
		const paper = selectedPaper(state);
		const lines = paper === undefined ? [] : detailLines(paper, flagsOf(state, paper.id), undefined, detailPaneWidth(layout), extras.why);
		const x = split ? layout.listWidth + 2 : 1;
		const shown = detailPaneLines(lines, state.detailScroll, detailPaneWidth(layout), layout.bodyHeight, state.focus === 'detail');
		shown.forEach((detail, index) => write(x, 1 + index, lineText(detail, colors)));
	}
	write(0, layout.height - 1, lineText(footerLine(footerProps(state, layout, extras.busy)), colors));
	return frame.toString();
}
