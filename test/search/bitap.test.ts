import {readFileSync} from 'node:fs';
import {fc, test} from '@fast-check/vitest';
import Fuse from 'fuse.js';
import {describe, expect, it} from 'vitest';
import {parseHfPage} from '../../src/listing/hf-page.js';
import {compilePattern, scoreText} from '../../src/search/bitap.js';
import {createSearcher, FUSE_OPTIONS, matchRanges, type SearchHit} from '../../src/search/fuzzy.js';

// The searcher must rank exactly as fuse.js does with the reader's options: same papers, same order,
// same scores. fuse.js itself is the reference here.

interface Doc {
	title: string;
	abstract: string;
}

/** fuse.js's hits; a blank query matches nothing here (fuse.js returns every paper: the reader shows all). */
const reference = (docs: readonly Doc[], query: string): SearchHit[] =>
	query.trim() === '' ? [] : new Fuse(docs, {...FUSE_OPTIONS, includeMatches: false}).search(query.trim()).map((result) => ({index: result.refIndex, score: result.score!}));

const {papers: FIXTURE} = parseHfPage(readFileSync(new URL('../../fixtures/hf-daily-papers-page.txt', import.meta.url), 'utf8'), {source: 'f'});

/** Words near each other, so that random texts and queries often match with a few errors. */
const WORDS = ['language', 'model', 'lnguage', 'modl', 'vision', 'reinforcement', 'learning', 'the', 'a', 'aa', 'ab', 'İstanbul', 'Çé', 'grok', 'grokking', 'LLM', 'x'];
const word = fc.oneof({weight: 4, arbitrary: fc.constantFrom(...WORDS)}, {weight: 1, arbitrary: fc.string({minLength: 1, maxLength: 6, unit: fc.constantFrom('a', 'b', 'e', 'g', 'l', 'm', 'n', 'o', 'A', 'É', 'é', 'ß', ' ', '-')})});
const text = fc.array(word, {maxLength: 30}).map((words) => words.join(' '));
const doc = fc.record({title: fc.oneof(text, fc.constantFrom('', '   ', 'language model', 'aa')), abstract: text});
const docs = fc.array(doc, {minLength: 1, maxLength: 12});
const query = fc.oneof(
	fc.array(word, {minLength: 1, maxLength: 4}).map((words) => words.join(' ')),
	fc.string({minLength: 1, maxLength: 40, unit: fc.constantFrom('a', 'b', 'g', 'l', 'm', 'n', 'o', 'e', 'u', ' ')}),
	fc.constantFrom('language model', 'lnguage modl', 'a', 'aa', 'the language model of the vision learning reinforcement'),
);

describe('the searcher ranks as fuse.js does', () => {
	test.prop([docs, query], {numRuns: 400})('same hits, order and scores on random papers and queries', (papers, q) => {
		expect(createSearcher(papers).search(q)).toEqual(reference(papers, q));
	});

	test.prop([docs, query], {numRuns: 200})('searching the query a character at a time (narrowing) ends with the same hits', (papers, q) => {
		const searcher = createSearcher(papers);
		for (let length = 1; length < q.length; length++) searcher.search(q.slice(0, length));
		expect(searcher.search(q)).toEqual(reference(papers, q));
	});

	it('gives the same results as fuse.js on the fixture for typed, misspelt and long queries', () => {
		const searcher = createSearcher(FIXTURE);
		const queries = ['language model', 'lnguage modl', 'transformr', 'reinforcement learning', 'vision-language', 'grokking', 'a', 'ab', 'the', 'diffusion', 'quantization aware training of large language models for edge devices'];
		for (const q of queries) expect(searcher.search(q), q).toEqual(reference(FIXTURE, q));
		// Typed a character at a time, then deleted again.
		const typed = 'reinforcement learning';
		for (let length = 1; length <= typed.length; length++) expect(searcher.search(typed.slice(0, length))).toEqual(reference(FIXTURE, typed.slice(0, length)));
		for (let length = typed.length; length >= 1; length--) expect(searcher.search(typed.slice(0, length))).toEqual(reference(FIXTURE, typed.slice(0, length)));
	});

	it('finds typos in the abstract with the same error count as fuse.js, whichever algorithm the budget picks', () => {
		// Budgets 1, 2, 3 use the bitap; 4 and more Myers's algorithm.
		const abstract = 'we study how large lnguage modells and vison transformrs learn to reason about grokking';
		for (const q of ['langage', 'language mod', 'language models', 'vision transformers', 'large language models learn', 'transformers learning to reason']) {
			const papers = [{title: '', abstract}];
			expect(createSearcher(papers).search(q), q).toEqual(reference(papers, q));
		}
	});
});

describe('highlighted ranges', () => {
	test.prop([doc, query], {numRuns: 300})('are the ranges a fuse.js search reports for each field', (paper, q) => {
		const [result] = q.trim() === '' ? [] : new Fuse([paper], FUSE_OPTIONS).search(q.trim());
		const ranges = (key: string) => (result?.matches ?? []).filter((match) => match.key === key).flatMap((match) => match.indices.map(([start, end]) => [start, end]));
		expect(matchRanges(q, paper)).toEqual({title: ranges('title'), abstract: ranges('abstract')});
	});
});

describe('search jobs', () => {
	it('give the same hits when run in slices as in one go', () => {
		const searcher = createSearcher(FIXTURE);
		const job = createSearcher(FIXTURE).start('lnguage modl');
		let slices = 0;
		while (!job.run(0)) slices++; // a deadline already past: one batch per call
		expect(slices).toBeGreaterThan(0);
		expect(job.hits()).toEqual(searcher.search('lnguage modl'));
	});

	test.prop([docs, query, fc.nat(12)], {numRuns: 200})('a query typed while a search of its prefix runs takes over its progress and still gives the same hits', (papers, q, slices) => {
		const searcher = createSearcher(papers);
		const cut = Math.max(1, Math.floor(q.length / 2));
		const first = searcher.start(q.slice(0, cut));
		for (let slice = 0; slice < slices && !first.run(0); slice++);
		const second = searcher.start(q);
		second.run(Infinity);
		expect(second.hits()).toEqual(reference(papers, q));
	});

	it('take over a prefix search left half done on the fixture', () => {
		const searcher = createSearcher(FIXTURE);
		const first = searcher.start('lnguage mod');
		first.run(0);
		const second = searcher.start('lnguage modl');
		second.run(Infinity);
		expect(second.hits()).toEqual(reference(FIXTURE, 'lnguage modl'));
	});

	it('refuse to give hits before they are done', () => {
		const job = createSearcher(FIXTURE).start('lnguage modl');
		expect(() => job.hits()).toThrow(/before it finished/);
	});

	it('answer a query searched before from the cache', () => {
		const searcher = createSearcher(FIXTURE);
		const first = searcher.search('grokking');
		const job = searcher.start('grokking');
		expect(job.run(0)).toBe(true);
		expect(job.hits()).toBe(first);
	});

	it('match nothing for a blank query', () => {
		expect(createSearcher(FIXTURE).search('   ')).toEqual([]);
	});
});

describe('scoreText', () => {
	it('scores the whole text 0, an exact occurrence 0.001, and errors by their share of the pattern', () => {
		const pattern = compilePattern('language', 0.3);
		expect(scoreText(pattern, 'language')).toMatchObject({isMatch: true, score: 0});
		expect(scoreText(pattern, 'large language models')).toMatchObject({isMatch: true, score: 0.001, errors: 0});
		expect(scoreText(pattern, 'large lnguage models')).toMatchObject({isMatch: true, score: 1 / 8, errors: 1});
		expect(scoreText(pattern, 'large lngage models')).toMatchObject({isMatch: true, score: 2 / 8, errors: 2});
		expect(scoreText(pattern, 'nothing alike')).toMatchObject({isMatch: false, errors: -1});
	});

	it('counts one error past the budget, for narrowing, without calling it a match', () => {
		const pattern = compilePattern('language', 0.3); // two errors allowed, three counted
		expect(scoreText(pattern, 'lnggae')).toMatchObject({isMatch: false, errors: 3});
	});

	it('needs two characters in a row: a one-character query matches only where it is doubled', () => {
		const pattern = compilePattern('a', 0.3);
		expect(scoreText(pattern, 'a cat')).toMatchObject({isMatch: false});
		expect(scoreText(pattern, 'baa')).toMatchObject({isMatch: true});
	});
});
