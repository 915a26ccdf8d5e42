import {describe, expect, it} from 'vitest';
import {mergePapers, normalizeTitle, paperId} from '../../src/listing/paper.js';
import {makePaper} from '../helpers/paper.js';

const paper = makePaper;

describe('paper ids', () => {
	it('are 12 hex digits', () => {
		expect(paperId('Attention Is All You Need')).toMatch(/^[0-9a-f]{12}$/);
	});

	it('ignore case, width, punctuation, white space and LaTeX markup', () => {
		const id = paperId('Attention Is All You Need');
		expect(paperId('attention is all you need')).toBe(id);
		expect(paperId('  Attention   is all\tyou need! ')).toBe(id);
		expect(paperId('Ａｔｔｅｎｔｉｏｎ Is All You Need')).toBe(id);
		expect(paperId('Attention: Is All -- You Need?')).toBe(id);
		expect(paperId('Inference Scaling $\\scriptsize{F}$Laws')).toBe(paperId('Inference Scaling scriptsizeFLaws'));
		expect(paperId('Straße Models')).toBe(paperId('STRASSE models'));
	});

	it('differ for different titles', () => {
		expect(paperId('Attention Is All You Need')).not.toBe(paperId('Attention Is Not All You Need'));
	});

	it('normalise to readable words', () => {
		expect(normalizeTitle('  Sub-gradient: Method (SubGM)!  ')).toBe('sub gradient method subgm');
	});
});

describe('mergePapers', () => {
	it('dedupes by id, keeps the first position, takes the later upvotes and fills gaps', () => {
		const first = [paper('A', {upvotes: 3, source: 'a.txt'}), paper('B', {source: 'a.txt'})];
		const second = [paper('b', {upvotes: 9, published: '2024-01-02', authorCount: 4, source: 'b.txt'}), paper('C')];
		const merged = mergePapers([first, second]);
		expect(merged.map((item) => item.title)).toEqual(['A', 'B', 'C']);
		expect(merged[1]).toMatchObject({upvotes: 9, published: '2024-01-02', authorCount: 4, source: 'a.txt'});
		expect(merged[0]?.upvotes).toBe(3);
	});

	it('dedupes within one listing too', () => {
		expect(mergePapers([[paper('A', {upvotes: 1}), paper('a', {upvotes: 2})]])).toMatchObject([{title: 'A', upvotes: 2}]);
		// A copy without upvotes (null: an arXiv feed has none) keeps the earlier count; a count of 0 is a count.
		expect(mergePapers([[paper('A', {upvotes: 5})], [paper('a', {upvotes: null})]])).toMatchObject([{title: 'A', upvotes: 5}]);
		expect(mergePapers([[paper('A', {upvotes: 5})], [paper('a', {upvotes: 0})]])).toMatchObject([{title: 'A', upvotes: 0}]);
		expect(mergePapers([[paper('A', {upvotes: null})], [paper('a', {upvotes: null})]])).toMatchObject([{title: 'A', upvotes: null}]);
		expect(mergePapers([[paper('A', {upvotes: null})], [paper('a', {upvotes: 4})]])).toMatchObject([{title: 'A', upvotes: 4}]);
	});
});

describe('normalizeTitle on ASCII', () => {
	it('gives what the Unicode path gives', () => {
		// A non-ASCII character forces the Unicode path; it is a separator there, so appending it changes nothing.
		for (let code = 0x20; code <= 0x7e; code++) {
			const title = `A${String.fromCharCode(code)}b_c-D ${String.fromCharCode(code)}e`;
			expect(normalizeTitle(title)).toBe(normalizeTitle(`${title}\u2014`));
		}
	});
});
