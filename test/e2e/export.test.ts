// `papers export` as a real process: favorites marked with `papers mark`, then exported in each format.
import {join} from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {assertBuilt, makeTempHome, removeTempDirs, REPO_ROOT, runCli, type RunResult} from './cli.js';

const API = join(REPO_ROOT, 'fixtures', 'hf-api-daily-papers.json');
const PAGE = join(REPO_ROOT, 'fixtures', 'hf-daily-papers-page.txt');
const ATOM = join(REPO_ROOT, 'fixtures', 'arxiv-atom.xml');

interface JsonPaper {
	id: string;
	title: string;
	arxivId: string | null;
	read: boolean;
	favorite: boolean;
}

let home: string;
const papers = (args: readonly string[]): Promise<RunResult> => runCli(args, {env: {XDG_CONFIG_HOME: home}});

async function ok(args: readonly string[]): Promise<string> {
	const result = await papers(args);
	expect(result.stderr).toBe('');
	expect(result.code).toBe(0);
	return result.stdout;
}

let all: JsonPaper[];

beforeAll(async () => {
	assertBuilt();
	home = makeTempHome();
	all = (JSON.parse(await ok(['list', API, '--json'])) as {papers: JsonPaper[]}).papers;
	expect(all.length).toBeGreaterThan(3);
});

afterEach(() => {
	removeTempDirs();
});

describe('papers export', {timeout: 60_000}, () => {
	it('--favorites in each format: exactly the marked papers, Markdown linked, BibTeX with arXiv eprints, JSON records', async () => {
		home = makeTempHome();
		const [first, , third] = all;
		await ok(['mark', '--favorite', first!.id, third!.id]);
		await ok(['mark', '--read', third!.id]);

		const markdown = (await ok(['export', API, '--favorites'])).trimEnd().split('\n');
		expect(markdown).toHaveLength(2);
		expect(markdown[0]).toContain(`](https://arxiv.org/abs/${first!.arxivId})`);
		expect(markdown[1]).toContain(`](https://arxiv.org/abs/${third!.arxivId})`);
		expect(markdown[0]).toMatch(/^- \[Breaking the Memory Barrier/);

		const bibtex = await ok(['export', API, '--favorites', '--format', 'bibtex']);
		expect(bibtex.match(/^@misc\{/gm)).toHaveLength(2);
		expect(bibtex).toContain(`eprint = {${first!.arxivId}}`);
		expect(bibtex).toContain('archivePrefix = {arXiv}');

		const json = JSON.parse(await ok(['export', API, '--favorites', '--format', 'json'])) as {papers: JsonPaper[]};
		expect(json.papers.map((paper) => paper.id)).toEqual([first!.id, third!.id]);
		expect(json.papers.map((paper) => paper.read)).toEqual([false, true]);

		const read = JSON.parse(await ok(['export', API, '--read', '--format', 'json'])) as {papers: JsonPaper[]};
		expect(read.papers.map((paper) => paper.id)).toEqual([third!.id]);
		const unread = JSON.parse(await ok(['export', API, '--unread', '--format', 'json'])) as {papers: JsonPaper[]};
		expect(unread.papers).toHaveLength(all.length - 1);
	});

	it('a paper marked in the API listing is a favorite in an arXiv feed too (one id)', async () => {
		home = makeTempHome();
		await ok(['mark', '--favorite', all[0]!.id]); // marked as a paper of the Hugging Face API listing
		const exported = JSON.parse(await ok(['export', ATOM, PAGE, '--favorites', '--format', 'json'])) as {papers: JsonPaper[]};
		expect(exported.papers.map((paper) => [paper.arxivId, paper.title])).toEqual([[all[0]!.arxivId, all[0]!.title]]);
	});

	it('an unknown format, or two state filters: exit 2 and one line', async () => {
		home = makeTempHome();
		for (const args of [['export', API, '--format', 'yaml'], ['export', API, '--read', '--unread']]) {
			const result = await papers(args);
			expect(result.code, args.join(' ')).toBe(2);
			expect(result.stderr).toMatch(/^papers: [^\n]+\n$/);
		}
	});
});
