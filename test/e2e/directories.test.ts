// A directory of listings through the real CLI: `papers list DIR`, `parse DIR` and `export DIR` read it as
// the reader's `papers DIR` does, each file that is no listing skipped with one warning naming it.
import {copyFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {assertBuilt, FIXTURE, makeTempDir, makeTempHome, removeTempDirs, REPO_ROOT, runCli} from './cli.js';

beforeAll(() => {
	assertBuilt();
});

afterEach(() => {
	removeTempDirs();
});

describe('a directory of listings', {timeout: 60_000}, () => {
	it.each([['list'], ['parse'], ['export']])('papers %s DIR reads its listings, and names the file it skips', async (command) => {
		const directory = makeTempDir();
		copyFileSync(FIXTURE, join(directory, 'a-page.txt'));
		copyFileSync(join(REPO_ROOT, 'fixtures', 'arxiv-atom.xml'), join(directory, 'b-feed.xml'));
		copyFileSync(join(REPO_ROOT, 'fixtures', 'arxiv-atom-error.xml'), join(directory, 'c-error.xml'));
		writeFileSync(join(directory, 'd-notes.txt'), 'nothing here\n');
		const result = await runCli([command, directory, ...(command === 'export' ? ['--format', 'json'] : ['--json'])], {env: {XDG_CONFIG_HOME: makeTempHome()}});
		expect(result.code).toBe(0);
		const {papers, warnings} = JSON.parse(result.stdout) as {papers: unknown[]; warnings?: Array<{source: string; message: string}>};
		expect(papers.length).toBeGreaterThan(63);
		// With --json the warnings are in the JSON; export's JSON holds papers only, so they go to stderr.
		const lines = warnings === undefined ? result.stderr.trim().split('\n') : warnings.map((warning) => `${warning.source}: ${warning.message}`);
		if (warnings !== undefined) expect(result.stderr).toBe('');
		expect(lines.some((line) => line.includes('c-error.xml: skipped: is an error answer from the arXiv API'))).toBe(true);
		expect(lines.some((line) => line.includes('d-notes.txt: skipped'))).toBe(true);
		expect(lines).toHaveLength(2);
	});
});
