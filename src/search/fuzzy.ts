import Fuse, {type FuseResultMatch, type IFuseOptions} from 'fuse.js';
import type {Paper} from '../listing/paper.js';

/** A [start, end] character range (inclusive), as fuse.js reports it. */
export type Range = readonly [number, number];

/** One paper that matched a query, best first. */
export interface SearchHit {
	/** Index of the paper in the list the searcher was built from. */
	index: number;
	/** 0 is a perfect match, 1 none. */
	score: number;
	/** Matched character ranges in the title. */
	titleRanges: Range[];
	/** Matched character ranges in the abstract. */
	abstractRanges: Range[];
}

/** The fuse.js options shared by the reader and `papers list --query`: title weighs twice the abstract. */
export const FUSE_OPTIONS: IFuseOptions<Pick<Paper, 'title' | 'abstract'>> = {
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

/** A fuzzy index over papers' titles and abstracts. */
export interface Searcher {
	/** Papers matching the query, best first; an empty query matches nothing (callers show all). */
	search(query: string): SearchHit[];
}

/** Builds the fuzzy index once for a list of papers. */
export function createSearcher(papers: readonly Pick<Paper, 'title' | 'abstract'>[]): Searcher {
	const fuse = new Fuse(papers, FUSE_OPTIONS);
	return {
		search(query) {
			const trimmed = query.trim();
			if (trimmed === '') return [];
			return fuse.search(trimmed).map((result) => ({
				index: result.refIndex,
				score: result.score ?? 0,
				titleRanges: rangesFor(result.matches, 'title'),
				abstractRanges: rangesFor(result.matches, 'abstract'),
			}));
		},
	};
}

function rangesFor(matches: readonly FuseResultMatch[] | undefined, key: string): Range[] {
	return (matches ?? []).filter((match) => match.key === key).flatMap((match) => match.indices.map(([start, end]) => [start, end] as const));
}
