import {fileURLToPath} from 'node:url';
import v8 from 'node:v8';
import {HELP, parseArguments, VERSION, type Flags} from './args.js';
import {handleCrash} from './crash.js';
import {InputError} from './errors.js';
import type {CommandContext} from './commands/context.js';
import {listCommand} from './commands/list.js';
import {markCommand, type MarkSetting} from './commands/mark.js';
import {parseCommand} from './commands/parse.js';
import {formatWarnings} from './commands/output.js';
import {LISTING_FORMATS, startLoading, type ListingFormat, type ListingSource} from './listing/load.js';
import type {View} from './state/with-state.js';
import {filesSince} from './library/days.js';
import {defaultLastSessionFile, defaultLibraryDirectory, listLibrary, readLastSession, writeLastSession} from './library/library.js';
import {shownName} from './listing/file-name.js';
import {openKeyboard} from './ui/keyboard.js';
import type * as ReaderModule from './ui/run-reader.js';
import type {EarlyFrame} from './ui/early-frame.js';

/** The listing shipped with papers, opened when no file is named. */
export const BUNDLED_LISTING = fileURLToPath(new URL('../fixtures/hf-daily-papers-page.txt', import.meta.url));

function chosenView(flags: Flags): View {
	const chosen = (['read', 'unread', 'favorites'] as const).filter((name) => flags[name]);
	if (chosen.length > 1) throw new InputError(`list: choose one of --read, --unread, --favorites (got ${chosen.map((name) => `--${name}`).join(' ')})`);
	return chosen[0] ?? 'all';
}

function markSetting(flags: Flags): MarkSetting {
	const changes: Array<[boolean, MarkSetting, string]> = [
		[flags.read, {flag: 'read', value: true}, '--read'],
		[flags.unread, {flag: 'read', value: false}, '--unread'],
		[flags.favorite, {flag: 'favorite', value: true}, '--favorite'],
		[flags.unfavorite, {flag: 'favorite', value: false}, '--unfavorite'],
	];
	const chosen = changes.filter(([on]) => on);
	if (chosen.length !== 1) throw new InputError('mark: give exactly one of --read, --unread, --favorite, --unfavorite');
	return chosen[0]![1];
}

function requireFiles(command: string, files: readonly string[]): readonly ListingSource[] {
	if (files.length === 0) throw new InputError(`${command}: name at least one listing file ("-" for standard input)`);
	return files;
}

async function main(): Promise<number> {
	// A listing's text is read once and kept: let the young generation grow to its full size at once
	// instead of doubling step by step, copying the surviving strings at each step. Measured on a
	// 10,000-paper listing: parse --json 1.2 s -> 0.95 s, same peak memory (see docs/performance.md).
	v8.setFlagsFromString('--semi-space-growth-factor=8');
	const cli = parseArguments(process.argv.slice(2));
	if (cli.flags.help) {
		process.stdout.write(HELP);
		return 0;
	}
	if (cli.flags.version) {
		process.stdout.write(`${VERSION}\n`);
		return 0;
	}
	if (cli.input.filter((file) => file === '-').length > 1) throw new InputError('standard input ("-") can be named only once');
	const [command, ...rest] = cli.input;
	const context: CommandContext = {
		stdout: (text) => process.stdout.write(text),
		stderr: (text) => process.stderr.write(text),
		columns: process.stdout.columns ?? 120,
		pretty: process.stdout.isTTY === true,
		load: {year: cli.flags.year, directories: true, format: command === 'export' ? undefined : listingFormat(cli.flags.format)},
		store: {},
		library: defaultLibraryDirectory(),
	};
	switch (command) {
		case 'parse':
			return parseCommand(requireFiles('parse', rest), {json: cli.flags.json}, context);
		case 'list':
			return listCommand(await filesOrLibrary(rest, context), {view: chosenView(cli.flags), query: cli.flags.query, json: cli.flags.json, sort: cli.flags.sort}, context);
		case 'add': {
			const {addCommand} = await import('./commands/library.js');
			return addCommand(rest, context);
		}
		case 'library': {
			if (rest.length > 0) throw new InputError(`library takes no files (got ${rest.join(' ')}); add them with \`papers add FILE\``);
			const {libraryCommand} = await import('./commands/library.js');
			return libraryCommand({json: cli.flags.json}, context);
		}
		case 'mark':
			return markCommand(rest, markSetting(cli.flags), context);
		case 'export': {
			const {exportCommand, exportFormat} = await import('./commands/export.js');
			return exportCommand(await filesOrLibrary(rest, context), {view: chosenView(cli.flags), format: exportFormat(cli.flags.format)}, context);
		}
		case 'fetch': {
			if (cli.flags.format !== undefined) throw new InputError('fetch: --format is told by the source (use parse --format for files)');
			if (cli.flags.from !== undefined || cli.flags.to !== undefined) return fetchRange(rest, cli.flags, context);
			const {fetchCommand} = await import('./commands/fetch.js');
			const fetched = await fetchCommand(rest, cli.flags, {timeoutMs: cli.flags.timeoutMs});
			const fetchedContext = {...context, load: {...context.load, format: fetched.format}};
			const {keepFetched} = await import('./commands/library.js');
			const problems = [fetched.warning, keepFetched(fetched.listing, cli.flags, context)].filter((problem) => problem !== null);
			for (const problem of problems) context.stderr(`papers: ${problem}\n`);
			// In the JSON too: a script reading only stdout must be able to tell a stale copy from a fresh one.
			const warnings = problems.map((message) => ({source: fetched.listing.name, line: null, message}));
			if (cli.flags.json) return parseCommand([fetched.listing], {json: true, warnings}, fetchedContext);
			return readCommand([fetched.listing], cli.flags, fetchedContext, fetched.warning ?? undefined);
		}
		default: {
			if (cli.input.length > 0) return readCommand(cli.input, cli.flags, context);
			// No file: the library, newest first, on its unread papers; the bundled listing while it is empty.
			const {librarySource} = await import('./commands/library.js');
			const library = librarySource(context);
			if (library === null) return readCommand([BUNDLED_LISTING], cli.flags, context, FIRST_RUN);
			return readCommand([library], cli.flags.read || cli.flags.favorites || cli.flags.unread ? cli.flags : {...cli.flags, unread: true}, context, undefined, newSinceLastSession(context));
		}
	}
}

/** `papers fetch --from DATE [--to DATE]`: a range of days into the library, a summary, never the reader. */
async function fetchRange(rest: readonly string[], flags: Flags, context: CommandContext): Promise<number> {
	if (rest.length > 0) throw new InputError(`fetch takes no files (got ${rest.join(' ')}); use --from, --to`);
	if (flags.from === undefined) throw new InputError('fetch: --to goes with --from DATE (the first day of the range)');
	if (flags.date !== undefined || flags.arxiv !== undefined || flags.arxivBase !== undefined) throw new InputError('fetch: --from/--to get a range of Daily Papers; they do not go with --date or --arxiv');
	const {fetchRangeCommand} = await import('./commands/fetch-range.js');
	// --- For the tests only: the pause between requests (1 s) made short, so that a range runs fast.
	const testInterval = process.env.PAPERS_TEST_RANGE_INTERVAL_MS;
	const intervalMs = testInterval === undefined ? undefined : Number(testInterval);
	// --- End of the tests' part.
	return fetchRangeCommand({from: flags.from, to: flags.to, apiBase: flags.apiBase, timeoutMs: flags.timeoutMs, json: flags.json}, context, intervalMs === undefined || !Number.isFinite(intervalMs) ? {} : {intervalMs});
}

/** What the reader says on the bundled listing, while the library is empty. */
const FIRST_RUN = 'this is a sample listing: `papers fetch` gets today’s Daily Papers into your library';

/** The library's papers new since the reader's last session: the files written since (all, the first time). */
function newSinceLastSession(context: CommandContext): Session {
	const file = defaultLastSessionFile();
	const since = filesSince(listLibrary(context.library), readLastSession(file));
	return {file, newSources: new Set(since.map(shownName))};
}

/** The reader on the library: what is new, and where this session's time is kept. */
interface Session {
	file: string;
	newSources: ReadonlySet<string>;
}

/** The files named, or the library's listings when none is (an empty library: a warning, no papers). */
async function filesOrLibrary(files: readonly string[], context: CommandContext): Promise<readonly ListingSource[]> {
	if (files.length > 0) return files;
	const {librarySource, EMPTY_LIBRARY} = await import('./commands/library.js');
	const library = librarySource(context);
	if (library === null) context.stderr(`papers: ${EMPTY_LIBRARY}\n`);
	return library === null ? [] : [library];
}

/** The listing format `--format` names, if any. */
function listingFormat(text: string | undefined): ListingFormat | undefined {
	if (text === undefined) return undefined;
	const format = LISTING_FORMATS.find((name) => name === text.toLowerCase());
	if (format === undefined) throw new InputError(`--format must be one of ${LISTING_FORMATS.join(', ')} (got ${text}); export takes markdown, bibtex or json`);
	return format;
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
		return await import('./ui/run-reader.js');
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
async function readCommand(files: readonly ListingSource[], flags: Flags, commandContext: CommandContext, message?: string, session?: Session): Promise<number> {
	const listOptions = {view: chosenView(flags), query: flags.query, json: flags.json, sort: flags.sort};
	const context = {...commandContext, load: {...commandContext.load, directories: true}};
	const interactive = process.stdout.isTTY === true && !flags.json;
	if (interactive && listOptions.view === 'read') throw new InputError('the reader has no read-only view: use --unread, --favorites, or `papers list --read`');
	const keyboard = interactive ? openKeyboard(files.includes('-')) : null;
	if (keyboard === null || listOptions.view === 'read') return listCommand(files, listOptions, context);
	// The modules of the first frame, loaded while the listing is opened.
	const modules = Promise.all([import('./state/store.js'), import('./ui/prepare-reader.js'), import('./ui/early-frame.js')]);
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
		const start = {view: listOptions.view, query: flags.query, message, sort: flags.sort};
		const prepared = prepareReader(loading, (warn) => openStore(context.store, warn), start);
		// The first frame, before Ink, React and Yoga load (they take longer than a bare node start).
		early = writeEarlyFrame({papers: prepared.papers, marks: prepared.marks, start: prepared.start, loading: !loading.done, newSources: session?.newSources}, keyboard);
		// --- For the tests only: Ink loads this much later, so that keys can be typed while the early frame is up.
		const delay = Number(process.env.PAPERS_TEST_READER_DELAY_MS ?? 0);
		if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
		// --- End of the tests' part.
		// `[` and `]` past either end, and `F`, fetch Daily Papers into the library (from --api-base when given).
		const {createDayFetcher} = await import('./library/fetch-day.js');
		const fetchDay = createDayFetcher({library: context.library, apiBase: flags.apiBase, timeoutMs: flags.timeoutMs});
		if (session !== undefined) writeLastSession(session.file, Date.now());
		const {runReader} = await importReader(); // Ink and React load only for the reader
		await runReader(prepared, keyboard, early, {fetchDay, newSources: session?.newSources});
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

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	// A closed pipe (`papers list | head`) is not a failure.
	if (error.code === 'EPIPE') process.exit(0);
	throw error;
});

/** An error nobody foresaw: the terminal restored, one line naming the log with the details, exit 1. */
function crash(error: unknown): void {
	handleCrash(error, {version: VERSION, argv: process.argv.slice(2), stderr: (text) => process.stderr.write(text)});
	process.exit(1);
}
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

try {
	process.exitCode = await main();
} catch (error) {
	if (error instanceof InputError) {
		process.stderr.write(`papers: ${error.message}\n`);
		process.exitCode = 2;
	} else crash(error);
}
