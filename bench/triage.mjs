// Triage quality and speed: does "for you" put papers like the favorites first? On real arXiv papers
// (../shared/corpus/dev-papers.jsonl.gz), a pool of about 500 papers from each of six categories (cs.CL,
// cs.CV, cs.RO, cs.LG, cs.AI, cs.CR); each trial favorites 10 papers of one category, ranks the rest and
// counts how many of the top 20 are of that category (precision@20). Methods: random, arxiv-sanity-lite's
// recipe (its TfidfVectorizer and LinearSVC, reimplemented in src/triage/), papers' ranking and the variants
// tried on the way. Settings were chosen on the tuning trials (seeds 1-5) and are reported on the others
// (seeds 6-10). Then the time to rank again after a favorite change at 10,000 and 30,000 papers.
//
// A section of `npm run bench` (triage), or on its own:
//   node bench/triage.mjs [--seeds N] [--only-quality] [--only-speed] [--only-echo] [--export FILE]
// --only-echo: typing in the reader (the built CLI, in tmux) while the features are built.
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {parseArgs} from 'node:util';
import {gunzipSync} from 'node:zlib';
import {formatMs, isMain, summarize} from './lib.mjs';
import {ensureListing, OUT_DIR} from './listings.mjs';
import {filterBoxText, fullFrame} from './reader.mjs';
import {sleep, Terminal, tmuxProblem} from './terminal.mjs';
import {mulberry32, seedFor, shuffled} from './random.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../shared/corpus/dev-papers.jsonl.gz', import.meta.url));
const ENTRY = join(ROOT, 'src', 'triage', 'index.ts');
const GROUPS = ['cs.CL', 'cs.CV', 'cs.RO', 'cs.LG', 'cs.AI', 'cs.CR'];
const PER_GROUP = 500;
const FAVORITES = 10;
const TOP = 20;
const SEEDS = 10;
/** Seeds 1..TUNE_SEEDS chose the settings; the rest report them. */
const TUNE_SEEDS = 5;
const GOAL_PRECISION = 0.85;
const GOAL_MS = 150;
const SPEED_SIZES = [10_000, 30_000];
const CHANGES = 25;
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const ECHO_PAPERS = 10_000;
const ECHO_GOAL_MS = 50;
const KEY_GAP_MS = 80;
const READING = 'for you: reading';
const SGR = new RegExp(`${'\u001b'}\\[[0-9;:?]*[A-Za-z]`, 'g');
/** What the footer says once the features are ready (the bench marks no favorites). */
const READY = 'no favorites yet';
/** Typed into the filter box while the features are built (short enough for the header to show them whole). */
const ECHO_QUERIES = ['language models for reasoning', 'robot grasping policies learned', 'diffusion models for video'];

/** @param {string} text */
const print = (text) => process.stdout.write(text);

/**
 * @typedef {object} CorpusPaper
 * @property {string} title
 * @property {string} abstract
 * @property {string[]} authors
 * @property {string} source
 */

/** @returns {CorpusPaper[]} */
function loadCorpus() {
	if (!existsSync(CORPUS)) throw new Error(`bench: the corpus is missing: ${CORPUS}`);
	return gunzipSync(readFileSync(CORPUS))
		.toString('utf8')
		.split('\n')
		.filter((line) => line.trim() !== '')
		.map((line) => JSON.parse(line));
}

/**
 * The category a paper was filed under, by its source (see the corpus README), or null.
 * @param {string} source
 */
export function groupOf(source) {
	if (source.startsWith('rokujyouhitoma/arxiv-security-papers')) return 'cs.CR';
	const match = /\/docs\/cs-([A-Z]{2})\//.exec(`/${source.slice(source.indexOf(':') + 1)}`);
	if (!match) return null;
	const group = `cs.${match[1]}`;
	return GROUPS.includes(group) ? group : null;
}

/** @type {Promise<any> | null} */
let triageModule = null;

/** src/triage bundled into bench/out/ with esbuild (once per process) and imported. */
function loadTriage() {
	triageModule ??= (async () => {
		const {build} = await import('esbuild');
		const outfile = join(OUT_DIR, 'triage-bundle.mjs');
		mkdirSync(OUT_DIR, {recursive: true});
		await build({entryPoints: [ENTRY], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning'});
		return import(pathToFileURL(outfile).href);
	})();
	return triageModule;
}

/**
 * The pool: up to PER_GROUP papers of each group, drawn with a fixed seed.
 * @param {CorpusPaper[]} corpus
 */
function buildPool(corpus) {
	/** @type {Map<string, CorpusPaper[]>} */
	const byGroup = new Map(GROUPS.map((group) => [group, []]));
	for (const paper of corpus) {
		const group = groupOf(paper.source);
		if (group) byGroup.get(group)?.push(paper);
	}
	/** @type {CorpusPaper[]} */
	const papers = [];
	/** @type {string[]} */
	const groups = [];
	for (const group of GROUPS) {
		const chosen = shuffled(mulberry32(seedFor(1, `pool ${group}`)), byGroup.get(group) ?? []).slice(0, PER_GROUP);
		for (const paper of chosen) {
			papers.push(paper);
			groups.push(group);
		}
	}
	return {papers, groups, available: new Map([...byGroup].map(([group, list]) => [group, list.length]))};
}

/**
 * kNN over the favorites: the mean of a paper's k largest cosine similarities to them (a variant).
 * @param {{rows: Array<{indices: Int32Array, values: Float64Array}>, terms: string[]}} features
 * @param {number[]} favorites
 * @param {number} k
 */
function knnScores(features, favorites, k) {
	const dense = favorites.map((index) => {
		const vector = new Float64Array(features.terms.length);
		const row = features.rows[index];
		row.indices.forEach((term, at) => (vector[term] = row.values[at]));
		return vector;
	});
	return Float64Array.from(features.rows, (row) => {
		const similarities = dense.map((vector) => {
			let sum = 0;
			for (let at = 0; at < row.indices.length; at++) sum += vector[row.indices[at]] * row.values[at];
			return sum;
		});
		similarities.sort((a, b) => b - a);
		return similarities.slice(0, k).reduce((sum, value) => sum + value, 0) / k;
	});
}

/**
 * The methods compared. Each gets the features (built once per feature settings) and the favorites, and
 * returns the order of the other papers, best first.
 * @param {any} triage
 */
function methods(triage) {
	const {RECIPE, PAPERS, RECIPE_FEATURES} = triage;
	const papersFeatures = PAPERS.features;
	/** @param {object} features @param {object} [rest] */
	const settings = (features, rest = {}) => ({...RECIPE, features: {...RECIPE_FEATURES, ...features}, ...rest});
	/** @type {Array<{key: string, label: string, settings?: any, run?: Function, variant?: boolean, read?: number}>} */
	const list = [
		{key: 'random', label: 'random'},
		{key: 'recipe', label: "arxiv-sanity-lite's recipe", settings: RECIPE},
		{key: 'papers', label: "papers' ranking", settings: PAPERS},
		{key: 'latex', label: 'recipe + LaTeX decoded', settings: settings({decodeLatex: true}), variant: true},
		{key: 'stem', label: 'recipe + stems', settings: settings({stem: true}), variant: true},
		{key: 'title2', label: 'recipe + title twice', settings: settings({titleRepeat: 2}), variant: true},
		{key: 'title3', label: 'recipe + title three times', settings: settings({titleRepeat: 3}), variant: true},
		{key: 'df', label: 'recipe + min_df 2, max_df 0.5', settings: settings({minDf: 2, maxDf: 0.5}), variant: true},
		{key: 'uni', label: 'recipe, unigrams only', settings: settings({bigrams: false}), variant: true},
		{key: 'c1', label: 'recipe, C = 1', settings: settings({}, {c: 1}), variant: true},
		{key: 'text', label: 'recipe + all four feature changes', settings: {...RECIPE, features: papersFeatures}, variant: true},
		{key: 'centroid', label: 'centroid (Rocchio) alone, same features', settings: {...PAPERS, centroid: 1e6}, variant: true},
		{key: 'blend05', label: "papers' features, SVM + 0.5 × centroid", settings: {...PAPERS, centroid: 0.5}, variant: true},
		{key: 'blend2', label: "papers' features, SVM + 2 × centroid", settings: {...PAPERS, centroid: 2}, variant: true},
		{key: 'read', label: "papers' ranking, 50 random read papers as negatives ×3", settings: {...PAPERS, readWeight: 3}, read: 50, variant: true},
		{key: 'prf10', label: "papers' ranking + feedback: best 10 in the centroid at 0.5", settings: {...PAPERS, feedback: 10, feedbackWeight: 0.5}, variant: true},
		{key: 'prf30', label: "papers' ranking + feedback: best 30 in the centroid at 0.5", settings: {...PAPERS, feedback: 30, feedbackWeight: 0.5}, variant: true},
		{key: 'prf30c2', label: "papers' ranking + feedback 30 at 0.5, centroid 2", settings: {...PAPERS, centroid: 2, feedback: 30, feedbackWeight: 0.5}, variant: true},
		{key: 'prf50', label: "papers' ranking + feedback: best 50 in the centroid at 1", settings: {...PAPERS, feedback: 50, feedbackWeight: 1}, variant: true},
		{key: 'tol6', label: "papers' ranking, SVM to tol 1e-6 on all negatives", settings: {...PAPERS, tol: 1e-6, negatives: 0}, variant: true},
		{key: 'neg1000', label: "papers' ranking, SVM on 1,000 negatives", settings: {...PAPERS, negatives: 1000}, variant: true},
		{key: 'c01', label: "papers' ranking, C = 0.1", settings: {...PAPERS, c: 0.1}, variant: true},
		{key: 'c003', label: "papers' ranking, C = 0.003", settings: {...PAPERS, c: 0.003}, variant: true},
		{key: 'knn', label: "kNN over the favorites (k = 3), papers' features", run: 'knn', variant: true},
	];
	const wanted = process.env.TRIAGE_METHODS?.split(',');
	return wanted ? list.filter(({key}) => key === 'random' || wanted.includes(key)) : list;
}

/**
 * Precision@20 per method, group and seed.
 * @param {{seeds?: number}} [options]
 */
async function quality({seeds = SEEDS} = {}) {
	const triage = await loadTriage();
	const {papers, groups, available} = buildPool(loadCorpus());
	const list = methods(triage);
	/** @type {Map<string, any>} features per feature settings */
	const featureCache = new Map();
	const featuresFor = (/** @type {any} */ settings) => {
		const key = JSON.stringify(settings);
		if (!featureCache.has(key)) featureCache.set(key, triage.buildFeatures(papers, settings));
		return featureCache.get(key);
	};
	/** @type {Map<string, Map<string, number[]>>} method -> group -> precision per seed (index seed - 1) */
	const results = new Map(list.map(({key}) => [key, new Map(GROUPS.map((group) => [group, []]))]));
	/** @type {Array<{group: string, seed: number, favorites: number[]}>} */
	const trials = [];
	for (const group of GROUPS) {
		const members = groups.flatMap((name, index) => (name === group ? [index] : []));
		for (let seed = 1; seed <= seeds; seed++) {
			const random = mulberry32(seedFor(seed, `favorites ${group}`));
			const favorites = shuffled(random, members).slice(0, FAVORITES);
			trials.push({group, seed, favorites});
			const favoriteSet = new Set(favorites);
			const others = papers.map((_, index) => index).filter((index) => !favoriteSet.has(index));
			const read = shuffled(mulberry32(seedFor(seed, `read ${group}`)), others).slice(0, 50);
			for (const method of list) {
				/** @type {number[]} */
				let order;
				if (method.key === 'random') {
					order = shuffled(mulberry32(seedFor(seed, `random ${group}`)), others);
				} else if (method.run === 'knn') {
					const scores = knnScores(featuresFor(triage.PAPERS.features), favorites, 3);
					order = others.slice().sort((a, b) => scores[b] - scores[a] || a - b);
				} else {
					const features = featuresFor(method.settings.features);
					order = triage.rankForYou(papers, favorites, {features, settings: method.settings, read: method.read ? read : undefined}).order;
				}
				const top = order.slice(0, TOP);
				results.get(method.key)?.get(group)?.push(top.filter((index) => groups[index] === group).length / TOP);
			}
		}
	}
	return {results, list, papers, groups, trials, available, seeds};
}

/** @param {number[]} values */
const mean = (values) => (values.length === 0 ? NaN : values.reduce((sum, value) => sum + value, 0) / values.length);

/** @param {number} value */
const fixed = (value) => (Number.isFinite(value) ? value.toFixed(2) : '-');

/**
 * @param {Awaited<ReturnType<typeof quality>>} run
 */
function printQuality({results, list, papers, available, seeds}) {
	print(`\n## triage quality: precision@${TOP} with ${FAVORITES} favorites of one category\n\n`);
	print(`  pool      ${papers.length.toLocaleString('en-US')} real papers: ${GROUPS.map((group) => `${group} ${Math.min(PER_GROUP, available.get(group) ?? 0)}`).join(', ')} (cs.AI has only ${available.get('cs.AI')} in the corpus)\n`);
	print(`  trials    per category ${seeds} seeds of ${FAVORITES} favorites; seeds 1-${TUNE_SEEDS} chose the settings (tune), seeds ${TUNE_SEEDS + 1}-${seeds} report them\n`);
	print(`  score     share of the top ${TOP} (favorites left out) in the favorites' category; figures are the report seeds'\n\n`);
	const reportRange = (/** @type {number[]} */ values) => values.slice(TUNE_SEEDS);
	const tuneRange = (/** @type {number[]} */ values) => values.slice(0, TUNE_SEEDS);
	const header = ['', ...GROUPS, 'mean', 'tune mean', 'all mean'];
	/** @type {string[][]} */
	const rows = [];
	for (const method of list) {
		const byGroup = results.get(method.key);
		if (!byGroup) continue;
		const perGroup = GROUPS.map((group) => mean(reportRange(byGroup.get(group) ?? [])));
		const tune = mean(GROUPS.map((group) => mean(tuneRange(byGroup.get(group) ?? []))));
		const all = mean(GROUPS.map((group) => mean(byGroup.get(group) ?? [])));
		rows.push([`${method.variant ? '  ' : ''}${method.label}`, ...perGroup.map(fixed), fixed(mean(perGroup)), fixed(tune), fixed(all)]);
		if (method.key === 'papers') rows.push(['variants tried:']);
	}
	const table = [header, ...rows];
	const widths = header.map((_, column) => Math.max(...table.map((cells) => (cells[column] ?? '').length)));
	for (const cells of table) print(`  ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ').trimEnd()}\n`);
	const papersMean = mean(GROUPS.map((group) => mean(reportRange(results.get('papers')?.get(group) ?? []))));
	if (results.has('papers')) print(`\n  goal: precision@${TOP} >= ${GOAL_PRECISION} — papers' ranking ${fixed(papersMean)} on the report seeds: ${papersMean >= GOAL_PRECISION ? 'met' : 'not met'}\n`);
}

/**
 * n papers for timing: the whole corpus, repeated as needed (each repeat's titles marked so that no two
 * documents are the same text).
 * @param {CorpusPaper[]} corpus
 * @param {number} count
 */
function scaled(corpus, count) {
	return Array.from({length: count}, (_, index) => {
		const paper = corpus[index % corpus.length];
		const round = Math.floor(index / corpus.length);
		return round === 0 ? paper : {...paper, title: `${paper.title} (${round})`};
	});
}

async function speed() {
	const triage = await loadTriage();
	const corpus = loadCorpus();
	print(`\n## triage speed: ranking again after a favorite change\n\n`);
	print(`  papers: the corpus's ${corpus.length.toLocaleString('en-US')} real papers, repeated to the size; favorites: 10 random papers, then ${CHANGES} changes (a favorite added or removed), each timed\n\n`);
	for (const size of SPEED_SIZES) {
		const papers = scaled(corpus, size);
		for (const [name, settings] of [["papers' ranking", triage.PAPERS], ["arxiv-sanity-lite's recipe", triage.RECIPE]]) {
			let start = performance.now();
			const features = triage.buildFeatures(papers, settings.features);
			const buildMs = performance.now() - start;
			// The same work in slices of 500 papers, the longest slice timed (what an idle-time build blocks for).
			const builder = new triage.FeatureBuilder(papers, settings.features);
			let longest = 0;
			for (let done = false; !done; ) {
				start = performance.now();
				done = builder.add(500);
				longest = Math.max(longest, performance.now() - start);
			}
			start = performance.now();
			builder.finish();
			const finishMs = performance.now() - start;
			const random = mulberry32(seedFor(size, 'speed favorites'));
			const favorites = new Set(shuffled(random, papers.map((_, index) => index)).slice(0, 10));
			let previous = triage.rankForYou(papers, favorites, {features, settings});
			/** @type {number[]} */
			const warm = [];
			/** @type {number[]} */
			const cold = [];
			for (let change = 0; change < CHANGES; change++) {
				const index = Math.floor(random() * size);
				if (favorites.has(index) && favorites.size > 2) favorites.delete(index);
				else favorites.add(index);
				start = performance.now();
				triage.rankForYou(papers, favorites, {features, settings});
				cold.push(performance.now() - start);
				start = performance.now();
				previous = triage.rankForYou(papers, favorites, {features, settings, previous});
				warm.push(performance.now() - start);
			}
			// What the reader does after a favorite change: rank (warm), every paper by score, the for-you order.
			/** @type {number[]} */
			const reader = [];
			let ranking = null;
			for (let change = 0; change < (settings === triage.PAPERS ? CHANGES : 0); change++) {
				const index = Math.floor(random() * size);
				if (favorites.has(index) && favorites.size > 2) favorites.delete(index);
				else favorites.add(index);
				start = performance.now();
				ranking = triage.rankPapers(papers, features, [...favorites], [], ranking);
				triage.forYouOrder(ranking.ranked, (/** @type {number} */ at) => ({read: false, favorite: favorites.has(at)}));
				reader.push(performance.now() - start);
			}
			const coldRow = summarize('cold', cold);
			const warmRow = summarize('warm', warm);
			print(`  ${size.toLocaleString('en-US')} papers, ${name}: ${features.terms.length.toLocaleString('en-US')} terms\n`);
			print(`    features built once             ${formatMs(buildMs)} (in slices of 500: longest slice ${formatMs(longest)}, then ${formatMs(finishMs)} to finish)\n`);
			print(`    retrain + rank, from scratch    median ${formatMs(coldRow.median)}, p95 ${formatMs(coldRow.p95)}\n`);
			print(`    retrain + rank, warm-started    median ${formatMs(warmRow.median)}, p95 ${formatMs(warmRow.p95)}`);
			print(size === 10_000 && settings === triage.PAPERS ? `  (goal <= ${GOAL_MS} ms: ${warmRow.p95 <= GOAL_MS ? 'met' : 'not met'} at p95)\n` : '\n');
			const readerRow = summarize('reader', reader);
			if (reader.length > 0) print(`    as the reader does it           median ${formatMs(readerRow.median)}, p95 ${formatMs(readerRow.p95)} (warm-started, then every paper by score and the for-you order)\n`);
			print('\n');
		}
	}
}

/** @param {string} text */
const plainText = (text) => text.replace(SGR, '');

/**
 * The reader (the built CLI, tmux 120x35) on a generated listing of ECHO_PAPERS papers: once the whole
 * listing is on screen, `s` four times to the for-you sort (the features' build starts, the footer says
 * "for you: reading N/M papers…"), then "/" and a query a key every KEY_GAP_MS; each key's echo in the
 * filter box is timed, those sent while the footer still said "reading" apart. Then the time from the
 * features ready to the ranked list (no favorites: the footer's "no favorites yet").
 */
async function echoWhileBuilding() {
	print(`\n## triage in the reader: typing while the features are built (tmux 120x35)\n\n`);
	const problem = tmuxProblem();
	if (problem !== null) return print(`  skipped: ${problem}\n`);
	if (!existsSync(CLI)) return print('  skipped: dist/cli.js is missing (npm run build)\n');
	const listing = ensureListing(ECHO_PAPERS, {seed: 1});
	print(`  listing   ${ECHO_PAPERS.toLocaleString('en-US')} generated papers; "s" x4 to for you, then "/" and ${ECHO_QUERIES.map((query) => JSON.stringify(query)).join(', then ')} a key every ${KEY_GAP_MS} ms\n`);
	print('  echo      from a key sent to tmux to the pane output after which the filter box shows the query up to it; "while built":\n');
	print('            keys sent before the footer last said "for you: reading N/M papers…"; each query also typed in the listing order\n');
	const terminal = await Terminal.open({width: 120, height: 35});
	/** @type {number[]} */
	const building = [];
	/** @type {number[]} */
	const after = [];
	/** The same typing in the listing order (no features built): the reader's own echo, for comparison. @type {number[]} */
	const baseline = [];
	let missed = 0;
	/** @type {number | null} */
	let buildMs = null;
	try {
		for (const [query, forYou] of ECHO_QUERIES.flatMap((text) => [[text, true], [text, false]])) {
			const from = await terminal.spawn([process.execPath, CLI, listing.file]);
			const first = await terminal.waitFor(({lines}) => fullFrame(ECHO_PAPERS)(lines), {timeoutMs: 60_000, from});
			if (!first.ok) {
				print(`  the reader did not show the whole listing within 60 s\n`);
				break;
			}
			await sleep(1000); // the search index is built in the background meanwhile
			for (let press = 0; press < (forYou ? 4 : 0); press++) {
				terminal.type('s');
				await sleep(100);
			}
			const started = forYou ? await terminal.waitFor(({lines}) => lines.some((line) => line.includes(READING)), {timeoutMs: 10_000}) : {ok: true, screen: {at: 0}};
			if (!started.ok) {
				print('  the footer never said "for you: reading"\n');
				break;
			}
			const slash = terminal.type('/');
			await terminal.waitFor(({lines}) => filterBoxText(lines[0]) === '', {timeoutMs: 10_000, escapes: true, from: slash});
			const keys = [...query];
			/** @type {Array<{at: number}>} */
			const sent = [];
			/** @type {Array<number | null>} */
			const echoed = keys.map(() => null);
			/** The last screen that still said "reading" (keys sent before it were typed while the features were built). */
			let readingUntil = started.screen.at;
			let readyAt = /** @type {number | null} */ (null);
			const begin = terminal.mark();
			const typing = (async () => {
				for (const [index, key] of keys.entries()) {
					const wait = begin.at + index * KEY_GAP_MS - performance.now();
					if (wait > 0) await sleep(wait);
					sent.push(terminal.type(key));
				}
			})();
			await terminal.waitFor(
				({lines, at}) => {
					const shown = filterBoxText(lines[0]);
					for (const [index, mark] of sent.entries()) if (echoed[index] === null && shown !== null && shown.startsWith(query.slice(0, index + 1))) echoed[index] = Math.max(at, mark.at);
					if (lines.some((line) => plainText(line).includes(READING))) readingUntil = at;
					else if (lines.some((line) => plainText(line).includes(READY))) readyAt ??= at;
					return sent.length === keys.length && echoed.every((time) => time !== null) && (readyAt !== null || !forYou);
				},
				{timeoutMs: 120_000, escapes: true, from: begin},
			);
			await typing;
			sent.forEach((mark, index) => {
				const time = echoed[index];
				if (time === null || time === undefined) missed++;
				else (forYou ? (mark.at < readingUntil ? building : after) : baseline).push(time - mark.at);
			});
			if (forYou && readyAt !== null) buildMs = Math.max(buildMs ?? 0, readyAt - started.screen.at);
			await terminal.stop({quitKeys: '\u0003', graceMs: 10_000});
		}
	} finally {
		await terminal.close();
	}
	const row = summarize('while building', building);
	const rest = summarize('after', after);
	print(`  echo while the features are built   ${building.length} keys: median ${formatMs(row.median)}, p95 ${formatMs(row.p95)}, max ${formatMs(row.max)}\n`);
	if (after.length > 0) print(`  echo once they are ready             ${after.length} keys: median ${formatMs(rest.median)}, p95 ${formatMs(rest.p95)}\n`);
	const base = summarize('baseline', baseline);
	print(`  echo, the same typing, listing order ${baseline.length} keys: median ${formatMs(base.median)}, p95 ${formatMs(base.p95)}, max ${formatMs(base.max)} (no features built: the search alone)\n`);
	if (missed > 0) print(`  ${missed} key(s) never echoed\n`);
	if (buildMs !== null) print(`  features ready (footer no longer "reading") ${formatMs(buildMs)} after the build started, typing meanwhile\n`);
	const met = building.length > 0 && missed === 0 && row.p95 <= ECHO_GOAL_MS;
	print(`  goal: echo p95 <= ${ECHO_GOAL_MS} ms while the features are built — ${met ? 'met' : 'not met'}\n`);
}

/** The bench section. */
export async function triageSection() {
	printQuality(await quality());
	await speed();
	await echoWhileBuilding();
}

if (isMain(import.meta.url)) {
	const {values} = parseArgs({options: {seeds: {type: 'string'}, 'only-quality': {type: 'boolean'}, 'only-speed': {type: 'boolean'}, 'only-echo': {type: 'boolean'}, export: {type: 'string'}}});
	if (values['only-echo']) {
		await echoWhileBuilding();
		process.exit(0);
	}
	if (!values['only-speed']) {
		const run = await quality({seeds: values.seeds ? Number(values.seeds) : SEEDS});
		printQuality(run);
		// The pool and trials as JSON, for bench/triage-sklearn.py (the recipe run by scikit-learn itself).
		if (values.export) writeFileSync(values.export, JSON.stringify({papers: run.papers, groups: run.groups, trials: run.trials, top: TOP, tuneSeeds: TUNE_SEEDS}));
	}
	if (!values['only-quality']) {
		await speed();
		await echoWhileBuilding();
	}
}
