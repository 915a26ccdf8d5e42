// The reader benchmarks: the built CLI's interactive reader (`node dist/cli.js FILE`) in a real terminal,
// a tmux pane of 120x35 (terminal.mjs), driven by keys the way a person would and measured from outside.
//
//   reader-start   first frame, from process start, against a bare node start in the same pane
//   reader-typing  keystroke to echo in the filter box, last keystroke to final results, peak RSS after
//                  the search, CPU while idle; typing once the whole listing is on screen, and (at 10,000
//                  and 100,000 papers) from the first frame on, while the rest of the listing is read
//
// Listings: the fixture (63 papers) and generated ones of 10,000 and 100,000 papers (bench/out/, reused).
// Every wait has a time limit; what runs out of time is printed as "timed out after N s", never thrown.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, realpathSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {formatMs, printTable, summarize} from './lib.mjs';
import {ensureListing, FIXTURE, FIXTURE_COUNT} from './listings.mjs';
import {clockTicks, cpuMs, peakRssKib, sleep, Terminal, tmuxProblem} from './terminal.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const NODE = process.execPath;
const SIZE = {width: 120, height: 35};
/** Between two typed characters: a quick typist, who does not wait for the screen. */
const KEY_GAP_MS = 80;
/** The screen must stay unchanged this long before results count as final. */
const SETTLE_MS = 500;
/** CPU while idle: measured over this long, starting IDLE_AFTER_MS after the first frame. */
const IDLE_MS = 3000;
const IDLE_AFTER_MS = 500;
/** Idle CPU counts as ~0 up to this share of one core (100 Hz clock ticks: 30 ms in 3 s is 3 ticks). */
const IDLE_GOAL_SHARE = 0.01;
/**
 * Typed at 63 and 10,000 papers: common words (thousands of results at 10,000 papers), then misremembered
 * titles, a real title's words with one that no paper has ("go wider instead of taller" for "Go Wider
 * Instead of Deeper": 0, 49 and 556 results at 63, 10,000 and 100,000 papers, typo-tolerant matches of
 * "taller"; "grokking in relu orchards" from "Benign Overfitting and Grokking in ReLU Networks for XOR
 * Cluster Data": no results). Short enough for the filter box to show whole beside "searching…" and the
 * counts of a listing still being read.
 */
const QUERIES = ['language model', 'reinforcement learning', 'go wider instead of taller', 'grokking in relu orchards'];
/** Typed at 100,000 papers, once each in each mode: a common query and the one no paper matches. */
const BIG_QUERIES = ['language model', 'grokking in relu orchards'];
const BASELINE_LABEL = 'node -e "write(…)"';
const INK_HELLO_LABEL = 'Ink "hello", bundled';
const INK_HELLO_TEXT = 'hello from ink';
const BASELINE_TEXT = 'bench: node is running';
const CTRL_C = '\u0003';
/** BENCH_VERBOSE=1: every run's figures on standard error. */
const VERBOSE = process.env.BENCH_VERBOSE === '1';
const ESC = '\u001b';
const ANSI = new RegExp(`${ESC}\\[[0-9;:?]*[A-Za-z]|${ESC}\\][^\\u0007${ESC}]*(?:\\u0007|${ESC}\\\\)`, 'g');
const INVERSE_ON = new RegExp(`${ESC}\\[(?:[0-9;]*;)?7(?:;[0-9;]*)?m`);

/** @param {string} text */
const print = (text) => process.stdout.write(text);

/**
 * @typedef {object} Context
 * @property {number} runs
 * @property {number} warmup
 */

/**
 * A listing to open, with what to expect of it.
 * @typedef {object} Size
 * @property {number} count
 * @property {string} file
 * @property {number} bytes
 * @property {string} label "63 papers"
 */

/** @param {number} value */
const grouped = (value) => value.toLocaleString('en-US');

/** @param {number} bytes */
const megabytes = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

/** @param {string} text */
const stripAnsi = (text) => text.replace(ANSI, '');

/** @param {string} file */
function relative(file) {
	return file.startsWith(ROOT) ? file.slice(ROOT.length) : file;
}

/** @param {boolean} met */
const verdict = (met) => (met ? 'met' : 'not met');

/** @param {number} ms */
const timedOut = (ms) => `timed out after ${Math.round(ms / 1000)} s`;

/**
 * The listings, generated where needed; says which on standard output.
 * @param {number[]} counts
 * @returns {Size[]}
 */
function listings(counts) {
	return counts.map((count) => {
		if (count === FIXTURE_COUNT) {
			const bytes = statSync(FIXTURE).size;
			print(`  listing   ${relative(FIXTURE)}: ${megabytes(bytes)}, ${count} papers (the fixture)\n`);
			return {count, file: FIXTURE, bytes, label: `${count} papers`};
		}
		const started = performance.now();
		const listing = ensureListing(count, {seed: 1});
		const how = listing.reused ? 'reused' : `generated in ${formatMs(performance.now() - started)}`;
		print(`  listing   ${relative(listing.file)}: ${megabytes(listing.bytes)}, ${grouped(count)} papers (${how})\n`);
		return {count, file: listing.file, bytes: listing.bytes, label: `${grouped(count)} papers`};
	});
}

/**
 * The reader's first frame: the header's view counts and the footer's position, whatever the counts
 * (a large listing opens on its first papers while the rest is read).
 * @param {string[]} lines
 */
export const firstPapers = (lines) => /^ 1 All \d+/.test(lines[0] ?? '') && lines.some((line) => /^1\/\d+(?: |$)/.test(line));

/**
 * The reader's first full frame for `count` papers: the header's view counts and the footer's position.
 * @param {number} count
 * @returns {(lines: string[]) => boolean}
 */
export function fullFrame(count) {
	const footer = new RegExp(`^1/${count}(?: |$)`);
	return (lines) => (lines[0] ?? '').startsWith(` 1 All ${count} `) && lines.some((line) => footer.test(line));
}

/**
 * What the header's filter box holds, from a line captured with escapes: the text between the "/" and
 * the inverse-video cursor (so a typed space shows); null when the box is not open.
 * @param {string | undefined} line
 * @returns {string | null}
 */
export function filterBoxText(line) {
	if (line === undefined) return null;
	const sort = line.indexOf('sort: ');
	if (sort === -1) return null;
	const slash = line.indexOf('/', sort); // the sort label and escape sequences hold no "/"
	if (slash === -1) return null;
	const rest = line.slice(slash + 1);
	const cursor = INVERSE_ON.exec(rest);
	return cursor ? stripAnsi(rest.slice(0, cursor.index)) : stripAnsi(rest).trimEnd();
}

/**
 * The footer's "position/total": the total, or null when no footer shows.
 * @param {string[]} lines
 * @returns {number | null}
 */
export function footerTotal(lines) {
	for (let index = lines.length - 1; index >= 0; index--) {
		const match = /^(\d+)\/(\d+)(?: |$)/.exec(stripAnsi(lines[index] ?? ''));
		if (match) return Number(match[2]);
	}
	return null;
}

/**
 * The last lines of a screen with something on them, for a message.
 * @param {string[]} lines
 */
function lastWords(lines) {
	const text = lines
		.map((line) => stripAnsi(line).trim())
		.filter((line) => line !== '')
		.slice(-2)
		.join(' / ');
	return text === '' ? '(empty screen)' : text.slice(0, 160);
}

// ---------------------------------------------------------------------------------------------------
// First frame

/**
 * @typedef {object} StartSpec
 * @property {string} label
 * @property {number} count Papers (0: the baseline).
 * @property {string[]} argv
 * @property {(lines: string[]) => boolean} ready The first frame.
 * @property {((lines: string[]) => boolean) | undefined} complete The whole listing on screen, when it comes later.
 * @property {string | undefined} quitKeys
 * @property {number} timeoutMs
 * @property {number[]} samples
 * @property {number[]} completeSamples
 * @property {string | undefined} failure
 */

/**
 * Starts `spec` in the pane once: its time to the first frame and to the whole listing on screen, or
 * why there is none.
 * @param {Terminal} terminal
 * @param {StartSpec} spec
 * @returns {Promise<{first: number, complete: number | null} | string>}
 */
async function firstFrame(terminal, spec) {
	const from = await terminal.spawn(spec.argv);
	const result = await terminal.waitFor(({lines}) => spec.ready(lines), {timeoutMs: spec.timeoutMs, from});
	let complete = null;
	if (result.ok && spec.complete !== undefined) {
		const whole = spec.complete(result.screen.lines) ? result : await terminal.waitFor(({lines}) => spec.complete?.(lines) === true, {timeoutMs: spec.timeoutMs, from: result.screen});
		if (!whole.ok) {
			await terminal.stop({quitKeys: spec.quitKeys, graceMs: 2000});
			return whole.dead ? `exited before the whole listing showed: ${lastWords(whole.screen.lines)}` : `whole listing ${timedOut(spec.timeoutMs)}`;
		}
		complete = whole.screen.at - from.at;
	}
	await terminal.stop({quitKeys: spec.quitKeys, graceMs: result.ok ? 10_000 : 2000});
	if (result.ok) return {first: result.screen.at - from.at, complete};
	return result.dead ? `exited before the first frame: ${lastWords(result.screen.lines)}` : timedOut(spec.timeoutMs);
}

/**
 * Runs specs interleaved (A, B, C, A, B, C, ...): `warmup` rounds unmeasured, then `runs` rounds.
 * A spec that fails is not run again.
 * @param {Terminal} terminal
 * @param {StartSpec[]} specs
 * @param {{runs: number, warmup: number}} options
 */
export async function interleave(terminal, specs, {runs, warmup}) {
	for (let round = 0; round < warmup + runs; round++) {
		for (const spec of specs) {
			if (spec.failure !== undefined) continue;
			const result = await firstFrame(terminal, spec);
			if (typeof result === 'string') {
				spec.failure = result;
			} else if (round >= warmup) {
				spec.samples.push(result.first);
				if (result.complete !== null) spec.completeSamples.push(result.complete);
			}
		}
	}
}

/**
 * First frame: from the start of the reader's process to the first screen with header and footer, for
 * 63, 10,000 and 100,000 papers, against node writing one line, all in the same pane.
 * @param {Context} context
 */
export async function readerStartSection({runs, warmup}) {
	print('\n## reader: first frame, from process start (tmux 120x35)\n\n');
	const problem = tmuxProblem();
	if (problem !== null) {
		print(`  skipped: ${problem}\n`);
		return;
	}
	const sizes = listings([FIXTURE_COUNT, 10_000, 100_000]);
	const bigRuns = Math.max(1, Math.ceil(runs / 5));
	const bigWarmup = Math.min(warmup, 1);
	print(
		[
			'',
			'  measured  from just before tmux is told to run the program in the already open pane (respawn-pane,',
			'            exec without a shell) to the arrival of the pane output after which the screen first shows',
			'            the header " 1 All N" and the footer "1/N" (tmux control mode: a capture on every output):',
			'            "first frame" for any N (the reader opens on the first papers of a large listing and reads the',
			'            rest while it runs), "whole listing" once N is the number of papers in the listing',
			`  baseline  ${BASELINE_LABEL}: node -e writing one line, to that line on the screen (same pane, same path)`,
			`  floor     ${INK_HELLO_LABEL}: an Ink program that draws one line (bench/ink-hello.mjs, bundled like the CLI)`,
			`  runs      interleaved, ${warmup} warm-up + ${runs} each; 100,000 papers after them, ${bigWarmup} warm-up + ${bigRuns}`,
			'',
			'',
		].join('\n'),
	);

	/** @type {StartSpec} */
	const baseline = {
		label: BASELINE_LABEL,
		count: 0,
		argv: [NODE, '-e', `process.stdout.write(${JSON.stringify(`${BASELINE_TEXT}\n`)})`],
		ready: (lines) => lines.some((line) => line.includes(BASELINE_TEXT)),
		complete: undefined,
		quitKeys: undefined,
		timeoutMs: 30_000,
		samples: [],
		completeSamples: [],
		failure: undefined,
	};
	/** @type {StartSpec[]} */
	const readers = sizes.map((size) => ({
		label: `reader, ${size.label}`,
		count: size.count,
		argv: [NODE, CLI, size.file],
		ready: firstPapers,
		complete: fullFrame(size.count),
		quitKeys: 'q',
		timeoutMs: size.count >= 100_000 ? 120_000 : 30_000,
		samples: [],
		completeSamples: [],
		failure: undefined,
	}));
	/** @type {StartSpec} */
	const inkHello = {
		label: INK_HELLO_LABEL,
		count: 0,
		argv: [NODE, await buildInkHello()],
		ready: (lines) => lines.some((line) => line.includes(INK_HELLO_TEXT)),
		complete: undefined,
		quitKeys: 'q',
		timeoutMs: 30_000,
		samples: [],
		completeSamples: [],
		failure: undefined,
	};
	const small = readers.filter((spec) => spec.count < 100_000);
	const big = readers.filter((spec) => spec.count >= 100_000);

	const terminal = await Terminal.open(SIZE);
	try {
		await interleave(terminal, [baseline, inkHello, ...small], {runs, warmup});
		await interleave(terminal, big, {runs: bigRuns, warmup: bigWarmup});
	} finally {
		await terminal.close();
	}

	const specs = [baseline, inkHello, ...readers];
	const rows = specs.map((spec) => ({...summarize(`${spec.label}${spec.complete ? ', first frame' : ''}`, spec.samples), note: spec.failure}));
	const wholeRows = readers.map((spec) => ({...summarize(`${spec.label}, whole listing`, spec.completeSamples), note: spec.failure}));
	printTable([...rows, ...wholeRows], {baseline: BASELINE_LABEL});
	print('\n');

	const base = rows[0];
	/** @param {number} count */
	const figure = (count) => {
		const row = rows[specs.findIndex((spec) => spec.count === count)];
		return row && row.samples.length > 0 ? {median: row.median, text: `median ${formatMs(row.median)}`} : {median: null, text: row?.note ?? 'no figure'};
	};
	const at10k = figure(10_000);
	if (base && base.samples.length > 0 && at10k.median !== null) {
		const ratio = at10k.median / base.median;
		print(`  goal: first frame at 10,000 papers <= 3× a bare node start — ${at10k.text} = ${ratio.toFixed(1)}× ${formatMs(base.median)}: ${verdict(ratio <= 3)}\n`);
	} else {
		print(`  goal: first frame at 10,000 papers <= 3× a bare node start — ${at10k.median === null ? at10k.text : `baseline: ${base?.note ?? 'no figure'}`}: not met\n`);
	}
	const at100k = figure(100_000);
	print(`  goal: first frame at 100,000 papers <= 1.5 s — ${at100k.text}: ${verdict(at100k.median !== null && at100k.median <= 1500)}\n`);
	const floor = rows[specs.indexOf(inkHello)];
	if (base && base.samples.length > 0 && floor && floor.samples.length > 0) {
		print(`  floor: ${INK_HELLO_LABEL} — median ${formatMs(floor.median)} = ${(floor.median / base.median).toFixed(1)}× ${formatMs(base.median)}\n`);
	}
}

/** Bundles bench/ink-hello.mjs as the CLI is bundled; the path of the bundle. */
async function buildInkHello() {
	const {build} = await import('esbuild');
	const outfile = join(ROOT, 'bench', 'out', 'ink-hello.mjs');
	await build({
		entryPoints: [join(ROOT, 'bench', 'ink-hello.mjs')],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		define: {'process.env.NODE_ENV': '"production"'},
		alias: {'react-devtools-core': join(ROOT, 'scripts', 'react-devtools-stub.mjs')},
		banner: {js: "import {createRequire as __benchCreateRequire} from 'node:module'; const require = __benchCreateRequire(import.meta.url);"},
		logLevel: 'warning',
	});
	return outfile;
}

// ---------------------------------------------------------------------------------------------------
// Typing in the filter

/**
 * What `papers list FILE --query Q --json` reports: the number of results (the reader's footer total
 * once its search is done), or why there is none.
 * @param {string} file
 * @param {string} query
 * @returns {{count: number, ms: number} | {failure: string}}
 */
function listResults(file, query) {
	const home = mkdtempSync(join(realpathSync(tmpdir()), 'papers-bench-list-'));
	try {
		const started = performance.now();
		const result = spawnSync(NODE, [CLI, 'list', file, '--query', query, '--json'], {
			env: {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, XDG_CONFIG_HOME: home, LANG: 'C.UTF-8', TZ: 'UTC'},
			maxBuffer: 2 ** 30,
			timeout: 300_000,
		});
		const ms = performance.now() - started;
		if (result.error) return {failure: `papers list --query failed: ${result.error.message}`};
		if (result.status !== 0) return {failure: `papers list --query: exit code ${result.status}: ${result.stderr.toString('utf8').trim().slice(0, 200)}`};
		/** @type {{papers: unknown[]}} */
		const parsed = JSON.parse(result.stdout.toString('utf8'));
		return {count: parsed.papers.length, ms};
	} finally {
		rmSync(home, {recursive: true, force: true});
	}
}

/**
 * When the typing starts: once the whole listing is on screen ('loaded'), or as soon as the first frame
 * is ('first-frame': the rest of a large listing is still being read, and the search index built, while
 * the keys arrive).
 * @typedef {'loaded' | 'first-frame'} TypingMode
 */

/**
 * The mode in a row's label: '' for typing once the whole listing is on screen.
 * @param {TypingMode} mode
 */
const modeLabel = (mode) => (mode === 'first-frame' ? 'typing from the first frame, ' : '');

/**
 * @typedef {object} TypingRun
 * @property {TypingMode} mode
 * @property {string} query
 * @property {number[]} echoes Milliseconds from each key to its echo, for the keys that echoed.
 * @property {number[]} loadingEchoes Those of them for keys sent before the header showed the whole listing.
 * @property {number} missed Keys that never echoed in time.
 * @property {number | null} results Milliseconds from the last key (typing from the first frame: or the whole
 *   listing on screen, whichever came later) to the final results, when they came.
 * @property {number | null} loadedAfterLastKey Milliseconds from the last key to the whole listing on screen
 *   (negative: it was there before); null when it never showed.
 * @property {string | undefined} failure Why there is no figure for the results (or no run at all).
 * @property {number | null} rssKib Peak RSS of the reader when the run ended.
 * @property {{cpuMs: number, wallMs: number} | null} idle
 */

/**
 * @typedef {object} TypingPlan
 * @property {Size} size
 * @property {string} query
 * @property {TypingMode} mode
 * @property {number | null} expected Results that `papers list --query` reports.
 * @property {number} startTimeoutMs
 * @property {number} resultsTimeoutMs From the first key.
 * @property {boolean} measureIdle Only when typing once the whole listing is on screen.
 */

/**
 * BENCH_VERBOSE=1: the screen a reader left when it exited unexpectedly (a crash's whole message), on standard error.
 * @param {string} what
 * @param {string[]} lines
 */
function showExit(what, lines) {
	if (!VERBOSE) return;
	const text = lines.map((line) => stripAnsi(line).trimEnd()).filter((line) => line !== '');
	process.stderr.write(`bench: ${what}: the reader exited; its screen:\n${text.map((line) => `  | ${line}`).join('\n')}\n`);
}

/**
 * Whether a header line (with or without escapes) counts the whole listing: " 1 All N " without the
 * "so far…" ellipsis of a listing still being read.
 * @param {string | undefined} line
 * @param {number} count
 */
const headerWhole = (line, count) => stripAnsi(line ?? '').startsWith(` 1 All ${count} `);

/** The header's mark of a filter whose results the list does not show yet. */
const SEARCHING = 'searching…';

/**
 * Opens the reader and types the query a key every KEY_GAP_MS, watching every screen until the last key
 * has echoed and the final results are on screen: the whole listing read (no "…" in the header), no
 * search pending ("searching…"), the box showing the whole query and the footer the expected count
 * ("0/0" for none), all unchanged for SETTLE_MS.
 *
 * 'loaded': waits for the whole listing, optionally measures CPU while idle, presses "/" and waits for
 * the box, then types. 'first-frame': presses "/" as soon as the first frame is on screen and types the
 * query after it without waiting for anything; the box opening is the echo of "/".
 * @param {Terminal} terminal
 * @param {TypingPlan} plan
 * @param {number} ticks
 * @returns {Promise<TypingRun>}
 */
async function typeQuery(terminal, plan, ticks) {
	/** @type {TypingRun} */
	const run = {mode: plan.mode, query: plan.query, echoes: [], loadingEchoes: [], missed: 0, results: null, loadedAfterLastKey: null, failure: undefined, rssKib: null, idle: null};
	const {count} = plan.size;
	const fromFirstFrame = plan.mode === 'first-frame';
	const from = await terminal.spawn([NODE, CLI, plan.size.file]);
	try {
		const first = await terminal.waitFor(({lines}) => (fromFirstFrame ? firstPapers(lines) : fullFrame(count)(lines)), {timeoutMs: plan.startTimeoutMs, from});
		if (!first.ok) {
			run.failure = first.dead ? `exited before the first frame: ${lastWords(first.screen.lines)}` : `first frame ${timedOut(plan.startTimeoutMs)}`;
			if (first.dead) showExit(`${plan.size.label}, ${modeLabel(plan.mode)}${JSON.stringify(plan.query)}`, first.screen.lines);
			return run;
		}
		/**
		 * Typing once the whole listing is on screen: "/" to the box open (not among the echoes; BENCH_VERBOSE shows it).
		 * @type {number | null}
		 */
		let slashEcho = null;
		/** When the header first counted the whole listing (null: not yet). */
		let loadedAt = headerWhole(first.screen.lines[0], count) ? first.screen.at : null;

		const keys = [...plan.query];
		/** What each key leaves in the box: the query up to it ("" for the "/" that opens the box). */
		const steps = keys.map((key, index) => ({key, shows: keys.slice(0, index + 1).join('')}));
		if (fromFirstFrame) {
			steps.unshift({key: '/', shows: ''});
		} else {
			const {pid} = await terminal.pane();
			if (plan.measureIdle) {
				await sleep(IDLE_AFTER_MS);
				const before = cpuMs(pid, ticks);
				const wallStart = performance.now();
				await sleep(IDLE_MS);
				const after = cpuMs(pid, ticks);
				if (before !== null && after !== null) run.idle = {cpuMs: after - before, wallMs: performance.now() - wallStart};
			} else {
				await sleep(200);
			}
			const slash = terminal.type('/');
			const box = await terminal.waitFor(({lines}) => filterBoxText(lines[0]) === '', {timeoutMs: plan.resultsTimeoutMs, escapes: true, from: slash});
			if (!box.ok) {
				run.failure = `the filter box did not open: ${box.dead ? 'the reader exited' : timedOut(plan.resultsTimeoutMs)}`;
				return run;
			}
			slashEcho = box.screen.at - slash.at;
			await sleep(200);
		}

		/** @type {Array<import('./terminal.mjs').Mark>} */
		const sent = [];
		/** @type {Array<number | null>} */
		const echoed = steps.map(() => null);
		const begin = terminal.mark();
		const typing = (async () => {
			for (const [index, step] of steps.entries()) {
				const wait = begin.at + index * KEY_GAP_MS - performance.now();
				if (wait > 0) await sleep(wait);
				sent.push(terminal.type(step.key));
			}
		})();

		/** @type {number | null} */
		let finalAt = null;
		let lastChange = begin.at;
		let previous = '';
		const result = await terminal.waitFor(
			({lines, at}) => {
				const shown = filterBoxText(lines[0]);
				if (shown !== null) {
					for (const [index, mark] of sent.entries()) {
						if (echoed[index] === null && shown.startsWith(steps[index]?.shows ?? '')) echoed[index] = Math.max(at, mark.at);
					}
				}
				const whole = headerWhole(lines[0], count);
				if (whole) loadedAt ??= at;
				const screen = lines.join('\n');
				if (screen !== previous) {
					previous = screen;
					lastChange = at;
				}
				if (sent.length < steps.length) return false;
				const done =
					whole &&
					!stripAnsi(lines[0] ?? '').includes(SEARCHING) &&
					shown === plan.query &&
					(plan.expected === null || footerTotal(lines) === plan.expected);
				if (!done) finalAt = null;
				else finalAt ??= at;
				return finalAt !== null && echoed.every((time) => time !== null) && performance.now() - lastChange >= SETTLE_MS;
			},
			{timeoutMs: plan.resultsTimeoutMs + SETTLE_MS, escapes: true, from: begin},
		);
		await typing;

		sent.forEach((mark, index) => {
			const time = echoed[index];
			if (time === null || time === undefined) {
				run.missed++;
				return;
			}
			run.echoes.push(time - mark.at);
			if (loadedAt === null || mark.at < loadedAt) run.loadingEchoes.push(time - mark.at);
		});
		const last = sent.at(-1);
		if (last && loadedAt !== null) run.loadedAfterLastKey = loadedAt - last.at;
		if (plan.expected === null) run.failure = 'no expected count';
		// Typed from the first frame, the results wait for the whole listing too: they are timed from the
		// later of the last key and the whole listing on screen (reading it is the reader-start figure).
		else if (result.ok && finalAt !== null && last) run.results = finalAt - (fromFirstFrame && loadedAt !== null ? Math.max(last.at, loadedAt) : last.at);
		else if (result.dead) {
			run.failure = `the reader exited: ${lastWords(result.screen.lines)}`;
			showExit(`${plan.size.label}, ${modeLabel(plan.mode)}${JSON.stringify(plan.query)}`, result.screen.lines);
		} else {
			const {lines} = result.screen;
			const total = footerTotal(lines);
			const shown = filterBoxText(lines[0]);
			const state = [`footer: ${total === null ? 'none' : grouped(total)} of ${grouped(plan.expected)}`];
			if (shown !== plan.query) state.push(`box: ${shown === null ? 'closed' : JSON.stringify(shown)}`);
			if (!headerWhole(lines[0], count)) state.push('the listing not all read');
			if (stripAnsi(lines[0] ?? '').includes(SEARCHING)) state.push('still searching');
			if (run.missed > 0) state.push(`${run.missed} key(s) not echoed`);
			run.failure = `${timedOut(plan.resultsTimeoutMs)} (${state.join(', ')})`;
		}
		const {pid} = await terminal.pane();
		run.rssKib = peakRssKib(pid);
		if (VERBOSE) {
			// "|" between the keys sent while the listing was still being read and those sent after.
			const echoes = sent.flatMap((mark, index) => {
				const time = echoed[index];
				const figure = time === null || time === undefined ? 'never' : (time - mark.at).toFixed(0);
				const boundary = loadedAt !== null && mark.at >= loadedAt && (index === 0 || (sent[index - 1]?.at ?? 0) < loadedAt);
				return boundary && fromFirstFrame ? ['|', figure] : [figure];
			});
			const loaded = run.loadedAfterLastKey === null ? 'never' : `${run.loadedAfterLastKey >= 0 ? `${formatMs(run.loadedAfterLastKey)} after` : `${formatMs(-run.loadedAfterLastKey)} before`} the last key`;
			process.stderr.write(
				`bench: ${plan.size.label}, ${modeLabel(plan.mode)}${JSON.stringify(plan.query)}: echo ms [${echoes.join(' ')}]` +
					`${fromFirstFrame ? ` (the first is "/"; whole listing on screen ${loaded})` : ` ("/" before them: ${slashEcho === null ? '-' : slashEcho.toFixed(0)})`}, ` +
					`results ${run.results === null ? (run.failure ?? '-') : formatMs(run.results)}, ` +
					`cpu ${cpuMs(pid, ticks)} ms, VmHWM ${run.rssKib} KiB${run.idle ? `, idle ${run.idle.cpuMs} ms CPU in ${run.idle.wallMs.toFixed(0)} ms` : ''}\n`,
			);
		}
		return run;
	} finally {
		await terminal.stop({quitKeys: CTRL_C, graceMs: 10_000});
	}
}

/**
 * Typing in the filter box, peak RSS after the search, and CPU while idle, at 63, 10,000 and 100,000
 * papers; at 10,000 and 100,000 also typing from the first frame, while the listing is still read.
 * @param {Context} context
 */
export async function readerTypingSection({runs}) {
	print('\n## reader: typing in the filter, peak RSS, CPU while idle (tmux 120x35)\n\n');
	const problem = tmuxProblem();
	if (problem !== null) {
		print(`  skipped: ${problem}\n`);
		return;
	}
	const sizes = listings([FIXTURE_COUNT, 10_000, 100_000]);
	const ticks = clockTicks();
	const reps = Math.max(1, Math.round(runs / 5));
	/** @type {TypingMode[]} */
	const bothModes = ['loaded', 'first-frame'];
	const plans = sizes.map((size) => {
		const big = size.count >= 100_000;
		return {
			size,
			queries: big ? BIG_QUERIES : QUERIES,
			modes: size.count >= 10_000 ? bothModes : bothModes.slice(0, 1),
			reps: big ? 1 : reps,
			startTimeoutMs: big ? 120_000 : 30_000,
			resultsTimeoutMs: big ? 180_000 : size.count >= 10_000 ? 60_000 : 15_000,
		};
	});
	const quoted = (/** @type {string[]} */ queries) => queries.map((query) => JSON.stringify(query)).join(', ');
	print(
		[
			'',
			`  typing    "/", then the query a key every ${KEY_GAP_MS} ms without waiting for the screen; ${reps} repetition(s) of`,
			`            ${quoted(QUERIES)}`,
			`            (common words, then misremembered titles: a title's words with one that no paper has); at 100,000 papers`,
			`            once each of ${quoted(BIG_QUERIES)}`,
			'            - once the whole listing is on screen: "/" after it, the query once the box has opened',
			'            - "typing from the first frame" (10,000 and 100,000 papers): "/" as soon as the header " 1 All N" and the',
			`              footer first show (N still growing, "…"), the query ${KEY_GAP_MS} ms after it; the listing is still being read`,
			'  echo      from a key sent to tmux to the pane output after which the filter box shows the query up to that key',
			'            (for the "/" typed from the first frame: the box open); "while loading": keys sent before the header',
			'            counted the whole listing',
			'  results   from the last key sent to the pane output after which the header counts the whole listing and shows',
			`            no "${SEARCHING}", the box the whole query and the footer the count of \`papers list FILE --query Q --json\``,
			`            ("0/0" for none); first time of ${SETTLE_MS} ms without change on screen. Typing from the first frame:`,
			'            from the last key or the whole listing on screen, whichever came later',
			`  peak RSS  VmHWM of the reader (/proc/PID/status) after the search, largest over the runs; MB = 10^6 bytes`,
			`  idle CPU  utime + stime (/proc/PID/stat, in clock ticks of ${formatMs(1000 / ticks)}) over ${IDLE_MS / 1000} s with the reader open on`,
			`            the full list, from ${IDLE_AFTER_MS} ms after its first frame`,
			'',
			'',
		].join('\n'),
	);

	/** @type {Map<string, number | null>} */
	const expected = new Map();
	for (const plan of plans) {
		for (const query of plan.queries) {
			const listed = listResults(plan.size.file, query);
			const key = `${plan.size.count}\n${query}`;
			if ('failure' in listed) {
				expected.set(key, null);
				print(`  expected  ${plan.size.label}, ${JSON.stringify(query)}: unknown (${listed.failure})\n`);
			} else {
				expected.set(key, listed.count);
				print(`  expected  ${plan.size.label}, ${JSON.stringify(query)}: ${grouped(listed.count)} results (papers list took ${formatMs(listed.ms)})\n`);
			}
		}
	}
	print('\n');

	/** Runs by mode and size. @type {Map<string, TypingRun[]>} */
	const byMode = new Map();
	const runsOf = (/** @type {TypingMode} */ mode, /** @type {Size} */ size) => byMode.get(`${mode}\n${size.count}`) ?? [];
	const terminal = await Terminal.open(SIZE);
	try {
		for (const plan of plans) {
			for (const mode of plan.modes) {
				/** @type {TypingRun[]} */
				const done = [];
				byMode.set(`${mode}\n${plan.size.count}`, done);
				// Repetitions of the queries in turn: "language model", "reinforcement learning", ..., "language model", ...
				for (const query of Array.from({length: plan.reps}, () => plan.queries).flat()) {
					const run = await typeQuery(
						terminal,
						{
							size: plan.size,
							query,
							mode,
							expected: expected.get(`${plan.size.count}\n${query}`) ?? null,
							startTimeoutMs: plan.startTimeoutMs,
							resultsTimeoutMs: plan.resultsTimeoutMs,
							measureIdle: mode === 'loaded' && done.length === 0,
						},
						ticks,
					);
					done.push(run);
					// Twice in a row the reader never got as far as typing: no use repeating.
					const stuck = (/** @type {TypingRun | undefined} */ earlier) => earlier !== undefined && earlier.echoes.length === 0 && earlier.failure !== undefined;
					if (stuck(run) && stuck(done.at(-2))) break;
				}
			}
		}
	} finally {
		await terminal.close();
	}

	/**
	 * @param {string} label
	 * @param {TypingRun[]} done
	 * @param {boolean} loadingOnly Only the keys sent while the listing was still being read.
	 */
	const echoRow = (label, done, loadingOnly) => {
		const row = summarize(label, done.flatMap((run) => (loadingOnly ? run.loadingEchoes : run.echoes)));
		if (loadingOnly) return {...row, note: row.samples.length === 0 && done.length > 0 ? 'no key was sent while the listing was being read' : undefined};
		const missed = done.reduce((sum, run) => sum + run.missed, 0);
		const failures = done.filter((run) => run.echoes.length === 0 && run.missed === 0 && run.failure !== undefined);
		return {...row, note: missed > 0 ? `${missed} key(s) never echoed` : failures[0]?.failure};
	};
	/** Typing from the first frame with every key sent while the listing was read: no separate row for those. */
	const allWhileLoading = (/** @type {TypingRun[]} */ done) => done.length > 0 && done.every((run) => run.missed === 0 && run.loadingEchoes.length === run.echoes.length);
	/** @type {Array<{mode: TypingMode, size: Size, loadingOnly: boolean, row: ReturnType<typeof echoRow>}>} */
	const echoes = [];
	for (const plan of plans) {
		for (const mode of plan.modes) {
			const done = runsOf(mode, plan.size);
			const row = echoRow(`echo, ${modeLabel(mode)}${plan.size.label}`, done, false);
			if (mode === 'first-frame' && allWhileLoading(done) && row.note === undefined) row.note = 'every key sent while the listing was still being read';
			echoes.push({mode, size: plan.size, loadingOnly: false, row});
			if (mode === 'first-frame' && !allWhileLoading(done)) {
				echoes.push({mode, size: plan.size, loadingOnly: true, row: echoRow(`echo, ${modeLabel(mode)}${plan.size.label}, keys sent while loading`, done, true)});
			}
		}
	}
	/** @type {Array<{mode: TypingMode, size: Size, query: string, failed: string | undefined, row: import('./lib.mjs').Row & {note?: string}}>} */
	const results = [];
	for (const plan of plans) {
		for (const mode of plan.modes) {
			for (const query of plan.queries) {
				const done = runsOf(mode, plan.size).filter((run) => run.query === query);
				if (done.length === 0) continue;
				const figures = done.flatMap((run) => (run.results === null ? [] : [run.results]));
				const failures = [...new Set(done.flatMap((run) => (run.failure === undefined ? [] : [run.failure])))];
				const from = mode === 'first-frame' ? 'last key or whole listing' : 'last key';
				const row = summarize(`${from} to results, ${modeLabel(mode)}${plan.size.label}, ${JSON.stringify(query)}`, figures);
				const failed = failures.length > 0 ? `${done.length - figures.length} of ${done.length} runs: ${failures.join('; ')}` : undefined;
				/** @type {string[]} */
				const notes = failed === undefined ? [] : [failed];
				if (mode === 'first-frame') {
					const loaded = done.flatMap((run) => (run.loadedAfterLastKey === null ? [] : [run.loadedAfterLastKey]));
					if (loaded.length > 0) {
						const median = summarize('', loaded).median;
						notes.push(`(the whole listing on screen ${formatMs(Math.abs(median))} ${median >= 0 ? 'after' : 'before'} the last key, median)`);
					}
				}
				results.push({mode, size: plan.size, query, failed, row: {...row, note: notes.length > 0 ? notes.join(' ') : undefined}});
			}
		}
	}
	printTable(
		echoes.map(({row}) => row),
		{count: 'keys'},
	);
	print('\n');
	printTable(results.map(({row}) => row));
	print('\n');

	for (const {mode, size, loadingOnly, row} of echoes) {
		if (size.count < 10_000) continue;
		const where = `at ${size.label}${mode === 'first-frame' ? ', typing from the first frame' : ''}${loadingOnly ? ', keys sent while the listing was still being read' : ''}`;
		const whileLoading = mode === 'first-frame' && !loadingOnly && allWhileLoading(runsOf(mode, size));
		let text;
		let met = false;
		if (row.samples.length === 0) {
			text = row.note ?? 'no figure';
		} else if (!loadingOnly && row.note !== undefined && !whileLoading) {
			text = `p95 over the keys that echoed ${formatMs(row.p95)}, ${row.note}`;
		} else {
			text = `p95 ${formatMs(row.p95)} (median ${formatMs(row.median)}, ${row.samples.length} keys${whileLoading ? `, ${row.note}` : ''})`;
			met = row.p95 <= 50;
		}
		print(`  goal: echo p95 <= 50 ms ${where} — ${text}: ${verdict(met)}\n`);
	}
	for (const plan of plans) {
		if (plan.size.count < 10_000) continue;
		const goal = plan.size.count >= 100_000 ? 500 : 150;
		for (const mode of plan.modes) {
			const rows = results.filter((entry) => entry.mode === mode && entry.size === plan.size);
			const figures = rows.map(({query, row, failed}) =>
				row.samples.length > 0 ? `${JSON.stringify(query)} ${formatMs(row.median)}${failed === undefined ? '' : ` (${failed})`}` : `${JSON.stringify(query)} ${failed ?? 'no figure'}`,
			);
			const met = rows.length === plan.queries.length && rows.every(({row, failed}) => row.samples.length > 0 && failed === undefined && row.median <= goal);
			const from = mode === 'first-frame' ? 'last key or whole listing' : 'last key';
			print(`  goal: ${from} to final results <= ${goal} ms at ${plan.size.label}${mode === 'first-frame' ? ', typing from the first frame' : ''}, every query (medians) — ${figures.join(', ')}: ${verdict(met)}\n`);
		}
	}
	for (const size of sizes) {
		if (size.count < 10_000) continue;
		const done = [...runsOf('loaded', size), ...runsOf('first-frame', size)];
		const kib = Math.max(0, ...done.map((run) => run.rssKib ?? 0));
		const bytes = kib * 1024;
		const goalBytes = size.count >= 100_000 ? 2.5 * size.bytes + 150e6 : 400e6;
		const goal = size.count >= 100_000 ? `2.5 × ${megabytes(size.bytes)} + 150 MB = ${(goalBytes / 1e6).toFixed(0)} MB` : '400 MB';
		const searched = done.some((run) => run.results !== null);
		const figure = kib === 0 ? 'not measured' : `${(bytes / 1e6).toFixed(0)} MB${searched ? '' : ' (no search finished)'}`;
		print(`  goal: peak RSS <= ${goal} at ${size.label} — ${figure}: ${verdict(kib > 0 && searched && bytes <= goalBytes)}\n`);
	}
	for (const size of sizes) {
		const idle = runsOf('loaded', size).find((run) => run.idle !== null)?.idle ?? null;
		const figure = idle === null ? 'not measured' : `${formatMs(idle.cpuMs)} of CPU in ${formatMs(idle.wallMs)} (${((100 * idle.cpuMs) / idle.wallMs).toFixed(1)}% of a core)`;
		const met = idle !== null && idle.cpuMs <= IDLE_GOAL_SHARE * idle.wallMs;
		print(`  goal: CPU while idle ~0 (<= ${IDLE_GOAL_SHARE * 100}% of a core) at ${size.label} — ${figure}: ${verdict(met)}\n`);
	}
}
