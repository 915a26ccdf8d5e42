import {readFileSync} from 'node:fs';
import {fc, test} from '@fast-check/vitest';
import {describe, expect, it} from 'vitest';
import {parseHfPage} from '../../src/listing/hf-page.js';
import {compileAtom, matchWord} from '../../src/search/atom-match.js';
import {parseQuery, type Atom} from '../../src/search/query.js';
import {createSearcher, describeCut, finishInSlices, type Searchable} from '../../src/search/search.js';
import {letterBits} from '../../src/search/vocabulary.js';
import {MAX_WORD, wordsOf} from '../../src/search/words.js';

const {papers: fixture} = parseHfPage(readFileSync(new URL('../../fixtures/hf-daily-papers-page.txt', import.meta.url), 'utf8'), {source: 'f'});

const paper = (title: string, abstract = '', authors: string[] = []): Searchable => ({title, abstract, authors});
/** Titles of the hits, best first. */
const titles = (papers: readonly Searchable[], query: string) => createSearcher(papers).search(query).map((hit) => papers[hit.index]!.title);

describe('search', () => {
	it('finds a paper from two of its words in any order, typed half or with a typo', () => {
		const benign = 'Benign Overfitting and Grokking in ReLU Networks for XOR Cluster Data';
		for (const query of ['relu grokking', 'grokking relu', 'grokk relu', 'Grokking ReLU', 'grokkign relu', 'benign overfiting']) {
			expect(titles(fixture, query)[0], query).toBe(benign);
		}
	});

	it('ranks a title that starts with the query, then the query as a phrase, above the words apart', () => {
		const papers = [
			paper('Models of language and grounding', 'language model'),
			paper('A survey of the language model', 'x'),
			paper('Model language: a study', 'x'),
			paper('Language models are few-shot learners', 'x'),
		];
		expect(titles(papers, 'language model')).toEqual([
			'Language models are few-shot learners',
			'A survey of the language model',
			// Both words in the title, apart: the words as typed before a longer word ("models")
			'Model language: a study',
			'Models of language and grounding',
		]);
	});

	it('weighs the title above the authors above the abstract, and rare words above common ones', () => {
		const papers = [paper('Other', 'about diffusion'), paper('Diffusion models'), paper('Other things', '', ['Ada Diffusion'])];
		expect(titles(papers, 'diffusion')).toEqual(['Diffusion models', 'Other things', 'Other']);
		const common = Array.from({length: 20}, (_, index) => paper(`Learning to learn ${index}`, 'learning'));
		const rare = [paper('Learning grokking', 'x'), paper('Grokking things', 'learning')];
		// "grokking" is rare, "learning" is in every paper: the paper with grokking in its title and learning in its abstract beats ones with only learning in the title
		expect(titles([...common, ...rare], 'learning grokking').slice(0, 2)).toEqual(['Learning grokking', 'Grokking things']);
	});

	it('finds authors by name', () => {
		const papers = [paper('Attention is all you need', 'x', ['Ashish Vaswani', 'Noam Shazeer']), paper('Attention again', 'x', ['Someone Else'])];
		expect(titles(papers, 'vaswani attention')).toEqual(['Attention is all you need']);
		expect(titles(papers, 'shazeer')).toEqual(['Attention is all you need']);
	});

	it('lets hyphens, spaces, case and accents not matter', () => {
		const papers = [paper('Over-Parameterization in deep nets'), paper('On overparameterization'), paper('Over parameterization revisited'), paper('Unrelated')];
		for (const query of ['over parameterization', 'overparameterization', 'Over-Parameterization', 'OVER-parameterisation']) {
			expect(titles(papers, query).sort(), query).toEqual(['On overparameterization', 'Over parameterization revisited', 'Over-Parameterization in deep nets']);
		}
		const accents = [paper('The Schrödinger bridge'), paper('Schr\\"{o}dinger equations'), paper('Other')];
		expect(titles(accents, 'schrodinger')).toHaveLength(2);
		expect(titles(accents, 'SCHRÖDINGER')).toHaveLength(2);
	});

	it("reads fzf's operators: 'exact, ^start, end$, !not, a | b", () => {
		const papers = [paper('Transformers for vision'), paper('Vision transformer survey'), paper('Transformed data', 'convolution'), paper('Recurrent nets for vision')];
		expect(titles(papers, 'transfomer')).toHaveLength(3); // a typo
		expect(titles(papers, "'transfomer")).toEqual([]);
		expect(titles(papers, "'transform").sort()).toEqual(['Transformed data', 'Transformers for vision', 'Vision transformer survey']);
		expect(titles(papers, '^vision')).toEqual(['Vision transformer survey']);
		expect(titles(papers, 'vision$').sort()).toEqual(['Recurrent nets for vision', 'Transformers for vision']);
		expect(titles(papers, 'vision !survey').sort()).toEqual(['Recurrent nets for vision', 'Transformers for vision']);
		expect(titles(papers, 'recurrent | convolution').sort()).toEqual(['Recurrent nets for vision', 'Transformed data']);
		expect(titles(papers, '!vision')).toEqual(['Transformed data']);
	});

	it('filters on one letter by the words it starts', () => {
		const papers = [paper('Alpha go'), paper('Beta test'), paper('Gamma', 'all about it')];
		expect(titles(papers, 'a')).toEqual(['Alpha go', 'Gamma']);
		expect(titles(papers, 'b')).toEqual(['Beta test']);
	});

	it('finds a pasted title first, and cuts a query longer than it uses', () => {
		for (const [index, target] of fixture.entries()) {
			if (index % 7 !== 0) continue;
			expect(titles(fixture, target.title)[0]).toBe(target.title);
		}
		const pasted = `${fixture[3]!.title} ${fixture[3]!.abstract}`;
		const job = createSearcher(fixture).start(pasted);
		expect(describeCut(job.cut!)).toMatch(/first \d+ words/);
		expect(titles(fixture, pasted)[0]).toBe(fixture[3]!.title);
		expect(createSearcher(fixture).start('short query').cut).toBeNull();
	});

	it('grows with the list, and indexes a replaced paper again', async () => {
		const first = [paper('Alpha'), paper('Beta')];
		const searcher = createSearcher(first);
		expect(searcher.search('gamma')).toEqual([]);
		const grown = [...first, paper('Gamma rays')];
		searcher.setPapers(grown);
		expect(searcher.search('gamma').map((hit) => hit.index)).toEqual([2]);
		const replaced = [paper('Alpha'), paper('Gamma beta'), grown[2]!];
		searcher.setPapers(replaced);
		expect(searcher.search('gamma').map((hit) => hit.index).sort()).toEqual([1, 2]);
		expect(await finishInSlices(searcher.start('beta'))).toEqual([expect.objectContaining({index: 1})]);
	});

	it('finishes a search in slices, letting timers and signal handlers run between them', async () => {
		const papers = Array.from({length: 20_000}, (_, index) => paper(`Paper ${index} on things`, `word${index} `.repeat(30)));
		let ticks = 0;
		const timer = setInterval(() => ticks++, 0);
		const hits = await finishInSlices(createSearcher(papers).start('things'));
		clearInterval(timer);
		expect(hits).toHaveLength(20_000);
		expect(ticks).toBeGreaterThan(0);
	});

	it('searches in slices that stop at the deadline', () => {
		const papers = Array.from({length: 3000}, (_, index) => paper(`Paper number ${index} about things`, 'an abstract '.repeat(40)));
		const job = createSearcher(papers).start('things');
		let slices = 1;
		while (!job.run(performance.now())) slices++;
		expect(slices).toBeGreaterThan(1);
		expect(job.hits()).toHaveLength(3000);
	});
});

// A reference: the papers a query matches, word by word from the text itself, without an index.
const compoundsOf = (text: string) => {
	const words = wordsOf(text);
	const all = words.map((word) => word.text);
	let compound = '';
	for (const word of words) {
		if (word.joined && compound !== '' && compound.length + word.text.length <= MAX_WORD) {
			compound += word.text;
			all.push(compound);
		} else compound = word.text;
	}
	return all;
};

function referenceHits(papers: readonly Searchable[], query: string): number[] {
	const {groups} = parseQuery(query);
	if (groups.length === 0) return [];
	const everyWord = papers.flatMap((item) => [item.title, item.abstract, ...item.authors].flatMap(compoundsOf));
	const vocabulary = new Set(everyWord);
	return papers.flatMap((item, index) => {
		const title = wordsOf(item.title).map((word) => word.text);
		const words = [item.title, item.abstract, ...item.authors].flatMap(compoundsOf);
		const has = (atom: Atom) => {
			const compiled = compileAtom(atom);
			const candidates = atom.mode === 'start' ? title.slice(0, 1) : atom.mode === 'end' ? title.slice(-1) : words;
			return candidates.some((word) => matchWord(compiled, word, letterBits(word)) > 0);
		};
		const split = (atom: Atom) => {
			if (atom.mode !== 'fuzzy' || atom.text.length < 6) return false;
			for (let at = 3; at <= atom.text.length - 3; at++) {
				const [left, right] = [atom.text.slice(0, at), atom.text.slice(at)];
				if (vocabulary.has(left) && vocabulary.has(right) && words.includes(left) && words.includes(right)) return true;
			}
			return false;
		};
		const matches = groups.every((group) => (group.negated ? !group.alternatives.some(has) : group.alternatives.some((atom) => has(atom) || split(atom))));
		return matches ? [index] : [];
	});
}

const WORDS = ['vision', 'language', 'model', 'grokking', 'relu', 'over', 'parameterization', 'transformer', 'Schrödinger', 'a', 'of', 'net', 'learning'];
const text = (max: number) => fc.array(fc.constantFrom(...WORDS, '-', ':', 'Vision-Language', 'Over-Parameterization', 'overparameterization'), {maxLength: max}).map((words) => words.join(' '));
const papersArbitrary = fc.array(fc.record({title: text(6), abstract: text(12), authors: fc.array(text(2), {maxLength: 2})}), {minLength: 1, maxLength: 12});
const queryArbitrary = fc
	.array(fc.constantFrom('vision', 'langage', 'lang', 'grok', 'relu', 'overparameterization', 'visionlanguage', 'transfomer', 'schrodinger', 'overparameterisation', 'visionlangauge', 'a', '!of', '^vision', 'model$', "'learn", '|', 'net', 'paramterization'), {minLength: 1, maxLength: 4})
	.map((words) => words.join(' '));

describe('search, checked against a reading of every word', () => {
	test.prop([papersArbitrary, queryArbitrary])('matches the same papers', (papers, query) => {
		expect(createSearcher(papers).search(query).map((hit) => hit.index).sort((a, b) => a - b)).toEqual(referenceHits(papers, query));
	});

	test.prop([papersArbitrary, papersArbitrary, queryArbitrary])('matches the same papers in a list that grew and had papers replaced', (before, after, query) => {
		const searcher = createSearcher(before);
		searcher.search(query);
		const grown = [...before.slice(0, 1), ...after, ...before.slice(1)].slice(0, Math.max(before.length, after.length + 1));
		// Same length or longer: the first paper kept, the others replaced or added.
		const list = grown.length >= before.length ? grown : before;
		searcher.setPapers(list);
		expect(searcher.search(query).map((hit) => hit.index).sort((a, b) => a - b)).toEqual(referenceHits(list, query));
	});
});
