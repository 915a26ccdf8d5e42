import {AtomTable, bitCount, QUALITY} from './atom-match.js';
import {AUTHORS_END, BOUNDS, END, PaperIndex, START, TITLE_END, TITLE_SEQUENCE_END, type Searchable} from './paper-index.js';
import {grow} from './vocabulary.js';
import {parseQuery, type Atom, type Query, type QueryCut} from './query.js';

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

/**
 * How much a word found in each field counts: the title most, then the authors (a name is a strong clue
 * to the paper meant), then the abstract.
 */
export const FIELD_WEIGHTS = {title: 1, authors: 0.9, abstract: 0.3} as const;
/**
 * Ranks above the score: the title starts with the query (a pasted or half-typed title, the name before
 * a colon); the title holds the query as a phrase; title and authors hold every word. A hit's score is
 * its rank times TIER plus its word scores, which stay far below TIER.
 */
const TIER = 1e6;
const TIER_TITLE_START = 3;
const TIER_PHRASE = 2;
const TIER_ALL_IN_TITLE = 1;
/** Query words in the title in the query's order, next to each other: up to this share of the words' score more. */
const RUN_BONUS = 0.3;
/** Per word of the title: among equals, the shorter title first. */
const TITLE_LENGTH_COST = 1e-4;
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
		let table = tables.get(key);
		if (table === undefined) {
			table = new AtomTable(atom);
			if (tables.size >= CACHED_WORDS) tables.delete(tables.keys().next().value!);
		} else tables.delete(key);
		tables.set(key, table);
		return table;
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
						if (current && index.list === list) remember(finished, {query, hits: result});
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

function remember(finished: Map<string, Finished>, done: Finished): void {
	finished.delete(done.query.key);
	finished.set(done.query.key, done);
	while (finished.size > CACHED_SEARCHES) finished.delete(finished.keys().next().value!);
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

/**
 * A query as the scorer reads it: its atoms, one bit each, and per group the sets of bits of which a
 * paper must have one whole set: one bit per word, two for a word written together that the papers
 * have apart ("overparameterization": "over" and "parameterization").
 */
interface Plan {
	atoms: Atom[];
	/** Per group that must match, in query order: its sets of bits. */
	required: Int32Array[];
	/** Bits of the words no paper may have. */
	excluded: number;
}

/** Query words from this long are also looked for as two words written apart. */
const MIN_SPLIT_WORD = 6;
/** Each part of such a split is at least this long. */
export const MIN_SPLIT_PART = 3;

function planQuery(query: Query, index: PaperIndex): Plan {
	const atoms: Atom[] = [];
	const required: Int32Array[] = [];
	let excluded = 0;
	const add = (atom: Atom) => {
		atoms.push(atom);
		return 1 << (atoms.length - 1);
	};
	for (const group of query.groups) {
		const sets = group.alternatives.map(add);
		if (group.negated) {
			for (const bit of sets) excluded |= bit;
			continue;
		}
		for (const atom of group.alternatives) {
			const split = atom.mode === 'fuzzy' ? splitWord(atom.text, index) : null;
			if (split !== null && atoms.length + 2 <= MAX_ATOMS) sets.push(add({text: split[0], mode: 'whole'}) | add({text: split[1], mode: 'whole'}));
		}
		required.push(Int32Array.from(sets));
	}
	return {atoms, required, excluded};
}

/** Bits a query can use: one per atom. */
const MAX_ATOMS = 31;

/** A word written together as two words the papers have ("visionlanguage": "vision", "language"), or null. */
function splitWord(text: string, index: PaperIndex): [string, string] | null {
	if (text.length < MIN_SPLIT_WORD) return null;
	const {vocabulary} = index;
	let best: [string, string] | null = null;
	let bestFrequency = 0;
	for (let at = MIN_SPLIT_PART; at <= text.length - MIN_SPLIT_PART; at++) {
		const left = vocabulary.find(text.slice(0, at));
		const right = left === -1 ? -1 : vocabulary.find(text.slice(at));
		if (right === -1) continue;
		// The split into the most common words: the likeliest reading.
		const frequency = Math.min(index.frequency(left), index.frequency(right));
		if (frequency > bestFrequency) {
			best = [text.slice(0, at), text.slice(at)];
			bestFrequency = frequency;
		}
	}
	return best;
}

/** A split word counts this much of the words it is made of: less than the word itself. */
const SPLIT_SHARE = 0.8;

/** Scores papers for one query: which of its words each paper has, where, and how well. */
class Scorer {
	/** Bits of the query's atoms that each word of the vocabulary matches. */
	private readonly wordBits: Int32Array;
	/** The same, for anchored matches only (see MIN_ANCHORED_TYPO): what a title's phrase is made of. */
	private readonly anchoredBits: Int32Array;
	/** How rare each atom is (an IDF, as fuse.js's token search weighs words: see typicalFrequency). */
	private readonly atomWeights: Float64Array;
	private readonly qualities: Uint8Array[];
	private readonly required: Int32Array[];
	/** Per required group: the bits of its single words (for the title's phrase). */
	private readonly phrase: Int32Array;
	private readonly excluded: number;
	/** Atoms that match only at the title's first or last word, and the others. */
	private readonly startBits: number;
	private readonly endBits: number;
	private readonly freeBits: number;
	/** Each atom's best value in the paper being ranked. */
	private readonly best: Float64Array;

	constructor(
		private readonly index: PaperIndex,
		plan: Plan,
		tables: readonly AtomTable[],
	) {
		const size = index.vocabulary.size;
		this.wordBits = new Int32Array(size);
		this.anchoredBits = new Int32Array(size);
		this.qualities = tables.map((table) => table.quality);
		const papers = index.count;
		let startBits = 0;
		let endBits = 0;
		const idf = (frequency: number) => Math.log(1 + (papers - frequency + 0.5) / (frequency + 0.5));
		this.atomWeights = Float64Array.from(tables, (table) => idf(typicalFrequency(table, index)));
		tables.forEach((table, atom) => {
			const bit = 1 << atom;
			if (table.atom.mode === 'start') startBits |= bit;
			if (table.atom.mode === 'end') endBits |= bit;
			for (const word of table.matches) {
				this.wordBits[word] = this.wordBits[word]! | bit;
				if (table.anchored[word] === 1) this.anchoredBits[word] = this.anchoredBits[word]! | bit;
			}
		});
		this.startBits = startBits;
		this.endBits = endBits;
		this.freeBits = ~(startBits | endBits);
		this.required = plan.required;
		this.phrase = Int32Array.from(plan.required, (sets) => sets.reduce((bits, set) => (bitCount(set) === 1 ? bits | set : bits), 0));
		this.excluded = plan.excluded;
		this.best = new Float64Array(tables.length);
	}

	/** The paper's score (above -1), or -1 when it does not match. */
	score(paper: number): number {
		const {bounds} = this.index;
		const entries = this.index.entriesOf(paper);
		const at = paper * BOUNDS;
		const start = bounds[at + START]!;
		const sequenceEnd = bounds[at + TITLE_SEQUENCE_END]!;
		const titleEnd = bounds[at + TITLE_END]!;
		const authorsEnd = bounds[at + AUTHORS_END]!;
		const end = bounds[at + END]!;
		// Most papers have none of the words, or not all: a quick look at their words rules them out.
		const {wordBits} = this;
		let any = 0;
		for (let offset = start; offset < end; offset++) any |= wordBits[entries[offset]!]!;
		if (!this.mayMatch(any)) return -1;
		// Which atoms each field has, and how well (into `best`).
		this.best.fill(0);
		let inTitle = this.scoreField(entries, start, titleEnd, FIELD_WEIGHTS.title, this.freeBits);
		if (sequenceEnd > start) {
			inTitle |= this.scoreField(entries, start, start + 1, FIELD_WEIGHTS.title, this.startBits);
			inTitle |= this.scoreField(entries, sequenceEnd - 1, sequenceEnd, FIELD_WEIGHTS.title, this.endBits);
		}
		// What a paper is remembered by: its title and its authors.
		inTitle |= this.scoreField(entries, titleEnd, authorsEnd, FIELD_WEIGHTS.authors, this.freeBits);
		const found = inTitle | this.scoreField(entries, authorsEnd, end, FIELD_WEIGHTS.abstract, this.freeBits);
		if ((found & this.excluded) !== 0) return -1;
		for (const sets of this.required) if (!hasSet(found, sets)) return -1;
		let words = 0;
		let allInTitle = true;
		for (const sets of this.required) {
			words += this.groupValue(sets) / QUALITY.whole;
			if (!hasSet(inTitle, sets)) allInTitle = false;
		}
		const groups = this.required.length;
		const run = this.longestRun(entries, start, sequenceEnd);
		let tier = 0;
		if (groups > 0 && allInTitle) {
			if (run.fromStart === groups) tier = TIER_TITLE_START;
			else if (run.longest === groups) tier = TIER_PHRASE;
			else tier = TIER_ALL_IN_TITLE;
		}
		const runShare = groups > 1 ? Math.max(0, run.longest - 1) / (groups - 1) : 0;
		return tier * TIER + words * (1 + RUN_BONUS * runShare) - (sequenceEnd - start) * TITLE_LENGTH_COST;
	}

	/** Whether a paper whose words match these atoms (anywhere) can match the query. */
	private mayMatch(any: number): boolean {
		for (const sets of this.required) if (!hasSet(any, sets)) return false;
		return true;
	}

	/** A group's value: its best set, a split word counting the weaker of its parts. */
	private groupValue(sets: Int32Array): number {
		let value = 0;
		for (const set of sets) {
			let weakest = Infinity;
			for (let bits = set; bits !== 0; bits &= bits - 1) {
				const atom = lowestBit(bits);
				weakest = Math.min(weakest, this.best[atom]! * this.atomWeights[atom]!);
			}
			value = Math.max(value, bitCount(set) === 1 ? weakest : SPLIT_SHARE * weakest);
		}
		return value;
	}

	/** Each atom's best value in a field (into `best`); the bits of the atoms found there. */
	private scoreField(entries: Int32Array, from: number, to: number, weight: number, allowed: number): number {
		const {wordBits, qualities, best} = this;
		let found = 0;
		for (let offset = from; offset < to; offset++) {
			const word = entries[offset]!;
			let bits = wordBits[word]! & allowed;
			if (bits === 0) continue;
			found |= bits;
			for (; bits !== 0; bits &= bits - 1) {
				const atom = lowestBit(bits);
				const score = qualities[atom]![word]! * weight;
				if (score > best[atom]!) best[atom] = score;
			}
		}
		return found;
	}

	/**
	 * The longest run of the query's groups, in order, on consecutive words of the title, and how many
	 * groups match from the title's first word on.
	 */
	private longestRun(entries: Int32Array, start: number, end: number): {longest: number; fromStart: number} {
		const {anchoredBits: wordBits, phrase} = this;
		let longest = 0;
		let fromStart = 0;
		for (let position = start; position < end; position++) {
			if (wordBits[entries[position]!] === 0) continue;
			for (let group = 0; group < phrase.length && phrase.length - group > longest; group++) {
				let run = 0;
				while (position + run < end && group + run < phrase.length && (wordBits[entries[position + run]!]! & phrase[group + run]!) !== 0) run++;
				if (run > longest) longest = run;
				if (position === start && group === 0) fromStart = run;
			}
		}
		return {longest, fromStart};
	}
}

/** Matches within this much of an atom's best quality count for how common the atom is. */
const TYPICAL_BAND = 40;

/**
 * How many papers have the word a query word means: the most common of the words it matches about as
 * well as its best match. A word typed whole counts as itself, a word typed half as its most common
 * completion, a typo as the word it misspells. Every match of the atom is weighed by this one rarity, so a
 * rare word that a typo or a prefix happens to hit ("brea" in "GeneBreaker") counts no more than the
 * common word meant ("breach").
 */
function typicalFrequency(table: AtomTable, index: PaperIndex): number {
	let best = 0;
	for (const word of table.matches) best = Math.max(best, table.quality[word]!);
	let frequency = 0;
	for (const word of table.matches) if (table.quality[word]! >= best - TYPICAL_BAND) frequency = Math.max(frequency, index.frequency(word));
	return frequency;
}

/** Whether `found` holds one of the sets whole. */
function hasSet(found: number, sets: Int32Array): boolean {
	for (const set of sets) if ((found & set) === set) return true;
	return false;
}

const lowestBit = (bits: number) => 31 - Math.clz32(bits & -bits);

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
