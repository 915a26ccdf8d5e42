import {render} from 'ink';
import type {FetchDay} from '../library/fetch-day.js';
import {createMarkWriter} from '../state/mark-writer.js';
import {onCrashRestore} from '../crash.js';
import type {Fault} from '../test-hooks.js';
import {App} from './app.js';
import type {EarlyFrame} from './early-frame.js';
import {FaultOnKey} from './fault.js';
import type {PreparedReader} from './prepare-reader.js';
import {ENTER_ALTERNATE_SCREEN, ERASE_SCREEN, LEAVE_ALTERNATE_SCREEN, SHOW_CURSOR} from './screen.js';

/**
 * Runs the interactive reader until the user quits; the terminal is restored however it ends. It opens
 * on the papers read so far (`prepared`), and reads the rest of the listing while it runs. With an early
 * frame on the screen (early-frame.ts), Ink's first render writes over it: the same bytes when its frame
 * is the same (nothing moves), the screen erased first when not (the terminal was resized meanwhile).
 * `options.fault` is for the tests only (src/test-hooks.ts).
 */
export async function runReader(
	prepared: PreparedReader,
	keyboard: NodeJS.ReadStream,
	early: EarlyFrame | null = null,
	options: {fetchDay?: FetchDay; newSources?: ReadonlySet<string>; fault?: Fault | null} = {},
): Promise<void> {
	const {loading, store, warnings, papers, readMarks} = prepared;
	const errors: string[] = [];
	const writer = createMarkWriter(store, (error) => errors.push(error instanceof Error ? error.message : String(error)));
	// Once only: leaving the alternate screen twice moves the cursor back to where the reader started.
	let restored = false;
	const restore =
		early?.restore ??
		(() => {
			if (restored) return;
			restored = true;
			process.stdout.write(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
		});
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
	const fault = options.fault ?? null;
	if (early === null) process.stdout.write(ENTER_ALTERNATE_SCREEN);
	else overwriteEarlyFrame(process.stdout, early.expected);
	process.once('exit', restore);
	try {
		const instance = render(
			<>
				{fault === null ? null : <FaultOnKey fault={fault} />}
				<App
					papers={papers}
					start={prepared.start}
					marks={prepared.marks}
					loading={loading.done ? undefined : loading}
					readMarks={readMarks}
					fetchDay={options.fetchDay}
					newSources={options.newSources}
					writeMarks={writer.write}
					subscribe={(listener) => {
						prepared.notice = listener.notice;
						const stop = store.watch(listener.marksChanged); // other readers' marks, as they write them
						// And those written since the marks were read, before the first frame (while Ink loaded).
						if (store.reload()) listener.marksChanged();
						return () => {
							prepared.notice = null;
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

/** Escape sequences only (Ink hides the cursor, opens a synchronized update, before its first frame). */
// eslint-disable-next-line no-control-regex
const CONTROL_ONLY = /^(?:\u001B\[[0-9;?]*[A-Za-z])*$/;

/**
 * Lets Ink's first frame through as it is when it is the early frame (the cursor is at the top left, where
 * that frame starts), and erases the screen first when it is not: Ink does not clear what it does not write.
 */
function overwriteEarlyFrame(stdout: NodeJS.WriteStream, expected: string): void {
	const write = stdout.write;
	stdout.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
		if (typeof chunk === 'string' && !CONTROL_ONLY.test(chunk)) {
			stdout.write = write;
			if (chunk !== expected) chunk = ERASE_SCREEN + chunk;
		}
		return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
	} as typeof stdout.write;
}
