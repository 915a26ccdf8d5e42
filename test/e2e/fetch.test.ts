// `papers fetch` against a real HTTP server on 127.0.0.1 serving the fixtures: the Daily Papers API, the
// arXiv API, a server that fails, one that hangs, one that sends garbage; the cache in a temp directory.
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {FETCH_LIMIT_BYTES} from '../../src/fetch/body.js';
import {hang, respond, startServer, stream, type Handler, type StreamState, type TestServer} from '../helpers/http-server.js';
import {assertBuilt, CLI_PATH, makeTempHome, removeTempDirs, REPO_ROOT, runCli, runMeasured, type RunResult} from './cli.js';
import {shellQuote, startTmux, tmuxMissingReason, tmuxVersion, type TmuxSession} from './tmux.js';

const API_FIXTURE = readFileSync(join(REPO_ROOT, 'fixtures', 'hf-api-daily-papers.json'), 'utf8');
const ATOM_FIXTURE = readFileSync(join(REPO_ROOT, 'fixtures', 'arxiv-atom.xml'), 'utf8');
const API_ITEMS = JSON.parse(API_FIXTURE) as Array<{paper: {id: string; title: string}}>;

interface JsonOutput {
	papers: Array<{id: string; title: string; arxivId: string | null; source: string}>;
	warnings: unknown[];
}

let server: TestServer | undefined;
let home: string;

beforeAll(() => {
	assertBuilt();
});

afterEach(async () => {
	await server?.close();
	server = undefined;
	removeTempDirs();
});

/** Runs the CLI with its config and cache in this test's home. */
function papers(args: readonly string[]): Promise<RunResult> {
	return runCli(args, {env: {XDG_CONFIG_HOME: home, XDG_CACHE_HOME: join(home, 'cache')}});
}

/** A server whose /api/daily_papers and /api/query answer with `handler` (switchable). */
async function serve(handler: {current: Handler}): Promise<TestServer> {
	return startServer({
		'/api/daily_papers': (request, response) => handler.current(request, response),
		'/api/query': (request, response) => handler.current(request, response),
	});
}

const MB = 1_000_000;
/** Reports the process's peak RSS (getrusage's ru_maxrss, KiB) on stderr as it exits. */

/** One line on stderr, no stack trace, exit 2. */
function expectError(result: RunResult, pattern: RegExp): void {
	expect(result.code, result.stderr).toBe(2);
	expect(result.stdout).toBe('');
	expect(result.stderr).toMatch(/^papers: [^\n]+\n$/);
	expect(result.stderr).toMatch(pattern);
	expect(result.stderr).not.toMatch(/^\s*at /m);
}

describe('papers fetch', {timeout: 60_000}, () => {
	it('gets a day of Daily Papers from --api-base with ?date=, prints the records with --json, and caches them', async () => {
		home = makeTempHome();
		const handler = {current: respond(200, API_FIXTURE)};
		server = await serve(handler);
		const result = await papers(['fetch', '--api-base', server.base, '--date', '2024-10-25', '--json']);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const output = JSON.parse(result.stdout) as JsonOutput;
		expect(output.papers.map((paper) => paper.arxivId)).toEqual(API_ITEMS.map((item) => item.paper.id));
		expect(output.papers.every((paper) => paper.source === `${server!.base}/api/daily_papers?date=2024-10-25`)).toBe(true);
		expect(server.urls).toEqual(['/api/daily_papers?date=2024-10-25']);
		const cached = readdirSync(join(home, 'cache', 'papers'));
		expect(cached).toHaveLength(1);
		expect(readFileSync(join(home, 'cache', 'papers', cached[0]!), 'utf8')).toBe(API_FIXTURE);
	});

	it('offline or on a 500, uses the cached copy with a warning; the same papers, exit 0', async () => {
		home = makeTempHome();
		const handler = {current: respond(200, API_FIXTURE)};
		server = await serve(handler);
		const online = JSON.parse((await papers(['fetch', '--api-base', server.base, '--date', '2024-10-25', '--json'])).stdout) as JsonOutput;
		handler.current = respond(500, 'Internal error', 'text/plain');
		const failing = await papers(['fetch', '--api-base', server.base, '--date', '2024-10-25', '--json']);
		expect(failing.code).toBe(0);
		expect(failing.stderr).toMatch(/^papers: using the copy cached [^\n]+ UTC: could not fetch http:\/\/127\.0\.0\.1:\d+\/api\/daily_papers\?date=2024-10-25: the server failed \(HTTP 500 [^)]*\) \(cache: [^\n]+\)\n$/);
		// The warning is in the JSON too, so that a script reading stdout can tell a stale copy.
		const stale = JSON.parse(failing.stdout) as JsonOutput;
		expect(stale.papers).toEqual(online.papers);
		expect(online.warnings).toEqual([]);
		expect(stale.warnings).toEqual([{source: `${server.base}/api/daily_papers?date=2024-10-25`, line: null, message: failing.stderr.slice('papers: '.length, -1)}]);
		const base = server.base;
		await server.close();
		server = undefined;
		const offline = await papers(['fetch', '--api-base', base, '--date', '2024-10-25', '--json']);
		expect(offline.code).toBe(0);
		expect(offline.stderr).toMatch(/^papers: using the copy cached .*: ECONNREFUSED \(cache: /);
		expect((JSON.parse(offline.stdout) as JsonOutput).papers).toEqual(online.papers);
		expect((JSON.parse(offline.stdout) as JsonOutput).warnings).toEqual([expect.objectContaining({message: expect.stringMatching(/: ECONNREFUSED \(cache: /) as unknown})]);
	});

	it('no cache and no network: a clear error, exit 2', async () => {
		home = makeTempHome();
		const closed = await startServer({});
		await closed.close();
		expectError(await papers(['fetch', '--api-base', closed.base, '--json']), /could not fetch .*\/api\/daily_papers: ECONNREFUSED; no cached copy to fall back on/);
	});

	it('a server that hangs times out (--timeout), once more, then fails clearly', async () => {
		home = makeTempHome();
		server = await serve({current: hang});
		expectError(await papers(['fetch', '--api-base', server.base, '--timeout', '0.5', '--json']), /timed out; no cached copy/);
		expect(server.hits.get('/api/daily_papers')).toBe(2);
	});

	it('garbage with a 200 says the body is not a listing, and is not cached', async () => {
		home = makeTempHome();
		server = await serve({current: respond(200, '<html><body>Too many requests</body></html>', 'text/html')});
		expectError(await papers(['fetch', '--api-base', server.base, '--json']), /the server sent something that is not a listing: /);
		const again = await papers(['fetch', '--api-base', server.base, '--json']);
		expect(again.stderr).toMatch(/no cached copy/);
	});

	// The limit is the real one (64 MiB): the server streams 3 x that, as fast as the CLI reads it.
	it.each([
		['with a Content-Length, refused before it is read', true],
		['streamed without a Content-Length, cut at the limit', false],
	])('a body over the size limit %s: one line, exit 2, nothing cached, peak memory bounded', async (_name, withLength) => {
		home = makeTempHome();
		const state: StreamState = {sent: 0, cutShort: false};
		server = await serve({current: stream(3 * FETCH_LIMIT_BYTES, withLength, state)});
		const started = performance.now();
		const result = await runMeasured(['fetch', '--api-base', server.base, '--json'], {XDG_CONFIG_HOME: home, XDG_CACHE_HOME: join(home, 'cache')});
		const report = `peak RSS ${(result.peakRss / MB).toFixed(0)} MB, server sent ${(state.sent / MB).toFixed(0)} MB of ${((3 * FETCH_LIMIT_BYTES) / MB).toFixed(0)} MB, ${((performance.now() - started) / 1000).toFixed(1)} s`;
		console.info(`body over the limit, ${withLength ? 'with' : 'without'} a Content-Length: ${report}`);
		expectError(result, /^papers: could not fetch http:\/\/127\.0\.0\.1:\d+\/api\/daily_papers: the body is over the 64 MiB limit; no cached copy to fall back on\n$/);
		expect(server.hits.get('/api/daily_papers'), 'not retried').toBe(1);
		await expect.poll(() => state.cutShort).toBe(true);
		expect(existsSync(join(home, 'cache', 'papers')) ? readdirSync(join(home, 'cache', 'papers')) : []).toEqual([]);
		if (withLength) {
			expect(state.sent, report).toBeLessThan(FETCH_LIMIT_BYTES / 4); // what the socket buffers took, no more
			expect(result.peakRss, report).toBeLessThan(150 * MB);
		} else {
			expect(state.sent, report).toBeLessThan(1.5 * FETCH_LIMIT_BYTES);
			expect(result.peakRss, report).toBeLessThanOrEqual(2.5 * FETCH_LIMIT_BYTES + 150 * MB);
		}
	});

	it('a 404 says the server refused', async () => {
		home = makeTempHome();
		server = await startServer({});
		expectError(await papers(['fetch', '--api-base', server.base, '--json']), /the server refused \(HTTP 404 Not Found\)/);
	});

	it('--arxiv CATEGORY asks the arXiv API for the newest papers of the category', async () => {
		home = makeTempHome();
		server = await serve({current: respond(200, ATOM_FIXTURE, 'application/atom+xml')});
		const result = await papers(['fetch', '--arxiv', 'cs.LG', '--arxiv-base', server.base, '--json']);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const output = JSON.parse(result.stdout) as JsonOutput;
		expect(output.papers.length).toBeGreaterThan(0);
		expect(output.papers.every((paper) => paper.arxivId !== null)).toBe(true);
		const asked = new URL(server.urls[0]!, server.base);
		expect(asked.pathname).toBe('/api/query');
		expect(asked.searchParams.get('search_query')).toBe('cat:cs.LG');
		expect(asked.searchParams.get('sortBy')).toBe('submittedDate');
	});

	it.each([
		[['fetch', '--date', '2024-13-01'], /--date must be a day as YYYY-MM-DD/],
		[['fetch', '--api-base', 'ftp://example.com'], /--api-base must be an http\(s\) URL/],
		[['fetch', '--arxiv', 'cs LG; rm'], /--arxiv must be an arXiv category/],
		[['fetch', 'file.txt'], /fetch takes no files/],
		[['fetch', '--timeout', 'soon'], /--timeout must be a number of seconds/],
	])('rejects %j with exit 2', async (args, pattern) => {
		home = makeTempHome();
		expectError(await papers(args), pattern);
	});
});

describe.skipIf(tmuxMissingReason !== null)(`papers fetch in a real terminal (${tmuxVersion ?? 'no tmux'})`, {timeout: 60_000}, () => {
	let session: TmuxSession | undefined;
	afterEach(async () => {
		await session?.kill();
		session = undefined;
	});

	function fetchInTmux(args: readonly string[]): Promise<TmuxSession> {
		const command = ['node', relative(REPO_ROOT, CLI_PATH), 'fetch', ...args].map(shellQuote).join(' ');
		return startTmux({width: 120, height: 35, command: `${command}; echo "exit=$?"; sleep 60`, env: {XDG_CONFIG_HOME: home, XDG_CACHE_HOME: join(home, 'cache')}});
	}

	it('shows progress while waiting, then opens the reader on the fetched papers; the cached copy says so in the footer', async () => {
		home = makeTempHome();
		let release: (() => void) | undefined;
		const handler: {current: Handler} = {
			current: (request, response) => {
				release = () => respond(200, API_FIXTURE)(request, response); // answered when the test says
			},
		};
		server = await serve(handler);
		session = await fetchInTmux(['--api-base', server.base, '--date', '2024-10-25']);
		await session.waitFor(/fetching http:\/\/127\.0\.0\.1:\d+\/api\/daily_papers\?date=2024-10-25/, 10_000);
		await expect.poll(() => release !== undefined).toBe(true);
		release!();
		const first = API_ITEMS[0]!.paper.title.split(/\s+/).slice(0, 3).join(' ');
		const opened = await session.waitFor(new RegExp(`^1/${API_ITEMS.length} `, 'm'), 10_000);
		expect(opened).toContain(first);
		expect(opened).not.toMatch(/fetching/);
		await session.sendKeys('q');
		await session.waitFor(/^exit=0$/m, 10_000);
		await session.kill();

		handler.current = respond(503, 'Service Unavailable', 'text/plain');
		session = await fetchInTmux(['--api-base', server.base, '--date', '2024-10-25']);
		const fallback = await session.waitFor(new RegExp(`^1/${API_ITEMS.length} `, 'm'), 10_000);
		expect(fallback).toMatch(/^1\/\d+ using the copy cached \d{4}-\d\d-\d\d \d\d:\d\d UTC: could not fetch/m);
		await session.sendKeys('q');
		await session.waitFor(/^exit=0$/m, 10_000);
	});
});
