// Saved pages through the real CLI: a markdown capture and the trending list are detected and read
// without --format, an HTML page too, and an HTML page without papers says what to do, exit 2.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {parseHfPage} from '../../src/listing/hf-page.js';
import {renderHtml} from '../helpers/captures.js';
import {assertBuilt, makeTempDir, makeTempHome, removeTempDirs, REPO_ROOT, runCli, type RunResult} from './cli.js';

const CAPTURES = join(REPO_ROOT, 'test', 'fixtures', 'captures');
const papers = (args: readonly string[]): Promise<RunResult> => runCli(args, {env: {XDG_CONFIG_HOME: makeTempHome()}});

interface Parsed {
	papers: Array<{title: string; upvotes: number | null; abstractKind: string; arxivId: string | null}>;
	warnings: unknown[];
}

beforeAll(() => {
	assertBuilt();
});

afterEach(() => {
	removeTempDirs();
});

describe('saved pages', {timeout: 60_000}, () => {
	it('reads the firecrawl capture without --format: its six papers, none of its chrome', async () => {
		const result = await papers(['parse', join(CAPTURES, 'hf-page-firecrawl.md'), '--json']);
		expect(result.code).toBe(0);
		const parsed = JSON.parse(result.stdout) as Parsed;
		expect(parsed.papers.map((paper) => paper.arxivId)).toEqual(['2606.00683', '2609.11115', '2502.20581', '2605.08583', '2609.00319', '2403.01774']);
		expect(parsed.papers.map((paper) => paper.upvotes)).toEqual([101, 173, 0, 1, 0, 0]);
		expect(parsed.warnings).toEqual([]);
	});

	it('reads the trending list: five papers from ten entries, summaries, no upvotes shown', async () => {
		const json = JSON.parse((await papers(['parse', join(CAPTURES, 'hf-trending.md'), '--json'])).stdout) as Parsed;
		expect(json.papers).toHaveLength(5);
		expect(json.papers.every((paper) => paper.abstractKind === 'summary' && paper.upvotes === null)).toBe(true);
		const table = await papers(['parse', join(CAPTURES, 'hf-trending.md')]);
		expect(table.stdout).toContain('MemOS: A Memory OS for AI System');
		expect(table.stdout).not.toMatch(/\b0 {2}MemOS/);
	});

	it('reads a page saved as HTML, and names an HTML page without papers with what to do, exit 2', async () => {
		const seed = parseHfPage(readFileSync(join(REPO_ROOT, 'fixtures', 'hf-daily-papers-page.txt')), {source: 'seed'}).papers;
		const directory = makeTempDir();
		const page = join(directory, 'daily.html');
		writeFileSync(page, renderHtml(seed));
		const read = JSON.parse((await papers(['parse', page, '--json'])).stdout) as Parsed;
		expect(read.papers.map((paper) => paper.title)).toEqual(seed.map((paper) => paper.title));
		const empty = join(directory, 'empty.html');
		writeFileSync(empty, '<!doctype html><html><head><title>Hugging Face</title></head><body><div id="app"></div><script>load()</script></body></html>');
		const result = await papers(['parse', empty]);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr.trim().split('\n')).toEqual([`papers: ${empty}: is an HTML page with no papers in its text: save the page as text instead (select all, copy, paste into a file), or get the listing with \`papers fetch\``]);
	});
});
