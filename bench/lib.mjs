// Helpers for the benchmarks: whole-process wall time, peak RSS, and a table of the figures.
// A benchmark prints figures; it does not pass or fail on a slow machine. A command that exits
// with an error does stop it, since its figures would mean nothing.
import {spawnSync} from 'node:child_process';
import {closeSync, existsSync, mkdtempSync, openSync, realpathSync, rmSync} from 'node:fs';
import {devNull, tmpdir} from 'node:os';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';

/**
 * A command to time: run as `command ...args`, standard input empty, standard output discarded.
 * @typedef {object} Command
 * @property {string} label
 * @property {string} command
 * @property {string[]} args
 * @property {NodeJS.ProcessEnv} [env]
 */

/**
 * The wall times of one command, in milliseconds.
 * @typedef {object} Row
 * @property {string} label
 * @property {number[]} samples In the order they were taken.
 * @property {number} median
 * @property {number} p95 Nearest-rank 95th percentile (with 15 runs: the slowest).
 * @property {number} min
 * @property {number} max
 */

/**
 * @typedef {object} MeasureOptions
 * @property {number} [runs] Measured runs of each command (default 15).
 * @property {number} [warmup] Unmeasured runs of each command first (default 2).
 */

const STDERR_LIMIT = 64 * 1024 * 1024;
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/**
 * Runs a command once with standard output going to `stdoutFd`; its wall time in milliseconds,
 * from just before the spawn to the process's exit.
 * @param {Command} spec
 * @param {number} stdoutFd
 * @returns {number}
 */
function timeOnce(spec, stdoutFd) {
	const start = performance.now();
	const result = spawnSync(spec.command, spec.args, {stdio: ['ignore', stdoutFd, 'pipe'], env: spec.env, maxBuffer: STDERR_LIMIT});
	const elapsed = performance.now() - start;
	checkResult(spec, result);
	return elapsed;
}

/**
 * @param {Command} spec
 * @param {import('node:child_process').SpawnSyncReturns<Buffer>} result
 */
function checkResult(spec, result) {
	if (result.error) throw new Error(`bench: ${spec.label}: cannot run ${spec.command}: ${result.error.message}`);
	if (result.status !== 0) {
		const why = result.signal ? `killed by ${result.signal}` : `exit code ${result.status}`;
		throw new Error(`bench: ${spec.label}: ${why}\n${result.stderr.toString('utf8').trim()}`);
	}
}

/**
 * Times several commands interleaved (A, B, A, B, ...) so that they share the machine's noise:
 * `warmup` rounds first, unmeasured, then `runs` measured rounds.
 * @param {Command[]} specs
 * @param {MeasureOptions} [options]
 * @returns {Row[]} One row per command, in the order given.
 */
export function measureInterleaved(specs, {runs = 15, warmup = 2} = {}) {
	/** @type {number[][]} */
	const samples = specs.map(() => []);
	const stdoutFd = openSync(devNull, 'w');
	try {
		for (let round = 0; round < warmup; round++) {
			for (const spec of specs) timeOnce(spec, stdoutFd);
		}
		for (let round = 0; round < runs; round++) {
			specs.forEach((spec, index) => samples[index]?.push(timeOnce(spec, stdoutFd)));
		}
	} finally {
		closeSync(stdoutFd);
	}
	return specs.map((spec, index) => summarize(spec.label, samples[index] ?? []));
}

/**
 * Times one command: `warmup` unmeasured runs, then `runs` measured ones.
 * @param {string} label
 * @param {string} command
 * @param {string[]} args
 * @param {MeasureOptions & {env?: NodeJS.ProcessEnv}} [options]
 * @returns {Row}
 */
export function measure(label, command, args, options = {}) {
	const [row] = measureInterleaved([{label, command, args, env: options.env}], options);
	if (row === undefined) throw new Error('bench: measure returned no row');
	return row;
}

/**
 * Median, nearest-rank p95, min and max of the samples.
 * @param {string} label
 * @param {number[]} samples
 * @returns {Row}
 */
export function summarize(label, samples) {
	const sorted = [...samples].sort((a, b) => a - b);
	const at = (/** @type {number} */ index) => sorted[Math.min(sorted.length - 1, Math.max(0, index))] ?? Number.NaN;
	const middle = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
	return {label, samples, median, p95: at(Math.ceil(0.95 * sorted.length) - 1), min: at(0), max: at(sorted.length - 1)};
}

const TIME_COMMAND = '/usr/bin/time';

/**
 * Peak resident set size of a command, in KiB: the largest over `runs` runs (default 1).
 * Uses GNU time (`/usr/bin/time -f %M`) where there is one; otherwise, for a Node.js command, a
 * module preloaded with --import that reports process.resourceUsage().maxRSS at exit; otherwise null.
 * @param {Command} spec
 * @param {{runs?: number}} [options]
 * @returns {{kib: number, method: string} | null}
 */
export function peakRss(spec, {runs = 1} = {}) {
	/** @type {{method: string, command: string, args: string[], read: (stderr: string) => string | undefined}} */
	let how;
	if (process.platform === 'linux' && existsSync(TIME_COMMAND)) {
		how = {method: '/usr/bin/time -f %M', command: TIME_COMMAND, args: ['-f', '%M', spec.command, ...spec.args], read: (stderr) => stderr.trim().split('\n').at(-1)};
	} else if (spec.command === process.execPath) {
		const reporter = new URL('rss-report.mjs', import.meta.url).href;
		how = {
			method: 'process.resourceUsage().maxRSS',
			command: spec.command,
			args: ['--import', reporter, ...spec.args],
			read: (stderr) => /^bench-max-rss-kib: (\d+)$/m.exec(stderr)?.[1],
		};
	} else {
		return null;
	}
	let kib = 0;
	const stdoutFd = openSync(devNull, 'w');
	try {
		for (let run = 0; run < runs; run++) {
			const result = spawnSync(how.command, how.args, {stdio: ['ignore', stdoutFd, 'pipe'], env: spec.env, maxBuffer: STDERR_LIMIT});
			checkResult(spec, result);
			const value = Number(how.read(result.stderr.toString('utf8')));
			if (!Number.isFinite(value) || value <= 0) return null;
			kib = Math.max(kib, value);
		}
	} finally {
		closeSync(stdoutFd);
	}
	return {kib, method: how.method};
}

/**
 * Runs the built CLI with `--json` and a throw-away store (HOME and XDG_CONFIG_HOME in a temporary
 * directory); its JSON output.
 * @param {string[]} args
 * @returns {{papers: Array<{id: string, title: string, abstract: string, authors: string[], arxivId: string | null}>, warnings?: unknown[]}}
 */
export function cliJson(args) {
	const home = mkdtempSync(join(realpathSync(tmpdir()), 'papers-bench-'));
	try {
		const result = spawnSync(process.execPath, [CLI, ...args, '--json'], {
			env: {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, XDG_CONFIG_HOME: home, LANG: 'C.UTF-8', TZ: 'UTC'},
			maxBuffer: 2 ** 31 - 1,
			timeout: 600_000,
		});
		if (result.error) throw result.error;
		if (result.status !== 0) throw new Error(`papers ${args.join(' ')}: exit code ${result.status}: ${result.stderr.toString('utf8').slice(0, 300)}`);
		return JSON.parse(result.stdout.toString('utf8'));
	} finally {
		rmSync(home, {recursive: true, force: true});
	}
}

/** @param {number} ms */
export function formatMs(ms) {
	if (!Number.isFinite(ms)) return '-';
	return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms >= 100 ? 0 : 1)} ms`;
}

/**
 * Prints a table of rows: runs, median, p95, min, and the ratio of the medians to the baseline's.
 * A row with a `note` has it after its figures; a row without samples shows only the note.
 * @param {Array<Row & {note?: string}>} rows
 * @param {{baseline?: string, count?: string, write?: (text: string) => void}} [options] baseline: the label of
 *   the row to divide by; count: the heading of the column of sample counts ("runs").
 */
export function printTable(rows, {baseline, count = 'runs', write = (text) => process.stdout.write(text)} = {}) {
	const base = rows.find((row) => row.label === baseline && row.samples.length > 0);
	const header = ['', count, 'median', 'p95', 'min', base ? `× ${base.label}` : ''];
	const body = rows.map((row) =>
		row.samples.length === 0
			? [row.label]
			: [
					row.label,
					String(row.samples.length),
					formatMs(row.median),
					formatMs(row.p95),
					formatMs(row.min),
					base ? `${(row.median / base.median).toFixed(1)}×` : '',
				],
	);
	const table = [header, ...body];
	const widths = header.map((_, column) => Math.max(...table.map((cells) => (cells[column] ?? '').length)));
	table.forEach((cells, index) => {
		const note = rows[index - 1]?.note;
		let line = cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
		if (note !== undefined) line = `${line.trimEnd()}  ${note}`;
		write(`  ${line.trimEnd()}\n`);
	});
}

/**
 * True when the module at `moduleUrl` (its import.meta.url) is the program node was started with, not
 * an import.
 * @param {string} moduleUrl
 */
export function isMain(moduleUrl) {
	try {
		return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(moduleUrl));
	} catch {
		return false;
	}
}
