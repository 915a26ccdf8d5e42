// Ranking quality: the reader's search (`papers list FILE --query Q --json`, the same searcher the reader
// runs) against plain fuse.js over title + abstract, for the bench's queries, on the generated listings
// of 10,000 and 100,000 papers. The reader scores as fuse.js does, so the top 10 (and every result after
// them) must be the same papers in the same order.
import {performance} from 'node:perf_hooks';
import Fuse from 'fuse.js';
import {cliJson, formatMs} from './lib.mjs';
import {ensureListing} from './listings.mjs';

/**
 * Plain fuse.js with the options that define the reader's ranking (FUSE_OPTIONS in src/search/fuzzy.ts),
 * written out here so that the reference does not come from the code it checks.
 */
const FUSE_OPTIONS = {
	keys: [
		{name: 'title', weight: 2},
		{name: 'abstract', weight: 1},
	],
	ignoreLocation: true,
	threshold: 0.3,
	includeScore: true,
	minMatchCharLength: 2,
};
/** The typing benchmark's queries, typos, a single word, a one-letter query and one longer than 32 characters. */
const QUERIES = ['language model', 'reinforcement learning', 'lnguage modl', 'transformr', 'vision-language', 'grokking', 'diffusion', 'a', 'quantization aware training of large language models'];
/** At 100,000 papers fuse.js takes tens of seconds a query: the first two only. */
const BIG_QUERIES = QUERIES.slice(0, 2);
const TOP = 10;

/** @param {string} text */
const print = (text) => process.stdout.write(text);

/** Prints the comparison (the context's runs do not apply: each query is compared once). */
export async function rankingSection() {
	print('\n## ranking: the reader\'s search against plain fuse.js over title + abstract\n\n');
	print('  reader    `papers list FILE --query Q --json` (the reader\'s searcher), in its order\n');
	print(`  fuse.js   new Fuse(papers, {title weight 2, abstract 1, ignoreLocation, threshold 0.3, minMatchCharLength 2}).search(Q)\n`);
	print('  compared  the top 10 ids, and every result (same papers, same order)\n\n');
	const rows = [['', 'query', 'results', 'fuse.js', 'top 10', 'all results', 'fuse.js time']];
	let differences = 0;
	for (const [count, queries] of /** @type {const} */ ([
		[10_000, QUERIES],
		[100_000, BIG_QUERIES],
	])) {
		const {file} = ensureListing(count, {seed: 1});
		const {papers} = cliJson(['parse', file]);
		const fuse = new Fuse(papers, FUSE_OPTIONS);
		for (const query of queries) {
			const ours = cliJson(['list', file, '--query', query]).papers.map((paper) => paper.id);
			const started = performance.now();
			const theirs = fuse.search(query).map((result) => papers[result.refIndex].id);
			const fuseMs = performance.now() - started;
			const sameTop = ours.slice(0, TOP).join() === theirs.slice(0, TOP).join();
			const sameAll = ours.join() === theirs.join();
			if (!sameTop) differences++;
			rows.push([`${count.toLocaleString('en-US')} papers`, JSON.stringify(query), String(ours.length), String(theirs.length), sameTop ? 'same' : 'DIFFERENT', sameAll ? 'same' : 'different', formatMs(fuseMs)]);
		}
	}
	const widths = rows[0].map((_cell, column) => Math.max(...rows.map((row) => row[column].length)));
	for (const row of rows) print(`  ${row.map((cell, column) => (column >= 2 && column !== 4 && column !== 5 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ')}\n`);
	const total = QUERIES.length + BIG_QUERIES.length;
	print(`\n  goal: the same top 10 as plain fuse.js for the bench's queries — ${total - differences} of ${total} the same: ${differences === 0 ? 'met' : 'not met'}\n`);
}
