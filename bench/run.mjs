// The benchmark: `npm run bench` (builds dist/cli.js first), or after `npm run build`
//   node bench/run.mjs [--runs N] [--warmup N] [--only SECTION[,SECTION...]]
// Prints figures; never fails because the machine is slow.
//
// Sections run in order; each is a function that prints its own part. `--only reader` runs the
// sections whose name is "reader" or starts with "reader-".
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import os from 'node:os';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {formatMs, measureInterleaved, peakRss, printTable} from './lib.mjs';
import {librarySection} from './library.mjs';
import {ensureListing} from './listings.mjs';
import {readerStartSection, readerTypingSection} from './reader.mjs';
import {searchQualitySection} from './search-quality.mjs';
import {storeSection} from './store.mjs';
import {triageSection} from './triage.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const NODE = process.execPath;
const BASELINE = {label: 'node -e ""', command: NODE, args: ['-e', '']};

/**
 * @typedef {object} Context
 * @property {number} runs
 * @property {number} warmup
 */

/** @param {string} text */
const print = (text) => process.stdout.write(text);

/**
 * Parse: whole-process wall time of `node dist/cli.js parse --json FILE > /dev/null` on a generated
 * 10,000-paper listing, against a bare `node -e ""` start measured in the same run.
 * @param {Context} context
 */
function parseSection({runs, warmup}) {
	const count = 10_000;
	const goalMs = 1000;
	print(`\n## parse --json, ${count.toLocaleString('en-US')} papers\n\n`);
	print(`  wall time of whole processes: ${warmup} warm-up + ${runs} measured runs each, interleaved; p95 is nearest-rank\n`);

	const {file, bytes, reused} = ensureListing(count, {seed: 1});

	// Read the output once: the figures are only worth having if the parser reads the whole listing.
	const check = spawnSync(NODE, [CLI, 'parse', '--json', file], {maxBuffer: 1024 * 1024 * 1024});
	if (check.status !== 0) throw new Error(`bench: parse failed (exit code ${check.status}):\n${check.stderr.toString('utf8')}`);
	/** @type {{papers: unknown[], warnings: unknown[]}} */
	const parsed = JSON.parse(check.stdout.toString('utf8'));
	print(`  listing   ${relative(file)}: ${(bytes / 1e6).toFixed(1)} MB, ${count.toLocaleString('en-US')} papers generated${reused ? ' earlier (reused)' : ''}\n`);
	print(`  parsed    ${parsed.papers.length.toLocaleString('en-US')} papers, ${parsed.warnings.length} warnings`);
	print(parsed.papers.length === count && parsed.warnings.length === 0 ? '\n\n' : '  (MISMATCH: the figures below are not comparable)\n\n');

	const parse = {label: 'parse --json', command: NODE, args: [CLI, 'parse', '--json', file]};
	const rows = measureInterleaved([BASELINE, parse], {runs, warmup});
	printTable(rows, {baseline: BASELINE.label});

	const [base, parseRow] = rows;
	if (base && parseRow) {
		print(`\n  parse minus start-up (medians): ${formatMs(parseRow.median - base.median)}\n`);
		const verdict = parseRow.median < goalMs ? 'met' : 'not met';
		print(`  goal: parse --json of 10,000 papers under 1 s — median ${formatMs(parseRow.median)}: ${verdict}\n`);
	}

	const rss = peakRss(parse);
	print(rss === null
		? '  peak RSS: not measured (no /usr/bin/time, and the command is not node)\n'
		: `  peak RSS of parse: ${(rss.kib / 1024).toFixed(0)} MiB (one run; ${rss.method})\n`);
}

/** @type {Array<{name: string, run: (context: Context) => void | Promise<void>}>} */
const SECTIONS = [
	{name: 'parse', run: parseSection},
	{name: 'reader-start', run: readerStartSection},
	{name: 'reader-typing', run: readerTypingSection},
	{name: 'search-quality', run: () => searchQualitySection()},
	{name: 'store', run: storeSection},
	{name: 'library', run: librarySection},
	{name: 'triage', run: () => triageSection()},
];

/** @param {string} file */
function relative(file) {
	return file.startsWith(ROOT) ? file.slice(ROOT.length) : file;
}

const USAGE = `usage: node bench/run.mjs [--runs N (>= 1)] [--warmup N (>= 0)] [--only SECTION[,SECTION...]]
sections: ${SECTIONS.map((section) => section.name).join(', ')} (a prefix before "-" names several: reader)
`;

async function main() {
	let values;
	try {
		({values} = parseArgs({options: {runs: {type: 'string', default: '15'}, warmup: {type: 'string', default: '2'}, only: {type: 'string'}}}));
	} catch (error) {
		process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
		return 2;
	}
	const runs = Number(values.runs);
	const warmup = Number(values.warmup);
	if (!Number.isSafeInteger(runs) || runs < 1 || !Number.isSafeInteger(warmup) || warmup < 0) {
		process.stderr.write(USAGE);
		return 2;
	}
	const wanted = values.only === undefined ? null : values.only.split(',').map((name) => name.trim()).filter((name) => name !== '');
	const chosen = SECTIONS.filter(({name}) => wanted === null || wanted.some((want) => name === want || name.startsWith(`${want}-`)));
	const unknown = (wanted ?? []).filter((want) => !SECTIONS.some(({name}) => name === want || name.startsWith(`${want}-`)));
	if (unknown.length > 0 || chosen.length === 0) {
		process.stderr.write(`bench: no section ${unknown.map((name) => JSON.stringify(name)).join(', ') || 'chosen'}\n${USAGE}`);
		return 2;
	}
	if (!existsSync(CLI)) {
		process.stderr.write('bench: dist/cli.js is missing; run `npm run bench` (it builds first) or `npm run build`\n');
		return 2;
	}
	const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
	print(`papers benchmark — node ${process.version}, ${os.platform()} ${os.arch()}, ${os.availableParallelism()} × ${cpu}\n`);
	let status = 0;
	for (const section of chosen) {
		try {
			await section.run({runs, warmup});
		} catch (error) {
			// Figures of a section that broke mean nothing; the other sections still run.
			process.stderr.write(`\nbench: section ${section.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
			status = 1;
		}
	}
	return status;
}

process.exitCode = await main();
