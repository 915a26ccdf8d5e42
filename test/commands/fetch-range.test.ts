// The loop of `papers fetch --from --to` with a fake clock and a fake Ctrl-C, against a real HTTP server on
// 127.0.0.1: the pacing (one request a second, start to start), and what an interrupt reports.
import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import type {CommandContext} from '../../src/commands/context.js';
import {EXIT_INTERRUPTED, fetchRangeCommand, resumeCommand} from '../../src/commands/fetch-range.js';
import type {ProgressState} from '../../src/commands/progress-bar.js';
import {respond, startServer, type TestServer} from '../helpers/http-server.js';

let server: TestServer | undefined;
let directory: string;

afterEach(async () => {
	await server?.close();
	server = undefined;
	rmSync(directory, {recursive: true, force: true});
});

/** A context writing into arrays, the library in a temp directory. */
function makeContext(): {context: CommandContext; out: string[]; err: string[]} {
	directory = mkdtempSync(join(tmpdir(), 'papers-range-'));
	const out: string[] = [];
	const err: string[] = [];
	const context = {stdout: (text: string) => out.push(text), stderr: (text: string) => err.push(text), columns: 80, pretty: false, load: {}, store: {}, library: join(directory, 'library')} as unknown as CommandContext;
	return {context, out, err};
}

describe('fetchRangeCommand', () => {
	it('starts a request at most once per interval (start to start) on its clock, and draws the bar for each day', async () => {
		const {context, out} = makeContext();
		let clock = 10_000;
		const starts: number[] = [];
		server = await startServer({
			'/api/daily_papers': (request, response) => {
				starts.push(clock);
				clock += 300; // each request takes 300 ms of the fake clock
				respond(200, '[]')(request, response);
			},
		});
		const sleeps: number[] = [];
		const bars: ProgressState[] = [];
		const code = await fetchRangeCommand({from: '2024-10-21', to: '2024-10-24', apiBase: server.base, json: false}, context, {
			today: '2024-11-01',
			now: () => clock,
			sleep: async (ms) => {
				sleeps.push(ms);
				clock += ms;
			},
			cacheDirectory: join(directory, 'cache'),
			bar: {update: (state) => bars.push(state), clear: () => {}},
			onInterrupt: () => () => {},
		});
		expect(code).toBe(0);
		expect(starts).toEqual([10_000, 11_000, 12_000, 13_000]);
		expect(sleeps).toEqual([700, 700, 700]);
		expect(bars).toEqual([
			{done: 0, total: 4, day: '2024-10-21', etaMs: 4000},
			{done: 1, total: 4, day: '2024-10-22', etaMs: 3000},
			{done: 2, total: 4, day: '2024-10-23', etaMs: 2000},
			{done: 3, total: 4, day: '2024-10-24', etaMs: 1000},
		]);
		expect(out.join('')).toMatch(/^2024-10-21 to 2024-10-24: 0 days fetched \(0 papers\), 4 without papers, 0 skipped/);
		expect(readdirSync(context.library).sort()).toEqual(['hf-daily-2024-10-21.json', 'hf-daily-2024-10-22.json', 'hf-daily-2024-10-23.json', 'hf-daily-2024-10-24.json']);
	});

	it('counts the retry of a failed request as a start: the next day waits the interval after it', async () => {
		const {context} = makeContext();
		let clock = 10_000;
		const starts: Array<[string, number]> = [];
		let failed = false;
		server = await startServer({
			'/api/daily_papers': (request, response) => {
				starts.push([request.url!.slice(-10), clock]);
				clock += 300;
				if (!failed) {
					failed = true;
					return respond(500, 'busy', 'text/plain')(request, response);
				}
				respond(200, '[]')(request, response);
			},
		});
		const sleeps: number[] = [];
		const code = await fetchRangeCommand({from: '2024-10-21', to: '2024-10-22', apiBase: server.base, json: true}, context, {
			today: '2024-11-01',
			now: () => clock,
			sleep: async (ms) => {
				sleeps.push(ms);
				clock += ms;
			},
			cacheDirectory: join(directory, 'cache'),
			bar: {update: () => {}, clear: () => {}},
			onInterrupt: () => () => {},
		});
		expect(code).toBe(0);
		expect(starts).toEqual([
			['2024-10-21', 10_000],
			['2024-10-21', 11_300],
			['2024-10-22', 12_300],
		]);
		expect(sleeps).toEqual([1000, 700]);
	});

	it('a Ctrl-C during a request reports the days kept and the day to resume from, then exits 130', async () => {
		const {context, out, err} = makeContext();
		let interrupt: (() => void) | undefined;
		const exits: number[] = [];
		server = await startServer({
			'/api/daily_papers': (request, response) => {
				if (request.url?.endsWith('2024-10-23') === true) {
					interrupt!();
					return; // never answered: the run has ended
				}
				respond(200, '[]')(request, response);
			},
		});
		const run = fetchRangeCommand({from: '2024-10-21', to: '2024-10-25', apiBase: server.base, timeoutMs: 500, json: true}, context, {
			today: '2024-11-01',
			intervalMs: 0,
			cacheDirectory: join(directory, 'cache'),
			bar: {update: () => {}, clear: () => {}},
			onInterrupt: (stop) => ((interrupt = stop), () => (interrupt = undefined)),
			exit: (code) => void exits.push(code),
		});
		await expect.poll(() => exits).toEqual([EXIT_INTERRUPTED]);
		expect(err.join('')).toBe(`papers: interrupted (the days fetched are kept); resume with: papers fetch --from 2024-10-23 --to 2024-10-25 --api-base ${server.base}\n`);
		expect(JSON.parse(out.join(''))).toMatchObject({complete: false, empty: 2, left: 3, resume: `papers fetch --from 2024-10-23 --to 2024-10-25 --api-base ${server.base}`});
		await run.catch(() => {}); // the fake exit does not end the run: it times out on the day never answered
	});

	it('resumeCommand leaves out the default server', () => {
		expect(resumeCommand('2024-10-23', '2024-10-25', undefined)).toBe('papers fetch --from 2024-10-23 --to 2024-10-25');
		expect(resumeCommand('2024-10-23', '2024-10-25', 'https://huggingface.co')).toBe('papers fetch --from 2024-10-23 --to 2024-10-25');
		expect(resumeCommand('2024-10-23', '2024-10-25', 'http://127.0.0.1:8080')).toBe('papers fetch --from 2024-10-23 --to 2024-10-25 --api-base http://127.0.0.1:8080');
	});
});
