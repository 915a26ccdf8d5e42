// `papers list --sort`: the reader's orders, for you included, through the built CLI.
import {readFileSync} from 'node:fs';
import {afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {parseHfPage} from '../../src/listing/hf-page.js';
import {byScore, buildFeatures, forYouOrder, PAPERS, rankPapers} from '../../src/triage/index.js';
import {assertBuilt, FIXTURE, makeTempHome, removeTempDirs, runCli, type RunOptions, type RunResult} from './cli.js';

interface JsonPaper {
	id: string;
	title: string;
	read: boolean;
	favorite: boolean;
}

const {papers: fixture} = parseHfPage(readFileSync(FIXTURE, 'utf8'), {source: 'hf'});
let home: string;

function papers(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
	return runCli(args, {...options, env: {XDG_CONFIG_HOME: home, ...options.env}});
}

async function listed(args: readonly string[]): Promise<{papers: JsonPaper[]; stderr: string}> {
	const result = await papers(['list', FIXTURE, '--json', ...args]);
	expect(result.code).toBe(0);
	return {papers: (JSON.parse(result.stdout) as {papers: JsonPaper[]}).papers, stderr: result.stderr};
}

beforeAll(() => {
	assertBuilt();
});
beforeEach(() => {
	home = makeTempHome();
});
afterEach(() => {
	removeTempDirs();
});

describe('papers list --sort', {timeout: 60_000}, () => {
	it('for-you: without favorites, one line on stderr and the listing order', async () => {
		const {papers: shown, stderr} = await listed(['--sort', 'for-you']);
		expect(stderr).toBe('papers: for you: no favorites yet (papers mark --favorite ID); listing order\n');
		expect(shown.map((paper) => paper.id)).toEqual(fixture.map((paper) => paper.id));
	});

	it('for-you: unread papers most like the favorites first, then the read ones and the favorites', async () => {
		const favorites = [3, 10];
		const read = [20];
		expect((await papers(['mark', '--favorite', ...favorites.map((index) => fixture[index]!.id)])).code).toBe(0);
		expect((await papers(['mark', '--read', fixture[read[0]!]!.id])).code).toBe(0);
		const {papers: shown, stderr} = await listed(['--sort', 'for-you']);
		expect(stderr).toBe('');
		// The same ranking as the library computes.
		const ranking = rankPapers(fixture, buildFeatures(fixture, PAPERS.features), favorites, read);
		const flags = (index: number) => ({favorite: favorites.includes(index), read: read.includes(index)});
		const expected = forYouOrder(byScore(ranking.result.scores), flags).map((index) => fixture[index]!.id);
		expect(shown.map((paper) => paper.id)).toEqual(expected);
		expect(shown.slice(-3).every((paper) => paper.read || paper.favorite)).toBe(true);
		expect(shown.map((paper) => paper.id)).not.toEqual(fixture.map((paper) => paper.id));
		// --unread leaves the read paper out (the favorites are unread).
		const unread = await listed(['--sort', 'for-you', '--unread']);
		expect(unread.papers.map((paper) => paper.id)).toEqual(expected.filter((id) => id !== fixture[20]!.id));
		// The table too.
		const table = await papers(['list', FIXTURE, '--sort', 'for-you']);
		expect(table.code).toBe(0);
		expect(table.stdout.indexOf(expected[0]!)).toBeLessThan(table.stdout.indexOf(expected.at(-1)!));
	});

	it('title: alphabetical; listing: the listing order', async () => {
		const {papers: byTitle} = await listed(['--sort', 'title']);
		const collator = new Intl.Collator('en', {sensitivity: 'base', numeric: true});
		expect(byTitle.map((paper) => paper.title)).toEqual(fixture.map((paper) => paper.title).sort((a, b) => collator.compare(a, b)));
		const {papers: listing} = await listed(['--sort', 'listing']);
		expect(listing.map((paper) => paper.id)).toEqual(fixture.map((paper) => paper.id));
	});

	it('a bad value: one line naming the orders, exit 2', async () => {
		const result = await papers(['list', FIXTURE, '--sort', 'stars']);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe('papers: --sort must be one of listing, upvotes, date, title, for-you (got stars)\n');
	});
});
