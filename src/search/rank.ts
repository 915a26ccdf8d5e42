import {bitCount, QUALITY, type AtomTable} from './atom-match.js';
import {AUTHORS_END, BOUNDS, END, START, TITLE_END, TITLE_SEQUENCE_END, type PaperIndex} from './paper-index.js';
import type {Atom, Query} from './query.js';

// How a paper is ranked for a query: which of the query's words it has, in which field, how well and how
// rare they are, and where in its title. search.ts runs it over the papers a search looks at.

/**
 * How much a word found in each field counts: the title most, then the authors (a name is a strong clue
 * to the paper meant), then the abstract.
 */
const FIELD_WEIGHTS = {title: 1, authors: 0.9, abstract: 0.3} as const;
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

/**
 * A query as the scorer reads it: its atoms, one bit each, and per group the sets of bits of which a
 * paper must have one whole set: one bit per word, two for a word written together that the papers
 * have apart ("overparameterization": "over" and "parameterization").
 */
export interface Plan {
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

export function planQuery(query: Query, index: PaperIndex): Plan {
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
export class Scorer {
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
