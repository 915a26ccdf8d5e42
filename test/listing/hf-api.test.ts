import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {InputError} from '../../src/errors.js';
import {parseHfPage} from '../../src/listing/hf-page.js';
import {createHfApiParser, looksLikeHfApi, parseHfApi} from '../../src/listing/hf-api.js';
import {paperId} from '../../src/listing/paper.js';
import {UNSAFE_CHARACTER} from '../../src/text/sanitize.js';

const FIXTURE = readFileSync(new URL('../../fixtures/hf-api-daily-papers.json', import.meta.url), 'utf8');
const PAGE = readFileSync(new URL('../../fixtures/hf-daily-papers-page.txt', import.meta.url), 'utf8');
const parse = (text: string) => parseHfApi(text, {source: 'api.json'});

/** An API item as the real answer has it, with some fields replaced. */
function item(paper: Record<string, unknown> = {}, outer: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		paper: {id: '2410.00001', title: 'A Title', summary: 'An abstract.', authors: [{name: 'Ann'}], upvotes: 1, publishedAt: '2024-10-01T10:00:00.000Z', ...paper},
		publishedAt: '2024-10-03T00:00:00.000Z',
		numComments: 0,
		...outer,
	};
}

const one = (paper: Record<string, unknown> = {}, outer: Record<string, unknown> = {}) => parse(JSON.stringify([item(paper, outer)]));

describe('parseHfApi on the real answer', () => {
	const {papers, warnings} = parse(FIXTURE);

	it('reads its 4 papers without warnings', () => {
		expect(papers.map((paper) => paper.arxivId)).toEqual(['2410.17243', '2410.16251', '2410.18533', '2410.18693']);
		expect(warnings).toEqual([]);
	});

	it('reads the first paper whole', () => {
		const title = 'Breaking the Memory Barrier: Near Infinite Batch Size Scaling for Contrastive Loss';
		expect(papers[0]).toEqual({
			id: paperId(title),
			title,
			abstract: expect.stringMatching(/^Contrastive loss is a powerful approach for representation learning, where larger batch sizes enhance performance .* The code will be made publicly available\.$/) as string,
			authorCount: 9,
			authors: ['Zesen Cheng', 'Hang Zhang', 'Kehan Li', 'Sicong Leng', 'Zhiqiang Hu', 'Fei Wu', 'Deli Zhao', 'Xin Li', 'Lidong Bing'],
			published: '2024-10-22',
			yearInferred: false,
			upvotes: 64,
			abstractKind: 'abstract',
			organization: null,
			links: ['https://arxiv.org/abs/2410.17243'],
			arxivId: '2410.17243',
			source: 'api.json',
		});
	});

	it('unwraps every title and abstract (no line break is left, no double space)', () => {
		for (const paper of papers) {
			expect(paper.title).not.toMatch(/\s\s|\n/);
			expect(paper.abstract).not.toMatch(/\n|\s\s/);
			expect(paper.abstract.length).toBeGreaterThan(500);
		}
		expect(papers[0]?.abstract).toContain('where larger batch sizes');
	});

	it('reads upvotes and the arXiv publication date of each paper', () => {
		expect(papers.map((paper) => [paper.upvotes, paper.published])).toEqual([
			[64, '2024-10-22'],
			[41, '2024-10-21'],
			[37, '2024-10-24'],
			[35, '2024-10-24'],
		]);
	});

	it('reads the same papers from a byte-order mark and pretty-printed JSON', () => {
		expect(parse(`\uFEFF${JSON.stringify(JSON.parse(FIXTURE), null, 2)}`).papers).toEqual(papers);
	});
});

describe('parseHfApi on variants', () => {
	it('keeps the paragraphs of an abstract, as the page parser does', () => {
		const summary = 'First paragraph is\nwrapped here.\n\nSecond paragraph.\n  Third one, indented as arXiv starts\nparagraphs.';
		expect(one({summary}).papers[0]?.abstract).toBe('First paragraph is wrapped here.\n\nSecond paragraph.\n\nThird one, indented as arXiv starts paragraphs.');
		const page = parseHfPage(`A Title\n\nFirst paragraph is wrapped here.\n\nSecond paragraph.\n\n  • 1 authors\n·\nOct 1, 2024`, {source: 'p'});
		expect(one({summary: 'First paragraph is\nwrapped here.\n\nSecond paragraph.'}).papers[0]?.abstract).toBe(page.papers[0]?.abstract);
	});

	it('takes the title and date of the item when the paper has none', () => {
		const {papers} = one({title: undefined, publishedAt: undefined}, {title: 'Outer Title'});
		expect(papers[0]).toMatchObject({title: 'Outer Title', published: '2024-10-03'});
	});

	it('gives no date for one it cannot read', () => {
		expect(one({publishedAt: 'last Tuesday'}, {publishedAt: undefined}).papers[0]?.published).toBeNull();
	});

	it.each([
		[undefined, null],
		[null, null],
		['12', null],
		[Number.NaN, null],
		[-3, 0],
		[0, 0],
		[7.9, 7],
		[1e6, 1_000_000],
	])('reads upvotes %j as %j', (upvotes, expected) => {
		expect(one({upvotes}).papers[0]?.upvotes).toBe(expected);
	});

	it('gives null upvotes, not 0, to an item without the field', () => {
		const paper: Record<string, unknown> = {...(item().paper as Record<string, unknown>)};
		delete paper.upvotes;
		expect(parse(JSON.stringify([{paper}])).papers[0]?.upvotes).toBeNull();
	});

	it('lists the paper’s arXiv page, then the links in its abstract, without duplicates', () => {
		const summary = 'Code: https://github.com/DAMO-NLP-SG/Inf-CLIP. See arxiv.org/abs/2410.00001 and\nhttp://github.com/DAMO-NLP-SG/Inf-CLIP';
		expect(one({summary}).papers[0]?.links).toEqual(['https://arxiv.org/abs/2410.00001', 'https://github.com/DAMO-NLP-SG/Inf-CLIP']);
	});

	it('accepts old-style ids and drops a version', () => {
		expect(one({id: 'cs/0101001'}).papers[0]?.arxivId).toBe('cs/0101001');
		expect(one({id: '2410.00001v3'}).papers[0]?.links[0]).toBe('https://arxiv.org/abs/2410.00001');
	});

	it('keeps a paper whose id is not an arXiv id, without one, and says so', () => {
		const {papers, warnings} = one({id: 'not-an-id\u001B[31m'});
		expect(papers[0]).toMatchObject({arxivId: null, links: []});
		expect(warnings).toEqual([{source: 'api.json', line: null, message: 'item 1 ("A Title"): "not-an-id" is not an arXiv id; kept without one'}]);
	});

	it('reads author names, skipping entries without one', () => {
		const {papers} = one({authors: [{name: 'Ann'}, {_id: 'x'}, 'Bo', {name: ' Cy\nDee '}, null]});
		expect(papers[0]).toMatchObject({authors: ['Ann', 'Bo', 'Cy Dee'], authorCount: 3});
		expect(one({authors: undefined}).papers[0]).toMatchObject({authors: [], authorCount: null});
	});

	it('skips items it cannot read with a warning each, and keeps the rest', () => {
		const text = JSON.stringify([item(), 42, {title: 'no paper'}, item({title: undefined}), item({title: '\u001B]0;x\u0007 '}), item({title: 'Last'})]);
		const {papers, warnings} = parse(text);
		expect(papers.map((paper) => paper.title)).toEqual(['A Title', 'Last']);
		expect(warnings.map((warning) => warning.message)).toEqual([
			'item 2 is not a {"paper": {...}} item, skipped',
			'item 3 is not a {"paper": {...}} item, skipped',
			'item 4 has no title, skipped',
			'item 5 has no title, skipped',
		]);
	});

	it('reads an empty answer (a day without papers) as no papers and no warnings', () => {
		expect(parse('[]')).toEqual({papers: [], warnings: []});
		expect(parse(' [ ]\n')).toEqual({papers: [], warnings: []});
	});
});

describe('parseHfApi on what is not an API answer', () => {
	const error = (text: string): InputError => {
		try {
			parse(text);
		} catch (caught) {
			if (caught instanceof InputError) return caught;
			throw caught;
		}
		throw new Error('no error');
	};

	it.each([
		['not JSON', 'Daily Papers\n\nA Title', 'api.json: is not valid JSON ('],
		['cut JSON', FIXTURE.slice(0, 5000), 'api.json: is not valid JSON ('],
		['an object', '{"papers": []}', 'api.json: is JSON but not a Hugging Face daily papers list'],
		['a string', '"hello"', 'api.json: is JSON but not a Hugging Face daily papers list'],
		['null', 'null', 'api.json: is JSON but not a Hugging Face daily papers list'],
		['an array of other things', '[{"title": "T", "summary": "S"}, 3]', 'api.json: is JSON but none of its 2 items is a Hugging Face paper'],
		['an API error', '{"error": "Invalid date \\u001B[2J"}', 'api.json: is an error from the Hugging Face API: Invalid date'],
		['an API error after a byte order mark', '\uFEFF {"error": "Invalid date"}', 'api.json: is an error from the Hugging Face API: Invalid date'],
		['text after the array', `${FIXTURE.trimEnd()}\n]`, 'api.json: is not valid JSON (Unexpected text after JSON at byte'],
		['a comma after the last item', `${FIXTURE.trimEnd().slice(0, -1)},]`, "api.json: is not valid JSON (Unexpected token ']' in JSON at byte"],
		['an item that is not JSON', '[{"paper": {"title": "A"}}, {"paper": {title: "B"}}]', 'api.json: is not valid JSON (item 2: '],
	])('refuses %s with an InputError saying so', (_name, text, message) => {
		const caught = error(text);
		expect(caught.message.startsWith(message)).toBe(true);
		expect(caught.message).not.toMatch(UNSAFE_CHARACTER);
	});

	it('prints nothing of the input the JSON parser quotes that a terminal could act on', () => {
		const caught = error('[{"paper": \u001B]52;c;ZXZpbA==\u0007 \u009B2J');
		expect(caught.message).toMatch(/^api\.json: is not valid JSON \(/);
		expect(caught.message).not.toMatch(UNSAFE_CHARACTER);
		expect(caught.message.length).toBeLessThan(120);
	});
});

describe('createHfApiParser', () => {
	const chunks = (size: number) => {
		const bytes = Buffer.from(FIXTURE, 'utf8');
		const parts: Buffer[] = [];
		for (let at = 0; at < bytes.length; at += size) parts.push(bytes.subarray(at, at + size));
		return parts;
	};

	it('reads the answer in chunks of any size, a few papers at a time, to what parseHfApi reads', () => {
		const whole = parse(FIXTURE);
		for (const size of [1, 1000, 1 << 20]) {
			const parser = createHfApiParser(chunks(size), {source: 'api.json'});
			expect(parser.mayBeEmpty).toBe(true);
			expect(parser.run(Infinity, 2)).toBe(false);
			expect(parser.papers.length).toBe(2);
			expect(parser.run(Infinity, 3)).toBe(false);
			expect(parser.papers.length).toBe(3);
			expect(parser.run(Infinity)).toBe(true);
			expect({papers: parser.papers, warnings: parser.warnings}).toEqual(whole);
		}
	});

	it('stops at the deadline with what it has read, and goes on', () => {
		const parser = createHfApiParser(chunks(4096), {source: 'api.json'});
		expect(parser.run(0)).toBe(false);
		expect(parser.papers.length).toBe(1);
		expect(parser.run(Infinity)).toBe(true);
		expect(parser.papers.length).toBe(parse(FIXTURE).papers.length);
	});

	it('refuses the answer when its text goes wrong after papers were read, naming the file', () => {
		const parser = createHfApiParser([Buffer.from(`${FIXTURE.trimEnd()} x`)], {source: 'api.json'});
		expect(parser.run(Infinity, 2)).toBe(false);
		expect(() => parser.run(Infinity)).toThrow(/^api\.json: is not valid JSON \(Unexpected text after JSON at byte \d+\)$/);
	});
});

describe('looksLikeHfApi', () => {
	it.each([
		['the real answer', FIXTURE],
		['its first kilobyte', FIXTURE.slice(0, 1024)],
		['its first 50 bytes', FIXTURE.slice(0, 50)],
		['pretty-printed, after a byte-order mark', `\uFEFF${JSON.stringify(JSON.parse(FIXTURE), null, 2).slice(0, 2000)}`],
		['an empty answer', '[]\n'],
		['an item whose paper comes later', '[{"title": "x", "paper": {"id": "1"}}]'],
	])('says yes to %s', (_name, text) => {
		expect(looksLikeHfApi(text)).toBe(true);
	});

	it.each([
		['page text', PAGE.slice(0, 4096)],
		['a page whose first title starts with a bracket', '[Re] A Paper\n\nIts abstract.'],
		['an object', '{"paper": {}}'],
		['an array of other objects', '[{"title": "Paper 1", "summary": "xx"}]'],
		['an array of numbers', '[1, 2]'],
		['an empty array followed by more', '[] and text'],
		['a quoted key', '[{"title": "the \\"paper\\": {"}]'],
		['nothing', ''],
	])('says no to %s', (_name, text) => {
		expect(looksLikeHfApi(text)).toBe(false);
	});
});

describe('ids shared with the page text', () => {
	it('gives a paper the same id from the API as from the page (the fixtures share no paper: a page block stands in)', () => {
		const api = parse(FIXTURE).papers;
		const page = parseHfPage(PAGE, {source: 'page.txt'}).papers;
		expect(page.filter((paper) => api.some((other) => other.id === paper.id))).toEqual([]);
		const block = `${api[0]?.title}\n\n${api[0]?.abstract}\n\n  • 9 authors\n·\nOct 22, 2024 64\n`;
		const [fromPage] = parseHfPage(block, {source: 'page.txt'}).papers;
		expect(fromPage?.id).toBe(api[0]?.id);
		expect(fromPage?.id).toBe(paperId('Breaking the Memory Barrier: Near Infinite Batch Size Scaling for\n  Contrastive Loss'));
	});

	it('gives the same id whether LaTeX markup is kept (arXiv) or dropped and accents shown as letters (the page)', () => {
		const arxiv = one({title: 'Inference Scaling $\\scriptsize{F}$Laws for Schr\\"{o}dinger\n  Bridges'}).papers[0];
		const page = parseHfPage('Inference Scaling scriptsizeFLaws for Schrödinger Bridges\n\nAbstract.\n\n  • 1 authors\n·\nOct 1, 2024', {source: 'p'}).papers[0];
		expect(arxiv?.title).toBe('Inference Scaling FLaws for Schrödinger Bridges');
		expect(arxiv?.id).toBe(page?.id);
	});
});
