// The library bench: a year of Daily Papers (about 30,000 papers in 365 files hf-daily-YYYY-MM-DD.json,
// the 8,000 real papers of ../shared/corpus/dev-papers.jsonl.gz and distractors made from them, each with
// a title of its own), kept in bench/out/library-year/papers/library/ and read through XDG_DATA_HOME:
//
//   - the reader's first frame on the library (`papers`, no file), next to the reader on the generated
//     10,000-paper listing and a bare node start, in the same tmux pane, interleaved;
//   - `papers list` of the whole library and `papers library`, whole processes, next to `papers list` of
//     the 10,000-paper listing and `node -e ""`.
//
// The library is reused while a file next to it records the same count, days, seed and hash of its sources.
import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {apiItem, CORPUS, makeDistractors, readCorpus} from './corpus-listings.mjs';
import {formatMs, measureInterleaved, printTable, summarize} from './lib.mjs';
import {ensureListing, OUT_DIR} from './listings.mjs';
import {mulberry32, shuffled} from './random.mjs';
import {firstPapers, fullFrame, interleave} from './reader.mjs';
import {Terminal, tmuxProblem} from './terminal.mjs';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const NODE = process.execPath;
const ENV = '/usr/bin/env';
const SIZE = {width: 120, height: 35};
/** A year of Daily Papers: about 82 papers a day. */
const COUNT = 30_000;
const FIRST_DAY = '2025-01-01';
const DAYS = 365;
const SEED = 7;
const BASELINE_TEXT = 'bench: node is running';

/** @param {string} text */
const print = (text) => process.stdout.write(text);
/** @param {number} value */
const grouped = (value) => value.toLocaleString('en-US');

/**
 * @typedef {object} Context
 * @property {number} runs
 * @property {number} warmup
 */

function sourceHash() {
	const hash = createHash('sha256');
	for (const module of ['library.mjs', 'corpus-listings.mjs', 'random.mjs']) hash.update(readFileSync(new URL(module, import.meta.url)));
	hash.update(readFileSync(CORPUS));
	return hash.digest('hex').slice(0, 16);
}

/** The days of the year, YYYY-MM-DD. */
function days() {
	const start = Date.parse(`${FIRST_DAY}T00:00:00Z`);
	return Array.from({length: DAYS}, (_, index) => new Date(start + index * 86_400_000).toISOString().slice(0, 10));
}

/**
 * The year's library in bench/out/library-year/ (its XDG_DATA_HOME), written unless the same is there.
 * @returns {{dataHome: string, directory: string, files: number, bytes: number, count: number, reused: boolean}}
 */
export function ensureLibrary() {
	const dataHome = join(OUT_DIR, 'library-year');
	const directory = join(dataHome, 'papers', 'library');
	const metaFile = join(OUT_DIR, 'library-year.json');
	const source = sourceHash();
	const size = () => readdirSync(directory).reduce((sum, name) => sum + statSync(join(directory, name)).size, 0);
	if (existsSync(metaFile) && existsSync(directory)) {
		try {
			/** @type {{count?: unknown, days?: unknown, seed?: unknown, source?: unknown, bytes?: unknown}} */
			const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
			const bytes = size();
			if (meta.count === COUNT && meta.days === DAYS && meta.seed === SEED && meta.source === source && meta.bytes === bytes) {
				return {dataHome, directory, files: readdirSync(directory).length, bytes, count: COUNT, reused: true};
			}
		} catch {
			// unreadable: write it again
		}
	}
	rmSync(dataHome, {recursive: true, force: true});
	mkdirSync(directory, {recursive: true});
	const random = mulberry32(SEED);
	const corpus = readCorpus();
	const papers = shuffled(random, [...corpus, ...makeDistractors(corpus, COUNT - corpus.length, random)]);
	days().forEach((day, index) => {
		const slice = papers.slice(Math.floor((index * COUNT) / DAYS), Math.floor(((index + 1) * COUNT) / DAYS));
		const file = join(directory, `hf-daily-${day}.json`);
		writeFileSync(`${file}.partial`, `${JSON.stringify(slice.map((paper) => apiItem({...paper, published: day}, random)))}\n`);
		renameSync(`${file}.partial`, file);
	});
	const bytes = size();
	writeFileSync(metaFile, `${JSON.stringify({count: COUNT, days: DAYS, seed: SEED, source, bytes})}\n`);
	return {dataHome, directory, files: DAYS, bytes, count: COUNT, reused: false};
}

/**
 * A process's environment: a fresh home for the store, the library's XDG_DATA_HOME (or an empty one).
 * @param {string} home
 * @param {string} dataHome
 */
const environment = (home, dataHome) => ({PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, XDG_CONFIG_HOME: home, XDG_STATE_HOME: join(home, 'state'), XDG_DATA_HOME: dataHome, LANG: 'C.UTF-8', TZ: 'UTC'});

/**
 * The library section: builds the year's library, checks `papers list --json` reads all of it, then
 * measures the reader's first frame on it and `papers list` / `papers library` of it.
 * @param {Context} context
 */
export async function librarySection({runs, warmup}) {
	print(`\n## library: a year of Daily Papers (${grouped(COUNT)} papers in ${DAYS} files)\n\n`);
	const started = performance.now();
	const library = ensureLibrary();
	const relative = (/** @type {string} */ path) => path.slice(fileURLToPath(new URL('..', import.meta.url)).length);
	print(`  library   ${relative(library.directory)}/: ${library.files} files, ${(library.bytes / 1e6).toFixed(1)} MB, ${grouped(library.count)} papers (${library.reused ? 'reused' : `generated in ${formatMs(performance.now() - started)}`}; real papers of the corpus and distractors)\n`);
	const single = ensureListing(10_000, {seed: 1});
	print(`  listing   ${relative(single.file)}: ${(single.bytes / 1e6).toFixed(1)} MB, 10,000 papers, one file\n`);

	const home = mkdtempSync(join(realpathSync(tmpdir()), 'papers-bench-library-'));
	const empty = join(home, 'no-data');
	try {
		// The figures are only worth having if every paper is read, once.
		const check = spawnSync(NODE, [CLI, 'list', '--json'], {env: environment(home, library.dataHome), maxBuffer: 2 ** 30});
		if (check.status !== 0) throw new Error(`bench: papers list failed (exit code ${check.status}): ${check.stderr.toString('utf8').slice(0, 300)}`);
		/** @type {{papers: Array<{id: string}>, warnings: unknown[]}} */
		const parsed = JSON.parse(check.stdout.toString('utf8'));
		const distinct = new Set(parsed.papers.map((paper) => paper.id)).size;
		print(`  read      ${grouped(parsed.papers.length)} papers (${grouped(distinct)} distinct ids), ${parsed.warnings.length} warnings${parsed.papers.length === COUNT && distinct === COUNT && parsed.warnings.length === 0 ? '' : '  (MISMATCH: the figures below are not comparable)'}\n`);

		await readerFirstFrame({runs, warmup}, library.dataHome, single.file, empty);

		print(`\n  whole processes, output to /dev/null: ${warmup} warm-up + ${runs} measured runs each, interleaved; p95 is nearest-rank\n\n`);
		const baseline = {label: 'node -e ""', command: NODE, args: ['-e', ''], env: environment(home, empty)};
		const rows = measureInterleaved(
			[
				baseline,
				{label: 'papers list, 10,000-paper file', command: NODE, args: [CLI, 'list', single.file], env: environment(home, empty)},
				{label: `papers list, the library (${grouped(COUNT)})`, command: NODE, args: [CLI, 'list'], env: environment(home, library.dataHome)},
				{label: 'papers library', command: NODE, args: [CLI, 'library'], env: environment(home, library.dataHome)},
			],
			{runs, warmup},
		);
		printTable(rows, {baseline: baseline.label});
	} finally {
		rmSync(home, {recursive: true, force: true});
	}
}

/**
 * The reader's first frame (and whole listing) on the library, on the 10,000-paper file, and node writing
 * one line, in the same tmux pane, each started through env(1) with its XDG_DATA_HOME.
 * @param {Context} context
 * @param {string} dataHome
 * @param {string} file
 * @param {string} empty
 */
async function readerFirstFrame({runs, warmup}, dataHome, file, empty) {
	print('\n  reader: first frame, from process start (tmux 120x35), as in the reader-start section; each program\n');
	print('  started as `env XDG_DATA_HOME=... node ...`; the library opens on its unread papers (all of them here)\n\n');
	const problem = tmuxProblem();
	if (problem !== null) {
		print(`  skipped: ${problem}\n`);
		return;
	}
	/** @param {string} label @param {string} data @param {string[]} argv @param {number} count */
	const spec = (label, data, argv, count) => ({
		label,
		count,
		argv: [ENV, `XDG_DATA_HOME=${data}`, ...argv],
		ready: count === 0 ? (/** @type {string[]} */ lines) => lines.some((line) => line.includes(BASELINE_TEXT)) : firstPapers,
		complete: count === 0 ? undefined : fullFrame(count),
		quitKeys: count === 0 ? undefined : 'q',
		timeoutMs: 60_000,
		/** @type {number[]} */ samples: [],
		/** @type {number[]} */ completeSamples: [],
		/** @type {string | undefined} */ failure: undefined,
	});
	const specs = [
		spec('node -e "write(…)"', empty, [NODE, '-e', `process.stdout.write(${JSON.stringify(`${BASELINE_TEXT}\n`)})`], 0),
		spec('reader, 10,000-paper file', empty, [NODE, CLI, file], 10_000),
		spec(`reader, library (${grouped(COUNT)} in ${DAYS} files)`, dataHome, [NODE, CLI], COUNT),
	];
	const terminal = await Terminal.open(SIZE);
	try {
		await interleave(terminal, specs, {runs, warmup});
	} finally {
		await terminal.close();
	}
	const rows = specs.map((each) => ({...summarize(`${each.label}${each.complete ? ', first frame' : ''}`, each.samples), note: each.failure}));
	const whole = specs.filter((each) => each.complete).map((each) => ({...summarize(`${each.label}, whole listing`, each.completeSamples), note: each.failure}));
	printTable([...rows, ...whole], {baseline: specs[0]?.label});
}
