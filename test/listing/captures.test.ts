import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fc, test} from '@fast-check/vitest';
import {describe, expect, it} from 'vitest';
import {parseHfPage} from '../../src/listing/hf-page.js';
import {loadListings} from '../../src/listing/load.js';
import {mergePapers, type Paper} from '../../src/listing/paper.js';
import {renderCapture, renderHtml, renderLynxDump, type CaptureOptions} from '../helpers/captures.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const SEED = read('../../fixtures/hf-daily-papers-page.txt');
const TODAY = new Date('2026-11-26T12:00:00Z');
const parse = (text: string) => parseHfPage(text, {source: 'capture.md', today: TODAY});
const SEED_PAPERS = parse(SEED).papers;

/** What a capture must keep of each paper. */
const fields = (paper: Paper) => ({
	title: paper.title,
	abstract: paper.abstract,
	authorCount: paper.authorCount,
	published: paper.published,
	yearInferred: paper.yearInferred,
	upvotes: paper.upvotes,
	links: paper.links,
});

describe('the shared captures', () => {
	it('reads the firecrawl markdown capture field by field, and none of its chrome', () => {
		const {papers, warnings} = parse(read('../fixtures/captures/hf-page-firecrawl.md'));
		expect(papers.map((paper) => [paper.title, paper.authorCount, paper.published, paper.upvotes, paper.arxivId])).toEqual([
			['OCC-RAG: Optimal Cognitive Core for Faithful Question Answering', null, '2026-05-29', 101, '2606.00683'],
			['Benchmark Radar: A Living Database and Search Engine for AI Benchmarks and Evaluation', null, '2026-09-09', 173, '2609.11115'],
			['The Noisy Path from Source to Citation: Measuring How Scholars Engage with Past Research', 3, '2025-02-27', 0, '2502.20581'],
			['Source or It Didn\'t Happen: A Multi-Agent Framework for Citation Hallucination Detection', null, '2026-05-08', 1, '2605.08583'],
			['Sources of Truth: A Multi-Platform, Multilingual Audit of Citations in AI Mental Health Information Queries', 10, '2026-08-30', 0, '2609.00319'],
			['WebCiteS: Attributed Query-Focused Summarization on Chinese Web Search Results with Citations', 9, '2024-03-03', 0, '2403.01774'],
		]);
		expect(warnings).toEqual([]);
		expect(papers.every((paper) => paper.abstractKind === 'abstract')).toBe(true);
		// Hard-wrapped abstracts are joined; the organisation shown instead of authors is not part of the abstract.
		expect(papers[2]?.abstract).toMatch(/^Academic citations are widely used for evaluating research and tracing knowledge flows\. Such uses.* of evidence\.$/);
		expect(papers[2]?.abstract).not.toMatch(/\\/);
		expect(papers[0]?.abstract).toMatch(/^Recent progress .*\(MuSiQue-Un\) benchmarks\.$/);
		expect(papers[1]?.abstract).not.toContain('Carnegie Mellon');
		expect(papers.map((paper) => paper.organization)).toEqual(['OCC', 'Carnegie Mellon University', null, 'University of Massachusetts Amherst', null, null]);
		expect(papers[3]?.links).toEqual(['https://github.com/aaFrostnova/CiteTracer']);
	});

	it('reads the trending list: entries repeated by the capture merge, summaries kept as abstracts, GitHub links kept', () => {
		const {papers, warnings} = parse(read('../fixtures/captures/hf-trending.md'));
		expect(warnings).toEqual([]);
		const merged = mergePapers([papers]);
		expect(merged.map((paper) => [paper.title, paper.authorCount, paper.published, paper.links])).toEqual([
			['Agent Lightning: Train ANY AI Agents with Reinforcement Learning', 8, null, ['https://github.com/microsoft/agent-lightning']],
			['HeartMuLa: A Family of Open Sourced Music Foundation Models', 28, null, ['https://github.com/HeartMuLa/heartlib']],
			['MemOS: A Memory OS for AI System', 39, null, ['https://github.com/MemTensor/MemOS']],
			['ShapeR: Robust Conditional 3D Shape Generation from Casual Captures', null, null, ['https://github.com/facebookresearch/ShapeR']],
			['Conditional Memory via Scalable Lookup: A New Axis of Sparsity for Large Language Models', null, null, ['https://github.com/deepseek-ai/Engram']],
		]);
		expect(merged.every((paper) => paper.abstractKind === 'summary' && paper.upvotes === null)).toBe(true);
		expect(merged[0]?.abstract).toBe(
			'Agent Lightning is a flexible RL framework for training LLMs in various agents, using a hierarchical RL algorithm and decoupling execution from training to handle complex interactions.',
		);
	});
});

const BASE: CaptureOptions = {form: 'inline', header: 'none', wrap: 'none', heading: 3, blankLines: true, comments: true, search: null};

describe('the seed page in the forms tools save it', () => {
	const forms: [string, Partial<CaptureOptions>][] = [
		['markdown with inline links (firecrawl)', {header: 'front-matter', wrap: 'double', search: 'over-parameterization'}],
		['markdown from a reader tool (Jina)', {header: 'jina', heading: 4}],
		['a tool header and no headings', {header: 'papers-with-code', heading: 0, wrap: 'single'}],
		['reference-style links (html2text, lynx/w3m-style dumps)', {form: 'reference'}],
		['reference-style links without headings', {form: 'reference', heading: 0, header: 'front-matter'}],
		['link URLs on lines of their own (note-taking exports)', {form: 'own-line-urls', heading: 0}],
		['link URLs on lines of their own, no blank lines', {form: 'own-line-urls', heading: 0, blankLines: false}],
		['plain text with headings and bullets', {form: 'plain', heading: 2, header: 'front-matter'}],
	];
	it.each(forms)('%s', (_name, options) => {
		const text = renderCapture(SEED_PAPERS, {...BASE, ...options});
		const {papers, warnings} = parse(text);
		expect(papers.map(fields)).toEqual(SEED_PAPERS.map(fields));
		expect(warnings).toEqual([]);
		if (options.form === 'inline' || options.form === 'own-line-urls') expect(papers.every((paper, index) => paper.arxivId === `2401.${10_000 + index}`)).toBe(true);
	});

	it('a text browser\'s dump (lynx -dump): numbered links, wrapped and indented paragraphs, a link list at the end', () => {
		const {papers, warnings} = parse(renderLynxDump(SEED_PAPERS));
		expect(papers.map(fields)).toEqual(SEED_PAPERS.map(fields));
		expect(warnings).toEqual([]);
	});

	test.prop([
		fc.record({
			form: fc.constantFrom('inline', 'reference', 'own-line-urls', 'plain'),
			header: fc.constantFrom('none', 'front-matter', 'jina', 'papers-with-code'),
			wrap: fc.constantFrom('none', 'double', 'single'),
			heading: fc.constantFrom(0, 2, 3, 4),
			blankLines: fc.boolean(),
			comments: fc.boolean(),
			search: fc.constantFrom(null, 'matrix sensing', 'over-parameterization'),
		}),
	])('every combination of the forms parses to the seed page\'s papers', (options) => {
		const form = options as CaptureOptions;
		// Without blank lines, only a heading or a link's URL tells a title from its abstract.
		fc.pre(form.blankLines || form.form === 'own-line-urls' || (form.heading > 0 && form.form !== 'plain'));
		const {papers} = parse(renderCapture(SEED_PAPERS, form));
		expect(papers.map(fields)).toEqual(SEED_PAPERS.map(fields));
	});
});

describe('what a capture says of itself', () => {
	const paper = 'A Title\n\nAn abstract of the paper, in one sentence.\n\n* 2 authors\n\n·\n\nDec 30';
	it('reads dates without a year from the day the tool saved the page', () => {
		const saved = parse(`---\nurl: https://huggingface.co/papers\nretrieved: 2026-01-02\n---\n\n${paper}`).papers;
		expect(saved[0]?.published).toBe('2025-12-30');
		expect(parse(paper).papers[0]?.published).toBe('2025-12-30'); // read on 2026-11-26: a December 30 still to come was last year's
	});

	it('never makes a paper of navigation, headings, a search echo or a link', () => {
		const chrome = [
			'---\nurl: https://huggingface.co/papers?q=diffusion%20models\ntitle: Daily Papers - Hugging Face\n---',
			'[Hugging Face](https://huggingface.co/)',
			'https://huggingface.co/',
			'* [Models](https://huggingface.co/models)\n* [Datasets](https://huggingface.co/datasets)\n* [Spaces](https://huggingface.co/spaces)',
			'# Daily Papers',
			'## by [![](https://huggingface.co/front/assets/papers-by.png)AK](https://huggingface.co/akhaliq) and the research community',
			'- Daily\n- Weekly\n- Monthly',
			'Daily / Weekly / Monthly',
			'diffusion models',
			'[Subscribe][29]',
			'[Trending Papers](https://huggingface.co/papers/trending)',
			'Nov 25',
			'   1. https://huggingface.co/\n   2. https://huggingface.co/models',
		].join('\n\n');
		const {papers} = parse(chrome);
		expect(papers).toEqual([]);
		const withPaper = parse(`${chrome}\n\n${paper}`).papers;
		expect(withPaper.map((each) => each.title)).toEqual(['A Title']);
	});

	it('skips a title whose body is a link or a label, with a warning naming its line', () => {
		const {papers, warnings} = parse(`Some Heading\n\nhttps://example.com/page\n\n${paper}`);
		expect(papers.map((each) => each.title)).toEqual(['A Title']);
		expect(warnings).toEqual([{source: 'capture.md', line: 1, message: expect.stringContaining('Some Heading') as string}]);
	});

	it('reads upvotes shown after the title, and "-" as none', () => {
		const {papers} = parse('[OCC-RAG: A Title](https://huggingface.co/papers/2606.00683)\n\n[12](https://huggingface.co/login?next=x)\n\nAn abstract of the paper, in one sentence.\n\n[-](https://huggingface.co/login?next=y)\n\n### Second Title\n\nAnother abstract, also in one sentence.');
		expect(papers.map((each) => [each.title, each.upvotes, each.arxivId])).toEqual([
			['OCC-RAG: A Title', 12, '2606.00683'],
			['Second Title', 0, null],
		]);
	});

	it('quotes, emphasis, escapes and lynx link numbers are taken off', () => {
		const {papers} = parse('> **[12]A Title\\_With Escapes**\n>\n> An abstract of the paper, quoted by a clipper\\\n> and hard-wrapped.');
		expect(papers.map((each) => [each.title, each.abstract])).toEqual([['A Title_With Escapes', 'An abstract of the paper, quoted by a clipper and hard-wrapped.']]);
	});
});

describe('a page saved as HTML', () => {
	it('reads its visible text as the browser copy, and nothing hidden', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'papers-html-'));
		const file = join(directory, 'daily.html');
		writeFileSync(file, renderHtml(SEED_PAPERS));
		const {papers, warnings} = await loadListings([file], {today: TODAY});
		// The browser copy prints votes after the date, the HTML page before the title: the rest is the same.
		expect(papers.map((paper) => ({...fields(paper), upvotes: 0}))).toEqual(SEED_PAPERS.map((paper) => ({...fields(paper), upvotes: 0})));
		expect(papers.map((paper) => paper.upvotes)).toEqual(SEED_PAPERS.map((paper) => paper.upvotes));
		expect(papers.every((paper, index) => paper.arxivId === `2401.${10_000 + index}`)).toBe(true);
		expect(warnings).toEqual([]);
		rmSync(directory, {recursive: true});
	});

	it('reads an .html page in a directory, as the reader does for `papers DIR`', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'papers-html-'));
		writeFileSync(join(directory, 'a-daily.html'), renderHtml(SEED_PAPERS.slice(0, 3)));
		writeFileSync(join(directory, 'b-page.txt'), SEED);
		const {papers, warnings} = await loadListings([directory], {today: TODAY, directories: true});
		expect(papers.map((paper) => paper.title)).toEqual(SEED_PAPERS.map((paper) => paper.title));
		expect(papers[0]?.arxivId).toBe('2401.10000');
		expect(warnings).toEqual([]);
		rmSync(directory, {recursive: true});
	});

	it('says what to do instead when the page has no papers in it', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'papers-html-'));
		const file = join(directory, 'empty.html');
		writeFileSync(file, '<!doctype html><html><head><title>Daily Papers</title><script>var papers = [1, 2];</script></head><body><div id="app"></div></body></html>');
		await expect(loadListings([file])).rejects.toThrow(/empty\.html: is an HTML page with no papers in its text: save the page as text .* `papers fetch`/);
		rmSync(directory, {recursive: true});
	});
});

describe('a trending summary and the paper\'s abstract', () => {
	it('merge into one paper that keeps the abstract, whichever listing comes first', () => {
		const trending = parse('## Trending Papers\n\n### A Shared Title\n\nA one-line summary of what the paper does, written by the site.\n- 3 authors\n[LINK: GitHub 1.2k](https://github.com/a/b)').papers;
		const daily = parse('A Shared Title\n\nThe real abstract, in several sentences. It says more than the summary.\n\n• 3 authors\n·\nFeb 17, 2022 4').papers;
		for (const order of [[trending, daily], [daily, trending]]) {
			const [paper] = mergePapers(order);
			expect(paper).toMatchObject({abstract: 'The real abstract, in several sentences. It says more than the summary.', abstractKind: 'abstract', upvotes: 4});
		}
	});
});

describe('what a page may print around its papers', () => {
	it('reads "Published on" dates and "Upvote 12" counts, and skips a search page\'s result counts and sorting', () => {
		const text = '42 results\n\nSort by: Trending\n\nRelevance\n\nUpvote 12\n\n### A Title\n\nAn abstract of the paper, in one sentence.\n\n* 3 authors\n\n·\n\nPublished on Feb 17, 2022';
		const {papers, warnings} = parse(text);
		expect(papers.map((paper) => [paper.title, paper.upvotes, paper.published, paper.authorCount])).toEqual([['A Title', 12, '2022-02-17', 3]]);
		expect(warnings).toEqual([]);
	});
});

describe('detection', () => {
	it.each([
		['front matter', '---\nurl: https://huggingface.co/papers\n---\n\n'],
		['a heading', '# Daily Papers\n\n'],
		['a link', '[Subscribe](https://huggingface.co/login)\n\n'],
		['an HTML comment', '<!-- clipped 2026-10-02 -->\n\n'],
		['an autolink', '<https://huggingface.co/papers>\n\n'],
	])('reads a capture that opens with %s as page text, without --format', async (_name, opening) => {
		const directory = mkdtempSync(join(tmpdir(), 'papers-detect-'));
		const file = join(directory, 'capture.md');
		writeFileSync(file, `${opening}### A Title\n\nAn abstract of the paper, in one sentence.\n\n* 3 authors\n\n·\n\nFeb 17, 2022`);
		expect((await loadListings([file])).papers.map((paper) => paper.title)).toEqual(['A Title']);
		rmSync(directory, {recursive: true});
	});
});

describe('metadata on one line', () => {
	it('reads "N authors · date" and "· Published on date · [13](…#community)" as a page laid out in a line prints them', () => {
		const text = [
			'[](https://huggingface.co/login?next=%2Fpapers%2F2606.00683)\n\n27\n\nSubmitted by![Image 3](https://cdn-avatars.huggingface.co/v1/x.png)akhaliq',
			'### [OCC-RAG: Optimal Cognitive Core](https://huggingface.co/papers/2606.00683)',
			'[Recent progress in the development of language models has been defined by scale.](https://huggingface.co/papers/2606.00683)',
			'*   [![Image 4](https://cdn-avatars.huggingface.co/a.png)](https://huggingface.co/x)\n*   3 authors',
			'· Published on May 29 · [13](https://huggingface.co/papers/2606.00683#community)',
			'Second Title\n\nAn abstract of the second paper, in one sentence.\n\n2 authors · Feb 17, 2022 · 4',
		].join('\n\n');
		const {papers, warnings} = parse(text);
		expect(papers.map((paper) => [paper.title, paper.upvotes, paper.authorCount, paper.published])).toEqual([
			['OCC-RAG: Optimal Cognitive Core', 27, 3, '2026-05-29'],
			['Second Title', 4, 2, '2022-02-17'],
		]);
		expect(warnings).toEqual([]);
	});
});

describe('precision', () => {
	const LABELS = ['Hugging Face', 'Models', 'Datasets', 'Spaces', 'Docs', 'Pricing', 'Log In', 'Sign Up', 'Subscribe', 'Daily Papers', 'Trending Papers', 'Daily', 'Weekly', 'Monthly', 'new', 'Get trending papers in your email inbox!', 'by AK and the research community', 'System theme', 'Previous', 'Next', 'Submitted by akhaliq', '42 results'];
	const piece = fc.oneof(
		fc.constantFrom(...LABELS),
		fc.constantFrom(...LABELS).map((label) => `[${label}](https://huggingface.co/${label.toLowerCase().replaceAll(' ', '-')})`),
		fc.constantFrom(...LABELS).map((label) => `* [${label}][${label.length}]`),
		fc.constantFrom(...LABELS).map((label) => `## ${label}`),
		fc.constantFrom('https://huggingface.co/', '<https://huggingface.co/papers>', '   12. https://huggingface.co/models', '[12]: https://huggingface.co/'),
		fc.constantFrom('Nov 25', '·', '-', '101', '* 3 authors', 'Feb 17, 2022 4', '[![](https://cdn-avatars.huggingface.co/a.png)OCC](https://huggingface.co/occ-ai)'),
		fc.constantFrom('---', '--------------------', '**URL:** https://huggingface.co/papers', 'Title: Daily Papers - Hugging Face', 'Markdown Content:'),
	);
	test.prop([fc.array(fc.tuple(piece, fc.constantFrom('\n', '\n\n')), {maxLength: 40})], {numRuns: 300})('the page\'s own text, in any form and order, is never a paper', (pieces) => {
		const text = pieces.map(([line, gap]) => line + gap).join('');
		expect(parse(text).papers.map((paper) => paper.title)).toEqual([]);
	});
});

describe('the trending list in other forms', () => {
	it('reads the star count on lines of its own', () => {
		const {papers, warnings} = parse('Trending Papers\n\nAgent Lightning: Train ANY AI Agents\n\nAgent Lightning is a flexible RL framework for training LLMs in various agents.\n\n8 authors\n\nGitHub\n\n11.3k\n\nMemOS: A Memory OS for AI System\n\nMemOS, a memory operating system for Large Language Models, addresses memory management.\n\n★ 4.51k');
		expect(papers.map((paper) => [paper.title, paper.authorCount, paper.abstractKind, paper.upvotes])).toEqual([
			['Agent Lightning: Train ANY AI Agents', 8, 'summary', null],
			['MemOS: A Memory OS for AI System', null, 'summary', null],
		]);
		expect(warnings).toEqual([]);
	});
});

describe('a web clipper\'s front matter', () => {
	it('reads quoted values: the page\'s search, the day it was clipped', () => {
		const text = '---\ntitle: "Daily Papers - Hugging Face"\nsource: "https://huggingface.co/papers?q=citation%20fidelity"\ncreated: "2026-01-02"\ntags:\n  - "clippings"\n---\n\ncitation fidelity\n\n### A Title\n\nAn abstract of the paper, in one sentence.\n\n* 2 authors\n\n·\n\nDec 30';
		const {papers, warnings} = parse(text);
		expect(papers.map((paper) => [paper.title, paper.published])).toEqual([['A Title', '2025-12-30']]);
		expect(warnings).toEqual([]);
	});
});
