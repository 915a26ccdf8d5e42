// Queries for the search-quality bench, made from real titles the way people remember and type them:
// a few rare words, the start of the title, words with typos, the first letters of words, the name before
// the colon, a hyphenated term written apart or together, an author's surname with a word of the title.
// Deterministic: a seeded PRNG, one stream per kind (leaving a kind out does not change the others).
import {integer, mulberry32, pick, seedFor, shuffled} from './random.mjs';

/** The kinds of query, in the order they are reported. */
export const KINDS = /** @type {const} */ (['two-words', 'title-start', 'typo', 'word-starts', 'before-colon', 'hyphenated', 'author-word']);

/** @typedef {typeof KINDS[number]} Kind */

/**
 * What each kind of query is, in a few words.
 * @type {Record<Kind, string>}
 */
export const KIND_NOTES = {
	'two-words': 'two rare title words (4 letters or more), in another order than the title\'s',
	'title-start': 'the first 1-4 words of the title and about half of the next',
	typo: '2-3 rare title words (5 letters or more), each with a letter dropped, doubled, swapped or replaced',
	'word-starts': 'the first 3-5 letters of two rare title words',
	'before-colon': 'the name before a colon in the first 60 characters (some names start several titles: "SoK")',
	hyphenated: 'a hyphenated title word written apart or together (half each), and a rare title word',
	'author-word': 'an author\'s surname and a rare title word',
};

/**
 * What a query is made from.
 * @typedef {object} QueryPaper
 * @property {string} title
 * @property {readonly string[]} authors
 */

/**
 * A query and the paper it means.
 * @typedef {object} Query
 * @property {Kind} kind
 * @property {string} query
 * @property {number} target Index of the paper in the list the queries were made from.
 */

/**
 * @typedef {object} QueryOptions
 * @property {number} [seed] Default 1.
 * @property {number} [perKind] Queries of each kind (default 40); fewer when too few papers allow one.
 * @property {readonly Kind[]} [kinds] Default all of KINDS.
 * @property {readonly number[]} [targets] Indices of the papers a query may mean (default all).
 */

/** A word of a title: a run of letters, marks and digits starting with a letter or digit. */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
/** Words joined by hyphens ("Vision-Language", "Mixture-of-Experts"); each part needs two letters or more. */
const HYPHENATED = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu;
/** A surname: two letters or more, maybe with an apostrophe or a hyphen inside. */
const SURNAME = /^\p{L}[\p{L}\p{M}'’-]*\p{L}$/u;
/** Words too common in titles for anyone to remember a paper by. */
const STOPWORDS = new Set(['about', 'across', 'after', 'against', 'also', 'among', 'based', 'beyond', 'does', 'from', 'into', 'more', 'over', 'than', 'that', 'their', 'them', 'they', 'this', 'through', 'toward', 'towards', 'under', 'using', 'what', 'when', 'where', 'which', 'while', 'with', 'within', 'without', 'your']);
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Share of queries typed in lowercase; the others keep the title's case. */
export const LOWERCASE_SHARE = 0.75;
/** The colon of a name before it ("LoRA: ...") is within this many characters of the start. */
const COLON_WITHIN = 60;

/**
 * A title without LaTeX markup, as people type it: `\texttt{Range}` -> `Range`, `G$^2$RPO` -> `G2RPO`,
 * `Schr\"{o}dinger` -> `Schrodinger`.
 * @param {string} title
 * @returns {string}
 */
export function stripLatex(title) {
	return title
		.replace(/\\["'`^~=.]\{?([A-Za-z])\}?/g, '$1')
		.replace(/\\[A-Za-z]+\*?/g, '')
		.replace(/[$\\{}^_]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * The words of a title (LaTeX markup stripped) with where they start.
 * @param {string} title
 * @returns {Array<{text: string, index: number}>}
 */
function wordsOf(title) {
	return [...stripLatex(title).matchAll(WORD)].map((match) => ({text: match[0], index: match.index}));
}

/**
 * How many titles hold each word (lowercase).
 * @param {readonly QueryPaper[]} papers
 * @returns {Map<string, number>}
 */
function documentFrequencies(papers) {
	/** @type {Map<string, number>} */
	const frequencies = new Map();
	for (const paper of papers) {
		for (const word of new Set(wordsOf(paper.title).map(({text}) => text.toLowerCase()))) frequencies.set(word, (frequencies.get(word) ?? 0) + 1);
	}
	return frequencies;
}

/**
 * What a kind's maker gets besides the paper.
 * @typedef {object} Context
 * @property {() => number} random
 * @property {Map<string, number>} frequencies Document frequency of each lowercase title word.
 * @property {number} made Queries of this kind made so far.
 */

/**
 * The title's distinct words of at least `minLength` characters with a letter in them, rarest first
 * (ties in a random order), without stop words and the words in `except` (lowercase).
 * @param {string} title
 * @param {Context} context
 * @param {{minLength: number, except?: ReadonlySet<string>}} options
 * @returns {Array<{text: string, index: number}>}
 */
function rareWords(title, {random, frequencies}, {minLength, except = new Set()}) {
	const seen = new Set();
	const words = wordsOf(title).filter(({text}) => {
		const lower = text.toLowerCase();
		const fits = [...text].length >= minLength && /\p{L}/u.test(text) && !STOPWORDS.has(lower) && !except.has(lower) && !seen.has(lower);
		seen.add(lower);
		return fits;
	});
	const frequency = (/** @type {{text: string}} */ word) => frequencies.get(word.text.toLowerCase()) ?? 0;
	return shuffled(random, words).sort((a, b) => frequency(a) - frequency(b));
}

/**
 * The words in the order they are in the title.
 * @param {Array<{text: string, index: number}>} words
 */
function inTitleOrder(words) {
	return [...words].sort((a, b) => a.index - b.index);
}

/**
 * The word with one typo at a letter after the first: `kind` 0 drops a letter, 1 doubles one, 2 swaps
 * two adjacent different letters (or drops one where there are none), 3 replaces one with another.
 * @param {string} word Five letters or more.
 * @param {number} kind
 * @param {() => number} random
 * @returns {string}
 */
function misspell(word, kind, random) {
	const letters = [...word];
	const at = integer(random, 1, letters.length - 1);
	const swappable = letters.flatMap((letter, index) => (index >= 1 && index + 1 < letters.length && letter.toLowerCase() !== letters[index + 1]?.toLowerCase() ? [index] : []));
	if (kind === 1) letters.splice(at, 0, letters[at] ?? '');
	else if (kind === 2 && swappable.length > 0) {
		const swap = pick(random, swappable);
		letters.splice(swap, 2, letters[swap + 1] ?? '', letters[swap] ?? '');
	} else if (kind === 3) {
		const original = letters[at] ?? '';
		const replacement = pick(random, [...LETTERS].filter((letter) => letter !== original.toLowerCase()));
		letters[at] = original === original.toUpperCase() && original !== original.toLowerCase() ? replacement.toUpperCase() : replacement;
	} else letters.splice(at, 1);
	return letters.join('');
}

/**
 * How each kind makes a query of a paper's title and authors; null when it cannot.
 * @type {Record<Kind, (paper: QueryPaper, context: Context) => string | null>}
 */
const MAKERS = {
	'two-words'(paper, context) {
		const words = rareWords(paper.title, context, {minLength: 4}).slice(0, 2);
		return words.length < 2 ? null : inTitleOrder(words).reverse().map(({text}) => text).join(' ');
	},

	'title-start'(paper, {random}) {
		const title = stripLatex(paper.title);
		const words = [...title.matchAll(WORD)];
		const counts = [1, 2, 3, 4].filter((count) => [...(words[count]?.[0] ?? '')].length >= 3);
		if (counts.length === 0) return null;
		const next = words[pick(random, counts)];
		if (next === undefined) return null;
		const letters = [...next[0]];
		const cut = Math.min(letters.length - 1, Math.floor(letters.length / 2) + integer(random, 0, 1));
		return title.slice(0, next.index) + letters.slice(0, cut).join('');
	},

	typo(paper, context) {
		const {random} = context;
		const words = rareWords(paper.title, context, {minLength: 5}).filter(({text}) => /^\p{L}+$/u.test(text));
		const chosen = words.slice(0, Math.min(words.length, integer(random, 2, 3)));
		if (chosen.length < 2) return null;
		const first = integer(random, 0, 3);
		const typed = chosen.map((word, index) => ({...word, text: misspell(word.text, (first + index) % 4, random)}));
		return (random() < 0.5 ? inTitleOrder(typed) : shuffled(random, typed)).map(({text}) => text).join(' ');
	},

	'word-starts'(paper, context) {
		const words = rareWords(paper.title, context, {minLength: 4}).slice(0, 2);
		if (words.length < 2) return null;
		return inTitleOrder(words)
			.map(({text}) => [...text].slice(0, Math.min([...text].length - 1, integer(context.random, 3, 5))).join(''))
			.join(' ');
	},

	'before-colon'(paper) {
		// As people type it, even a name several titles share ("SoK: ..."): no search can tell which is
		// meant, so this kind cannot reach 100%.
		return nameBeforeColon(paper.title);
	},

	hyphenated(paper, context) {
		const {random, made} = context;
		const terms = [...stripLatex(paper.title).matchAll(HYPHENATED)].map((match) => match[0].split('-')).filter((parts) => parts.every((part) => /\p{L}.*\p{L}/u.test(part)));
		if (terms.length === 0) return null;
		const parts = pick(random, terms);
		const [other] = rareWords(paper.title, context, {minLength: 4, except: new Set(parts.map((part) => part.toLowerCase()))});
		if (other === undefined) return null;
		const term = made % 2 === 0 ? parts.join(' ') : parts.join('');
		return random() < 0.5 ? `${term} ${other.text}` : `${other.text} ${term}`;
	},

	'author-word'(paper, context) {
		const surnames = paper.authors.map((name) => name.trim().split(/\s+/).at(-1) ?? '').filter((name) => SURNAME.test(name));
		if (surnames.length === 0) return null;
		const surname = pick(context.random, surnames);
		const [word] = rareWords(paper.title, context, {minLength: 4, except: new Set([surname.toLowerCase()])});
		return word === undefined ? null : `${surname} ${word.text}`;
	},
};

/**
 * The name before ": " near the start of a title (LaTeX markup stripped), or null.
 * @param {string} title
 * @returns {string | null}
 */
function nameBeforeColon(title) {
	const colon = title.indexOf(': ');
	if (colon <= 0 || colon >= COLON_WITHIN) return null;
	const name = stripLatex(title.slice(0, colon));
	return /\p{L}/u.test(name) ? name : null;
}

/**
 * Queries of each kind for papers picked at random among the targets: `perKind` of each (fewer when
 * not enough papers allow the kind), mostly lowercase. The same papers and options give the same queries.
 * @param {readonly QueryPaper[]} papers All the papers of the listing (rare words are rare among them).
 * @param {QueryOptions} [options]
 * @returns {Query[]} By kind, in the order of `kinds`.
 */
export function generateQueries(papers, {seed = 1, perKind = 40, kinds = KINDS, targets = papers.map((_paper, index) => index)} = {}) {
	const frequencies = documentFrequencies(papers);
	return kinds.flatMap((kind) => {
		const random = mulberry32(seedFor(seed, kind));
		/** @type {Query[]} */
		const queries = [];
		for (const target of shuffled(random, targets)) {
			if (queries.length >= perKind) break;
			const paper = papers[target];
			const text = paper === undefined ? null : MAKERS[kind](paper, {random, frequencies, made: queries.length});
			if (text !== null) queries.push({kind, query: random() < LOWERCASE_SHARE ? text.toLowerCase() : text, target});
		}
		return queries;
	});
}
