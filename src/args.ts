import {parseArgs} from 'node:util';
import packageJson from '../package.json' with {type: 'json'};
import {InputError} from './errors.js';

/** The version printed by --version. */
export const VERSION: string = packageJson.version;

/** What --help prints. */
export const HELP = `papers ${VERSION}: a keyboard-driven terminal reader for research-paper listings

Usage
  $ papers [FILE...]                    read a listing (the bundled one when none is named)
  $ papers parse FILE... [--json] [--year N]
  $ papers list FILE... [--read | --unread | --favorites] [--query Q] [--json]
  $ papers mark (--read | --unread | --favorite | --unfavorite) ID...

FILE is the text of a Hugging Face papers page as copied from the browser; "-" reads standard input.
Several files merge, deduplicated by paper id (the later listing's upvotes win).

Options
  --json         print {"papers": [...], "warnings": [...]} instead of a table
  --year N       year for dates the listing prints without one
                 (default: this year, or last year when the date would be in the future)
  --read         list: only read papers; mark: mark them read
  --unread       list: only unread papers; mark: mark them unread
  --favorites    list: only favorites
  --favorite     mark: add to favorites
  --unfavorite   mark: remove from favorites
  --query Q      list: fuzzy filter on title and abstract, best match first
  --help         this help
  --version      the version

Read state and favorites are kept in $XDG_CONFIG_HOME/papers/config.json
(~/.config/papers/config.json by default).

Exit codes: 0 ok, 1 unexpected failure, 2 bad usage or bad input.
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
		if (code?.startsWith('ERR_PARSE_ARGS')) throw new InputError(`${message.replace(/\.$/, '')} (see papers --help)`);
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
