// Search quality: do people find the paper they mean? Queries made from real papers' titles and authors
// the way people remember them (bench/queries.mjs), on listings of 5,000 and 10,000 real arXiv papers
// (bench/corpus-listings.mjs), searched by the project's searcher and by peers in the same run
// (bench/search-engines.mjs); the rank of the paper meant in each engine's results.
//
// A section of `npm run bench` (search-quality), or on its own after `npm run build`:
//   node bench/search-quality.mjs [--papers 5000|10000] [--kinds KIND,...] [--engines ENGINE,...] [--misses]
import {existsSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {ensureCorpusListing} from './corpus-listings.mjs';
import {cliJson, formatMs, isMain, summarize} from './lib.mjs';
import {generateQueries, KIND_NOTES, KINDS, LOWERCASE_SHARE} from './queries.mjs';
import {ENGINES} from './search-engines.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
/** Listing sizes: a sample of the corpus, then all of it and distractors. */
const SIZES = [5_000, 10_000];
/**
 * The peers run at this size only, unless asked for by name: each takes about a second a query here
 * (some 40 minutes for both sizes), and the goals against them are at this size.
 */
const PEER_SIZE = 5_000;
const SEED = 1;
const PER_KIND = 40;
const TOP = 10;
/** The goals for the project's search: success@1 at 5,000 papers, success@10 at every size. */
const GOALS = {top1: 0.95, top1Size: 5_000, top10: 0.99};
const DEFAULT_ENGINES = ENGINES.filter((engine) => !engine.onRequest).map(({key}) => key);

/** @typedef {import('./queries.mjs').Kind} Kind */
/** @typedef {import('./queries.mjs').Query} Query */
/** @typedef {import('./search-engines.mjs').Engine} Engine */
/** @typedef {import('./search-engines.mjs').EnginePaper} EnginePaper */

/**
 * What `searchQualitySection` runs.
 * @typedef {object} Options
 * @property {readonly number[]} [sizes] Listing sizes (default 5,000 and 10,000).
 * @property {readonly Kind[]} [kinds] Default all.
 * @property {readonly string[]} [engines] Engine keys (default all but those run only on request; the
 *   peers then at PEER_SIZE only).
 * @property {boolean} [misses] List the queries the project's search did not put first.
 */

/**
 * One engine's answers to the queries of one listing.
 * @typedef {object} EngineResult
 * @property {Engine} engine
 * @property {number} prepareMs Setting it up: building its index (fzf: writing the lines it reads).
 * @property {number[]} ranks Per query: 1-based rank of the target, 0 when not found.
 * @property {number[]} firsts Per query: index of the paper ranked first, -1 when none.
 * @property {number[]} times Per query, in milliseconds.
 */

/** @param {string} text */
const print = (text) => process.stdout.write(text);

/** @param {number} count */
const number = (count) => count.toLocaleString('en-US');

/** @param {number} share 0-1 */
const percent = (share) => `${Math.round(share * 100)}%`;

/** @param {number} share 0-1, to one decimal where a goal is compared (98.8% is not 99%) */
const precisePercent = (share) => `${Number((share * 100).toFixed(1))}%`;

/**
 * Success@1, success@10 and mean reciprocal rank of some ranks.
 * @param {readonly number[]} ranks
 */
function scores(ranks) {
	const share = (/** @type {(rank: number) => boolean} */ test) => (ranks.length === 0 ? 0 : ranks.filter(test).length / ranks.length);
	return {
		top1: share((rank) => rank === 1),
		top10: share((rank) => rank >= 1 && rank <= TOP),
		mrr: ranks.length === 0 ? 0 : ranks.reduce((sum, rank) => sum + (rank === 0 ? 0 : 1 / rank), 0) / ranks.length,
	};
}

/**
 * Runs every query through one engine.
 * @param {Engine} engine
 * @param {readonly EnginePaper[]} papers
 * @param {readonly Query[]} queries
 * @returns {Promise<EngineResult>}
 */
async function runEngine(engine, papers, queries) {
	const started = performance.now();
	const ranker = await engine.prepare(papers);
	const prepareMs = performance.now() - started;
	/** @type {EngineResult} */
	const result = {engine, prepareMs, ranks: [], firsts: [], times: []};
	for (const {query, target} of queries) {
		const before = performance.now();
		const found = ranker.search(query);
		result.times.push(performance.now() - before);
		result.ranks.push(found.indexOf(target) + 1);
		result.firsts.push(found[0] ?? -1);
	}
	return result;
}

/**
 * The scores of one engine's ranks for the queries of one kind, or for all of them.
 * @param {readonly number[]} ranks
 * @param {readonly Query[]} queries
 * @param {Kind | 'overall'} kind
 */
function scoresOf(ranks, queries, kind) {
	return scores(ranks.filter((_rank, index) => kind === 'overall' || queries[index]?.kind === kind));
}

/**
 * The width of each column of cells.
 * @param {readonly string[][]} rows
 */
function columnWidths(rows) {
	return (rows[0] ?? []).map((_cell, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
}

/**
 * Lines of cells, the first column left-aligned and the others right-aligned.
 * @param {readonly string[][]} rows
 */
function printAligned(rows) {
	const widths = columnWidths(rows);
	for (const row of rows) print(`  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ').trimEnd()}\n`);
}

/**
 * The table of scores: a row per kind and one overall, three columns per engine under its name.
 * @param {readonly Query[]} queries
 * @param {readonly EngineResult[]} results
 */
function printScores(queries, results) {
	const kinds = KINDS.filter((kind) => queries.some((query) => query.kind === kind));
	const rows = [
		['kind', 'queries', ...results.flatMap(() => ['@1', '@10', 'MRR'])],
		...[...kinds, /** @type {const} */ ('overall')].map((kind) => [
			kind,
			String(kind === 'overall' ? queries.length : queries.filter((query) => query.kind === kind).length),
			...results.flatMap(({ranks}) => {
				const {top1, top10, mrr} = scoresOf(ranks, queries, kind);
				return [percent(top1), percent(top10), mrr.toFixed(2)];
			}),
		]),
	];
	const widths = columnWidths(rows);
	const width = (/** @type {number} */ column) => widths[column] ?? 0;
	const heads = results.map(({engine}, index) => engine.key.padEnd(width(2 + 3 * index) + width(3 + 3 * index) + width(4 + 3 * index) + 4));
	print(`  ${' '.repeat(width(0) + 2 + width(1))}  ${heads.join('  ').trimEnd()}\n`);
	printAligned(rows);
}

/**
 * The goals for the project's search, met or not.
 * @param {number} size
 * @param {readonly Query[]} queries
 * @param {readonly EngineResult[]} results
 */
function printGoals(size, queries, results) {
	const ours = results.find(({engine}) => engine.key === 'papers');
	if (ours === undefined) return;
	const peers = results.filter((result) => result !== ours);
	const overall = scores(ours.ranks);
	const verdict = (/** @type {boolean} */ met) => (met ? 'met' : 'not met');
	print('\n');
	if (size === GOALS.top1Size) print(`  goal: success@1 overall >= ${percent(GOALS.top1)} at ${number(size)} papers — papers ${precisePercent(overall.top1)}: ${verdict(overall.top1 >= GOALS.top1)}\n`);
	print(`  goal: success@10 overall >= ${percent(GOALS.top10)} — papers ${precisePercent(overall.top10)}: ${verdict(overall.top10 >= GOALS.top10)}\n`);
	if (peers.length === 0) {
		print("  goal: success@10 of each kind >= the best peer's — no peer was run\n");
		return;
	}
	const kinds = KINDS.filter((kind) => queries.some((query) => query.kind === kind));
	const short = kinds.flatMap((kind) => {
		const top10 = (/** @type {EngineResult} */ result) => scoresOf(result.ranks, queries, kind).top10;
		const best = peers.reduce((a, b) => (top10(b) > top10(a) ? b : a));
		return top10(ours) >= top10(best) ? [] : [`${kind} ${precisePercent(top10(ours))} < ${precisePercent(top10(best))} (${best.engine.key})`];
	});
	print(`  goal: success@10 of each kind >= the best peer's — ${kinds.length - short.length} of ${kinds.length} kinds: ${verdict(short.length === 0)}\n`);
	if (short.length > 0) print(`        short: ${short.join(', ')}\n`);
}

/**
 * How long each engine took: setting it up (building an index; fzf: writing the lines it reads), the
 * first query (an index built lazily is built then), the whole query set, and a query (median, p95).
 * @param {readonly EngineResult[]} results
 */
function printTimes(results) {
	print('\n');
	printAligned([
		['time', 'set-up', 'first query', 'all queries', 'median a query', 'p95'],
		...results.map(({engine, prepareMs, times}) => {
			const row = summarize(engine.key, times);
			return [engine.key, formatMs(prepareMs), formatMs(times[0] ?? Number.NaN), formatMs(times.reduce((sum, ms) => sum + ms, 0)), formatMs(row.median), formatMs(row.p95)];
		}),
	]);
}

/**
 * Every query the project's search did not rank first: what was typed, what was meant, what came first.
 * @param {readonly Query[]} queries
 * @param {readonly EngineResult[]} results
 * @param {readonly EnginePaper[]} papers
 */
function printMisses(queries, results, papers) {
	const ours = results.find(({engine}) => engine.key === 'papers');
	if (ours === undefined) return;
	const misses = queries.flatMap((query, index) => (ours.ranks[index] === 1 ? [] : [{query, rank: ours.ranks[index] ?? 0, first: ours.firsts[index] ?? -1}]));
	print(`\n  misses of papers (target not first): ${misses.length} of ${queries.length}\n`);
	for (const {query, rank, first} of misses) {
		print(`\n    ${query.kind.padEnd(12)}  ${JSON.stringify(query.query)}  ${rank === 0 ? 'not found' : `rank ${rank}`}\n`);
		print(`      meant  ${papers[query.target]?.title}\n`);
		print(`      first  ${first === -1 ? '(no results)' : papers[first]?.title}\n`);
	}
}

/**
 * The listing of `size` papers as the app reads it, and which of its papers are real.
 * @param {number} size
 */
function loadListing(size) {
	const listing = ensureCorpusListing(size, {seed: SEED});
	const {papers, warnings = []} = cliJson(['parse', listing.file]);
	const distractors = new Set(listing.distractors);
	// The records come in the listing's order: a distractor has no arXiv id; a real paper mostly has one.
	const inOrder = papers.length === size && listing.distractors.every((index) => papers[index]?.arxivId === null);
	if (!inOrder || warnings.length > 0) throw new Error(`bench: papers parse read ${number(papers.length)} papers and ${warnings.length} warnings from ${listing.file}, of ${number(size)} papers`);
	const targets = papers.flatMap((_paper, index) => (distractors.has(index) ? [] : [index]));
	const real = size - distractors.size;
	const makeup = distractors.size === 0
		? `a sample of ${number(real)} real papers`
		: `all ${number(real)} real papers and ${number(distractors.size)} distractors (each: the first half of one real title joined at a word boundary to the second half of another, the abstract of a third paper, the authors of a fourth)`;
	print(`  listing  ${listing.file.slice(ROOT.length)} (${(listing.bytes / 1e6).toFixed(1)} MB${listing.reused ? ', reused' : ''}): ${makeup}\n`);
	print(`  parsed   ${number(papers.length)} papers by \`papers parse --json\`, as the app holds them\n`);
	return {papers, targets};
}

/**
 * Measures one listing size: its table, the goals, the times and maybe the misses.
 * @param {number} size
 * @param {readonly Engine[]} engines
 * @param {{kinds: readonly Kind[], misses: boolean}} options
 */
async function measureSize(size, engines, {kinds, misses}) {
	print(`\n### ${number(size)} papers\n\n`);
	const {papers, targets} = loadListing(size);
	const queries = generateQueries(papers, {seed: SEED, perKind: PER_KIND, kinds, targets});
	print(`  queries  ${queries.length} (${PER_KIND} of each kind where the papers allow), targets among the real papers only\n\n`);
	/** @type {EngineResult[]} */
	const results = [];
	for (const engine of engines) {
		if (process.stderr.isTTY) process.stderr.write(`  (${engine.label}…)\r`);
		results.push(await runEngine(engine, papers, queries));
	}
	if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
	printScores(queries, results);
	printGoals(size, queries, results);
	printTimes(results);
	if (misses) printMisses(queries, results, papers);
}

/**
 * The search-quality section: for each listing size, success@1, success@10 and MRR of every engine by
 * kind of query, the project's goals, and the time each engine took. Engines that cannot run here (fzf
 * not installed) are left out with a note.
 * @param {Options} [options]
 */
export async function searchQualitySection({sizes = SIZES, kinds = KINDS, engines, misses = false} = {}) {
	print('\n## search-quality: do people find the paper they mean, in real papers?\n\n');
	print(`  queries  ${PER_KIND} of each kind per listing (seed ${SEED}), each meaning one real paper; ${percent(LOWERCASE_SHARE)} typed in lowercase:\n`);
	for (const kind of kinds) print(`           ${kind.padEnd(13)}  ${KIND_NOTES[kind]}\n`);
	const named = engines !== undefined;
	const chosen = ENGINES.filter(({key}) => (engines ?? DEFAULT_ENGINES).includes(key));
	/** @type {Engine[]} */
	const runnable = [];
	for (const engine of chosen) {
		const missing = engine.missing?.() ?? null;
		if (missing === null) runnable.push(engine);
		else print(`  note     ${engine.label} left out: ${missing}\n`);
	}
	runnable.forEach((engine, index) => print(`  ${index === 0 ? 'engines' : ''.padEnd(7)}  ${engine.key.padEnd(13)}  ${engine.how}\n`));
	print(`  figures  success@1 and @${TOP}: share of queries whose paper is first / in the first ${TOP}; MRR: mean of 1/rank over all\n`);
	print('           results (0 when the paper is not found); times: each query once, in this process (fzf: its process)\n');
	for (const engine of runnable) await engine.load?.();
	if (!named && sizes.some((size) => size !== PEER_SIZE)) print(`  note     the peers at ${number(PEER_SIZE)} papers only (\`--engines\` names them for every size)\n`);
	for (const size of sizes) await measureSize(size, named || size === PEER_SIZE ? runnable : runnable.filter(({key}) => key === 'papers'), {kinds, misses});
}

const USAGE = `usage: node bench/search-quality.mjs [--papers ${SIZES.join('|')}] [--kinds KIND,...] [--engines ENGINE,...] [--misses]
kinds: ${KINDS.join(', ')}
engines: ${ENGINES.map(({key}) => key).join(', ')} (default: ${DEFAULT_ENGINES.join(', ')}; the peers at ${PEER_SIZE} papers only)
(run \`npm run build\` first: the listings are read by dist/cli.js)
`;

/**
 * A comma-separated list of names, each one of `known`; null when one is not.
 * @template {string} T
 * @param {string | undefined} text
 * @param {readonly T[]} known
 * @returns {T[] | null}
 */
function names(text, known) {
	if (text === undefined) return [...known];
	const list = text.split(',').map((name) => name.trim()).filter((name) => name !== '');
	return list.length > 0 && list.every((name) => known.includes(/** @type {T} */ (name))) ? /** @type {T[]} */ (list) : null;
}

async function main() {
	let values;
	try {
		({values} = parseArgs({options: {papers: {type: 'string'}, kinds: {type: 'string'}, engines: {type: 'string'}, misses: {type: 'boolean', default: false}, help: {type: 'boolean', short: 'h'}}}));
	} catch (error) {
		process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
		return 2;
	}
	if (values.help) {
		process.stdout.write(USAGE);
		return 0;
	}
	const sizes = values.papers === undefined ? SIZES : SIZES.filter((size) => String(size) === values.papers);
	const kinds = names(values.kinds, KINDS);
	const engines = values.engines === undefined ? undefined : names(values.engines, ENGINES.map(({key}) => key));
	if (sizes.length === 0 || kinds === null || engines === null || (values.misses && engines !== undefined && !engines.includes('papers'))) {
		process.stderr.write(USAGE);
		return 2;
	}
	if (!existsSync(CLI)) {
		process.stderr.write('bench: dist/cli.js is missing; run `npm run build` first\n');
		return 2;
	}
	await searchQualitySection({sizes, kinds, engines, misses: values.misses});
	return 0;
}

if (isMain(import.meta.url)) process.exitCode = await main();
