// Listings that are not regular files, through the real CLI: a FIFO and bash's process substitution
// (`papers parse <(cat feed.xml)`) are read as streams, whatever their format and size.
import {execFileSync, spawn} from 'node:child_process';
import {join} from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {assertBuilt, CLI_PATH, cliEnvironment, FIXTURE, makeTempDir, makeTempHome, removeTempDirs, REPO_ROOT, runCli} from './cli.js';

const ATOM = join(REPO_ROOT, 'fixtures', 'arxiv-atom.xml');
const API = join(REPO_ROOT, 'fixtures', 'hf-api-daily-papers.json');

interface Parsed {
	papers: Array<{title: string}>;
}

/** `papers parse --json` through bash with `<(cat FILE)` standing for the listing. */
function parseSubstituted(file: string): Promise<{code: number | null; stdout: string; stderr: string}> {
	return new Promise((resolve, reject) => {
		const child = spawn('bash', ['-c', `"${process.execPath}" "${CLI_PATH}" parse --json <(cat "${file}")`], {env: cliEnvironment({XDG_CONFIG_HOME: makeTempHome()})});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		child.on('error', reject);
		child.on('close', (code) => resolve({code, stdout, stderr}));
	});
}

const titlesOf = async (file: string) => (JSON.parse((await runCli(['parse', file, '--json'], {env: {XDG_CONFIG_HOME: makeTempHome()}})).stdout) as Parsed).papers.map((paper) => paper.title);

beforeAll(() => {
	assertBuilt();
});

afterEach(() => {
	removeTempDirs();
});

describe('listings that are streams', {timeout: 60_000}, () => {
	it.each([
		['page text', FIXTURE],
		['an arXiv feed', ATOM],
		['the API JSON', API],
	])('reads %s through process substitution as it reads the file', async (_name, file) => {
		const result = await parseSubstituted(file);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const titles = (JSON.parse(result.stdout) as Parsed).papers.map((paper) => paper.title);
		expect(titles.length).toBeGreaterThan(0);
		expect(titles).toEqual(await titlesOf(file));
	});

	it.each([
		// The seed page after 3 MB of blank lines: several reads, and a first chunk with nothing in it.
		['after blank lines', `{ head -c 3000000 /dev/zero | tr '\\0' '\\n'; cat "${FIXTURE}"; }`],
		// The seed page twelve times over (1.3 MB): page text read a chunk at a time, the copies merged.
		['twelve times over', `for i in $(seq 12); do cat "${FIXTURE}"; echo; done`],
	])('reads a FIFO larger than one read of it: the seed page %s', async (_name, command) => {
		const directory = makeTempDir();
		const fifo = join(directory, 'listing.fifo');
		execFileSync('mkfifo', [fifo]);
		const writer = spawn('bash', ['-c', `${command} > "${fifo}"`]);
		const result = await runCli(['parse', fifo, '--json'], {env: {XDG_CONFIG_HOME: makeTempHome()}});
		writer.kill();
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect((JSON.parse(result.stdout) as Parsed).papers.map((paper) => paper.title)).toEqual(await titlesOf(FIXTURE));
	});
});
