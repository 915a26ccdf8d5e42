// A 50 MB listing through the built CLI as a real process, its output a pipe this test drains: the peak
// memory must stay proportional to the listing, with a small factor.
//
// What `papers parse --json` has to hold is the papers: their text is the listing's, once, as one-byte
// strings (~1 byte a character), plus a few hundred bytes of objects per paper. The bound: peak RSS
// <= 2.5 x the file + 150 MB (275 MB for 50 MB), that is the text once, as much again and half more for
// the objects and the garbage V8 has not collected yet, and 150 MB for Node itself and its young
// generation. (Measured here: 170 MB for parse --json, 207 MB for list --json; 326 MB and 352 MB when the
// output was queued whole in memory for a pipe.) A second run caps V8's old space at 2 x the file
// (--max-old-space-size), which fails with "heap out of memory" if the process ever holds the listing
// about twice over (the text of the file and the papers made from it, or the whole JSON output next to
// the papers); it needs about 60 MB.
import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {generateListing} from '../../bench/generate.mjs';
import {assertBuilt, CLI_PATH, cliEnvironment, makeTempHome, removeTempDirs, REPO_ROOT} from './cli.js';

/** 29,000 generated papers: 49.8 MB. */
const PAPERS = 29_000;
const MB = 1_000_000;
/** Reports the process's peak RSS (getrusage's ru_maxrss, KiB) on stderr as it exits. */
const RSS_REPORT = fileURLToPath(new URL('../../bench/rss-report.mjs', import.meta.url));

interface Run {
	code: number | null;
	signal: NodeJS.Signals | null;
	stderr: string;
	/** Bytes read from its standard output. */
	bytes: number;
	/** Papers in its JSON output (occurrences of `{"id":`). */
	papers: number;
	/** Its output ends as `papers parse --json` ends it, with the warnings. */
	complete: boolean;
	/** Peak resident set size, bytes. */
	peakRss: number;
	seconds: number;
}

/** Runs `node [nodeFlags] dist/cli.js ...args`, reading its output as it comes, and measures its peak memory. */
function measure(args: readonly string[], nodeFlags: readonly string[] = []): Promise<Run> {
	const started = performance.now();
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [...nodeFlags, '--import', RSS_REPORT, CLI_PATH, ...args], {
			cwd: REPO_ROOT,
			env: cliEnvironment({XDG_CONFIG_HOME: makeTempHome()}),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const needle = Buffer.from('{"id":');
		let bytes = 0;
		let papers = 0;
		// The bytes before this chunk that could begin a needle cut by the chunk's start, and the output's end.
		let carry = Buffer.alloc(0);
		let end = Buffer.alloc(0);
		child.stdout.on('data', (chunk: Buffer) => {
			bytes += chunk.length;
			const window = Buffer.concat([carry, chunk]);
			for (let index = window.indexOf(needle); index !== -1; index = window.indexOf(needle, index + 1)) papers++;
			carry = Buffer.from(window.subarray(Math.max(0, window.length - (needle.length - 1))));
			end = Buffer.from(Buffer.concat([end, chunk]).subarray(-64));
		});
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		child.on('error', reject);
		child.on('close', (code, signal) => {
			const reported = /^bench-max-rss-kib: (\d+)$/m.exec(stderr);
			resolve({
				code,
				signal,
				stderr: stderr.replace(/^bench-max-rss-kib: \d+\n/m, ''),
				bytes,
				papers,
				complete: end.toString('utf8').endsWith('],"warnings":[]}\n'),
				peakRss: reported === null ? Number.NaN : Number(reported[1]) * 1024,
				seconds: (performance.now() - started) / 1000,
			});
		});
	});
}

function describeRun(name: string, run: Run, size: number): string {
	return `${name}: exit ${run.code ?? run.signal}, ${run.papers} papers, ${(run.bytes / MB).toFixed(1)} MB out, peak RSS ${(run.peakRss / MB).toFixed(0)} MB (${(run.peakRss / size).toFixed(2)} x the file), ${run.seconds.toFixed(1)} s${run.stderr === '' ? '' : `\n${run.stderr.slice(0, 2000)}`}`;
}

describe('a 50 MB listing', {timeout: 180_000}, () => {
	let directory: string;
	let file: string;
	let size: number;

	beforeAll(() => {
		assertBuilt();
		directory = mkdtempSync(join(realpathSync(tmpdir()), 'papers-memory-'));
		file = join(directory, 'listing.txt');
		writeFileSync(file, generateListing(PAPERS));
		size = statSync(file).size;
		expect(size).toBeGreaterThan(45 * MB);
	});

	afterAll(() => {
		if (directory !== undefined) rmSync(directory, {recursive: true, force: true});
		removeTempDirs();
	});

	it('papers parse --json into a pipe: every paper out, peak RSS <= 2.5 x the file + 150 MB', async () => {
		const run = await measure(['parse', file, '--json']);
		const report = describeRun('parse --json', run, size);
		console.info(report);
		expect(run.code, report).toBe(0);
		expect(run.papers, report).toBe(PAPERS);
		expect(run.complete, report).toBe(true);
		expect(run.peakRss, report).toBeLessThanOrEqual(2.5 * size + 150 * MB);
	});

	it('papers parse --json with the old space capped at 2 x the file: no crash, every paper out', async () => {
		const cap = Math.round((2 * size) / MB);
		const run = await measure(['parse', file, '--json'], [`--max-old-space-size=${cap}`]);
		const report = describeRun(`parse --json, --max-old-space-size=${cap}`, run, size);
		console.info(report);
		expect(run.code, report).toBe(0);
		expect(run.papers, report).toBe(PAPERS);
		expect(run.complete, report).toBe(true);
	});

	it('papers list --json into a pipe (the store read, each paper with its state): peak RSS <= 2.5 x the file + 150 MB', async () => {
		const run = await measure(['list', file, '--json']);
		const report = describeRun('list --json', run, size);
		console.info(report);
		expect(run.code, report).toBe(0);
		expect(run.papers, report).toBe(PAPERS);
		expect(run.complete, report).toBe(true);
		expect(run.peakRss, report).toBeLessThanOrEqual(2.5 * size + 150 * MB);
	});
});

/** The real API answer's items, repeated with their own ids and titles: 19,000 items, about 70 MB. */
const API_ITEMS = 19_000;

function generateApiAnswer(count: number): string {
	const items = JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures', 'hf-api-daily-papers.json'), 'utf8')) as Array<{paper: {id: string; title: string}}>;
	const answer = Array.from({length: count}, (_, index) => {
		const item = structuredClone(items[index % items.length]!);
		item.paper.id = `2401.${String(index + 1).padStart(5, '0')}`;
		item.paper.title = `${item.paper.title} ${index + 1}`;
		return item;
	});
	return JSON.stringify(answer);
}

/**
 * fixtures/arxiv-atom.xml with its entries repeated to about `bytes`: the text before the first entry and
 * after the last kept, each copy's arXiv ids made unique and its titles numbered. Gives the text and its papers.
 */
function atomFeed(bytes: number): {text: string; papers: number} {
	const fixture = readFileSync(new URL('../../fixtures/arxiv-atom.xml', import.meta.url), 'utf8');
	const first = fixture.indexOf('<entry');
	const last = fixture.lastIndexOf('</entry>') + '</entry>'.length;
	const entries = fixture.slice(first, last);
	const perCopy = entries.split('</entry>').length - 1;
	const parts = [fixture.slice(0, first)];
	let size = 0;
	for (let copy = 1; size < bytes; copy++) {
		const part = entries
			.replace(/abs\/\d{4}\.\d{4,5}/g, `abs/2501.${String(copy).padStart(5, '0')}`)
			.replace(/<title>/g, `<title>[${copy}] `);
		parts.push(part);
		size += part.length;
	}
	parts.push(fixture.slice(last));
	return {text: parts.join(''), papers: (parts.length - 2) * perCopy};
}

/**
 * The other formats, each read as it arrives: the API's JSON an item at a time (src/listing/json-items.ts:
 * 164 MB for 69 MB measured here; 374 MB when it was parsed whole), an Atom feed entry by entry
 * (src/listing/feed-stream.ts, with the CLI having V8 collect its old generation sooner, src/cli.tsx:
 * ~180 MB for 50 MB; ~760 MB parsed whole).
 */
const STREAMED: ReadonlyArray<{name: string; file: string; make: () => {text: string; papers: number}; least: number}> = [
	{name: 'a 70 MB Hugging Face API answer', file: 'api.json', make: () => ({text: generateApiAnswer(API_ITEMS), papers: API_ITEMS}), least: 60 * MB},
	{name: 'a 50 MB arXiv Atom feed', file: 'feed.xml', make: () => atomFeed(50 * MB), least: 45 * MB},
];

describe.each(STREAMED)('$name', {timeout: 180_000}, ({name, file: fileName, make, least}) => {
	let directory: string;
	let file: string;
	let size: number;
	let papers: number;

	beforeAll(() => {
		assertBuilt();
		directory = mkdtempSync(join(realpathSync(tmpdir()), 'papers-memory-'));
		file = join(directory, fileName);
		const listing = make();
		writeFileSync(file, listing.text);
		papers = listing.papers;
		size = statSync(file).size;
		expect(size).toBeGreaterThan(least);
	});

	afterAll(() => {
		if (directory !== undefined) rmSync(directory, {recursive: true, force: true});
		removeTempDirs();
	});

	it('papers parse --json into a pipe: every paper out, peak RSS <= 2.5 x the file + 150 MB', async () => {
		const run = await measure(['parse', file, '--json']);
		const report = describeRun(`parse --json (${name})`, run, size);
		console.info(report);
		expect(run.code, report).toBe(0);
		expect(run.papers, report).toBe(papers);
		expect(run.complete, report).toBe(true);
		expect(run.peakRss, report).toBeLessThanOrEqual(2.5 * size + 150 * MB);
	});
});
