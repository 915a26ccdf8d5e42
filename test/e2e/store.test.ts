// The store under real processes: several CLIs and readers writing one store at once, `kill -9` in the
// middle of writes, corrupt stores and a read-only config directory. No mocks: the built CLI, its files.
import {spawn, spawnSync} from 'node:child_process';
import {chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import type {Mark} from '../../src/state/marks.js';
import {parseStore} from '../../src/state/store-format.js';
import {assertBuilt, CLI_PATH, cliEnvironment, FIXTURE, makeTempHome, removeTempDirs, REPO_ROOT, runCli, storePath, worldReadableBuild, type RunResult, type WorldReadableBuild} from './cli.js';
import {startTmux, tmuxMissingReason, tmuxVersion, type TmuxSession} from './tmux.js';

interface JsonPaper {
	id: string;
	title: string;
	read: boolean;
	favorite: boolean;
}

let fixture: JsonPaper[];

beforeAll(async () => {
	assertBuilt();
	const parsed = await runCli(['list', FIXTURE, '--json'], {env: {XDG_CONFIG_HOME: makeTempHome()}});
	expect(parsed.code).toBe(0);
	fixture = (JSON.parse(parsed.stdout) as {papers: JsonPaper[]}).papers;
	expect(fixture).toHaveLength(63);
});

afterEach(() => {
	removeTempDirs();
});

/** The marks in the store file, which must be a valid store. */
function storedMarks(home: string): Record<string, Mark> {
	const parsed = parseStore(readFileSync(storePath(home)));
	if (!parsed.ok) throw new Error(`${storePath(home)}: ${parsed.problem}`);
	return Object.fromEntries(parsed.marks);
}

/** Twelve-hex-digit ids that are not in any listing: `papers mark` takes any id. */
function fakeIds(prefix: number, count: number): string[] {
	return Array.from({length: count}, (_, index) => `${prefix.toString(16).padStart(4, '0')}${index.toString(16).padStart(8, '0')}`);
}

/** Files in the store directory other than the store itself (temp files, locks, moved-aside stores). */
function leftovers(home: string): string[] {
	return readdirSync(dirname(storePath(home))).filter((name) => name !== 'config.json');
}

describe('several processes writing one store', {timeout: 120_000}, () => {
	it('four CLIs marking concurrently, 300 marks in 100 writes: none lost, nothing left behind', async () => {
		const home = makeTempHome();
		const workers = 4;
		const writesPerWorker = 25;
		const idsPerWrite = 3;
		const expected: string[] = [];
		const work = Array.from({length: workers}, async (_, worker) => {
			const ids = fakeIds(worker + 1, writesPerWorker * idsPerWrite);
			expected.push(...ids);
			for (let write = 0; write < writesPerWorker; write++) {
				const flag = write % 2 === 0 ? '--read' : '--favorite';
				const result = await runCli(['mark', flag, ...ids.slice(write * idsPerWrite, (write + 1) * idsPerWrite)], {env: {XDG_CONFIG_HOME: home}});
				expect(result.stderr).toBe('');
				expect(result.code).toBe(0);
			}
		});
		await Promise.all(work);
		const marks = storedMarks(home);
		expect(expected).toHaveLength(300);
		const lost = expected.filter((id) => marks[id] === undefined || !(marks[id].read || marks[id].favorite));
		expect(lost).toEqual([]);
		expect(Object.keys(marks)).toHaveLength(300);
		expect(leftovers(home)).toEqual([]);
	});

	it('kill -9 at random moments of 40 writes to a large store never leaves it unreadable or loses a finished write', async () => {
		const home = makeTempHome();
		mkdirSync(dirname(storePath(home)), {recursive: true});
		// 20,000 marks (~2 MB): each write takes long enough to be hit in the middle.
		const base = fakeIds(0xffff, 20_000);
		const marks: Record<string, Mark> = {};
		for (const id of base) marks[id] = {read: true, readAt: 1, favorite: false, favoriteAt: 0};
		writeFileSync(storePath(home), JSON.stringify({marks}), {mode: 0o600});
		// How long one whole `mark` takes here: the kills are spread over that, most of them before its end.
		const started = performance.now();
		expect((await runCli(['mark', '--read', fakeIds(0xfffe, 1)[0]!], {env: {XDG_CONFIG_HOME: home}})).code).toBe(0);
		const whole = performance.now() - started;
		const finished: string[] = [fakeIds(0xfffe, 1)[0]!];
		let killedMidway = 0;
		for (let round = 0; round < 40; round++) {
			const ids = fakeIds(round + 1, 2);
			const child = spawn(process.execPath, [CLI_PATH, 'mark', '--favorite', ...ids], {cwd: REPO_ROOT, env: cliEnvironment({XDG_CONFIG_HOME: home}), stdio: 'ignore'});
			const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
			// The write comes at the end of the run: kill anywhere from 40% to 110% of a whole run.
			await new Promise((resolve) => setTimeout(resolve, whole * (0.4 + Math.random() * 0.7)));
			child.kill('SIGKILL');
			const code = await exited;
			if (code === 0) finished.push(...ids);
			else killedMidway++;
			// Whatever the moment, the store reads as a store holding every mark written before.
			const now = storedMarks(home);
			for (const id of base) expect(now[id]?.read, id).toBe(true);
			for (const id of finished.slice(1)) expect(now[id]?.favorite, id).toBe(true);
			expect(now[finished[0]!]?.read).toBe(true);
		}
		expect(killedMidway, 'no process was killed before it finished: the test proves nothing').toBeGreaterThan(5);
		// The next write cleans up what the killed ones left (a lock file, temporary files).
		const after = await runCli(['mark', '--read', fakeIds(0xabcd, 1)[0]!], {env: {XDG_CONFIG_HOME: home}});
		expect(after).toMatchObject({code: 0, stderr: ''});
		expect(leftovers(home)).toEqual([]);
		// Every finished write is there; a process killed after its write but before it exited adds its marks too.
		const count = Object.keys(storedMarks(home)).length;
		expect(count).toBeGreaterThanOrEqual(base.length + finished.length + 1);
		expect(count).toBeLessThanOrEqual(base.length + 1 + 40 * 2 + 1);
		expect(killedMidway + (finished.length - 1) / 2).toBe(40); // two ids a round
	});
});

describe('a corrupt store', {timeout: 60_000}, () => {
	it.each([
		['invalid JSON', `{"marks": {"0123456789ab": {"read": true,\n`],
		['nothing at all', ''],
		['a byte order mark', '\uFEFF{"marks": {}}\n'],
		['the wrong shape', '[]\n'],
	])('holding %s is moved aside with a warning naming both files; list and mark go on', async (_what, content) => {
		const home = makeTempHome();
		const store = storePath(home);
		mkdirSync(dirname(store), {recursive: true});
		writeFileSync(store, content);
		const listed = await runCli(['list', FIXTURE, '--json'], {env: {XDG_CONFIG_HOME: home}});
		expect(listed.code).toBe(0);
		expect(JSON.parse(listed.stdout)).toMatchObject({papers: expect.any(Array)});
		const asides = leftovers(home);
		expect(asides).toHaveLength(1);
		expect(asides[0]).toMatch(/^config\.json\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z$/);
		const aside = join(dirname(store), asides[0]!);
		expect(readFileSync(aside, 'utf8')).toBe(content);
		expect(listed.stderr).toMatch(/^papers: [^\n]+\n$/);
		expect(listed.stderr).toContain(store);
		expect(listed.stderr).toContain(aside);
		expect(listed.stderr).not.toMatch(/^\s*at /m);

		const marked = await runCli(['mark', '--read', fixture[0]!.id], {env: {XDG_CONFIG_HOME: home}});
		expect(marked).toMatchObject({code: 0, stderr: ''});
		expect(storedMarks(home)[fixture[0]!.id]?.read).toBe(true);
		expect(readFileSync(aside, 'utf8')).toBe(content);
	});
});

/** How to run a process as a user who cannot write a directory root can write: nobody, when we are root. */
const asNobody = process.getuid?.() === 0;

/** The CLI, a working directory and the bundled listing for a run as nobody: a copy any user can read (the checkout may be private). */
function buildFor(nobody: boolean): WorldReadableBuild {
	return nobody ? worldReadableBuild() : {root: REPO_ROOT, cli: CLI_PATH, fixture: FIXTURE};
}

describe('a read-only config directory', {timeout: 60_000}, () => {
	/** A store directory holding one read mark, then made read-only (and owned by nobody when root). */
	function readOnlyHome(): string {
		const home = makeTempHome();
		const directory = dirname(storePath(home));
		mkdirSync(directory, {recursive: true});
		writeFileSync(storePath(home), JSON.stringify({marks: {[fixture[0]!.id]: {read: true, readAt: 1, favorite: false, favoriteAt: 0}}}), {mode: 0o600});
		if (asNobody) {
			for (const path of [home, directory, storePath(home)]) chownSync(path, 65534, 65534);
		}
		chmodSync(directory, 0o555);
		return home;
	}

	function runAsUser(args: readonly string[], home: string): RunResult {
		const build = buildFor(asNobody);
		const result = spawnSync(process.execPath, [build.cli, ...args], {
			cwd: build.root,
			env: cliEnvironment({XDG_CONFIG_HOME: home}),
			encoding: 'utf8',
			timeout: 30_000,
			...(asNobody ? {uid: 65534, gid: 65534} : {}),
		});
		return {stdout: result.stdout, stderr: result.stderr, code: result.status, signal: result.signal};
	}

	it('list reads it; mark says once that it cannot save, exit 2; the store is untouched', () => {
		const home = readOnlyHome();
		const before = readFileSync(storePath(home), 'utf8');
		const listed = runAsUser(['list', buildFor(asNobody).fixture, '--read', '--json'], home);
		expect(listed.stderr).toBe('');
		expect(listed.code).toBe(0);
		expect((JSON.parse(listed.stdout) as {papers: JsonPaper[]}).papers.map((paper) => paper.id)).toEqual([fixture[0]!.id]);

		const marked = runAsUser(['mark', '--read', fixture[1]!.id, fixture[2]!.id], home);
		expect(marked.code).toBe(2);
		const lines = marked.stderr.trimEnd().split('\n');
		expect(lines.filter((line) => line.includes('kept for this session only'))).toHaveLength(1);
		expect(marked.stderr).toContain(storePath(home));
		expect(marked.stderr).not.toMatch(/^\s*at /m);
		expect(readFileSync(storePath(home), 'utf8')).toBe(before);
		expect(leftovers(home)).toEqual([]);
	});
});

describe('a config directory that cannot be entered', {timeout: 60_000}, () => {
	it('without papers/ yet: mark says the store cannot be read or created, permission denied; exit 2', () => {
		const home = makeTempHome();
		if (asNobody) chownSync(home, 65534, 65534);
		chmodSync(home, 0o000);
		const build = buildFor(asNobody);
		const result = spawnSync(process.execPath, [build.cli, 'mark', '--read', fixture[0]!.id], {
			cwd: build.root,
			env: cliEnvironment({XDG_CONFIG_HOME: home}),
			encoding: 'utf8',
			timeout: 30_000,
			...(asNobody ? {uid: 65534, gid: 65534} : {}),
		});
		chmodSync(home, 0o700);
		expect(result.status).toBe(2);
		const warnings = result.stderr.split('\n').filter((line) => line.includes('kept for this session only'));
		expect(warnings).toEqual([`papers: ${storePath(home)}: cannot be read or created, permission denied (EACCES); marks are kept for this session only`]);
		expect(result.stderr).not.toMatch(/^\s*at /m);
	});
});

describe('the store on disk', {timeout: 60_000}, () => {
	it('is compact JSON (no indentation), holding the marks', () => {
		const home = makeTempHome();
		const result = spawnSync(process.execPath, [CLI_PATH, 'mark', '--read', fixture[0]!.id, fixture[1]!.id], {cwd: REPO_ROOT, env: cliEnvironment({XDG_CONFIG_HOME: home}), encoding: 'utf8', timeout: 30_000});
		expect(result.status).toBe(0);
		const text = readFileSync(storePath(home), 'utf8');
		expect(text).not.toMatch(/\n\s/);
		expect(Object.keys((JSON.parse(text) as {marks: Record<string, unknown>}).marks).sort()).toEqual([fixture[0]!.id, fixture[1]!.id].sort());
	});
});

describe.skipIf(tmuxMissingReason !== null)(`readers in real terminals (${tmuxVersion ?? 'no tmux'})`, {timeout: 120_000}, () => {
	const sessions: TmuxSession[] = [];
	afterEach(async () => {
		for (const session of sessions.splice(0)) await session.kill();
	});

	async function reader(home: string, user: 'self' | 'nobody' = 'self'): Promise<TmuxSession> {
		const build = buildFor(user === 'nobody');
		const command = [...(user === 'nobody' ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : []), process.execPath, build.cli, build.fixture];
		const session = await startTmux({width: 120, height: 35, command, env: {XDG_CONFIG_HOME: home}, cwd: build.root});
		sessions.push(session);
		await session.waitFor(/^1\/63 /m, 15_000);
		return session;
	}

	const unread = (count: number) => new RegExp(`2 Unread ${count} `);

	it('two readers on one store each mark papers; each sees the other’s marks without a key; none lost', async () => {
		const home = makeTempHome();
		const first = await reader(home);
		const second = await reader(home);
		await new Promise((resolve) => setTimeout(resolve, 100)); // both watch the store
		await first.sendKeys('r'); // marks paper 1, moves to paper 2
		await second.waitFor(unread(62), 5000);
		await second.sendKeys('G', 'r'); // the last paper
		await first.waitFor(unread(61), 5000);
		await first.sendKeys('f'); // paper 2 a favorite
		await second.waitFor(/3 Favorites 1 /, 5000);
		await first.sendKeys('q');
		await second.sendKeys('q');
		expect(await first.waitForExit(10_000)).toBe(0);
		expect(await second.waitForExit(10_000)).toBe(0);
		const marks = storedMarks(home);
		expect(marks[fixture[0]!.id]?.read).toBe(true);
		expect(marks[fixture[62]!.id]?.read).toBe(true);
		expect(marks[fixture[1]!.id]?.favorite).toBe(true);
		expect(Object.keys(marks)).toHaveLength(3);
	});

	it.skipIf(!asNobody || !existsSync('/usr/bin/setpriv'))('in a read-only config directory the reader warns once in the footer and keeps marks in memory', async () => {
		const home = makeTempHome();
		const directory = dirname(storePath(home));
		mkdirSync(directory, {recursive: true});
		for (const path of [home, directory]) chownSync(path, 65534, 65534);
		chmodSync(directory, 0o555);
		const session = await reader(home, 'nobody');
		await session.sendKeys('r');
		const warned = await session.waitFor(/kept for this session only/, 5000);
		expect(warned).toMatch(unread(62));
		await session.sendKeys('r', 'r');
		await session.waitFor(unread(60), 5000);
		await session.sendKeys('q');
		expect(await session.waitForExit(10_000)).toBe(0);
		// After the reader, the warning is printed once more on the main screen, once.
		const after = await session.capture({history: true, joinWrapped: true});
		expect(after.match(/kept for this session only/g), after).toHaveLength(1);
		expect(existsSync(storePath(home))).toBe(false);
		expect(readdirSync(directory)).toEqual([]);
	});
});
