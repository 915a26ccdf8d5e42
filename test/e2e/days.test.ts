// Days in the reader, through the built CLI in tmux: a library of Daily Papers in a temporary
// XDG_DATA_HOME, "N new" in the header, `[` and `]` between its days, and `]` past the newest day
// fetching the next one from a real HTTP server on 127.0.0.1 while keys keep working; with the server
// gone, the footer says the reader is offline.
import {existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {parseHfApi} from '../../src/listing/hf-api.js';
import {hang, startServer, type TestServer} from '../helpers/http-server.js';
import {assertBuilt, CLI_PATH, makeTempHome, removeTempDirs, REPO_ROOT} from './cli.js';
import {shellQuote, startTmux, tmuxMissingReason, type TmuxSession} from './tmux.js';

const CLI = `node ${shellQuote(relative(REPO_ROOT, CLI_PATH))}`;
const WAIT_MS = 30_000;
const ITEMS = JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures', 'hf-api-daily-papers.json'), 'utf8')) as Array<Record<string, unknown> & {paper: Record<string, unknown>}>;

/** A day's Daily Papers answer: the fixture's first items, retitled and renumbered for the day. */
function dailyPapers(day: string, count: number, label = 'Paper'): string {
	const items = ITEMS.slice(0, count).map((item, index) => {
		const title = `${label} ${day} number ${index}`;
		return {...item, title, publishedAt: `${day}T08:00:00.000Z`, paper: {...item.paper, id: `${day.slice(2, 4)}${day.slice(5, 7)}.${day.slice(8)}${index}00`, title}};
	});
	return JSON.stringify(items);
}

const papersIn = (body: string) => parseHfApi(body, {source: 'test'}).papers.length;

interface Setup {
	home: string;
	library: string;
	env: Record<string, string>;
	/** Papers in each day's file, oldest first. */
	counts: number[];
}

/** A home with a library of three days of Daily Papers, the newest written last. */
function makeLibrary(days = ['2024-10-22', '2024-10-23', '2024-10-24']): Setup {
	const home = makeTempHome();
	const library = join(home, 'data', 'papers', 'library');
	mkdirSync(library, {recursive: true});
	const counts = days.map((day, index) => {
		const body = dailyPapers(day, 3 + index);
		const file = join(library, `hf-daily-${day}.json`);
		writeFileSync(file, body);
		const at = new Date(Date.now() - (days.length - index) * 3_600_000);
		utimesSync(file, at, at);
		return papersIn(body);
	});
	const env = {XDG_CONFIG_HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_STATE_HOME: join(home, 'state'), XDG_CACHE_HOME: join(home, 'cache')};
	return {home, library, env, counts};
}

const header = (screen: string) => screen.split('\n')[0] ?? '';
/** The footer: the last line with text (the pane may have blank lines under the frame). */
const footer = (screen: string) => screen.trimEnd().split('\n').at(-1) ?? '';

if (tmuxMissingReason !== null) console.warn(`Skipping the reader's days end-to-end tests: ${tmuxMissingReason}`);

describe.skipIf(tmuxMissingReason !== null)('days in the reader, in a terminal', {timeout: 120_000}, () => {
	let tmux: TmuxSession | undefined;
	let server: TestServer | undefined;

	beforeAll(() => {
		assertBuilt();
	});

	afterEach(async () => {
		await tmux?.kill();
		tmux = undefined;
		await server?.close();
		server = undefined;
		removeTempDirs();
	});

	async function open(setup: Setup, size: {width: number; height: number}, args = ''): Promise<TmuxSession> {
		tmux = await startTmux({width: size.width, height: size.height, command: `${CLI} ${args}`, env: setup.env});
		await tmux.waitFor((screen) => /^\d+\/\d+/.test(footer(screen)), WAIT_MS);
		await tmux.waitForRawMode(WAIT_MS);
		return tmux;
	}

	it('at 120x35: N new; ] past the newest day fetches it in the background while keys keep working; offline says so', async () => {
		const setup = makeLibrary();
		const total = setup.counts.reduce((sum, count) => sum + count, 0);
		const served = dailyPapers('2024-10-25', 4, 'Served');
		let answer: () => void = () => {};
		server = await startServer({
			'/api/daily_papers': (request, response) => {
				// Answers when the test says so: the reader must take keys meanwhile.
				answer = () => {
					response.writeHead(200, {'content-type': 'application/json'});
					response.end(served);
				};
			},
		});
		const session = await open(setup, {width: 120, height: 35}, `--api-base ${server.base}`);
		// The first session: every paper is new; the session's time is kept.
		let screen = await session.waitFor((text) => header(text).includes(`${total} new`), WAIT_MS);
		expect(existsSync(join(setup.home, 'state', 'papers', 'last-session'))).toBe(true);
		await session.sendKeys(']');
		screen = await session.waitFor((text) => header(text).includes('day 2024-10-24'), WAIT_MS);
		expect(header(screen)).toContain(`All ${setup.counts[2]}`);
		await session.sendKeys('[');
		screen = await session.waitFor((text) => header(text).includes('day 2024-10-23'), WAIT_MS);
		expect(screen).toContain('Paper 2024-10-23 number 0');
		expect(screen).not.toContain('Paper 2024-10-24');
		await session.sendKeys(']', ']');
		screen = await session.waitFor((text) => header(text).includes('day 2024-10-25') && footer(text).includes('fetching 2024-10-25'), WAIT_MS);
		// Keys keep working while the day is fetched.
		await session.sendKeys('[');
		screen = await session.waitFor((text) => header(text).includes('day 2024-10-24') && footer(text).includes('fetching'), WAIT_MS);
		await session.sendKeys('j', 'j');
		screen = await session.waitFor((text) => /^3\/\d+/.test(footer(text)), WAIT_MS);
		await session.sendKeys('k');
		screen = await session.waitFor((text) => /^2\/\d+/.test(footer(text)), WAIT_MS);
		expect(footer(screen)).toContain('fetching');
		await session.sendKeys(']');
		await session.waitFor((text) => header(text).includes('day 2024-10-25'), WAIT_MS);
		expect(server.hits.get('/api/daily_papers')).toBe(1);
		expect(server.urls[0]).toContain('date=2024-10-25');
		answer();
		screen = await session.waitFor((text) => text.includes('Served 2024-10-25 number 0'), WAIT_MS);
		expect(header(screen)).toContain(`All ${papersIn(served)}`);
		expect(footer(screen)).not.toContain('fetching');
		expect(readFileSync(join(setup.library, 'hf-daily-2024-10-25.json'), 'utf8')).toBe(served);
		// The server gone: the next day is not fetched, the footer says why, and keys still work.
		await server.close();
		server = undefined;
		await session.sendKeys(']');
		screen = await session.waitFor((text) => footer(text).includes('offline'), WAIT_MS);
		expect(header(screen)).toContain('day 2024-10-26');
		await session.sendKeys('0');
		screen = await session.waitFor((text) => !header(text).includes('day '), WAIT_MS);
		expect(header(screen)).toContain(`All ${total + papersIn(served)}`);
		await session.sendKeys('q');
		expect(await session.waitForExit(WAIT_MS)).toBe(0);
	});

	it('at 60x16: only the papers written since the last session are new; [ before the oldest day, offline, says so', async () => {
		const setup = makeLibrary();
		// The last session was between the second and the third file.
		mkdirSync(join(setup.home, 'state', 'papers'), {recursive: true});
		writeFileSync(join(setup.home, 'state', 'papers', 'last-session'), `${Date.now() - 90 * 60_000}\n`);
		// A port nothing listens on: a server started and stopped.
		const gone = await startServer({});
		await gone.close();
		const session = await open(setup, {width: 60, height: 16}, `--api-base ${gone.base}`);
		let screen = await session.waitFor((text) => header(text).includes(`${setup.counts[2]} new`), WAIT_MS);
		await session.sendKeys(']', '[', '[');
		screen = await session.waitFor((text) => header(text).includes('2024-10-22'), WAIT_MS);
		expect(screen).toContain('Paper 2024-10-22 number 0');
		await session.sendKeys('[');
		screen = await session.waitFor((text) => footer(text).includes('offline'), WAIT_MS);
		expect(header(screen)).toContain('2024-10-21');
		for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
		await session.sendKeys('0', 'q');
		expect(await session.waitForExit(WAIT_MS)).toBe(0);
		// The next session: nothing new.
		const again = await open(setup, {width: 60, height: 16});
		screen = await again.capture();
		expect(header(screen)).not.toContain(' new');
	});

	it('quits at once while a fetch is under way (a server that never answers)', async () => {
		const setup = makeLibrary();
		server = await startServer({'/api/daily_papers': hang});
		const session = await open(setup, {width: 120, height: 35}, `--api-base ${server.base}`);
		await session.sendKeys(']', ']');
		await session.waitFor((text) => footer(text).includes('fetching 2024-10-25'), WAIT_MS);
		await session.sendKeys('q');
		expect(await session.waitForExit(5000)).toBe(0);
		expect(existsSync(join(setup.library, 'hf-daily-2024-10-25.json'))).toBe(false);
	});

	it('on an empty library: the bundled listing, with the start message in the footer', async () => {
		const setup = makeLibrary([]);
		const session = await open(setup, {width: 120, height: 35});
		const screen = await session.waitFor((text) => footer(text).includes('sample listing'), WAIT_MS);
		expect(footer(screen)).toContain('papers fetch');
	});
});
