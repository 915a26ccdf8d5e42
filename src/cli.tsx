import {fileURLToPath} from 'node:url';
import v8 from 'node:v8';
import {HELP, parseArguments, VERSION, type Flags} from './args.js';
import {handleCrash} from './crash.js';
import {InputError} from './errors.js';
import type {CommandContext} from './commands/context.js';
import {listCommand} from './commands/list.js';
import {markCommand, type MarkSetting} from './commands/mark.js';
import {parseCommand} from './commands/parse.js';
import {newSinceLastSession, readCommand, type ReadOptions} from './commands/read.js';
import {LISTING_FORMATS, type ListingFormat, type ListingSource} from './listing/load.js';
import type {View} from './state/with-state.js';
import {defaultLibraryDirectory} from './library/library.js';
import {TEST_HOOKS} from './test-hooks.js';

/** The listing shipped with papers, opened when no file is named. */
export const BUNDLED_LISTING = fileURLToPath(new URL('../fixtures/hf-daily-papers-page.txt', import.meta.url));

function chosenView(flags: Flags): View {
	const chosen = (['read', 'unread', 'favorites'] as const).filter((name) => flags[name]);
	if (chosen.length > 1) throw new InputError(`list: choose one of --read, --unread, --favorites (got ${chosen.map((name) => `--${name}`).join(' ')})`);
	return chosen[0] ?? 'all';
}

/** The reader's options; `fallback` is its view when no view flag is given. */
function readOptions(flags: Flags, fallback: View = 'all'): ReadOptions {
	const view = chosenView(flags);
	return {view: view === 'all' ? fallback : view, query: flags.query, json: flags.json, sort: flags.sort, apiBase: flags.apiBase, timeoutMs: flags.timeoutMs};
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
	// Collect the old generation when it has grown 30% past what survived the last collection, not
	// V8's default of up to 2-4x: parsing leaves garbage behind each paper (a feed's entry trees), which
	// otherwise piles up to three times the papers. An 80 MB Atom feed: peak 356 MB -> 227 MB, same time;
	// page text and JSON: same time and memory (docs/reliability.md).
	v8.setFlagsFromString('--heap-growing-percent=30');
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
			return readCommand([fetched.listing], readOptions(cli.flags), fetchedContext, fetched.warning ?? undefined);
		}
		default: {
			if (cli.input.length > 0) return readCommand(cli.input, readOptions(cli.flags), context);
			// No file: the library, newest first, on its unread papers; the bundled listing while it is empty.
			const {librarySource} = await import('./commands/library.js');
			const library = librarySource(context);
			if (library === null) return readCommand([BUNDLED_LISTING], readOptions(cli.flags), context, FIRST_RUN);
			return readCommand([library], readOptions(cli.flags, 'unread'), context, undefined, newSinceLastSession(context));
		}
	}
}

/** `papers fetch --from DATE [--to DATE]`: a range of days into the library, a summary, never the reader. */
async function fetchRange(rest: readonly string[], flags: Flags, context: CommandContext): Promise<number> {
	if (rest.length > 0) throw new InputError(`fetch takes no files (got ${rest.join(' ')}); use --from, --to`);
	if (flags.from === undefined) throw new InputError('fetch: --to goes with --from DATE (the first day of the range)');
	if (flags.date !== undefined || flags.arxiv !== undefined || flags.arxivBase !== undefined) throw new InputError('fetch: --from/--to get a range of Daily Papers; they do not go with --date or --arxiv');
	const {fetchRangeCommand} = await import('./commands/fetch-range.js');
	const intervalMs = TEST_HOOKS.rangeIntervalMs; // for the tests only: a range run fast
	return fetchRangeCommand({from: flags.from, to: flags.to, apiBase: flags.apiBase, timeoutMs: flags.timeoutMs, json: flags.json}, context, intervalMs === undefined ? {} : {intervalMs});
}

/** What the reader says on the bundled listing, while the library is empty. */
const FIRST_RUN = 'this is a sample listing: `papers fetch` gets today’s Daily Papers into your library';

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
