// The searches the search-quality bench compares: the project's own (bundled from src/ with esbuild and
// run in process), plain fuse.js with the options the reader had before, fuse.js's token search, and
// `fzf --filter` (a process per query). Each ranks papers for a query: indices into the papers, best first.
import {spawnSync} from 'node:child_process';
import {closeSync, mkdirSync, openSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import Fuse from 'fuse.js';
import {OUT_DIR} from './listings.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The module that exports the project's `createSearcher(papers)`, whose `search(query)` returns hits `{index, score}` best first. */
const SEARCH_ENTRY = join(ROOT, 'src', 'search', 'search.ts');

/**
 * A paper as `papers parse --json` prints it (the fields searched).
 * @typedef {object} EnginePaper
 * @property {string} title
 * @property {string} abstract
 * @property {string[]} authors
 */

/**
 * @typedef {object} Ranker
 * @property {(query: string) => number[]} search Indices of the papers found, best first.
 */

/**
 * @typedef {object} Engine
 * @property {string} key What `--engines` calls it.
 * @property {string} label
 * @property {string} how Its label and what it runs, for the preamble.
 * @property {() => string | null} [missing] Why it cannot run here, or null.
 * @property {() => Promise<unknown>} [load] Work done once per process, before any listing (not timed).
 * @property {boolean} [onRequest] Run only when asked for by name (`--engines`).
 * @property {(papers: readonly EnginePaper[]) => Promise<Ranker>} prepare
 */

/**
 * The reader's fuse.js options before the search engine was rewritten (FUSE_OPTIONS in
 * src/search/fuzzy.ts then), written out here so that the reference does not come from the code it checks.
 */
const FUSE_BEFORE = {
	keys: [
		{name: 'title', weight: 2},
		{name: 'abstract', weight: 1},
	],
	ignoreLocation: true,
	threshold: 0.3,
	minMatchCharLength: 2,
};
const FUSE_TOKEN = {...FUSE_BEFORE, useTokenSearch: true, tokenMatch: /** @type {const} */ ('all')};
const FUSE_TOKEN_AUTHORS = {...FUSE_TOKEN, keys: [...FUSE_BEFORE.keys, {name: 'authors', weight: 1}]};

/** @type {Promise<{createSearcher: (papers: readonly EnginePaper[]) => {search: (query: string) => Array<{index: number}>}}> | null} */
let searchModule = null;

/** SEARCH_ENTRY bundled into bench/out/ (once per process) and imported. */
function loadSearchModule() {
	searchModule ??= (async () => {
		const {build} = await import('esbuild');
		const outfile = join(OUT_DIR, 'search-bundle.mjs');
		mkdirSync(OUT_DIR, {recursive: true});
		await build({entryPoints: [SEARCH_ENTRY], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning'});
		return import(pathToFileURL(outfile).href);
	})();
	return searchModule;
}

/**
 * fuse.js with the given options.
 * @param {import('fuse.js').IFuseOptions<EnginePaper>} options
 * @returns {Engine['prepare']}
 */
function fuseRanker(options) {
	return async (papers) => {
		const fuse = new Fuse(papers, options);
		return {search: (query) => fuse.search(query).map((result) => result.refIndex)};
	};
}

/** @returns {string | null} */
function fzfMissing() {
	const result = spawnSync('fzf', ['--version'], {stdio: 'ignore'});
	return result.error || result.status !== 0 ? 'fzf is not installed (apt-get install fzf)' : null;
}

/**
 * `fzf --filter QUERY` over one line per paper, `INDEX<tab>title authors abstract`, only the text after
 * the tab searched; its output order is the ranking.
 * @type {Engine['prepare']}
 */
async function fzfRanker(papers) {
	const oneLine = (/** @type {string} */ text) => text.replace(/[\t\r\n]+/g, ' ');
	const file = join(OUT_DIR, `fzf-lines-${papers.length}.txt`);
	mkdirSync(OUT_DIR, {recursive: true});
	writeFileSync(file, papers.map((paper, index) => `${index}\t${oneLine(`${paper.title} ${paper.authors.join(', ')} ${paper.abstract}`)}\n`).join(''));
	return {
		search(query) {
			const input = openSync(file, 'r');
			try {
				const result = spawnSync('fzf', ['--filter', query, '--delimiter', '\t', '--nth', '2..'], {stdio: [input, 'pipe', 'pipe'], maxBuffer: 2 ** 30});
				// 1: nothing matched.
				if (result.error || (result.status !== 0 && result.status !== 1)) throw new Error(`fzf --filter ${JSON.stringify(query)}: ${result.error?.message ?? `exit code ${result.status}: ${result.stderr.toString('utf8').trim()}`}`);
				return result.stdout.toString('utf8').split('\n').filter((line) => line !== '').map((line) => Number(line.slice(0, line.indexOf('\t'))));
			} finally {
				closeSync(input);
			}
		},
	};
}

/** The engines, in the order they are reported. */
export const ENGINES = /** @type {Engine[]} */ ([
	{
		key: 'papers',
		label: 'papers',
		how: `the project's search: createSearcher(papers).search(Q) of ${SEARCH_ENTRY.slice(ROOT.length)} (bundled with esbuild)`,
		load: loadSearchModule,
		prepare: async (papers) => {
			const searcher = (await loadSearchModule()).createSearcher(papers);
			return {search: (query) => searcher.search(query).map((hit) => hit.index)};
		},
	},
	{
		key: 'fuse',
		label: 'fuse.js (before)',
		how: 'fuse.js (before): plain fuse.js with title weight 2, abstract 1, ignoreLocation, threshold 0.3, minMatchCharLength 2',
		prepare: fuseRanker(FUSE_BEFORE),
	},
	{
		key: 'token',
		label: 'fuse.js token search',
		how: "fuse.js token search: the same with useTokenSearch: true, tokenMatch: 'all'",
		prepare: fuseRanker(FUSE_TOKEN),
	},
	{
		key: 'token-authors',
		label: 'fuse.js token search + authors',
		how: 'fuse.js token search + authors: the same with authors as a third key, weight 1',
		// As slow as the token search itself: a whole extra run of the queries.
		onRequest: true,
		prepare: fuseRanker(FUSE_TOKEN_AUTHORS),
	},
	{
		key: 'fzf',
		label: 'fzf --filter',
		how: 'fzf --filter Q: one line a paper (title, authors, abstract), a process per query; smart case',
		missing: fzfMissing,
		prepare: fzfRanker,
	},
]);
