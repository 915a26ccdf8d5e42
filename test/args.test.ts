import {describe, expect, it} from 'vitest';
import {HELP, parseArguments, VERSION} from '../src/args.js';
import {InputError} from '../src/errors.js';

describe('parseArguments', () => {
	it('reads commands, files and flags in any order', () => {
		const {input, flags} = parseArguments(['list', 'a.txt', '--unread', '-', '--query', 'lnguage modl', '--json', '--year', '2024']);
		expect(input).toEqual(['list', 'a.txt', '-']);
		expect(flags).toMatchObject({unread: true, read: false, query: 'lnguage modl', json: true, year: 2024, help: false});
	});

	it('knows -h, --help and --version', () => {
		expect(parseArguments(['-h']).flags.help).toBe(true);
		expect(parseArguments(['parse', '--help']).flags.help).toBe(true);
		expect(parseArguments(['--version']).flags.version).toBe(true);
	});

	it.each([
		[['--frobnicate'], 'unknown option --frobnicate'],
		[['-x'], 'unknown option -x'],
		[['list', '--query'], '--query'],
		[['--json=yes'], '--json'],
		[['--year', '20'], '--year must be a four-digit year, got 20'],
		[['--year', 'soon'], '--year must be a four-digit year, got soon'],
	])('refuses %j with a one-line InputError', (argv, message) => {
		expect(() => parseArguments(argv)).toThrow(InputError);
		expect(() => parseArguments(argv)).toThrow(message);
	});
});

describe('messages about the command line', () => {
	it.each([
		[['parse', '--year', '-5', 'a.txt'], '--year takes a value; write one that starts with "-" as --year=-… (see papers --help)'],
		[['parse', '--year=-5', 'a.txt'], '--year must be a four-digit year, got -5'],
		[['parse', 'a.txt', '--year'], "Option '--year <value>' argument missing (see papers --help)"],
	])('%j: one line', (argv, message) => {
		expect(() => parseArguments(argv)).toThrow(message);
		try {
			parseArguments(argv);
		} catch (error) {
			expect((error as Error).message).not.toContain('\n');
		}
	});
});

describe('help', () => {
	it('names every command and option, and the version', () => {
		for (const word of ['parse', 'list', 'mark', '--json', '--year', '--read', '--unread', '--favorites', '--favorite', '--unfavorite', '--query', '--help', '--version', 'XDG_CONFIG_HOME']) {
			expect(HELP).toContain(word);
		}
		expect(HELP).toContain(VERSION);
		expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
	});
});

describe('--sort', () => {
	it("takes the reader's orders, case aside", () => {
		expect(parseArguments(['list', '--sort', 'for-you']).flags.sort).toBe('for-you');
		expect(parseArguments(['list', '--sort', 'Title']).flags.sort).toBe('title');
		expect(parseArguments(['list']).flags.sort).toBeUndefined();
	});
	it('refuses anything else in one line', () => {
		expect(() => parseArguments(['list', '--sort', 'stars'])).toThrow(new InputError('--sort must be one of listing, upvotes, date, title, for-you (got stars)'));
		expect(HELP).toContain('--sort S');
	});
});
