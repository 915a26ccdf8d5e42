import {describe, expect, it} from 'vitest';
import {generateQueries, KINDS, stripLatex, type Query, type QueryPaper} from '../bench/queries.mjs';

const PAPERS: QueryPaper[] = [
	{title: 'LoRA-Drop: Efficient Low-Rank Adaptation with Sparse Updates', authors: ['Ana Moreau', 'Kenji Tanaka']},
	{title: 'Vision-Language Models Forget Spatial Reasoning under Occlusion', authors: ['Priya Raman', 'Tomás Ortega']},
	{title: 'GraphMender: Repairing Knowledge Graphs with Retrieval-Augmented Generation', authors: ['Li Wei', 'Sofia Conti']},
	{title: 'Over-Parameterized Networks Memorize Label Noise Gracefully', authors: ['Jonas Becker']},
	{title: 'Scaling Laws for Multilingual Speech Recognition in Low-Resource Settings', authors: ['Amara Okafor', 'Daniel Schmidt']},
	{title: 'Quantum Annealing Schedules for Combinatorial Portfolio Optimization', authors: ['Hiroshi Sato']},
	{title: 'G$^2$RPO-A: Guided Group Relative Policy Optimization with \\emph{Adaptive} Rewards', authors: ['Wen Liu', 'Karin Lindqvist']},
	{title: 'Tiny Recursive Reasoners Outperform Giant Transformers', authors: ['Marta Kowalska']},
];

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/** The target's title as people would type it: LaTeX stripped, lowercase. */
function titleOf(query: Query): string {
	return stripLatex(PAPERS[query.target]!.title).toLowerCase();
}

function wordsOf(text: string): string[] {
	return text.match(WORD) ?? [];
}

/** One dropped, doubled, swapped (adjacent) or replaced letter apart. */
function oneTypoApart(typed: string, word: string): boolean {
	if (typed === word) return false;
	if (typed.length === word.length - 1) return [...word].some((_letter, at) => word.slice(0, at) + word.slice(at + 1) === typed);
	if (typed.length === word.length + 1) return [...typed].some((_letter, at) => typed.slice(0, at) + typed.slice(at + 1) === word);
	if (typed.length !== word.length) return false;
	const differ = [...word].flatMap((letter, at) => (letter === typed[at] ? [] : [at]));
	if (differ.length === 1) return true;
	const [first, second] = differ;
	return differ.length === 2 && second === first! + 1 && word[first!] === typed[second!] && word[second!] === typed[first!];
}

/** Checks that the query's words come from its target the way its kind says. */
function expectFromTarget(query: Query): void {
	const title = titleOf(query);
	const titleWords = wordsOf(title);
	const typed = query.query.toLowerCase();
	const words = typed.split(' ');
	switch (query.kind) {
		case 'two-words': {
			expect(words).toHaveLength(2);
			for (const word of words) expect(titleWords).toContain(word);
			expect(titleWords.indexOf(words[0]!)).toBeGreaterThan(titleWords.indexOf(words[1]!));
			break;
		}
		case 'title-start': {
			expect(title.startsWith(typed)).toBe(true);
			expect(title.slice(typed.length)).toMatch(/^[\p{L}\p{N}]/u);
			break;
		}
		case 'typo': {
			expect(words.length).toBeGreaterThanOrEqual(2);
			expect(words.length).toBeLessThanOrEqual(3);
			for (const word of words) {
				expect(titleWords).not.toContain(word);
				expect(titleWords.some((original) => original.length >= 5 && oneTypoApart(word, original))).toBe(true);
			}
			break;
		}
		case 'word-starts': {
			expect(words).toHaveLength(2);
			for (const word of words) {
				expect(word.length).toBeGreaterThanOrEqual(3);
				expect(word.length).toBeLessThanOrEqual(5);
				expect(titleWords.some((original) => original.length > word.length && original.startsWith(word))).toBe(true);
			}
			break;
		}
		case 'before-colon': {
			expect(title.startsWith(`${typed}: `)).toBe(true);
			break;
		}
		case 'hyphenated': {
			const terms = title.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu) ?? [];
			const written = terms.flatMap((term) => [term.replaceAll('-', ' '), term.replaceAll('-', '')]);
			const term = written.find((form) => typed.startsWith(`${form} `) || typed.endsWith(` ${form}`));
			expect(term).toBeDefined();
			const other = typed.startsWith(`${term} `) ? typed.slice(term!.length + 1) : typed.slice(0, -term!.length - 1);
			expect(titleWords).toContain(other);
			break;
		}
		case 'author-word': {
			expect(words).toHaveLength(2);
			const surnames = PAPERS[query.target]!.authors.map((name) => name.split(' ').at(-1)!.toLowerCase());
			expect(surnames).toContain(words[0]);
			expect(titleWords).toContain(words[1]);
			break;
		}
	}
}

describe('bench/queries.mjs', () => {
	const queries = generateQueries(PAPERS, {seed: 5, perKind: 8});

	it('makes every kind of query', () => {
		expect(new Set(queries.map((query) => query.kind))).toEqual(new Set(KINDS));
	});

	it('makes each query of words of its target, as its kind says', () => {
		for (const query of queries) expectFromTarget(query);
	});

	it('writes hyphenated words apart and together, and leaves some queries as written', () => {
		const hyphenated = queries.filter((query) => query.kind === 'hyphenated').map((query) => query.query.toLowerCase());
		expect(hyphenated.some((query) => /over parameterized|vision language|low rank|lora drop|retrieval augmented|low resource/.test(query))).toBe(true);
		expect(hyphenated.some((query) => /overparameterized|visionlanguage|lowrank|loradrop|retrievalaugmented|lowresource/.test(query))).toBe(true);
		expect(queries.some((query) => query.query !== query.query.toLowerCase())).toBe(true);
	});

	it('strips LaTeX markup from the words it picks', () => {
		for (const query of queries) expect(query.query).not.toMatch(/[$\\{}^]|emph/);
	});

	it('means only the targets it is given', () => {
		const targets = [1, 3];
		for (const query of generateQueries(PAPERS, {seed: 5, perKind: 8, targets})) expect(targets).toContain(query.target);
	});

	it('is deterministic for a seed', () => {
		expect(generateQueries(PAPERS, {seed: 5, perKind: 8})).toEqual(queries);
		expect(generateQueries(PAPERS, {seed: 6, perKind: 8})).not.toEqual(queries);
	});

	it('makes the same queries of a kind whichever other kinds are asked for', () => {
		const typos = queries.filter((query) => query.kind === 'typo');
		expect(generateQueries(PAPERS, {seed: 5, perKind: 8, kinds: ['typo']})).toEqual(typos);
	});
});
