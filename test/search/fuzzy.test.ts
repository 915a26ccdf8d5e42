import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseHfPage} from '../../src/listing/hf-page.js';
import Fuse from 'fuse.js';
import {createSearcher, FUSE_OPTIONS, matchRanges} from '../../src/search/fuzzy.js';

const {papers} = parseHfPage(readFileSync(new URL('../../fixtures/hf-daily-papers-page.txt', import.meta.url), 'utf8'), {source: 'f'});
const searcher = createSearcher(papers);
const titlesFor = (query: string) => searcher.search(query).map((hit) => papers[hit.index]!.title);

describe('fuzzy search', () => {
	it('tolerates typos: "lnguage modl" finds language models first', () => {
		const titles = titlesFor('lnguage modl');
		expect(titles.length).toBeGreaterThan(3);
		for (const title of titles.slice(0, 3)) expect(title).toMatch(/language model/i);
	});

	it('weighs the title above the abstract', () => {
		const [first] = titlesFor('quantization');
		expect(first).toMatch(/quantization/i);
	});

	it('reports matched ranges in the title and the abstract', () => {
		const [hit] = searcher.search('grokking');
		expect(hit).toBeDefined();
		const paper = papers[hit!.index]!;
		const ranges = matchRanges('grokking', paper);
		expect(ranges.title.some(([start, end]) => paper.title.slice(start, end + 1).toLowerCase() === 'grokking')).toBe(true);
		expect(matchRanges('xyzzyqq', paper)).toEqual({title: [], abstract: []});
		// The same ranges as a full fuse.js search reports for the paper.
		for (const query of ['grokking', 'lnguage modl', 'generalization']) {
			const [result] = new Fuse([paper], FUSE_OPTIONS).search(query);
			const ranges = (key: string) => (result?.matches ?? []).filter((match) => match.key === key).flatMap((match) => match.indices.map(([start, end]) => [start, end]));
			expect(matchRanges(query, paper)).toEqual({title: ranges('title'), abstract: ranges('abstract')});
		}
		expect(matchRanges('  ', paper)).toEqual({title: [], abstract: []});
	});

	it('finds nothing for nonsense and for an empty query', () => {
		expect(searcher.search('xyzzyqq')).toEqual([]);
		expect(searcher.search('   ')).toEqual([]);
	});
});
