import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseHfPage} from '../../src/listing/hf-page.js';
import {UNSAFE_CHARACTER} from '../../src/text/sanitize.js';

const FIXTURE = readFileSync(new URL('../../fixtures/hf-daily-papers-page.txt', import.meta.url), 'utf8');
const TODAY = new Date('2026-11-26T12:00:00Z');
const parse = (text: string, year?: number) => parseHfPage(text, {source: 'page.txt', today: TODAY, year});

/** A paper as it appears on the page, with its metadata block. */
function paperBlock(title: string, abstract: string, meta = '  • 3 authors\n·\nFeb 17, 2022'): string {
	return [title, abstract, meta].filter((part) => part !== '').join('\n\n');
}

const CHROME = 'new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\nNov 25\n\n';

describe('parseHfPage on the real page', () => {
	const {papers, warnings} = parse(FIXTURE);

	it('reads all 63 papers without warnings', () => {
		expect(papers).toHaveLength(63);
		expect(warnings).toEqual([]);
	});

	it('reads the first paper whole', () => {
		expect(papers[0]).toMatchObject({
			title: 'Global Convergence of Sub-gradient Method for Robust Matrix Recovery: Small Initialization, Noisy Measurements, and Over-parameterization',
			authorCount: 2,
			authors: [],
			published: '2022-02-17',
			yearInferred: false,
			upvotes: 0,
			links: [],
			arxivId: null,
			source: 'page.txt',
		});
		expect(papers[0]?.abstract).toMatch(/^In this work, we study the performance of sub-gradient method.*over-parameterized rank\.$/);
		expect(papers[0]?.id).toMatch(/^[0-9a-f]{12}$/);
	});

	it('gives every paper a distinct id, a title and an abstract', () => {
		expect(new Set(papers.map((paper) => paper.id)).size).toBe(63);
		for (const paper of papers) {
			expect(paper.title.length).toBeGreaterThan(5);
			expect(paper.abstract.length).toBeGreaterThan(100);
		}
	});

	it('reads papers that have no metadata block', () => {
		const bare = papers.filter((paper) => paper.published === null);
		expect(bare.map((paper) => paper.title)).toEqual([
			'Beyond Outliers: A Study of Optimizers Under Quantization',
			'Fantastic Pretraining Optimizers and Where to Find Them',
		]);
		expect(bare.every((paper) => paper.authorCount === null && paper.upvotes === 0)).toBe(true);
	});

	it('reads upvotes after the date, with and without a year', () => {
		const upvoted = papers.filter((paper) => (paper.upvotes ?? 0) > 0).map((paper) => [paper.published, paper.upvotes, paper.yearInferred]);
		expect(upvoted).toContainEqual(['2024-04-22', 14, false]);
		expect(upvoted).toContainEqual(['2026-10-13', 2, true]);
	});

	it('infers missing years and says so', () => {
		const inferred = papers.filter((paper) => paper.yearInferred);
		expect(inferred.length).toBeGreaterThan(5);
		expect(inferred.every((paper) => paper.published?.startsWith('2026-') || paper.published?.startsWith('2025-'))).toBe(true);
		const withYear = parse(FIXTURE, 2020).papers.filter((paper) => paper.yearInferred);
		expect(withYear.every((paper) => paper.published?.startsWith('2020-'))).toBe(true);
	});

	it('reads "1 authors"', () => {
		expect(papers.filter((paper) => paper.authorCount === 1).length).toBeGreaterThanOrEqual(2);
	});

	it('finds links with and without a scheme', () => {
		const links = papers.flatMap((paper) => paper.links);
		expect(links).toContain('https://github.com/edwardjhu/TP4');
		expect(links).toContain('https://github.com/apple/corenet');
		expect(links.every((link) => link.startsWith('https://'))).toBe(true);
	});
});

describe('parseHfPage on variants', () => {
	const two = CHROME + paperBlock('First Paper Title', 'First abstract. It has sentences.') + '\n\n' + paperBlock('Second Paper', 'Second abstract.', '  • 1 authors\n·\nMar 6 7');

	it('reads CRLF, CR, a BOM and trailing spaces the same as LF', () => {
		const expected = parse(two).papers;
		expect(expected).toHaveLength(2);
		expect(parse('\uFEFF' + two.replaceAll('\n', '\r\n')).papers).toEqual(expected);
		expect(parse(two.replaceAll('\n', '\r')).papers).toEqual(expected);
		expect(parse(two.replaceAll('\n', '  \n')).papers).toEqual(expected);
		expect(parse(two.replaceAll('\n', ' \t\r\n')).papers).toEqual(expected);
	});

	it('needs no page chrome', () => {
		const withoutChrome = two.slice(CHROME.length);
		expect(parse(withoutChrome).papers).toEqual(parse(two).papers);
	});

	it('reads a date without a year followed by upvotes', () => {
		expect(parse(two).papers[1]).toMatchObject({authorCount: 1, published: '2026-03-06', yearInferred: true, upvotes: 7});
	});

	it('reads consecutive papers without metadata', () => {
		const text = 'Alpha Title\n\nAlpha abstract.\n\nBeta Title\n\nBeta abstract.\n\n' + paperBlock('Gamma Title', 'Gamma abstract.');
		const {papers, warnings} = parse(text);
		expect(papers.map((paper) => [paper.title, paper.abstract, paper.published])).toEqual([
			['Alpha Title', 'Alpha abstract.', null],
			['Beta Title', 'Beta abstract.', null],
			['Gamma Title', 'Gamma abstract.', '2022-02-17'],
		]);
		expect(warnings).toEqual([]);
	});

	it('keeps an abstract in several paragraphs together', () => {
		const long = 'This is a longer paragraph. It has two sentences and ends with a period.';
		const text = paperBlock('A Title', `First paragraph.\n\n${long}\n\nShort last paragraph`);
		const {papers} = parse(text);
		expect(papers).toHaveLength(1);
		expect(papers[0]?.abstract).toBe(`First paragraph.\n\n${long}\n\nShort last paragraph`);
	});

	it('joins a title wrapped over several lines', () => {
		expect(parse(paperBlock('A Title That\nWraps', 'Abstract.')).papers[0]?.title).toBe('A Title That Wraps');
	});

	it('warns about a trailing title with no abstract and keeps the rest', () => {
		const {papers, warnings} = parse(two + '\n\nDangling Title');
		expect(papers).toHaveLength(2);
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toMatchObject({source: 'page.txt', line: two.split('\n').length + 2});
		expect(warnings[0]?.message).toContain('Dangling Title');
	});

	it('warns about a metadata block with no paper before it', () => {
		const {papers, warnings} = parse('  • 2 authors\n·\nFeb 1, 2020\n\n' + paperBlock('T', 'A.'));
		expect(papers).toHaveLength(1);
		expect(warnings).toEqual([{source: 'page.txt', line: 1, message: expect.stringContaining('metadata') as string}]);
	});

	it('skips blocks with nothing readable in them, with their line', () => {
		const {papers, warnings} = parse('\u001B[2J\u0007\n\n' + paperBlock('Title', 'Abstract.'));
		expect(papers).toHaveLength(1);
		expect(warnings[0]?.line).toBe(1);
	});

	it('removes escape sequences and bidi controls from every field, keeping the words', () => {
		const text = paperBlock('\u001B]0;owned\u0007Evil \u202ETitle\u001B[31m', 'An \u001B]52;c;ZXZpbA==\u0007abstract with\u009B2J a link https://x.io/\u001B[0mpath.');
		const [paper] = parse(text).papers;
		expect(paper?.title).toBe('Evil Title');
		expect(paper?.abstract).toBe('An abstract with a link https://x.io/path.');
		expect(paper?.links).toEqual(['https://x.io/path']);
		expect(JSON.stringify(paper)).not.toMatch(UNSAFE_CHARACTER);
	});

	it('keeps unicode and LaTeX leftovers readable', () => {
		const [paper] = parse(paperBlock('Inference Scaling scriptsizeFLaws: ℓ₁ Über-Models 🚀', 'Uses $\\ell_1$ loss.')).papers;
		expect(paper?.title).toBe('Inference Scaling scriptsizeFLaws: ℓ₁ Über-Models 🚀');
		expect(paper?.abstract).toBe('Uses ℓ₁ loss.');
	});

	it('shows LaTeX in titles and abstracts as text, and keeps the id of the title as written', () => {
		const [paper] = parse(paperBlock('Schr\\"{o}dinger Bridges for $\\alpha$-Divergence', 'On M\\"obius maps, with 1\\% error and {\\em finite sample} bounds.')).papers;
		expect(paper?.title).toBe('Schrödinger Bridges for α-Divergence');
		expect(paper?.abstract).toBe('On Möbius maps, with 1% error and finite sample bounds.');
		expect(paper?.id).toBe(parse(paperBlock('Schrödinger Bridges for alpha-Divergence', 'An abstract.')).papers[0]?.id);
		const seed = parse(FIXTURE).papers.map((each) => each.abstract).join('\n');
		expect(seed).toContain('Möbius matrix multiplication');
		expect(seed).not.toMatch(/\\"|\\%|\\em\b/);
	});

	it('finds no papers in text that is only chrome or empty', () => {
		expect(parse(CHROME).papers).toEqual([]);
		expect(parse('').papers).toEqual([]);
		expect(parse('\n\n\n').papers).toEqual([]);
	});
});

describe('a title without a body', () => {
	it('is skipped with a warning naming its line, and the paper after it keeps its title', () => {
		const text = `${paperBlock('Title A', 'Abstract A.')}\n\nLonely title\n\n${paperBlock('Title C', 'Abstract C.')}`;
		const {papers, warnings} = parse(text);
		expect(papers.map((paper) => [paper.title, paper.abstract])).toEqual([
			['Title A', 'Abstract A.'],
			['Title C', 'Abstract C.'],
		]);
		expect(warnings).toEqual([{source: 'page.txt', line: text.split('\n').indexOf('Lonely title') + 1, message: 'title without an abstract, skipped: "Lonely title"'}]);
	});

	it('does not split an abstract whose first paragraph ends with a colon', () => {
		const {papers} = parse(paperBlock('A Title', 'We make three contributions:\n\nFirst, a method. Second, a benchmark.'));
		expect(papers.map((paper) => paper.abstract)).toEqual(['We make three contributions:\n\nFirst, a method. Second, a benchmark.']);
	});
});

describe('a URL on the line after a heading', () => {
	it('is the heading’s link (its arXiv id), never part of the title', () => {
		const {papers, warnings} = parse('### A Study of Things That Matter\nhttps://arxiv.org/abs/2410.01234\n\nWe study things that matter and find that they matter a great deal.\n');
		expect(warnings).toEqual([]);
		expect(papers.map((paper) => [paper.title, paper.arxivId])).toEqual([['A Study of Things That Matter', '2410.01234']]);
	});

	it('inside a paragraph stays its text', () => {
		const {papers} = parse('A Study of Things\n\nWe release the code at\nhttps://example.org/code\nfor everyone to use.\n');
		expect(papers.map((paper) => paper.abstract)).toEqual(['We release the code at https://example.org/code for everyone to use.']);
	});
});
