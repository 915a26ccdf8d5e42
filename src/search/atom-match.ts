import {distances, editPattern, innerDistance, MAX_PATTERN, type EditPattern} from './edit-distance.js';
import type {Atom, AtomMode} from './query.js';
import {grow, letterBits, type Vocabulary} from './vocabulary.js';

/**
 * How well a query word matches a paper's word, 0 (not at all) to 255 (the same word). The order is what
 * people mean: the word itself, then the word typed half (more of it typed is better), then the same
 * with a typo (a share of it: one typo in a short word says less than in a long one), then a part inside
 * a longer word ("parameterization" in "overparameterization").
 */
export const QUALITY = {
	whole: 255,
	/** A prefix: from this, up to `whole` - 25 as more of the word is typed. */
	prefix: 200,
	/** With typos: these times (1 - typos / length). */
	typoWhole: 190,
	typoPrefix: 160,
	inner: 110,
	typoInner: 70,
} as const;

/**
 * A match is "anchored" when the paper's word starts as the query word does: the word, its start, or a
 * typo of either in a query word of this length or more. Only anchored matches make a title start with
 * the query or hold it as a phrase ("oper" is not "Open" with a typo; "benigm" is "benign").
 */
export const MIN_ANCHORED_TYPO = 6;
/** Added to a match's quality when it is anchored (see `qualityOf`, `isAnchored`). */
const ANCHORED = 256;
/** The quality of a match from `matchWord`. */
const qualityOf = (match: number) => match & 255;
/** Whether a match from `matchWord` is anchored. */
const isAnchored = (match: number) => match >= ANCHORED;

/** A query word ready to be matched against words. */
export interface CompiledAtom {
	text: string;
	mode: AtomMode;
	/** Typos allowed: none up to 3 characters, one up to 6, two from 7 (fuzzy words only). */
	budget: number;
	/** For typos: the word as bit vectors, or null when it allows none. */
	pattern: EditPattern | null;
	/** Its letters as bits (see letterBits). */
	letters: number;
}

/** Typos a fuzzy word of this length allows. */
function typoBudget(length: number): number {
	if (length < 4 || length > MAX_PATTERN) return 0;
	return length <= 6 ? 1 : 2;
}

export function compileAtom(atom: Atom): CompiledAtom {
	const budget = atom.mode === 'fuzzy' ? typoBudget(atom.text.length) : 0;
	return {text: atom.text, mode: atom.mode, budget, pattern: budget > 0 ? editPattern(atom.text) : null, letters: letterBits(atom.text)};
}

/** Bits set in a 32-bit number. */
export function bitCount(bits: number): number {
	bits -= (bits >>> 1) & 0x55555555;
	bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
	return (Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * How `atom` matches `word` (both folded): 0 for not at all, else its quality, plus ANCHORED when it is
 * anchored (read it with `qualityOf` and `isAnchored`). `wordLetters` is letterBits(word): a word that
 * lacks more of the atom's letters than it allows typos cannot match, which rules out most words before
 * any comparison.
 */
export function matchWord(atom: CompiledAtom, word: string, wordLetters: number): number {
	const missing = bitCount(atom.letters & ~wordLetters);
	if (missing > atom.budget) return 0;
	const exact = missing === 0 ? exactQuality(atom.mode, atom.text, word) : 0;
	if (exact >= QUALITY.prefix) return exact + ANCHORED;
	// A part inside the word, or nothing: a typo of its start may be better.
	const typo = atom.budget > 0 ? typoMatch(atom, word) : 0;
	return qualityOf(typo) > exact ? typo : exact;
}

function exactQuality(mode: AtomMode, text: string, word: string): number {
	if (mode === 'whole') return word === text ? QUALITY.whole : 0;
	if (mode === 'end') return word.endsWith(text) ? (word.length === text.length ? QUALITY.whole : QUALITY.prefix) : 0;
	if (word.length < text.length) return 0;
	if (word.startsWith(text)) return word.length === text.length ? QUALITY.whole : prefixQuality(text.length, word.length);
	// A part of a word, from three characters on: one or two letters inside words match everything.
	if (mode === 'start' || text.length < 3) return 0;
	return word.includes(text) ? QUALITY.inner : 0;
}

/** More of the word typed is better: "grokki" matches "grokking" better than "gr" does. */
function prefixQuality(typed: number, length: number): number {
	return QUALITY.prefix + Math.round(((QUALITY.whole - 25 - QUALITY.prefix) * typed) / length);
}

function typoMatch(atom: CompiledAtom, word: string): number {
	const {budget, pattern, text} = atom;
	if (pattern === null) return 0;
	const share = (base: number, edits: number) => Math.round(base * (1 - edits / text.length));
	const anchored = text.length >= MIN_ANCHORED_TYPO ? ANCHORED : 0;
	if (word.length >= text.length - budget) {
		const {whole, prefix} = distances(pattern, word);
		if (whole <= budget) return share(QUALITY.typoWhole, whole) + anchored;
		if (prefix <= budget) return share(QUALITY.typoPrefix, prefix) + anchored;
	}
	// A part of a longer word, with a typo, only for words long enough that this is not noise.
	if (text.length >= 6 && word.length > text.length) {
		const inner = innerDistance(pattern, word);
		if (inner <= budget) return share(QUALITY.typoInner, inner);
	}
	return 0;
}

/** Words compared between two looks at the clock. */
const VOCABULARY_BATCH = 2048;

/**
 * Which words of the vocabulary a query word matches, and how well: a table by word id, kept and
 * extended as the vocabulary grows, so that a word of the query is matched against each word once.
 */
export class AtomTable {
	readonly atom: CompiledAtom;
	/** Quality by word id (0: no match). */
	quality = new Uint8Array(1024);
	/** 1 where the match is anchored (see MIN_ANCHORED_TYPO). */
	anchored = new Uint8Array(1024);
	/** The ids of the words it matches. */
	readonly matches: number[] = [];
	/** Words of the vocabulary compared so far. */
	private compared = 0;

	constructor(atom: Atom) {
		this.atom = compileAtom(atom);
	}

	/** Compares the words not compared yet, until done (true) or the clock passes `deadline`. */
	extend(vocabulary: Vocabulary, deadline: number): boolean {
		const {letters} = vocabulary;
		const size = vocabulary.size;
		while (this.quality.length < size) {
			this.quality = grow(this.quality);
			this.anchored = grow(this.anchored);
		}
		while (this.compared < size) {
			const end = Math.min(size, this.compared + VOCABULARY_BATCH);
			for (let id = this.compared; id < end; id++) {
				const match = matchWord(this.atom, vocabulary.word(id), letters[id]!);
				if (match === 0) continue;
				this.quality[id] = qualityOf(match);
				if (isAnchored(match)) this.anchored[id] = 1;
				this.matches.push(id);
			}
			this.compared = end;
			if (this.compared < size && performance.now() >= deadline) return false;
		}
		return true;
	}
}
