import {parseArgs} from 'node:util';
import packageJson from '../package.json' with {type: 'json'};
import {InputError} from './errors.js';
import {SORTS, type Sort} from './ui/sorts.js';

/** The version printed by --version. */
export const VERSION: string = packageJson.version;

/** What --help prints. */
export const HELP = `papers ${VERSION}: a keyboard-driven terminal reader for research-paper listings

Usage
  $ papers [FILE...]                    read listings (your library when none is named)
  $ papers parse FILE... [--json] [--year N]
  $ papers list [FILE...] [--read | --unread | --favorites] [--query Q] [--sort S] [--json]
  $ papers mark (--read | --unread | --favorite | --unfavorite) ID...
  $ papers fetch [--date YYYY-MM-DD] [--api-base URL] [--json]
  $ papers fetch --arxiv CATEGORY [--arxiv-base URL] [--json]
  $ papers fetch --from YYYY-MM-DD [--to YYYY-MM-DD] [--api-base URL] [--json]
  $ papers export [FILE...] [--favorites | --read | --unread] [--format markdown | bibtex | json]
  $ papers add FILE...                  keep saved listings in the library
  $ papers library [--json]             the library's listings, their papers and unread papers

FILE is a listing: the text of a Hugging Face papers page (copied from the browser, or saved as markdown,
a text dump or HTML), the JSON of the Hugging Face /api/daily_papers endpoint, or an arXiv Atom (API) or
RSS feed; "-" reads standard input, and a pipe (<(curl ...)) works too. A directory stands for the
listing files in it.
The format is detected; --format hf-page | hf-api | arxiv says it. Several files merge, deduplicated by
paper id (the later listing's upvotes win, where it has any).

fetch gets a day's Daily Papers (the latest without --date) from Hugging Face, or the newest papers of an
arXiv category (--arxiv cs.LG), and opens the reader on them; fetched listings are cached in
$XDG_CACHE_HOME/papers, and the cached copy is used (with a warning) when the network or server fails.
fetch --from D1 [--to D2] fills the library with the Daily Papers of D1 to D2 (today by default; at most
366 days): one request a second, the days the library holds skipped (today is always fetched again), a
day without papers kept too; it prints a summary (with --json, as JSON) instead of opening the reader.
A run stopped by Ctrl-C (exit 130) or by a day that cannot be fetched (exit 2) keeps the days it got
and prints the command that resumes it.

Options
  --json         print {"papers": [...], "warnings": [...]} instead of a table
  --year N       year for dates the listing prints without one
                 (default: this year, or last year when the date would be in the future)
  --read         list, export: only read papers; mark: mark them read
  --unread       list, export: only unread papers; mark: mark them unread
  --favorites    list, export: only favorites
  --favorite     mark: add to favorites
  --unfavorite   mark: remove from favorites
  --query Q      list, the reader: papers matching every word of Q in title, authors or abstract
                 (any order, typos and half-typed words allowed), best match first; 'word exact,
                 ^word title starts with it, word$ title ends with it, !word without it, a | b either
  --sort S       list, the reader: listing (the default; best match first with --query), upvotes,
                 date (newest first), title, or for-you: unread papers most like your favorites first
                 (read papers after them); without favorites yet, the listing order
  --format F     the listing's format (hf-page, hf-api, arxiv); export: markdown, bibtex or json
  --date D       fetch: the day (YYYY-MM-DD)
  --from D       fetch: the first day of a range (YYYY-MM-DD); not with --date or --arxiv
  --to D         fetch --from: the last day of the range (default: today, UTC)
  --api-base U   fetch: the Hugging Face server (default https://huggingface.co)
  --arxiv C      fetch: an arXiv category (cs.LG, math.PR, ...) from the arXiv API
  --arxiv-base U fetch --arxiv: the arXiv API server (default https://export.arxiv.org)
  --timeout S    fetch: seconds one attempt may take (default 15; one retry after a failure)
  --help         this help
  --version      the version

Every fetched listing is kept in the library, $XDG_DATA_HOME/papers/library
(~/.local/share/papers/library); without FILE, the reader, list and export read all of it, newest day
first (the reader on unread papers; the bundled listing while the library is empty).
Read state and favorites are kept in $XDG_CONFIG_HOME/papers/config.json
(~/.config/papers/config.json by default); several papers processes can share it. A crash prints one
line and writes the details to $XDG_STATE_HOME/papers/crash.log (~/.local/state/papers/crash.log).

Exit codes: 0 ok, 1 unexpected failure, 2 bad usage or bad input (and fetch --from: a day that could not
be fetched), 130 fetch --from stopped by Ctrl-C.
`;

/** The flags every command understands (each command uses the ones that concern it). */
export interface Flags {
	json: boolean;
	year: number | undefined;
	read: boolean;
	unread: boolean;
	favorites: boolean;
	favorite: boolean;
	unfavorite: boolean;
	query: string | undefined;
	/** parse, list, the reader: the listing format (else detected); export: the output format. */
	format: string | undefined;
	/** fetch: the day of the Daily Papers (YYYY-MM-DD). */
	date: string | undefined;
	/** fetch: the first day of a range of Daily Papers (YYYY-MM-DD). */
	from: string | undefined;
	/** fetch: the last day of a range (YYYY-MM-DD); today by default. */
	to: string | undefined;
	/** fetch: the Hugging Face server. */
	apiBase: string | undefined;
	/** fetch: an arXiv category instead of the Daily Papers. */
	arxiv: string | undefined;
	/** fetch --arxiv: the arXiv API server. */
	arxivBase: string | undefined;
	/** fetch: how long one attempt may take (ms). */
	timeoutMs: number | undefined;
	/** list, the reader: the order of the papers. */
	sort: Sort | undefined;
	help: boolean;
	version: boolean;
}

const OPTIONS = {
	json: {type: 'boolean'},
	year: {type: 'string'},
	read: {type: 'boolean'},
	unread: {type: 'boolean'},
	favorites: {type: 'boolean'},
	favorite: {type: 'boolean'},
	unfavorite: {type: 'boolean'},
	query: {type: 'string'},
	format: {type: 'string'},
	date: {type: 'string'},
	from: {type: 'string'},
	to: {type: 'string'},
	'api-base': {type: 'string'},
	arxiv: {type: 'string'},
	'arxiv-base': {type: 'string'},
	timeout: {type: 'string'},
	sort: {type: 'string'},
	help: {type: 'boolean', short: 'h'},
	version: {type: 'boolean'},
} as const;

/**
 * Reads the command line with Node's own parseArgs (no start-up cost, strict: an unknown option is an
 * error). Throws an InputError, in the CLI's one-line format, for anything it cannot read.
 */
export function parseArguments(argv: readonly string[]): {input: string[]; flags: Flags} {
	let parsed;
	try {
		parsed = parseArgs({args: [...argv], options: OPTIONS, allowPositionals: true, strict: true});
	} catch (error) {
		const {code, message} = error as NodeJS.ErrnoException;
		if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new InputError(`unknown option ${/'([^']+)'/.exec(message)?.[1] ?? ''} (see papers --help)`);
		const option = /'(--?[\w-]+)'/.exec(message)?.[1];
		// "argument is ambiguous": a value that starts with "-" ("--year -5"), which parseArgs explains in three lines.
		if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined && message.includes('ambiguous')) {
			throw new InputError(`${option} takes a value; write one that starts with "-" as ${option}=-… (see papers --help)`);
		}
		if (code?.startsWith('ERR_PARSE_ARGS')) throw new InputError(`${message.split('\n')[0]!.replace(/\.$/, '')} (see papers --help)`);
		throw error;
	}
	const {values} = parsed;
	return {
		input: parsed.positionals,
		flags: {
			json: values.json ?? false,
			year: values.year === undefined ? undefined : parseYear(values.year),
			read: values.read ?? false,
			unread: values.unread ?? false,
			favorites: values.favorites ?? false,
			favorite: values.favorite ?? false,
			unfavorite: values.unfavorite ?? false,
			query: values.query,
			format: values.format,
			date: values.date === undefined ? undefined : parseDate(values.date, '--date'),
			from: values.from === undefined ? undefined : parseDate(values.from, '--from'),
			to: values.to === undefined ? undefined : parseDate(values.to, '--to'),
			apiBase: values['api-base'],
			arxiv: values.arxiv,
			arxivBase: values['arxiv-base'],
			timeoutMs: values.timeout === undefined ? undefined : parseSeconds(values.timeout),
			sort: values.sort === undefined ? undefined : parseSort(values.sort),
			help: values.help ?? false,
			version: values.version ?? false,
		},
	};
}

function parseYear(text: string): number {
	const year = Number(text);
	if (!/^\d{4}$/.test(text.trim()) || year < 1900 || year > 2999) throw new InputError(`--year must be a four-digit year, got ${text}`);
	return year;
}

function parseDate(text: string, flag: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
	const date = match === null ? null : new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
	if (date === null || date.toISOString().slice(0, 10) !== text.trim()) throw new InputError(`${flag} must be a day as YYYY-MM-DD, got ${text}`);
	return text.trim();
}

function parseSort(text: string): Sort {
	const sort = SORTS.find((name) => name === text.trim().toLowerCase());
	if (sort === undefined) throw new InputError(`--sort must be one of ${SORTS.join(', ')} (got ${text})`);
	return sort;
}

function parseSeconds(text: string): number {
	const seconds = Number(text);
	if (!/^\d+(?:\.\d+)?$/.test(text.trim()) || seconds <= 0 || seconds > 600) throw new InputError(`--timeout must be a number of seconds (up to 600), got ${text}`);
	return Math.round(seconds * 1000);
}
