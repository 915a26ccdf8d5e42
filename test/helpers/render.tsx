import {cleanup as inkCleanup, render as inkRender} from 'ink-testing-library';
import type {ReactElement} from 'react';
import {cellWidth} from '../../src/text/width.js';

/** Keys as a terminal sends them; named once, used by every UI test. */
export const ARROW_UP = '\u001B[A';
export const ARROW_DOWN = '\u001B[B';
export const ARROW_RIGHT = '\u001B[C';
export const ARROW_LEFT = '\u001B[D';
export const PAGE_UP = '\u001B[5~';
export const PAGE_DOWN = '\u001B[6~';
export const HOME = '\u001B[H';
export const END = '\u001B[F';
export const ENTER = '\r';
export const ESC = '\u001B';
export const TAB = '\t';
export const BACKSPACE = '\u007F';
export const CTRL_C = '\u0003';
export const CTRL_D = '\u0004';
export const CTRL_U = '\u0015';
/** What a frame holds where text is drawn in reverse video (a selected row). */
export const INVERSE = '\u001B[7m';

/** How long the app may stay quiet after a keypress before the helper takes it as settled. */
const INPUT_DELAY_MS = 20;
/** Gives up waiting for quiet after this many rounds (an app that never stops drawing). */
const MAX_SETTLE_ROUNDS = 100;
const POLL_MS = 10;
const DEFAULT_TIMEOUT_MS = 3000;

// CSI (colours, cursor) and OSC (hyperlinks) sequences: enough for what Ink writes.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/g;

/** Unmounts everything rendered so far (for `afterEach`). */
export const cleanup = inkCleanup;

/** The frame's text without colours and styles. */
export function stripAnsi(text: string): string {
	return text.replace(ANSI, '');
}

/** The lines of a frame, colours stripped. */
export function frameLines(frame: string): string[] {
	return stripAnsi(frame).split('\n');
}

/** The size of the fake terminal. */
export interface TerminalSize {
	columns: number;
	rows: number;
}

/** What a UI test drives and reads. */
export interface Rendered {
	/** The latest frame, colours stripped ('' before the first frame). */
	lastFrame: () => string;
	/** The latest frame as written, escape sequences included. */
	lastRawFrame: () => string;
	/** Every frame written so far, as written. */
	frames: string[];
	/** Types each key (a key sequence or text) in turn, waiting after each until the app has drawn what it caused. */
	press: (...keys: string[]) => Promise<void>;
	/**
	 * Polls the latest frame (colours stripped) until `predicate` holds, then checks that the frame fits
	 * the terminal (at most rows - 1 lines, no line wider than the columns) and returns it.
	 */
	waitForFrame: (predicate: (frame: string) => boolean, timeoutMs?: number) => Promise<string>;
	/** Resizes the fake terminal the way a real one does: new size, then a 'resize' event. */
	resize: (size: TerminalSize) => Promise<void>;
	unmount: () => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const nextImmediate = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Throws when the frame does not fit a terminal of `size` with one line to spare. */
export function assertFrameFits(frame: string, {columns, rows}: TerminalSize): void {
	const lines = frameLines(frame);
	if (lines.length > rows - 1) throw new Error(`frame has ${lines.length} lines, the terminal ${rows} rows:\n${stripAnsi(frame)}`);
	for (const line of lines) {
		const width = cellWidth(line);
		if (width > columns) throw new Error(`line is ${width} columns wide, the terminal ${columns}: "${line}"`);
	}
}

/**
 * Renders `tree` with ink-testing-library on a fake terminal of `size`. Its stdout always reports 100
 * columns and no rows, so the first frame is drawn at that size; the helper then gives stdout the size and
 * emits 'resize', as a terminal would, and waits for the input hooks to subscribe.
 */
export async function renderInTerminal(tree: ReactElement, size: TerminalSize): Promise<Rendered> {
	let current = {...size};
	const instance = inkRender(tree);
	const {stdout, stdin} = instance;
	Object.defineProperty(stdout, 'columns', {configurable: true, get: () => current.columns});
	Object.defineProperty(stdout, 'rows', {configurable: true, get: () => current.rows});

	/**
	 * Waits until the app has drawn no frame for INPUT_DELAY_MS, then lets React run the effects of the
	 * last frame: `useInput` subscribes its handler in an effect, so a key written before that would reach
	 * the handler of an older frame. (A terminal's keys arrive in the event loop's poll phase, after those
	 * effects; keys written from a test's timers can come first.)
	 */
	const settle = async () => {
		for (let round = 0; round < MAX_SETTLE_ROUNDS; round++) {
			const count = instance.frames.length;
			await sleep(INPUT_DELAY_MS);
			await nextImmediate();
			if (instance.frames.length === count) return;
		}
	};

	stdout.emit('resize');
	await settle();

	const lastRawFrame = () => instance.lastFrame() ?? '';
	const lastFrame = () => stripAnsi(lastRawFrame());
	return {
		lastFrame,
		lastRawFrame,
		frames: instance.frames,
		async press(...keys) {
			for (const key of keys) {
				stdin.write(key);
				await settle();
			}
		},
		async waitForFrame(predicate, timeoutMs = DEFAULT_TIMEOUT_MS) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const frame = lastFrame();
				if (predicate(frame)) {
					assertFrameFits(frame, current);
					return frame;
				}
				if (Date.now() > deadline) throw new Error(`no frame matched within ${timeoutMs} ms; the last one:\n${frame}`);
				await sleep(POLL_MS);
			}
		},
		async resize(next) {
			current = {...next};
			stdout.emit('resize');
			await settle();
		},
		unmount: instance.unmount,
	};
}
