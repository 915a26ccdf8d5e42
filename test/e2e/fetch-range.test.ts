// `papers fetch --from --to` through the built CLI against a real HTTP server on 127.0.0.1 serving a week of
// Daily Papers (a weekend without papers, a day that fails, a day that hangs): what the library keeps, the
// resume line, the exit codes, the pacing, and the progress bar in a real terminal.
import {spawn} from 'node:child_process';
import {existsSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {join, relative} from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {hang, respond, startServer, type Handler, type TestServer} from '../helpers/http-server.js';
import {assertBuilt, CLI_PATH, cliEnvironment, makeTempHome, removeTempDirs, REPO_ROOT, runCli, type RunResult} from './cli.js';
import {shellQuote, startTmux, tmuxMissingReason, tmuxVersion, type TmuxSession} from './tmux.js';

const API_ITEMS = JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures', 'hf-api-daily-papers.json'), 'utf8')) as unknown[];

/** A week: Monday 2024-10-21 to Sunday 2024-10-27, each weekday a different answer, the weekend empty. */
const WEEK: Record<string, string> = {
	'2024-10-21': JSON.stringify(API_ITEMS.slice(0, 1)),
	'2024-10-22': JSON.stringify(API_ITEMS.slice(0, 2), null, 2),
	'2024-10-23': JSON.stringify(API_ITEMS.slice(1, 3)),
	'2024-10-24': JSON.stringify(API_ITEMS.slice(0, 3)),
	'2024-10-25': JSON.stringify(API_ITEMS),
	'2024-10-26': '[]',
	'2024-10-27': '[]\n',
};
const PAPERS: Record<string, number> = {'2024-10-21': 1, '2024-10-22': 2, '2024-10-23': 2, '2024-10-24': 3, '2024-10-25': API_ITEMS.length, '2024-10-26': 0, '2024-10-27': 0};

interface Summary {
	from: string;
	to: string;
	library: string;
	complete: boolean;
	fetched: number;
	empty: number;
	skipped: number;
	left: number;
	papers: number;
	resume: string | null;
	days: Array<{day: string; status: string; papers: number}>;
	warnings: string[];
}

let server: TestServer | undefined;
let home: string;
/** When the server got each request (ms, performance.now()), by date. */
let arrivals: Array<{date: string; at: number}>;
/** Special answers by date; the week's listing otherwise. */
let special: Record<string, Handler>;

beforeAll(() => {
	assertBuilt();
});

afterEach(async () => {
	await server?.close();
	server = undefined;
	removeTempDirs();
});

async function serveWeek(): Promise<TestServer> {
	arrivals = [];
	special = {};
	return startServer({
		'/api/daily_papers': (request, response) => {
			const date = new URL(request.url ?? '/', 'http://x').searchParams.get('date') ?? '';
			arrivals.push({date, at: performance.now()});
			const handler = special[date] ?? (WEEK[date] === undefined ? respond(404, 'no such day', 'text/plain') : respond(200, WEEK[date]));
			handler(request, response);
		},
	});
}

function environment(interval: number | null): Record<string, string | undefined> {
	return {XDG_CONFIG_HOME: home, XDG_CACHE_HOME: join(home, 'cache'), XDG_DATA_HOME: join(home, 'data'), PAPERS_TEST_RANGE_INTERVAL_MS: interval === null ? undefined : String(interval)};
}

/** Runs `papers fetch --api-base <server> ...args`, with a short pause between requests unless `interval` says otherwise. */
function papers(args: readonly string[], interval: number | null = 20): Promise<RunResult> {
	return runCli(['fetch', '--api-base', server!.base, ...args], {env: environment(interval)});
}

const library = () => join(home, 'data', 'papers', 'library');

/** The library's files: named by day, each byte for byte what the server sent, no temporary file left. */
function expectKept(days: readonly string[]): void {
	const names = existsSync(library()) ? readdirSync(library()).sort() : [];
	expect(names).toEqual(days.map((day) => `hf-daily-${day}.json`).sort());
	for (const day of days) expect(readFileSync(join(library(), `hf-daily-${day}.json`)).equals(Buffer.from(WEEK[day]!, 'utf8')), day).toBe(true);
}

const asked = () => arrivals.map((arrival) => arrival.date);

describe('papers fetch --from --to', {timeout: 60_000}, () => {
	it('fetches each day once, oldest first, keeps every one (the empty weekend too), and prints a JSON summary', async () => {
		home = makeTempHome();
		server = await serveWeek();
		const result = await papers(['--from', '2024-10-21', '--to', '2024-10-27', '--json']);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const days = Object.keys(WEEK);
		expect(asked()).toEqual(days);
		expect(server.urls).toEqual(days.map((day) => `/api/daily_papers?date=${day}`));
		expectKept(days);
		const summary = JSON.parse(result.stdout) as Summary;
		expect(summary).toEqual({
			from: '2024-10-21',
			to: '2024-10-27',
			library: library(),
			complete: true,
			fetched: 5,
			empty: 2,
			skipped: 0,
			left: 0,
			papers: Object.values(PAPERS).reduce((a, b) => a + b, 0),
			resume: null,
			days: days.map((day) => ({day, status: PAPERS[day] === 0 ? 'empty' : 'fetched', papers: PAPERS[day]})),
			warnings: [],
		});
		// The library reads them: the weekend is a day without papers, not a broken file.
		const listed = await runCli(['library', '--json'], {env: environment(null)});
		expect(listed.code, listed.stderr).toBe(0);
		const rows = (JSON.parse(listed.stdout) as {listings: Array<{day: string; papers: number; problem: string | null}>}).listings;
		expect(rows.map((row) => [row.day, row.papers, row.problem])).toEqual(days.toReversed().map((day) => [day, PAPERS[day], null]));
	});

	it('skips the days the library holds: a rerun asks for nothing, a wider range only for the new days', async () => {
		home = makeTempHome();
		server = await serveWeek();
		expect((await papers(['--from', '2024-10-23', '--to', '2024-10-25'])).code).toBe(0);
		expect(asked()).toEqual(['2024-10-23', '2024-10-24', '2024-10-25']);
		const again = await papers(['--from', '2024-10-23', '--to', '2024-10-25']);
		expect(again.code).toBe(0);
		expect(again.stdout).toBe(`2024-10-23 to 2024-10-25: 0 days fetched (0 papers), 0 without papers, 3 skipped (in the library already); library: ${library()}\n`);
		expect(asked()).toHaveLength(3);
		const wider = await papers(['--from', '2024-10-21', '--to', '2024-10-27']);
		expect(wider.stderr).toBe('');
		expect(wider.stdout).toBe(`2024-10-21 to 2024-10-27: 2 days fetched (3 papers), 2 without papers, 3 skipped (in the library already); library: ${library()}\n`);
		expect(asked().slice(3)).toEqual(['2024-10-21', '2024-10-22', '2024-10-26', '2024-10-27']);
		expectKept(Object.keys(WEEK));
	});

	it('--to is today by default, and today is fetched again on every run (its listing grows during the day)', async () => {
		home = makeTempHome();
		server = await serveWeek();
		const today = new Date().toISOString().slice(0, 10);
		special[today] = respond(200, '[]');
		const first = await papers(['--from', today, '--json']);
		expect(first.code, first.stderr).toBe(0);
		expect(JSON.parse(first.stdout) as Summary).toMatchObject({from: today, to: today, empty: 1, skipped: 0});
		const second = await papers(['--from', today, '--json']);
		expect(JSON.parse(second.stdout) as Summary).toMatchObject({empty: 1, skipped: 0});
		expect(asked()).toEqual([today, today]);
	});

	it('a day that fails twice stops the run there: the days before are kept, the resume line, exit 2; the rerun resumes', async () => {
		home = makeTempHome();
		server = await serveWeek();
		special['2024-10-23'] = respond(500, 'Internal error', 'text/plain');
		const result = await papers(['--from', '2024-10-21', '--to', '2024-10-25']);
		expect(result.code).toBe(2);
		expect(result.stderr).toBe(
			`papers: could not fetch ${server.base}/api/daily_papers?date=2024-10-23: the server failed (HTTP 500 Internal Server Error); no cached copy to fall back on\n` +
				`papers: stopped at 2024-10-23 (the days fetched are kept); resume with: papers fetch --from 2024-10-23 --to 2024-10-25 --api-base ${server.base}\n`,
		);
		expect(result.stdout).toBe(`2024-10-21 to 2024-10-25: 2 days fetched (3 papers), 0 without papers, 0 skipped (in the library already), 3 not fetched; library: ${library()}\n`);
		expect(asked()).toEqual(['2024-10-21', '2024-10-22', '2024-10-23', '2024-10-23']);
		expectKept(['2024-10-21', '2024-10-22']);

		delete special['2024-10-23'];
		const resumed = await papers(['--from', '2024-10-23', '--to', '2024-10-25', '--json']);
		expect(resumed.code, resumed.stderr).toBe(0);
		expect(asked().slice(4)).toEqual(['2024-10-23', '2024-10-24', '2024-10-25']);
		expectKept(['2024-10-21', '2024-10-22', '2024-10-23', '2024-10-24', '2024-10-25']);
	});

	it('a day that fails with a cached copy (an earlier fetch of it) uses the copy, with a warning, and goes on', async () => {
		home = makeTempHome();
		server = await serveWeek();
		expect((await papers(['--from', '2024-10-21', '--to', '2024-10-23'])).code).toBe(0);
		rmSync(join(library(), 'hf-daily-2024-10-22.json')); // the library lost it; the cache has it
		special['2024-10-22'] = respond(500, 'Internal error', 'text/plain');
		const result = await papers(['--from', '2024-10-21', '--to', '2024-10-24', '--json']);
		expect(result.code, result.stderr).toBe(0);
		expect(result.stderr).toMatch(/^papers: using the copy cached [^\n]+ UTC: could not fetch http:\/\/127\.0\.0\.1:\d+\/api\/daily_papers\?date=2024-10-22: the server failed \(HTTP 500 [^\n]+\n$/);
		const summary = JSON.parse(result.stdout) as Summary;
		expect(summary).toMatchObject({complete: true, fetched: 2, skipped: 2, warnings: [result.stderr.slice('papers: '.length, -1)]});
		expectKept(['2024-10-21', '2024-10-22', '2024-10-23', '2024-10-24']);
	});

	it('with --json, a failed run says so in the summary too', async () => {
		home = makeTempHome();
		server = await serveWeek();
		special['2024-10-22'] = respond(503, 'busy', 'text/plain');
		const result = await papers(['--from', '2024-10-21', '--to', '2024-10-23', '--json']);
		expect(result.code).toBe(2);
		const summary = JSON.parse(result.stdout) as Summary;
		expect(summary).toMatchObject({complete: false, fetched: 1, left: 2, resume: `papers fetch --from 2024-10-22 --to 2024-10-23 --api-base ${server.base}`});
		expect(summary.days.map((day) => day.status)).toEqual(['fetched', 'failed', 'left']);
		expect(summary.warnings).toEqual([`could not fetch ${server.base}/api/daily_papers?date=2024-10-22: the server failed (HTTP 503 Service Unavailable); no cached copy to fall back on`]);
	});

	it('Ctrl-C (SIGINT) mid-run keeps the days fetched, prints the resume line, exit 130', async () => {
		home = makeTempHome();
		server = await serveWeek();
		special['2024-10-24'] = hang;
		const child = spawn(process.execPath, [CLI_PATH, 'fetch', '--api-base', server.base, '--from', '2024-10-21', '--to', '2024-10-27'], {cwd: REPO_ROOT, env: cliEnvironment(environment(20)), stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null}>((resolve) => child.on('close', (code, signal) => resolve({code, signal})));
		await expect.poll(() => asked().includes('2024-10-24'), {timeout: 10_000}).toBe(true);
		child.kill('SIGINT');
		expect(await exited).toEqual({code: 130, signal: null});
		expect(stderr).toBe(`papers: interrupted (the days fetched are kept); resume with: papers fetch --from 2024-10-24 --to 2024-10-27 --api-base ${server.base}\n`);
		expect(stdout).toBe(`2024-10-21 to 2024-10-27: 3 days fetched (5 papers), 0 without papers, 0 skipped (in the library already), 4 not fetched; library: ${library()}\n`);
		expectKept(['2024-10-21', '2024-10-22', '2024-10-23']);
	});

	it('asks at most once a second, start to start (the real pause)', async () => {
		home = makeTempHome();
		server = await serveWeek();
		const result = await papers(['--from', '2024-10-21', '--to', '2024-10-23'], null);
		expect(result.code, result.stderr).toBe(0);
		expect(asked()).toEqual(['2024-10-21', '2024-10-22', '2024-10-23']);
		// Measured where the requests arrive, so with the jitter of a busy machine. The first one arrives
		// late by what its start costs the client (loading Node's HTTP client: up to a few hundred ms on a
		// loaded machine), so only the gaps after it are measured. The pacing itself is tested to the
		// millisecond with a fake clock in test/commands/fetch-range.test.ts.
		expect(arrivals[2]!.at - arrivals[1]!.at).toBeGreaterThanOrEqual(900);
		expect(arrivals[1]!.at - arrivals[0]!.at).toBeGreaterThan(0);
	});

	it.each([
		[['--from', '2024-10-25', '--to', '2024-10-21'], /^papers: --from 2024-10-25 is after --to 2024-10-21\n$/],
		[['--from', '2023-10-01', '--to', '2024-10-21'], /^papers: --from 2023-10-01 --to 2024-10-21 is 387 days; a range is at most 366 days\n$/],
		[['--from', '2999-01-01'], /^papers: --from 2999-01-01 is in the future \(today is \d{4}-\d\d-\d\d, UTC\)\n$/],
		[['--from', '2024-10-21', '--to', '2999-01-01'], /^papers: --to 2999-01-01 is in the future/],
		[['--to', '2024-10-21'], /^papers: fetch: --to goes with --from DATE/],
		[['--from', '2024-10-21', '--date', '2024-10-22'], /^papers: fetch: --from\/--to get a range of Daily Papers; they do not go with --date or --arxiv\n$/],
		[['--from', '2024-10-21', '--arxiv', 'cs.LG'], /they do not go with --date or --arxiv/],
		[['--from', '2024-10-32'], /^papers: --from must be a day as YYYY-MM-DD, got 2024-10-32\n$/],
		[['--from', '2024-10-21', '--to', 'yesterday'], /^papers: --to must be a day as YYYY-MM-DD, got yesterday\n$/],
	])('refuses %j with one line, exit 2, asking nothing', async (args, pattern) => {
		home = makeTempHome();
		server = await serveWeek();
		const result = await papers(args);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(pattern);
		expect(asked()).toEqual([]);
		expect(existsSync(library())).toBe(false);
	});
});

describe.skipIf(tmuxMissingReason !== null)(`papers fetch --from --to in a real terminal (${tmuxVersion ?? 'no tmux'})`, {timeout: 60_000}, () => {
	let session: TmuxSession | undefined;
	afterEach(async () => {
		await session?.kill();
		session = undefined;
	});

	it('shows a progress bar (done/total, the day, ETA) while it runs, then only the summary', async () => {
		home = makeTempHome();
		server = await serveWeek();
		special['2024-10-23'] = hang; // the bar waits there until the test has seen it
		const command = ['node', relative(REPO_ROOT, CLI_PATH), 'fetch', '--api-base', server.base, '--from', '2024-10-21', '--to', '2024-10-25', '--timeout', '2'].map(shellQuote).join(' ');
		session = await startTmux({width: 100, height: 20, command: `${command}; echo "exit=$?"; sleep 60`, env: environment(20)});
		const screen = await session.waitFor(/2\/5 {2}2024-10-23 {2}ETA \d+s/, 10_000);
		expect(screen).toMatch(/^█{12}░{18} {2}2\/5 {2}2024-10-23 {2}ETA \d+s\s*$/m);
		const done = await session.waitFor(/^exit=2$/m, {timeoutMs: 20_000, joinWrapped: true});
		expect(done).not.toMatch(/[█░]/);
		expect(done).toContain('papers: stopped at 2024-10-23 (the days fetched are kept); resume with: papers fetch --from 2024-10-23 --to 2024-10-25');
		expect(done).toMatch(/^2024-10-21 to 2024-10-25: 2 days fetched/m);
	});
});
