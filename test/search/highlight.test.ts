import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseArxivFeed} from '../../src/listing/arxiv.js';
import {matchRanges, type Range} from '../../src/search/highlight.js';
import {createSearcher} from '../../src/search/search.js';

/** The highlighted text of each range. */
const shown = (text: string, ranges: readonly Range[]) => ranges.map(([start, end]) => text.slice(start, end + 1));

describe('highlights', () => {
	const paper = {
		title: 'Benign Overfitting and Grokking in ReLU Networks',
		authors: ['Zhiwei Xu', 'Wei Hu'],
		abstract: 'Neural networks exhibit grokking. The Schrödinger view of over-parameterization.',
	};

	it('marks every matched word in title, authors and abstract: the typed part of a word typed half', () => {
		const ranges = matchRanges('grokk relu xu', paper);
		expect(shown(paper.title, ranges.title)).toEqual(['Grokk', 'ReLU']);
		expect(shown('Zhiwei Xu, Wei Hu', ranges.authors)).toEqual(['Xu']);
		expect(shown(paper.abstract, ranges.abstract)).toEqual(['grokk']);
	});

	it('marks a whole word matched with a typo, and a word found inside a longer one', () => {
		expect(shown(paper.title, matchRanges('overfiting', paper).title)).toEqual(['Overfitting']);
		expect(shown(paper.title, matchRanges('fitting', paper).title)).toEqual(['fitting']);
	});

	it('marks accented words whole, and the parts of a word the paper writes apart', () => {
		expect(shown(paper.abstract, matchRanges('schrodinger', paper).abstract)).toEqual(['Schrödinger']);
		expect(shown(paper.abstract, matchRanges('overparameterization', paper).abstract)).toEqual(['over', 'parameterization']);
		expect(shown(paper.title, matchRanges('^benign networks$', paper).title)).toEqual(['Benign', 'Networks']);
	});

	it('marks nothing for words left out or not there', () => {
		expect(matchRanges('!grokking', paper)).toEqual({title: [], authors: [], abstract: []});
		expect(matchRanges('zzzz', paper)).toEqual({title: [], authors: [], abstract: []});
		expect(matchRanges('', paper)).toEqual({title: [], authors: [], abstract: []});
	});
});

describe('papers whose LaTeX is shown decoded', () => {
	const {papers} = parseArxivFeed(readFileSync(new URL('../../fixtures/arxiv-atom.xml', import.meta.url), 'utf8'), {source: 'atom.xml'});
	const bridges = papers.find((paper) => paper.arxivId === 'hep-th/9901001')!;

	it('are found by the words as typed, without accents', () => {
		expect(bridges.title).toMatch(/^Schrödinger Bridges/);
		for (const query of ['schrodinger bridges', 'Schrödinger', 'optimal transport', 'alpha divergences', 'α-divergences']) {
			const [hit] = createSearcher(papers).search(query);
			expect(papers[hit!.index], query).toBe(bridges);
		}
	});

	it('are highlighted on the text shown', () => {
		const ranges = matchRanges('schrodinger optimal alpha divergences', bridges);
		expect(shown(bridges.title, ranges.title)).toEqual(['Schrödinger', 'Optimal', 'α', 'Divergences']);
		expect(shown(bridges.abstract, ranges.abstract)).toEqual(['Schrödinger', 'optimal', 'α', 'divergence', 'α']);
	});
});
