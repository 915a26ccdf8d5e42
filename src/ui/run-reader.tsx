import {render} from 'ink';
import type {FetchDay} from '../library/fetch-day.js';
import type {Loading} from '../listing/load.js';
import type {Paper} from '../listing/paper.js';
import {createMarkWriter} from '../state/mark-writer.js';
import type {MarkStore} from '../state/store.js';
import {onCrashRestore} from '../crash.js';
import {App} from './app.js';
import {faultFromEnvironment, FaultOnKey} from './fault.js';
import type {Flags, StartOptions} from './view-state.js';

const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';
const SHOW_CURSOR = '\u001B[?25h';

/**
 * Runs the interactive reader until the user quits; the terminal is restored however it ends. It opens
 * on the papers read so far, and reads the rest of the listing while it runs.
 */
export async function runReader(
	loading: Loading,
	openMarkStore: (warn: (message: string) => void) => MarkStore,
	keyboard: NodeJS.ReadStream,
	start: StartOptions = {},
	days: {fetchDay?: FetchDay; newSources?: ReadonlySet<string>} = {},
): Promise<void> {
	// Warnings about the store (moved aside, read-only) show in the footer and again after the reader.
	const warnings: string[] = [];
	let notice: ((text: string) => void) | undefined;
	const store = openMarkStore((message) => {
		warnings.push(message);
		notice?.(message);
	});
	const readMarks = (papers: readonly Paper[]) => {
		const marks = new Map<string, Flags>();
		for (const paper of papers) {
			const mark = store.get(paper.id);
			if (mark && (mark.read || mark.favorite)) marks.set(paper.id, {read: mark.read, favorite: mark.favorite});
		}
		return marks;
	};
	const papers = loading.papers.slice();
	const errors: string[] = [];
	const writer = createMarkWriter(store, (error) => errors.push(error instanceof Error ? error.message : String(error)));
	// Once only: leaving the alternate screen twice moves the cursor back to where the reader started.
	let restored = false;
	const restore = () => {
		if (restored) return;
		restored = true;
		process.stdout.write(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
	};
	// An error nobody catches leaves Ink mounted: the crash handler unmounts it (on the alternate screen,
	// before leaving it: unmounting redraws the last frame) and puts the terminal back itself.
	let unmount = () => {};
	const unregister = onCrashRestore(() => {
		try {
			unmount();
		} finally {
			if (keyboard.isTTY) keyboard.setRawMode(false);
			restore();
			writer.flush(); // marks made before the crash are kept
		}
	});
	const fault = faultFromEnvironment();
	process.stdout.write(ENTER_ALTERNATE_SCREEN);
	process.once('exit', restore);
	try {
		const instance = render(
			<>
				{fault === null ? null : <FaultOnKey fault={fault} />}
				<App
					papers={papers}
					start={{...start, message: warnings.at(-1) ?? start.message}}
					marks={readMarks(papers)}
					loading={loading.done ? undefined : loading}
					readMarks={readMarks}
					fetchDay={days.fetchDay}
					newSources={days.newSources}
					writeMarks={writer.write}
					subscribe={(listener) => {
						notice = listener.notice;
						const stop = store.watch(listener.marksChanged); // other readers' marks, as they write them
						return () => {
							notice = undefined;
							stop();
						};
					}}
					openUrl={async (url) => {
						const {default: open} = await import('open'); // loaded on the first `o`, not at every start
						await open(url); // resolves once the opener has started, rejects when it cannot
					}}
				/>
			</>,
			{stdin: keyboard, exitOnCtrlC: false, patchConsole: false, maxFps: 250},
		);
		unmount = () => instance.unmount();
		await instance.waitUntilExit();
	} finally {
		writer.flush();
		restore();
		unregister();
		process.off('exit', restore);
		if (keyboard !== process.stdin) keyboard.destroy();
	}
	for (const warning of warnings) process.stderr.write(`papers: ${warning}\n`);
	for (const error of errors) process.stderr.write(`papers: could not save marks: ${error}\n`);
}
