import {AtomTable} from './atom-match.js';
import {PaperIndex, type Searchable} from './paper-index.js';
import {parseQuery, type Atom, type Query, type QueryCut} from './query.js';
import {planQuery, Scorer} from './rank.js';
import {keepRecent} from './recent.js';
import {grow} from './vocabulary.js';

export type {Searchable} from './paper-index.js';

/** One paper that matched a query, best first. */
export interface SearchHit {
	/** Index of the paper in the list searched. */
	index: number;
	/** How well it matched: higher is better (only the order means something). */
	score: number;
}

/** A search under way: run it in slices until it is done. */
export interface SearchJob {
	readonly query: string;
	/** What of a query longer than search uses was left out (see describeCut), or null. */
	readonly cut: QueryCut | null;
	/** Works until done (true) or the clock passes `deadline` (performance.now()). */
	run(deadline: number): boolean;
	/** The hits, best first; only once `run` has returned true. */
	hits(): SearchHit[];
}

/**
 * A search index over a list of papers that grows (as a listing is read): papers are only added, or
 * replaced where they are by a merged copy.
 */
export interface Searcher {
	/** Papers matching the query, best first; a query without words matches nothing (callers show all). */
	search(query: string): SearchHit[];
	/**
	 * The same search, to be run in slices, over `papers` (the searcher's list by default). A list longer
	 * than the searcher's becomes its list; a shorter one is an older copy of it, searched as far as it goes.
	 */
	start(query: string, papers?: readonly Searchable[]): SearchJob;
	/** Takes the list as it has grown; an older, shorter copy of it changes nothing. */
	setPapers(papers: readonly Searchable[]): void;
	/** Indexes papers not indexed yet, until done (true) or the clock passes `deadline`; searches do it too. */
	prepare(deadline: number): boolean;
}

/** Papers scored between two looks at the clock. */
const BATCH = 128;
/** Finished searches kept: Backspace shows them at once, and a query that adds a word searches only the hits of one without it. */
const CACHED_SEARCHES = 16;
/** Query words whose vocabulary matches are kept between searches. */
const CACHED_WORDS = 256;

/** Builds a searcher; it indexes the papers a slice at a time, when `prepare` or a search asks. */
export function createSearcher(papers: readonly Searchable[]): Searcher {
	const index = new PaperIndex();
	index.setPapers(papers);
	const tables = new Map<string, AtomTable>();
	/** Searches finished over the searcher's list as it is now. */
	const finished = new Map<string, Finished>();

	const tableFor = (atom: Atom): AtomTable => {
		const key = `${atom.mode} ${atom.text}`;
		return keepRecent(tables, key, tables.get(key) ?? new AtomTable(atom), CACHED_WORDS);
	};

	const setPapers = (next: readonly Searchable[]) => {
		if (next.length >= index.list.length && index.setPapers(next)) finished.clear();
	};

	const start = (text: string, papers: readonly Searchable[] = index.list): SearchJob => {
		setPapers(papers);
		const query = parseQuery(text);
		const current = papers === index.list;
		const cached = current ? finished.get(query.key) : undefined;
		if (query.groups.length === 0 || cached !== undefined) {
			const hits = cached?.hits ?? [];
			return {query: text, cut: query.cut, run: () => true, hits: () => hits};
		}
		let deadline = 0;
		let result: SearchHit[] | null = null;
		const list = index.list;
		const steps = searchSteps(index, query, tableFor, current ? candidatesFor(finished, query) : null, papers.length, () => deadline);
		return {
			query: text,
			cut: query.cut,
			run(until) {
				deadline = until;
				while (result === null) {
					const step = steps.next();
					if (step.done === true) {
						result = step.value;
						// Kept for the list it searched, while that is the searcher's list.
						if (current && index.list === list) keepRecent(finished, query.key, {query, hits: result}, CACHED_SEARCHES);
					} else if (performance.now() >= deadline) return false;
				}
				return true;
			},
			hits() {
				if (result === null) throw new Error('search job read before it finished');
				return result;
			},
		};
	};

	return {
		search(text) {
			const job = start(text);
			job.run(Infinity);
			return job.hits();
		},
		start,
		setPapers,
		prepare: (deadline) => index.indexUntil(deadline),
	};
}

/** A finished search. */
interface Finished {
	query: Query;
	hits: SearchHit[];
}

/**
 * The papers a query can match, from a finished search of some of its groups (every paper that matches
 * all of the query's groups matches those): the smallest such, or null for all papers.
 */
function candidatesFor(finished: Map<string, Finished>, query: Query): Int32Array | null {
	const groups = new Set(query.key.split(' '));
	let best: Finished | null = null;
	for (const done of finished.values()) {
		if (!done.query.key.split(' ').every((group) => groups.has(group))) continue;
		if (best === null || done.hits.length < best.hits.length) best = done;
	}
	return best === null ? null : Int32Array.from(best.hits, (hit) => hit.index).sort();
}

/** The steps of one search of the first `limit` papers; each yield lets the caller look at the clock. */
function* searchSteps(index: PaperIndex, query: Query, tableFor: (atom: Atom) => AtomTable, candidates: Int32Array | null, limit: number, deadline: () => number): Generator<void, SearchHit[], void> {
	while (!index.indexUntil(deadline())) yield;
	const plan = planQuery(query, index);
	const tables = plan.atoms.map(tableFor);
	for (const table of tables) while (!table.extend(index.vocabulary, deadline())) yield;
	const scorer = new Scorer(index, plan, tables);
	let found = new Int32Array(1024);
	let scores = new Float64Array(1024);
	let count = 0;
	const total = candidates === null ? Math.min(limit, index.count) : candidates.length;
	for (let position = 0; position < total; ) {
		const end = Math.min(total, position + BATCH);
		for (; position < end; position++) {
			const paper = candidates === null ? position : candidates[position]!;
			const score = scorer.score(paper);
			if (score <= -1) continue;
			if (count === found.length) {
				found = grow(found);
				scores = grow(scores);
			}
			found[count] = paper;
			scores[count++] = score;
		}
		if (position < total) yield;
	}
	// Best first, ties in list order (the papers were scored in list order).
	const order = Array.from({length: count}, (_, at) => at).sort((a, b) => scores[b]! - scores[a]! || a - b);
	return order.map((at) => ({index: found[at]!, score: scores[at]!}));
}

/** How long `finishInSlices` works before it lets the event loop run. */
const COMMAND_SLICE_MS = 50;

/** Runs a search to its end, letting the event loop run between slices (so signals are handled at once). */
export async function finishInSlices(job: SearchJob): Promise<SearchHit[]> {
	while (!job.run(performance.now() + COMMAND_SLICE_MS)) await new Promise((resolve) => setImmediate(resolve));
	return job.hits();
}

/** What of a query search leaves out, said for the footer or stderr. */
export function describeCut(cut: QueryCut): string {
	return `the query is longer than search uses: searching its first ${cut.words} words (${cut.characters} characters)`;
}
