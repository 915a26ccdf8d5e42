/**
 * `papers [FILE...]`: the reader in a terminal, the plain list (as `papers list`) where there is none.
 * The reader's modules are imported lazily here, each when it is needed (the first frame is measured).
 */
import {InputError} from '../errors.js';
import {filesSince} from '../library/days.js';
import {defaultLastSessionFile, listLibrary, readLastSession, writeLastSession} from '../library/library.js';
import {shownName} from '../listing/file-name.js';
import {startLoading, type ListingSource} from '../listing/load.js';
import {TEST_HOOKS} from '../test-hooks.js';
import {openKeyboard} from '../ui/keyboard.js';
import type * as ReaderModule from '../ui/run-reader.js';
import type {EarlyFrame} from '../ui/early-frame.js';
import type {CommandContext} from './context.js';
import {listCommand, type ListOptions} from './list.js';
import {formatWarnings} from './output.js';

/** The reader's options: the list's, and where `[`, `]` and `F` fetch Daily Papers from. */
export interface ReadOptions extends ListOptions {
	apiBase: string | undefined;
	timeoutMs: number | undefined;
}

/** The reader on the library: what is new, and where this session's time is kept. */
export interface Session {
	file: string;
	newSources: ReadonlySet<string>;
}

/** The library's papers new since the reader's last session: the files written since (all, the first time). */
export function newSinceLastSession(context: CommandContext): Session {
	const file = defaultLastSessionFile();
	const since = filesSince(listLibrary(context.library), readLastSession(file));
	return {file, newSources: new Set(since.map(shownName))};
}

/**
 * Imports the reader (Ink, React, Yoga). Yoga's WebAssembly loader decodes its embedded binary with
 * `fetch` when there is one, and in Node the first touch of `fetch` loads undici: tens of milliseconds
 * at every start. With `fetch` hidden for the import, Yoga decodes the binary itself.
 */
async function importReader(): Promise<typeof ReaderModule> {
	const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	if (fetch?.configurable === true) Object.defineProperty(globalThis, 'fetch', {value: undefined, configurable: true, writable: true});
	try {
		return await import('../ui/run-reader.js');
	} finally {
		if (fetch?.configurable === true) Object.defineProperty(globalThis, 'fetch', fetch);
	}
}

/**
 * Papers read before the reader opens: a day's listing whole (its counts final from the first frame), and
 * at least a screenful; a longer listing's rest is read while the reader runs. A paper of a large listing
 * takes about 0.2 ms to read: the 200 read before were a third of the time to its first frame.
 */
function firstPapers(): number {
	return Math.max(100, (process.stdout.rows || 24) + 8);
}

/** `papers [FILE...]`: the reader in a terminal; the plain list (as `papers list`) where there is none. */
export async function readCommand(files: readonly ListingSource[], options: ReadOptions, commandContext: CommandContext, message?: string, session?: Session): Promise<number> {
	const context = {...commandContext, load: {...commandContext.load, directories: true}};
	const interactive = process.stdout.isTTY === true && !options.json;
	if (interactive && options.view === 'read') throw new InputError('the reader has no read-only view: use --unread, --favorites, or `papers list --read`');
	const keyboard = interactive ? openKeyboard(files.includes('-')) : null;
	if (keyboard === null || options.view === 'read') return listCommand(files, options, context);
	// The modules of the first frame, loaded while the listing is opened.
	const modules = Promise.all([import('../state/store.js'), import('../ui/prepare-reader.js'), import('../ui/early-frame.js')]);
	modules.catch(() => {}); // awaited below, unless the listing cannot be read
	// Keys typed from now on wait in the terminal, unechoed, until Ink reads them (they are not lost while
	// the reader loads: its first frame is up before Ink is).
	if (keyboard.isTTY) keyboard.setRawMode(true);
	let early: EarlyFrame | null = null;
	try {
		// The reader opens on the first papers; it reads the rest while it runs. A file named on the command
		// line that is missing, empty or binary stops it before that; one without papers, once reached.
		const loading = await startLoading(files, context.load);
		loading.run(Infinity, firstPapers());
		const [{openStore}, {prepareReader}, {writeEarlyFrame}] = await modules;
		const start = {view: options.view, query: options.query, message, sort: options.sort};
		const prepared = prepareReader(loading, (warn) => openStore(context.store, warn), start);
		// The first frame, before Ink, React and Yoga load (they take longer than a bare node start).
		early = writeEarlyFrame({papers: prepared.papers, marks: prepared.marks, start: prepared.start, loading: !loading.done, newSources: session?.newSources}, keyboard);
		// For the tests only: Ink loads this much later, so that keys can be typed while the early frame is up.
		if (TEST_HOOKS.readerDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, TEST_HOOKS.readerDelayMs));
		// `[` and `]` past either end, and `F`, fetch Daily Papers into the library (from --api-base when given).
		const {createDayFetcher} = await import('../library/fetch-day.js');
		const fetchDay = createDayFetcher({library: context.library, apiBase: options.apiBase, timeoutMs: options.timeoutMs});
		if (session !== undefined) writeLastSession(session.file, Date.now());
		const {runReader} = await importReader(); // Ink and React load only for the reader
		await runReader(prepared, keyboard, early, {fetchDay, newSources: session?.newSources, fault: TEST_HOOKS.fault});
		context.stderr(formatWarnings(loading.warnings));
		// A fetch still under way (a slow or silent server) would hold the process for its whole timeout after
		// the reader quit: nothing waits for it (a listing is only kept in the library once it is whole).
		if (fetchDay.pending() > 0) process.exit(0);
		return 0;
	} catch (error) {
		// Stopped before the reader ran (a listing that cannot be read): the terminal as it was.
		if (keyboard.isTTY) keyboard.setRawMode(false);
		early?.restore();
		throw error;
	}
}
