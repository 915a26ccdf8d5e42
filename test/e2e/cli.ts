// Runs the built CLI (dist/cli.js) as a real process, with its state in a throw-away directory.
import {spawn} from 'node:child_process';
import {chmodSync, copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, realpathSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {basename, dirname, join, relative, isAbsolute} from 'node:path';
import {fileURLToPath} from 'node:url';

/** The repository root (the CLI runs from here unless told otherwise). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The bundle that `npm run build` writes (PAPERS_E2E_CLI names another build to test). */
export const CLI_PATH = process.env.PAPERS_E2E_CLI ?? join(REPO_ROOT, 'dist', 'cli.js');
/** The listing shipped with papers (63 papers). */
export const FIXTURE = join(REPO_ROOT, 'fixtures', 'hf-daily-papers-page.txt');

/** Throws a clear error when the CLI has not been built. */
export function assertBuilt(): void {
	if (!existsSync(CLI_PATH)) {
		throw new Error(`${CLI_PATH} does not exist: build the CLI first with \`npm run build\` (\`npm test\` builds it for you)`);
	}
}

const TEMP_ROOT = realpathSync(tmpdir());
const tempDirectories: string[] = [];

/** A new empty directory under the system temp directory, removed by removeTempDirs(). */
export function makeTempDir(prefix = 'papers-e2e-'): string {
	const directory = mkdtempSync(join(TEMP_ROOT, prefix));
	tempDirectories.push(directory);
	return directory;
}

/** A fresh directory to use as HOME and XDG_CONFIG_HOME, so the CLI never sees the user's own state. */
export function makeTempHome(): string {
	return makeTempDir('papers-home-');
}

/** Removes every directory made by makeTempDir/makeTempHome so far (call it in afterEach). */
export function removeTempDirs(): void {
	for (const directory of tempDirectories.splice(0)) rmSync(directory, {recursive: true, force: true});
}

// Whatever a test run leaves (an interrupted run skips afterEach) goes when the worker exits.
process.on('exit', removeTempDirs);

/** The built CLI and the bundled listing, where any user can read them (see worldReadableBuild). */
export interface WorldReadableBuild {
	/** The directory holding dist/, fixtures/ and package.json: a working directory for the CLI. */
	root: string;
	/** The CLI, as CLI_PATH. */
	cli: string;
	/** The bundled listing, as FIXTURE. */
	fixture: string;
}

let worldReadable: WorldReadableBuild | undefined;

/** Everything under `path` readable (and directories enterable) by any user; the rest of the mode kept. */
function openToAll(path: string, directory: boolean): void {
	chmodSync(path, directory ? 0o755 : 0o644);
	if (!directory) return;
	for (const entry of readdirSync(path, {withFileTypes: true})) openToAll(join(path, entry.name), entry.isDirectory());
}

/**
 * A copy of the built CLI (its whole directory: the chunks and the fixtures it finds next to it), the
 * fixtures and package.json (Node reads `"type": "module"` there) in a temp directory any user can
 * read, for the tests that run the CLI as another user (nobody, when the tests run as root). The
 * checkout itself may be out of that user's reach: a clone in a `mktemp -d` directory (mode 0700).
 * Made once per test process, removed when it exits.
 */
export function worldReadableBuild(): WorldReadableBuild {
	if (worldReadable !== undefined) return worldReadable;
	assertBuilt();
	const root = mkdtempSync(join(TEMP_ROOT, 'papers-build-'));
	process.on('exit', () => rmSync(root, {recursive: true, force: true}));
	cpSync(dirname(CLI_PATH), join(root, 'dist'), {recursive: true});
	cpSync(join(REPO_ROOT, 'fixtures'), join(root, 'fixtures'), {recursive: true});
	copyFileSync(join(REPO_ROOT, 'package.json'), join(root, 'package.json'));
	openToAll(root, true);
	worldReadable = {root, cli: join(root, 'dist', basename(CLI_PATH)), fixture: join(root, 'fixtures', basename(FIXTURE))};
	return worldReadable;
}

/** Where the CLI keeps read marks and favorites for a given XDG_CONFIG_HOME. */
export function storePath(home: string): string {
	return join(home, 'papers', 'config.json');
}

function insideTempRoot(path: string): boolean {
	const rel = relative(TEMP_ROOT, path);
	return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * The environment for a CLI process: nothing inherited but PATH, a UTF-8 locale, and HOME and
 * XDG_CONFIG_HOME in a temp directory (a fresh one unless `env` names one). `env` entries override;
 * an `undefined` entry removes the variable.
 */
export function cliEnvironment(env: Record<string, string | undefined> = {}): Record<string, string> {
	const home = env.XDG_CONFIG_HOME ?? makeTempHome();
	if (!insideTempRoot(home)) {
		throw new Error(`refusing to run the CLI with XDG_CONFIG_HOME=${home}: use makeTempHome() so the real store is never touched`);
	}
	const merged: Record<string, string | undefined> = {
		PATH: process.env.PATH ?? '/usr/bin:/bin',
		HOME: home,
		LANG: 'C.UTF-8',
		TZ: 'UTC',
		...env,
		XDG_CONFIG_HOME: home,
	};
	return Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** Options of runCli. */
export interface RunOptions {
	/** Written to the CLI's standard input, which is then closed (empty when absent). */
	stdin?: string | Buffer;
	/** Extra environment; XDG_CONFIG_HOME should come from makeTempHome() (a fresh one is made otherwise). */
	env?: Record<string, string | undefined>;
	/** Working directory; the repository root by default. */
	cwd?: string;
	/** Kill the process and fail after this long. */
	timeoutMs?: number;
}

/** What a CLI run produced. */
export interface RunResult {
	stdout: string;
	stderr: string;
	/** The exit code, or null when the process was killed by a signal. */
	code: number | null;
	signal: NodeJS.Signals | null;
}

/** Runs `node dist/cli.js ...args` to completion (stdout and stderr are pipes, not a terminal). */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
	assertBuilt();
	const timeoutMs = options.timeoutMs ?? 30_000;
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CLI_PATH, ...args], {
			cwd: options.cwd ?? REPO_ROOT,
			env: cliEnvironment(options.env),
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		const stdout: Buffer[] = [];
		const stderr: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(
				new Error(
					`papers ${args.join(' ')} did not finish within ${timeoutMs} ms\n` +
						`stdout so far:\n${Buffer.concat(stdout).toString('utf8')}\nstderr so far:\n${Buffer.concat(stderr).toString('utf8')}`,
				),
			);
		}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({
				stdout: Buffer.concat(stdout).toString('utf8'),
				stderr: Buffer.concat(stderr).toString('utf8'),
				code,
				signal,
			});
		});
		// The CLI may exit without reading its input; that is not an error here.
		child.stdin.on('error', () => {});
		child.stdin.end(options.stdin ?? '');
	});
}

/** Reports the process's peak RSS (getrusage's ru_maxrss, KiB) on stderr as it exits. */
const RSS_REPORT = fileURLToPath(new URL('../../bench/rss-report.mjs', import.meta.url));

/** What a measured run produced: as runCli, with the peak resident set size and the wall time. */
export interface MeasuredRun extends RunResult {
	/** Peak resident set size, bytes (its report taken out of stderr). */
	peakRss: number;
	seconds: number;
}

/** Runs `node dist/cli.js ...args` (standard input empty) and measures its peak memory and time. */
export function runMeasured(args: readonly string[], env: Record<string, string | undefined> = {}): Promise<MeasuredRun> {
	assertBuilt();
	const started = performance.now();
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', RSS_REPORT, CLI_PATH, ...args], {
			cwd: REPO_ROOT,
			env: cliEnvironment({XDG_CONFIG_HOME: makeTempHome(), ...env}),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		child.on('error', reject);
		child.on('close', (code, signal) => {
			const reported = /^bench-max-rss-kib: (\d+)$/m.exec(stderr);
			resolve({
				code,
				signal,
				stdout,
				stderr: stderr.replace(/^bench-max-rss-kib: \d+\n/m, ''),
				peakRss: reported === null ? Number.NaN : Number(reported[1]) * 1024,
				seconds: (performance.now() - started) / 1000,
			});
		});
	});
}
