import Fuse, {type IFuseOptions} from 'fuse.js';
import type {Paper} from '../listing/paper.js';
import {compilePattern, scoreText, type Pattern} from './bitap.js';

/** A [start, end] character range (inclusive), as fuse.js reports it. */
export type Range = readonly [number, number];

/** One paper that matched a query, best first. */
export interface SearchHit {
	/** Index of the paper in the list the searcher was built from. */
	index: number;
	/** fuse.js's score: 0 is a perfect match, 1 none. */
	score: number;
}

/** Matched character ranges of one paper, for highlighting. */
export interface MatchRanges {
	title: Range[];
	abstract: Range[];
}

type Searchable = Pick<Paper, 'title' | 'abstract'>;

/**
 * The fuse.js options that define the ranking, shared by the reader and `papers list --query`: title
 * weighs twice the abstract. The searcher below scores exactly as fuse.js does with these options;
 * fuse.js itself computes the highlighted ranges of the few papers on screen.
 */
export const FUSE_OPTIONS: IFuseOptions<Searchable> = {
	keys: [
		{name: 'title', weight: 2},
		{name: 'abstract', weight: 1},
	],
	ignoreLocation: true,
	threshold: 0.3,
	includeScore: true,
	includeMatches: true,
	minMatchCharLength: 2,
};

const THRESHOLD = 0.3;
/** Key weights as fuse.js normalises them (each over their sum). */
const TITLE_WEIGHT = 2 / (2 + 1);
const ABSTRACT_WEIGHT = 1 / (2 + 1);
/** How many papers a search job scores between two looks at the clock. */
const BATCH = 32;
/** Finished searches kept, so that deleting a character shows its results at once. */
const CACHED_SEARCHES = 16;

/** A search under way: run it in slices until it is done, or drop it when the query has changed. */
export interface SearchJob {
	readonly query: string;
	/** Scores papers until they are all done (true) or the clock passes `deadline` (performance.now()). */
	run(deadline: number): boolean;
	/** The hits, best first; only once `run` has returned true. */
	hits(): SearchHit[];
}

/** A fuzzy index over papers' titles and abstracts. */
export interface Searcher {
	/** Papers matching the query, best first; an empty query matches nothing (callers show all). */
	search(query: string): SearchHit[];
	/** The same search, to be run in slices. */
	start(query: string): SearchJob;
}

interface Finished {
	pattern: Pattern;
	hits: SearchHit[];
	/** Papers where either field holds the pattern within `complete` errors (a superset of the hits). */
	near: Int32Array;
	/**
	 * Up to how many errors `near` is complete: the pattern's `nearErrors`, or less when the search
	 * only looked at the papers an earlier search came near.
	 */
	complete: number;
}

/** Papers to search, and up to how many errors of the query they surely include. */
interface Candidates {
	papers: Int32Array;
	complete: number;
}

/**
 * Builds a searcher for a list of papers. Nothing is computed up front: each paper's lowercased text
 * and field norms are made the first time a search reaches it, so building costs nothing at start.
 */
export function createSearcher(papers: readonly Searchable[]): Searcher {
	const count = papers.length;
	// What each field is searched in: the text itself when it is ASCII (matched in any case), else a
	// lowercased copy, made the first time a search reaches it; '' for a blank field.
	const titles: (string | undefined)[] = new Array<string | undefined>(count);
	const abstracts: (string | undefined)[] = new Array<string | undefined>(count);
	const titleAscii = new Uint8Array(count);
	const abstractAscii = new Uint8Array(count);
	const titleNorms = new Float64Array(count).fill(-1);
	const abstractNorms = new Float64Array(count).fill(-1);
	const finished = new Map<string, Finished>();
	/** The last search started, while it runs: a query typed after it can take over its progress. */
	let latest: {pattern: Pattern; near: number[]; candidates: Candidates | null; position: () => number; done: () => boolean} | null = null;

	const searchableTitle = (index: number) => (titles[index] ??= searchable(papers[index]!.title, titleAscii, index));
	const searchableAbstract = (index: number) => (abstracts[index] ??= searchable(papers[index]!.abstract, abstractAscii, index));
	const titleNorm = (index: number) => (titleNorms[index]! >= 0 ? titleNorms[index]! : (titleNorms[index] = fieldNorm(papers[index]!.title)));
	const abstractNorm = (index: number) => (abstractNorms[index]! >= 0 ? abstractNorms[index]! : (abstractNorms[index] = fieldNorm(papers[index]!.abstract)));

	/** Papers a query can match, from earlier searches of a prefix of it; null means all of them. */
	const candidatesFor = (pattern: Pattern): Candidates | null => {
		let best: Candidates | null = null;
		for (const done of finished.values()) {
			if (narrows(done.pattern, done.complete, pattern) && (best === null || done.near.length < best.papers.length)) best = {papers: done.near, complete: done.complete};
		}
		// A search of a prefix still under way (the previous keystroke's): the papers it came near so
		// far, and all those it has not reached yet.
		const running = latest;
		if (running !== null && !running.done()) {
			const complete = completeness(running.pattern, running.candidates);
			const position = running.position();
			const rest = running.candidates === null ? count - position : running.candidates.papers.length - position;
			if (narrows(running.pattern, complete, pattern) && (best === null || running.near.length + rest < best.papers.length)) {
				const papers = new Int32Array(running.near.length + rest);
				papers.set(running.near);
				if (running.candidates === null) for (let index = 0; index < rest; index++) papers[running.near.length + index] = position + index;
				else papers.set(running.candidates.papers.subarray(position), running.near.length);
				best = {papers, complete};
			}
		}
		return best;
	};

	const start = (query: string): SearchJob => {
		const trimmed = query.trim();
		const pattern = compilePattern(trimmed, THRESHOLD);
		const cached = finished.get(pattern.text);
		if (trimmed === '' || cached !== undefined) {
			const hits = cached?.hits ?? [];
			return {query, run: () => true, hits: () => hits};
		}
		const candidates = candidatesFor(pattern);
		const total = candidates === null ? count : candidates.papers.length;
		const hitIndices: number[] = [];
		const hitScores: number[] = [];
		const near: number[] = [];
		let position = 0;
		let result: SearchHit[] | null = null;
		latest = {pattern, near, candidates, position: () => position, done: () => result !== null};

		let close = false;
		/** fuse.js's factor for one field of a paper, or -1 without a match; notes whether it came near. */
		const fieldScore = (text: string, ascii: boolean, weight: number, norm: () => number): number => {
			if (text === '') return -1;
			const result = scoreText(pattern, text, ascii);
			if (result.errors !== -1) close = true;
			return result.isMatch ? Math.pow(result.score === 0 ? Number.EPSILON : result.score, weight * norm()) : -1;
		};
		const scorePaper = (index: number) => {
			close = false;
			const title = fieldScore(searchableTitle(index), titleAscii[index] === 1, TITLE_WEIGHT, () => titleNorm(index));
			const abstract = fieldScore(searchableAbstract(index), abstractAscii[index] === 1, ABSTRACT_WEIGHT, () => abstractNorm(index));
			if (close) near.push(index);
			if (title === -1 && abstract === -1) return;
			// fuse.js multiplies the factors of the fields that matched (in key order) into 1.
			hitIndices.push(index);
			hitScores.push((title === -1 ? 1 : title) * (abstract === -1 ? 1 : abstract));
		};

		return {
			query,
			run(deadline) {
				if (result !== null) return true;
				while (position < total) {
					const end = Math.min(total, position + BATCH);
					for (; position < end; position++) scorePaper(candidates === null ? position : candidates.papers[position]!);
					if (position < total && performance.now() >= deadline) return false;
				}
				result = rank(hitIndices, hitScores);
				remember(finished, {pattern, hits: result, near: Int32Array.from(near), complete: completeness(pattern, candidates)});
				return true;
			},
			hits() {
				if (result === null) throw new Error('search job read before it finished');
				return result;
			},
		};
	};

	return {
		search(query) {
			const job = start(query);
			job.run(Infinity);
			return job.hits();
		},
		start,
	};
}

/**
 * Whether every paper `next` can match is among those a search of `previous` came near, that search
 * being complete up to `complete` errors (see TextScore.errors).
 */
function narrows(previous: Pattern, complete: number, next: Pattern): boolean {
	if (previous.chunks.length !== 1 || next.chunks.length !== 1) return false;
	// A match of the longer query holds a match of its prefix with no more errors; the prefix's search
	// came near every paper where the prefix occurs within `complete` errors.
	return next.text.startsWith(previous.text) && next.chunks[0]!.maxErrors <= complete;
}

/** Up to how many errors a search of `pattern` over `candidates` finds every paper near it. */
function completeness(pattern: Pattern, candidates: Candidates | null): number {
	const own = pattern.chunks.length === 1 ? pattern.chunks[0]!.nearErrors : -1;
	return candidates === null ? own : Math.min(own, candidates.complete);
}

function remember(finished: Map<string, Finished>, done: Finished): void {
	finished.delete(done.pattern.text);
	finished.set(done.pattern.text, done);
	while (finished.size > CACHED_SEARCHES) finished.delete(finished.keys().next().value!);
}

/** Hits best first, ties in listing order: fuse.js's order. */
function rank(indices: number[], scores: number[]): SearchHit[] {
	const order = Array.from(indices.keys());
	order.sort((a, b) => scores[a]! - scores[b]! || indices[a]! - indices[b]!);
	return order.map((at) => ({index: indices[at]!, score: scores[at]!}));
}

const NOT_ASCII = /[\u0080-\uffff]/;

/**
 * What a field is searched in: '' for a blank field (which fuse.js leaves out), the text itself when
 * it is ASCII (flagged in `ascii`), else its lowercased copy.
 */
function searchable(text: string, ascii: Uint8Array, index: number): string {
	if (text.trim() === '') return '';
	if (NOT_ASCII.test(text)) return text.toLowerCase();
	ascii[index] = 1;
	return text;
}

/** fuse.js's field-length norm: 1 / sqrt(number of words), to three decimals. */
function fieldNorm(text: string): number {
	let words = 0;
	let inWord = false;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if ((code >= 9 && code <= 13) || code === 32 || code === 160) {
			inWord = false;
		} else if (!inWord) {
			words++;
			inWord = true;
		}
	}
	return Math.round(1000 / Math.pow(Math.max(1, words), 0.5)) / 1000;
}

/** The characters fuse.js highlights for a query in one paper's title and abstract. */
export function matchRanges(query: string, paper: Searchable): MatchRanges {
	const trimmed = query.trim();
	if (trimmed === '') return {title: [], abstract: []};
	return {title: fieldRanges(trimmed, paper.title), abstract: fieldRanges(trimmed, paper.abstract)};
}

/**
 * fuse.js's matched ranges in one field, from the same per-text search `Fuse#search` runs for each key
 * (`Fuse.match`), without building an index for a single paper on every row drawn.
 */
function fieldRanges(query: string, text: string): Range[] {
	if (text.trim() === '') return []; // fuse.js does not index blank fields
	const result = Fuse.match(query, text, FUSE_OPTIONS);
	return result.isMatch ? (result.indices ?? []).map(([start, end]) => [start, end] as const) : [];
}
