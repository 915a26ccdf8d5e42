// End-to-end tests of the built CLI (dist/cli.js), run as a real process with its own state directory.
import {spawn} from 'node:child_process';
import {existsSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {cellWidth} from '../../src/text/width.js';
import {afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {generateListing} from '../../bench/generate.mjs';
import {assertBuilt, CLI_PATH, cliEnvironment, FIXTURE, makeTempDir, makeTempHome, removeTempDirs, REPO_ROOT, runCli, storePath, type RunOptions, type RunResult} from './cli.js';

/** The fields of a paper in `--json` output that these tests look at. */
interface JsonPaper {
	id: string;
	title: string;
	abstract: string;
	published: string | null;
	yearInferred: boolean;
	upvotes: number;
	source: string;
	read?: boolean;
	favorite?: boolean;
}

interface JsonOutput {
	papers: JsonPaper[];
	warnings: unknown[];
}

let home: string;

/** Runs the CLI with this test's state directory. */
function papers(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
	return runCli(args, {...options, env: {XDG_CONFIG_HOME: home, ...options.env}});
}

/** Runs a `--json` command that must succeed, and parses its output. */
async function papersJson(args: readonly string[], options: RunOptions = {}): Promise<JsonOutput> {
	const result = await papers([...args, '--json'], options);
	expect(result.stderr).toBe('');
	expect(result.code).toBe(0);
	return JSON.parse(result.stdout) as JsonOutput;
}

/** Exit code 2, nothing on stdout, and exactly one line on stderr, with no stack trace. */
function expectUsageError(result: RunResult, ...mentions: string[]): void {
	expect(result.code, `stderr: ${result.stderr}`).toBe(2);
	expect(result.stdout).toBe('');
	expect(result.stderr).toMatch(/^papers: [^\n]+\n$/);
	expect(result.stderr).not.toMatch(/^\s*at /m);
	for (const mention of mentions) expect(result.stderr).toContain(mention);
}

/** Writes a listing in the Hugging Face page format. */
function listing(entries: ReadonlyArray<{title: string; abstract: string; date: string; upvotes: number}>): string {
	const blocks = ['Daily Papers', 'Nov 25'];
	for (const entry of entries) blocks.push(entry.title, entry.abstract, `  • 2 authors\n·\n${entry.date} ${entry.upvotes}`);
	return blocks.join('\n\n') + '\n';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2022-02-17" as the page prints it: "Feb 17, 2022". */
function pageDate(iso: string): string {
	const [year, month, day] = iso.split('-').map(Number);
	return `${MONTHS[month! - 1]!} ${day!}, ${year!}`;
}

let fixture: JsonPaper[];

beforeAll(async () => {
	assertBuilt();
	home = makeTempHome();
	// The fixture's papers, read once, to pick ids and titles from instead of writing them in the tests.
	fixture = (await papersJson(['parse', FIXTURE, '--year', '2024'])).papers;
});

beforeEach(() => {
	home = makeTempHome();
});

afterEach(() => {
	removeTempDirs();
});

describe('papers parse', {timeout: 60_000}, () => {
	it('reads the 63 papers of the fixture as JSON, with 12-hex-digit ids and no warnings', async () => {
		const output = await papersJson(['parse', FIXTURE]);
		expect(output.warnings).toEqual([]);
		expect(output.papers).toHaveLength(63);
		for (const paper of output.papers) {
			expect(paper.id).toMatch(/^[0-9a-f]{12}$/);
			expect(paper.title.trim()).not.toBe('');
			expect(paper.source).toBe(FIXTURE);
		}
		expect(new Set(output.papers.map((paper) => paper.id)).size).toBe(63);
	});

	it('reads standard input for "-", giving the same papers as the file', async () => {
		const fromStdin = await papersJson(['parse', '-', '--year', '2024'], {stdin: readFileSync(FIXTURE)});
		expect(fromStdin.warnings).toEqual([]);
		expect(fromStdin.papers.map((paper) => paper.source)).toEqual(fixture.map(() => '-'));
		const withoutSource = (list: JsonPaper[]) => list.map(({source: _source, ...rest}) => rest);
		expect(withoutSource(fromStdin.papers)).toEqual(withoutSource(fixture));
	});

	it('prints a table with every id and title, fitted to 120 columns when not in a terminal', async () => {
		const result = await papers(['parse', FIXTURE]);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		const lines = result.stdout.replace(/\n$/, '').split('\n');
		expect(lines[0]).toMatch(/^ID\b.*\bTITLE$/);
		const titleColumn = lines[0]!.indexOf('TITLE');
		expect(lines).toHaveLength(1 + fixture.length);
		fixture.forEach((paper, index) => {
			const line = lines[index + 1]!;
			expect(line.startsWith(`${paper.id} `), line).toBe(true);
			const cell = line.slice(titleColumn);
			if (cell.endsWith('…')) expect(paper.title.startsWith(cell.slice(0, -1)), line).toBe(true);
			else expect(cell).toBe(paper.title);
		});
		expect(lines.some((line) => line.endsWith('…')), 'long titles are cut').toBe(true);
		for (const line of lines) expect(cellWidth(line), line).toBeLessThanOrEqual(120);
	});

	it('--year sets the year of dates printed without one, and only of those', async () => {
		const in2020 = (await papersJson(['parse', FIXTURE, '--year', '2020'])).papers;
		const in2021 = (await papersJson(['parse', FIXTURE, '--year', '2021'])).papers;
		const inferred = in2020.filter((paper) => paper.yearInferred);
		expect(inferred.length).toBeGreaterThan(0);
		expect(in2020.some((paper) => !paper.yearInferred && paper.published !== null)).toBe(true);
		in2020.forEach((paper, index) => {
			const other = in2021[index]!;
			expect(other.id).toBe(paper.id);
			if (paper.yearInferred) {
				expect(paper.published).toMatch(/^2020-\d\d-\d\d$/);
				expect(other.published).toBe(`2021${paper.published!.slice(4)}`);
			} else {
				expect(other.published).toBe(paper.published);
			}
		});
	});

	it('merges several listings, deduplicated by id, the later listing’s upvotes winning', async () => {
		// The paper with the most upvotes, repeated in a second listing with other upvotes and another date.
		const repeated = fixture.reduce((best, paper) => (paper.upvotes > best.upvotes ? paper : best));
		expect(repeated.upvotes).toBeGreaterThan(0);
		expect(repeated.published).not.toBe('2001-01-01');
		const newUpvotes = repeated.upvotes + 85;
		const second = join(makeTempDir(), 'second.txt');
		writeFileSync(
			second,
			listing([
				{title: repeated.title, abstract: repeated.abstract, date: pageDate('2001-01-01'), upvotes: newUpvotes},
				{title: 'A Paper Only the Second Listing Has', abstract: 'We study merging.', date: 'Mar 3, 2025', upvotes: 7},
			]),
		);

		const merged = (await papersJson(['list', FIXTURE, second, '--year', '2024'])).papers;
		expect(merged).toHaveLength(fixture.length + 1);
		expect(new Set(merged.map((paper) => paper.id)).size).toBe(merged.length);
		expect(merged.map((paper) => paper.id).slice(0, fixture.length)).toEqual(fixture.map((paper) => paper.id));
		// Only the upvotes come from the later listing; the paper stays where the first listing had it.
		expect(merged.find((paper) => paper.id === repeated.id)).toMatchObject({
			upvotes: newUpvotes,
			published: repeated.published,
			source: FIXTURE,
		});
		expect(merged.at(-1)).toMatchObject({title: 'A Paper Only the Second Listing Has', upvotes: 7, source: second});

		const reversed = (await papersJson(['parse', second, FIXTURE, '--year', '2024'])).papers;
		expect(reversed).toHaveLength(fixture.length + 1);
		expect(reversed[0]).toMatchObject({id: repeated.id, upvotes: repeated.upvotes, published: '2001-01-01', source: second});
	});

	it('keeps table rows within 120 columns when titles have wide characters', async () => {
		const file = join(makeTempDir(), 'wide.txt');
		const title = '大規模言語モデルの推論能力に関する包括的な調査研究と評価のための新しいベンチマークデータセットの提案と検証';
		writeFileSync(file, listing([{title, abstract: 'An abstract.', date: 'Feb 17, 2022', upvotes: 5}]));
		const result = await papers(['parse', file]);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain(title.slice(0, 10));
		for (const line of result.stdout.split('\n')) expect(cellWidth(line), line).toBeLessThanOrEqual(120);
	});
});

describe('bad input', {timeout: 60_000}, () => {
	// What is wrong, and roughly how the message should say it.
	type Case = [name: string, make: (directory: string) => string, says: RegExp];
	const cases: Case[] = [
		['a missing file', (directory) => join(directory, 'missing.txt'), /no such file|not found|does not exist/i],
		['a directory', (directory) => directory, /directory/i],
		['an empty file', (directory) => write(join(directory, 'empty.txt'), ''), /empty/i],
		['a file of white space', (directory) => write(join(directory, 'blank.txt'), ' \n\t\n\n'), /empty|white space|no papers/i],
		['a binary file', (directory) => write(join(directory, 'data.bin'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0xff, 0xfe, 0x00, 0x10])), /binary|not .*text/i],
		['a file with no papers', (directory) => write(join(directory, 'chrome.txt'), 'new\n\nSubscribe\n\nDaily Papers\n\nNov 25\n'), /no papers/i],
		['a file of one line of prose', (directory) => write(join(directory, 'prose.txt'), 'Just a sentence, not a listing.\n'), /no papers/i],
	];

	function write(path: string, content: string | Buffer): string {
		writeFileSync(path, content);
		return path;
	}

	describe.each(['parse', 'list'])('papers %s', (command) => {
		it.each(cases)('%s: exit 2 and one line naming the file', async (_name, make, says) => {
			const file = make(makeTempDir());
			const result = await papers([command, file]);
			expectUsageError(result, `papers: ${file}: `);
			expect(result.stderr.slice(`papers: ${file}: `.length)).toMatch(says);
		});
	});

	it('names the bad file when good ones come before it', async () => {
		const missing = join(makeTempDir(), 'gone.txt');
		expectUsageError(await papers(['parse', FIXTURE, missing]), `papers: ${missing}: `);
	});

	it('calls empty standard input "standard input"', async () => {
		expectUsageError(await papers(['parse', '-'], {stdin: ''}), 'papers: standard input: ');
	});

	it('rejects an unknown flag with exit 2 and no stack trace', async () => {
		const result = await papers(['parse', FIXTURE, '--frobnicate']);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toContain('--frobnicate');
		expect(result.stderr).not.toMatch(/^\s*at /m);
	});

	it.each([
		['no file for parse', ['parse']],
		['two state filters', ['list', FIXTURE, '--read', '--unread']],
		['a year that is not one', ['parse', FIXTURE, '--year', '20']],
		['mark without a change', ['mark', 'bcbeed42d217']],
		['mark with two changes', ['mark', '--read', '--favorite', 'bcbeed42d217']],
		['mark without ids', ['mark', '--read']],
	])('rejects %s with exit 2 and one line', async (_name, args) => {
		expectUsageError(await papers(args));
		expect(existsSync(storePath(home))).toBe(false);
	});
});

describe('read marks and favorites', {timeout: 60_000}, () => {
	const ids = (output: JsonOutput) => output.papers.map((paper) => paper.id);

	it('starts with nothing marked in a fresh state directory', async () => {
		const all = await papersJson(['list', FIXTURE]);
		expect(all.papers).toHaveLength(fixture.length);
		expect(all.papers.every((paper) => paper.read === false && paper.favorite === false)).toBe(true);
		expect((await papersJson(['list', FIXTURE, '--read'])).papers).toEqual([]);
	});

	it('mark --read: list --read shows exactly that paper, list --unread all the others', async () => {
		const target = fixture[5]!;
		const marked = await papers(['mark', '--read', target.id]);
		expect(marked).toMatchObject({code: 0, stderr: ''});
		expect(marked.stdout).toMatch(/marked 1 paper read/);
		expect(statSync(storePath(home)).mode & 0o777).toBe(0o600);

		const read = await papersJson(['list', FIXTURE, '--read']);
		expect(ids(read)).toEqual([target.id]);
		expect(read.papers[0]).toMatchObject({read: true, favorite: false});

		const unread = await papers(['list', FIXTURE, '--unread']);
		expect(unread.code).toBe(0);
		expect(unread.stdout).not.toContain(target.id);
		expect(unread.stdout).toContain(fixture[4]!.id);
		expect(ids(await papersJson(['list', FIXTURE, '--unread']))).toEqual(fixture.filter((paper) => paper !== target).map((paper) => paper.id));

		expect((await papers(['mark', '--unread', target.id])).code).toBe(0);
		expect((await papersJson(['list', FIXTURE, '--read'])).papers).toEqual([]);
	});

	it('mark --favorite and --unfavorite: list --favorites follows, read state untouched', async () => {
		const [first, second] = [fixture[2]!, fixture[40]!];
		const marked = await papers(['mark', '--favorite', second.id, first.id, first.id]);
		expect(marked.code).toBe(0);
		expect(marked.stdout).toMatch(/marked 2 papers favorite/);

		const favorites = await papersJson(['list', FIXTURE, '--favorites']);
		expect(ids(favorites)).toEqual([first.id, second.id]);
		expect(favorites.papers.every((paper) => paper.favorite && !paper.read)).toBe(true);
		expect((await papersJson(['list', FIXTURE, '--unread'])).papers).toHaveLength(fixture.length);

		expect((await papers(['mark', '--unfavorite', first.id])).code).toBe(0);
		expect(ids(await papersJson(['list', FIXTURE, '--favorites']))).toEqual([second.id]);
	});

	it('keeps state per XDG_CONFIG_HOME', async () => {
		expect((await papers(['mark', '--read', fixture[0]!.id])).code).toBe(0);
		const elsewhere = await runCli(['list', FIXTURE, '--read', '--json'], {env: {XDG_CONFIG_HOME: makeTempHome()}});
		expect(elsewhere.code).toBe(0);
		expect((JSON.parse(elsewhere.stdout) as JsonOutput).papers).toEqual([]);
	});

	it.each([['not-an-id'], ['BCBEED42D217'], ['bcbeed42d21'], ['bcbeed42d2170']])('mark rejects the id %s, writing nothing', async (bad) => {
		expectUsageError(await papers(['mark', '--read', fixture[0]!.id, bad]), bad);
		expect(existsSync(storePath(home))).toBe(false);
	});
});

describe('papers list --query', {timeout: 120_000}, () => {
	it('finds "Language Model" titles despite typos, best matches first', async () => {
		const wanted = fixture.filter((paper) => /language model/i.test(paper.title)).map((paper) => paper.id);
		expect(wanted.length).toBeGreaterThan(3);
		const hits = (await papersJson(['list', FIXTURE, '--query', 'lnguage modl'])).papers;
		expect(hits.length).toBeGreaterThanOrEqual(wanted.length);
		expect(hits.length).toBeLessThan(fixture.length);
		// Every such title is found, and all of them come before any other hit.
		expect(
			hits
				.slice(0, wanted.length)
				.map((paper) => paper.id)
				.sort(),
		).toEqual([...wanted].sort());
	});

	it('finds a paper from two of its words in any order, half typed; reads operators; warns of a query cut short', async () => {
		const benign = 'Benign Overfitting and Grokking in ReLU Networks for XOR Cluster Data';
		for (const query of ['relu grokking', 'grokk relu']) expect((await papersJson(['list', FIXTURE, '--query', query])).papers[0]?.title, query).toBe(benign);
		const anchored = (await papersJson(['list', FIXTURE, '--query', '^benign'])).papers.map((paper) => paper.title);
		expect(anchored).toEqual([benign]);
		const without = (await papersJson(['list', FIXTURE, '--query', 'grokking !relu'])).papers.map((paper) => paper.title);
		expect(without).not.toContain(benign);
		const pasted = `${benign} ${fixture.find((paper) => paper.title === benign)!.abstract}`;
		const result = await papers(['list', FIXTURE, '--query', pasted, '--json']);
		expect(result.code).toBe(0);
		expect(result.stderr).toMatch(/^papers: the query is longer than search uses: searching its first \d+ words/);
		expect((JSON.parse(result.stdout) as JsonOutput).papers[0]?.title).toBe(benign);
	});

	it('stops at once on SIGTERM or Ctrl-C (SIGINT), whenever it comes', async () => {
		const file = join(makeTempDir(), 'archive.txt');
		writeFileSync(file, generateListing(20_000));
		const home = makeTempHome();
		// Signals at moments spread over a whole run: while reading, indexing, searching or writing.
		const started = performance.now();
		await runCli(['list', file, '--query', 'language model', '--json'], {env: {XDG_CONFIG_HOME: home}, timeoutMs: 60_000});
		const whole = performance.now() - started;
		for (const [index, signal] of (['SIGTERM', 'SIGINT', 'SIGTERM', 'SIGINT', 'SIGTERM'] as const).entries()) {
			const child = spawn(process.execPath, [CLI_PATH, 'list', file, '--query', 'language model', '--json'], {env: cliEnvironment({XDG_CONFIG_HOME: home}), stdio: ['ignore', 'ignore', 'pipe']});
			const exited = new Promise<number>((resolve) => child.on('exit', () => resolve(performance.now())));
			await new Promise((resolve) => setTimeout(resolve, (whole * (index + 1)) / 6));
			const sent = performance.now();
			child.kill(signal);
			const after = (await exited) - sent;
			expect(after, `${signal} ${index + 1}/5 of the way through a ${Math.round(whole)} ms run`).toBeLessThan(1000);
		}
	});

	it('combines with the state filter', async () => {
		const target = fixture.find((paper) => /language model/i.test(paper.title))!;
		expect((await papers(['mark', '--read', target.id])).code).toBe(0);
		const hits = (await papersJson(['list', FIXTURE, '--unread', '--query', 'lnguage modl'])).papers;
		expect(hits.length).toBeGreaterThan(0);
		expect(hits.map((paper) => paper.id)).not.toContain(target.id);
	});
});

describe('papers --help and --version', {timeout: 60_000}, () => {
	it.each([['--help'], ['-h']])('%s exits 0 and mentions every command', async (flag) => {
		const result = await papers([flag]);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		for (const command of ['parse', 'list', 'mark']) expect(result.stdout).toMatch(new RegExp(`\\$ papers ${command}\\b`));
		for (const flagName of ['--json', '--year', '--read', '--unread', '--favorites', '--favorite', '--unfavorite', '--query']) {
			expect(result.stdout).toContain(flagName);
		}
	});

	it('--version prints the version of package.json', async () => {
		const {version} = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {version: string};
		const result = await papers(['--version']);
		expect(result).toMatchObject({code: 0, stdout: `${version}\n`, stderr: ''});
	});
});
