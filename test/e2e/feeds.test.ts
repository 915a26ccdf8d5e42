// arXiv feeds through the real CLI: a feed cut short keeps its whole entries with a warning, its papers
// show no upvotes, and old-style ids are exported as the reader opens them.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {assertBuilt, makeTempDir, makeTempHome, removeTempDirs, REPO_ROOT, runCli, type RunResult} from './cli.js';

const ATOM = join(REPO_ROOT, 'fixtures', 'arxiv-atom.xml');
const RSS = readFileSync(join(REPO_ROOT, 'fixtures', 'arxiv-rss.xml'), 'utf8');

const papers = (args: readonly string[]): Promise<RunResult> => runCli(args, {env: {XDG_CONFIG_HOME: makeTempHome()}});

/** The RSS fixture cut `after` characters past the end of its second item, written to a file. */
function cutFeed(after: number): string {
	const secondEnd = RSS.indexOf('</item>', RSS.indexOf('</item>') + 1) + '</item>'.length;
	const file = join(makeTempDir(), 'cut.xml');
	writeFileSync(file, RSS.slice(0, secondEnd + after));
	return file;
}

beforeAll(() => {
	assertBuilt();
});

afterEach(() => {
	removeTempDirs();
});

describe('a feed cut short', {timeout: 60_000}, () => {
	it('gives its whole entries, exit 0, with a warning naming the line where it ends', async () => {
		const file = cutFeed(60);
		const result = await papers(['parse', file, '--json']);
		expect(result.code).toBe(0);
		const {papers: read, warnings} = JSON.parse(result.stdout) as {papers: Array<{title: string}>; warnings: Array<{line: number; message: string}>};
		expect(read.map((paper) => paper.title)).toEqual(['Can Knowledge Editing Really Correct Hallucinations?', 'LOGO -- Long cOntext aliGnment via efficient preference Optimization']);
		const text = readFileSync(file, 'utf8');
		const line = text.split('\n').length - (text.endsWith('\n') ? 1 : 0); // the line of its last character
		expect(warnings).toEqual([{source: file, line, message: `document ends early at line ${line}: in item 3, which is skipped`}]);
		const table = await papers(['parse', file]);
		expect(table.code).toBe(0);
		expect(table.stderr).toBe(`papers: warning: ${file}:${line}: document ends early at line ${line}: in item 3, which is skipped\n`);
	});

	it('without a whole entry: no papers, exit 2, saying where it ends', async () => {
		const file = join(makeTempDir(), 'cut.xml');
		writeFileSync(file, RSS.slice(0, RSS.indexOf('</item>')));
		const result = await papers(['parse', file]);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/^papers: .*cut\.xml: no papers found in it \(document ends early at line \d+: in item 1 \("Can Knowledge Editing/);
	});
});

describe('a feed\u2019s papers', {timeout: 60_000}, () => {
	it('have no upvotes: null in JSON, a blank UP column in the table', async () => {
		const json = await papers(['parse', ATOM, '--json']);
		expect((JSON.parse(json.stdout) as {papers: Array<{upvotes: unknown}>}).papers.map((paper) => paper.upvotes)).toEqual([null, null, null, null, null]);
		const table = (await papers(['parse', ATOM])).stdout.trimEnd().split('\n');
		expect(table[0]).toMatch(/^ID +DATE +UP +TITLE$/);
		for (const row of table.slice(1)) expect(row).toMatch(/^[0-9a-f]{12} {2}\d{4}-\d{2}-\d{2} {2} {2} {2}\S/);
		expect(table.join('\n')).not.toContain('null');
	});

	it('are exported with their old-style ids: BibTeX eprint and url, the Markdown link', async () => {
		const bibtex = (await papers(['export', ATOM, '--format', 'bibtex'])).stdout;
		expect(bibtex).toContain('  eprint = {hep-th/9901001},\n  archivePrefix = {arXiv},\n  url = {https://arxiv.org/abs/hep-th/9901001},');
		expect(bibtex).toContain('  eprint = {quant-ph/0210005},');
		const markdown = (await papers(['export', ATOM])).stdout;
		expect(markdown).toContain('](https://arxiv.org/abs/hep-th/9901001)');
	});
});
