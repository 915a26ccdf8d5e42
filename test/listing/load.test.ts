import {fileURLToPath} from 'node:url';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {InputError} from '../../src/errors.js';
import {loadListings, startLoading} from '../../src/listing/load.js';
import {parseHfPage} from '../../src/listing/hf-page.js';
import {generateListing} from '../../bench/generate.mjs';

const FIXTURE = readFileSync(new URL('../../fixtures/hf-daily-papers-page.txt', import.meta.url), 'utf8');
const ONE = 'A Paper Of Its Own\n\nIts abstract.\n\n  • 2 authors\n·\nFeb 1, 2024 3\n';
let directory: string;

beforeEach(() => {
	directory = mkdtempSync(join(tmpdir(), 'papers-load-'));
});

afterEach(() => {
	rmSync(directory, {recursive: true, force: true});
});

describe('loadListings', () => {
	it('reads standard input for "-"', async () => {
		const result = await loadListings(['-'], {readStdin: async () => Buffer.from(ONE)});
		expect(result.papers.map((paper) => [paper.title, paper.source])).toEqual([['A Paper Of Its Own', '-']]);
	});

	it('refuses a directory unless directories are allowed', async () => {
		await expect(loadListings([directory])).rejects.toThrow(`${directory}: is a directory`);
	});

	it('reads the listings of a directory in name order, skipping files without papers with a warning', async () => {
		writeFileSync(join(directory, '2024-11-26.txt'), ONE);
		writeFileSync(join(directory, '2024-11-25.txt'), FIXTURE);
		writeFileSync(join(directory, 'notes.md'), 'nothing here');
		writeFileSync(join(directory, '.hidden'), ONE.replace('Own', 'Hidden'));
		mkdirSync(join(directory, 'sub'));
		const result = await loadListings([directory], {directories: true});
		expect(result.papers).toHaveLength(64);
		expect(result.papers.at(-1)?.source).toBe(join(directory, '2024-11-26.txt'));
		expect(result.warnings).toEqual([{source: join(directory, 'notes.md'), line: null, message: expect.stringContaining('skipped: no papers') as string}]);
	});

	it('says so when a directory has no listing with papers, or no files', async () => {
		await expect(loadListings([directory], {directories: true})).rejects.toThrow('no listing files');
		writeFileSync(join(directory, 'empty.txt'), '');
		await expect(loadListings([directory], {directories: true})).rejects.toThrow(InputError);
		await expect(loadListings([directory], {directories: true})).rejects.toThrow('no listing in this directory has papers');
	});
});

describe('other formats', () => {
	const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));

	it.each([
		['the Hugging Face API JSON', 'hf-api-daily-papers.json'],
		['an arXiv API Atom feed', 'arxiv-atom.xml'],
		['an arXiv API Atom feed with prefixed elements', 'arxiv-atom-prefixed.xml'],
		['an arXiv RSS feed', 'arxiv-rss.xml'],
	])('detects %s and reads it to papers with arXiv ids', async (_name, name) => {
		const {papers} = await loadListings([fixture(name)]);
		expect(papers.length).toBeGreaterThan(2);
		expect(papers.every((paper) => paper.arxivId !== null && paper.source === fixture(name))).toBe(true);
	});

	it('reads the same papers when --format says the format', async () => {
		const detected = await loadListings([fixture('arxiv-rss.xml')]);
		expect(await loadListings([fixture('arxiv-rss.xml')], {format: 'arxiv'})).toEqual(detected);
		await expect(loadListings([fixture('arxiv-rss.xml')], {format: 'hf-api'})).rejects.toThrow(/: is not valid JSON/);
	});

	it('an empty weekend feed is a listing without papers, not an error', async () => {
		expect(await loadListings([fixture('arxiv-rss-empty.xml')])).toEqual({papers: [], warnings: []});
	});

	it('a paper in the page text, the API and an arXiv feed is one paper (one id), its details filled in', async () => {
		const {papers} = await loadListings([fixture('hf-api-daily-papers.json'), fixture('arxiv-atom.xml'), fixture('arxiv-rss.xml')]);
		const ids = papers.map((paper) => paper.id);
		expect(new Set(ids).size).toBe(ids.length);
		const api = (await loadListings([fixture('hf-api-daily-papers.json')])).papers;
		const atom = (await loadListings([fixture('arxiv-atom.xml')])).papers;
		const shared = api.filter((paper) => atom.some((other) => other.arxivId === paper.arxivId));
		expect(shared.length).toBeGreaterThan(0);
		for (const paper of shared) expect(atom.find((other) => other.arxivId === paper.arxivId)?.id).toBe(paper.id);
	});

	it.each([
		['JSON of another shape', '\uFEFF {"papers": []}', 'is JSON but not a Hugging Face daily papers list'],
		['XML', '<?xml version="1.0"?><catalog><book>x</book></catalog>', 'is XML or HTML but not an arXiv Atom or RSS feed'],
		['an HTML page without papers', '<!DOCTYPE html><html><body><nav>Models Datasets</nav></body></html>', 'is an HTML page with no papers in its text: save the page as text'],
		['an arXiv API error', 'arxiv-atom-error.xml', 'is an error answer from the arXiv API'],
	])('names %s instead of finding no papers', async (_name, content, message) => {
		const file = content.endsWith('.xml') ? fixture(content) : join(directory, 'listing');
		if (!content.endsWith('.xml')) writeFileSync(file, content);
		await expect(loadListings([file])).rejects.toThrow(`${file}: ${message}`);
	});

	it('still reads a page whose first title starts with a bracket', async () => {
		const file = join(directory, 'page.txt');
		writeFileSync(file, `[Re] ${ONE}`);
		expect((await loadListings([file])).papers[0]?.title).toBe('[Re] A Paper Of Its Own');
	});
});

describe('startLoading', () => {
	it('reads in slices to the same papers and warnings as one read, and stops early with enough papers', async () => {
		const first = join(directory, 'first.txt');
		const second = join(directory, 'second.txt');
		writeFileSync(first, FIXTURE);
		writeFileSync(second, `${ONE}\nUnreadable\n\n  • 2 authors\n·\nFeb 1, 2024 3\n\n• 1 author\n`);
		const whole = await loadListings([first, second]);
		const loading = await startLoading([first, second]);
		expect(loading.run(Infinity, 10)).toBe(false);
		expect(loading.papers.length).toBeGreaterThanOrEqual(10);
		expect(loading.papers.length).toBeLessThan(whole.papers.length);
		let slices = 0;
		while (!loading.run(0)) slices++; // a deadline already past: one step per call
		expect(slices).toBeGreaterThan(0);
		expect(loading.papers).toEqual(whole.papers);
		expect(loading.warnings).toEqual(whole.warnings);
		expect(whole.papers.length).toBeGreaterThan(63);
		expect(whole.warnings.length).toBeGreaterThan(0);
	});

	it('checks files named on the command line before any parsing, and a later one without papers when it gets there', async () => {
		const good = join(directory, 'good.txt');
		writeFileSync(good, FIXTURE);
		await expect(startLoading([good, join(directory, 'missing.txt')])).rejects.toThrow('missing.txt: no such file');
		const empty = join(directory, 'nothing.txt');
		writeFileSync(empty, 'Daily Papers\n\nSubscribe\n');
		const loading = await startLoading([good, empty]);
		expect(loading.run(Infinity, 5)).toBe(false);
		expect(() => loading.run(Infinity)).toThrow(`${empty}: no papers found in it`);
	});
});

describe('an arXiv feed cut short', () => {
	const ATOM = readFileSync(new URL('../../fixtures/arxiv-atom.xml', import.meta.url), 'utf8');
	const afterSecond = ATOM.indexOf('</entry>', ATOM.indexOf('</entry>') + 1) + '</entry>'.length + 40;

	it('gives the entries whole before the cut, with the warning saying where it ends', async () => {
		const file = join(directory, 'cut.xml');
		writeFileSync(file, ATOM.slice(0, afterSecond));
		const {papers, warnings} = await loadListings([file]);
		expect(papers.map((paper) => paper.arxivId)).toEqual(['2410.17243', 'quant-ph/0210005']);
		expect(warnings).toEqual([{source: file, line: expect.any(Number) as number, message: expect.stringMatching(/^document ends early at line \d+: in entry 3, which is skipped$/) as string}]);
	});

	it('without a whole entry is a listing without papers, saying where it ends; in a directory it is skipped so', async () => {
		const file = join(directory, 'cut.xml');
		writeFileSync(file, ATOM.slice(0, ATOM.indexOf('</entry>')));
		await expect(loadListings([file])).rejects.toThrow(/cut\.xml: no papers found in it \(document ends early at line \d+: in entry 1 \("Breaking the Memory/);
		const early = join(directory, 'early.xml');
		writeFileSync(early, ATOM.slice(0, 200)); // in the comment before the root element
		await expect(loadListings([early])).rejects.toThrow(`${early}: no papers found in it (document ends early at line 4: before its root element)`);
		writeFileSync(join(directory, 'whole.xml'), ATOM);
		const {papers, warnings} = await loadListings([directory], {directories: true});
		expect(papers).toHaveLength(5);
		expect(warnings.map((warning) => warning.message)).toEqual([
			expect.stringMatching(/^skipped: no papers found in it \(document ends early at line \d+: in entry 1 /),
			'skipped: no papers found in it (document ends early at line 4: before its root element)',
		]);
	});

	it('an empty feed is still a day without papers', async () => {
		const file = join(directory, 'empty.xml');
		writeFileSync(file, readFileSync(new URL('../../fixtures/arxiv-rss-empty.xml', import.meta.url)));
		expect(await loadListings([file])).toEqual({papers: [], warnings: []});
	});
});

describe('large files', () => {
	it('are read in chunks to the same papers as the whole text', async () => {
		const text = generateListing(2000); // about 3.4 MB: several chunks
		const file = join(directory, 'large.txt');
		writeFileSync(file, text.replaceAll('\n', '\r\n'));
		const today = new Date('2026-11-27T12:00:00Z');
		const loaded = await loadListings([file], {today});
		expect(loaded.papers).toHaveLength(2000);
		expect(loaded).toEqual(parseHfPage(text, {source: file, today}));
	});

	it('that start with a megabyte of white space are still read, and a large JSON file is still refused', async () => {
		const file = join(directory, 'spaced.txt');
		writeFileSync(file, `${' \n'.repeat(600_000)}${ONE}`);
		expect((await loadListings([file])).papers).toHaveLength(1);
		const json = join(directory, 'big.json');
		writeFileSync(json, JSON.stringify(Array.from({length: 20_000}, (_unused, index) => ({title: `Paper ${index}`, summary: 'x'.repeat(50)}))));
		await expect(loadListings([json])).rejects.toThrow(`${json}: is JSON`);
	});
});

describe('UTF-16', () => {
	const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
	it.each([
		['little-endian', 'utf16le'],
		['big-endian', 'utf16be'],
	])('reads a listing saved as %s UTF-16 with its byte order mark, as the UTF-8 one', async (_name, order) => {
		const expected = (await loadListings([fixture('hf-daily-papers-page.txt')])).papers.map((paper) => paper.title);
		for (const name of ['hf-daily-papers-page.txt', 'hf-api-daily-papers.json', 'arxiv-atom.xml']) {
			const text = readFileSync(fixture(name), 'utf8');
			const bytes = Buffer.from(text, 'utf16le');
			if (order === 'utf16be') bytes.swap16();
			const file = join(directory, `${name}.${order}`);
			writeFileSync(file, Buffer.concat([Buffer.from(order === 'utf16le' ? [0xff, 0xfe] : [0xfe, 0xff]), bytes]));
			const titles = (await loadListings([file])).papers.map((paper) => paper.title);
			expect(titles).toEqual((await loadListings([fixture(name)])).papers.map((paper) => paper.title));
		}
		expect(expected).toHaveLength(63);
	});
});
