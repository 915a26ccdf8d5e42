/** The kinds of query, in the order they are reported. */
export declare const KINDS: readonly ['two-words', 'title-start', 'typo', 'word-starts', 'before-colon', 'hyphenated', 'author-word'];

export type Kind = (typeof KINDS)[number];

/** What each kind of query is, in a few words. */
export declare const KIND_NOTES: Readonly<Record<Kind, string>>;

/** Share of queries typed in lowercase; the others keep the title's case. */
export declare const LOWERCASE_SHARE: number;

/** What a query is made from. */
export interface QueryPaper {
	title: string;
	authors: readonly string[];
}

/** A query and the paper it means. */
export interface Query {
	kind: Kind;
	query: string;
	/** Index of the paper in the list the queries were made from. */
	target: number;
}

export interface QueryOptions {
	/** Default 1. */
	seed?: number;
	/** Queries of each kind (default 40); fewer when too few papers allow one. */
	perKind?: number;
	/** Default all of KINDS. */
	kinds?: readonly Kind[];
	/** Indices of the papers a query may mean (default all). */
	targets?: readonly number[];
}

/** A title without LaTeX markup, as people type it: `\texttt{Range}` -> `Range`, `G$^2$RPO` -> `G2RPO`. */
export function stripLatex(title: string): string;

/**
 * Queries of each kind for papers picked at random among the targets: `perKind` of each (fewer when
 * not enough papers allow the kind), mostly lowercase. The same papers and options give the same queries.
 */
export function generateQueries(papers: readonly QueryPaper[], options?: QueryOptions): Query[];
