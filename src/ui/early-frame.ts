/**
 * The reader's first frame, written before Ink, React and Yoga have loaded (they take longer to load than
 * a bare node start): the same state the App starts from, drawn by the same pure line functions
 * (frame/lines.ts) and written as Ink writes it (frame/ansi.ts). Ink's first render then writes the same
 * bytes over it: nothing moves. Keys typed meanwhile wait in the terminal, which is put in raw mode first
 * (no echo) and read by Ink once it is up. Nothing here imports Ink or React.
 */
import chalk from 'chalk';
import {countFrom} from '../library/days.js';
import type {Paper} from '../listing/paper.js';
import type {PaperMarks} from '../state/marks.js';
import {frameText} from './frame/frame.js';
import {readingStatus} from './frame/lines.js';
import {computeLayout} from './layout.js';
import {CURSOR_HOME, ENTER_ALTERNATE_SCREEN, HIDE_CURSOR, LEAVE_ALTERNATE_SCREEN, SHOW_CURSOR} from './screen.js';
import {initialState, type StartOptions} from './view-state.js';

/** The terminal's size as Ink reads it (use-terminal-size.ts). */
export interface TerminalSize {
	columns: number;
	rows: number;
}

/** What the App is given at its start (run-reader.tsx): the frame is drawn from the same. */
export interface FirstFrameInput {
	papers: readonly Paper[];
	marks: ReadonlyMap<string, PaperMarks>;
	/** The start options as the App gets them (the store's last warning as the message). */
	start: StartOptions;
	/** More of the listing is still to be read. */
	loading: boolean;
	newSources?: ReadonlySet<string>;
}

/** The smallest terminal the early frame is drawn for (the layout's minimum: below it, Ink's frame is cut by the terminal). */
const MIN_COLUMNS = 20;
const MIN_ROWS = 5;

/**
 * The App's first frame, as Ink writes it (without the newline after it), for a terminal of this size;
 * null when none is drawn early (a terminal smaller than the layout's minimum). `colors`: chalk's colour
 * level is above 0 (as Ink's chalk decides).
 */
export function firstFrame({papers, marks, start, loading, newSources}: FirstFrameInput, size: TerminalSize, colors: boolean): string | null {
	if (size.columns < MIN_COLUMNS || size.rows < MIN_ROWS) return null;
	const layout = computeLayout(size.columns, size.rows);
	const state = initialState(papers, marks, layout.bodyHeight, {...start, loading});
	// The hooks' first render: use-days.ts counts the new papers; use-for-you.ts says it is reading them.
	const newCount = newSources === undefined ? null : countFrom(state.papers, newSources);
	const busy = state.sort === 'for-you' ? readingStatus(0, state.papers.length) : null;
	return frameText(state, layout, {newCount, busy, why: null}, colors);
}

/** The early frame on the screen: what Ink's first render must write over it to leave it as it is. */
export interface EarlyFrame {
	/** Exactly what Ink's first render writes when its frame is the same. */
	expected: string;
	/** Puts the terminal back (main screen, cursor shown, raw mode off), once. */
	restore: () => void;
}

/**
 * Enters the alternate screen and writes the first frame at its top left, the cursor left there for Ink's
 * first render; null (nothing written) when no early frame is drawn for this terminal.
 */
export function writeEarlyFrame(input: FirstFrameInput, keyboard: NodeJS.ReadStream, stdout: NodeJS.WriteStream = process.stdout): EarlyFrame | null {
	// Colours as Ink's chalk decides (the same chalk: Ink's <Text> styles with it).
	const text = firstFrame(input, {columns: stdout.columns || 80, rows: stdout.rows || 24}, chalk.level > 0);
	if (text === null) return null;
	let restored = false;
	const restore = () => {
		if (restored) return;
		restored = true;
		process.off('exit', restore);
		if (keyboard.isTTY) keyboard.setRawMode(false);
		stdout.write(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
	};
	process.once('exit', restore);
	stdout.write(ENTER_ALTERNATE_SCREEN + CURSOR_HOME + HIDE_CURSOR + text + CURSOR_HOME);
	return {expected: `${text}\n`, restore};
}
