import {distances, editPattern, innerDistance, MAX_PATTERN, type EditPattern} from './edit-distance.js';
import type {Atom, AtomMode} from './query.js';
import {grow, letterBits, type Vocabulary} from './vocabulary.js';

/**
 * How well a query word matches a paper's word, 0 (not at all) to 255 (the same word). The order is what
 * people mean: the word itself, then the word typed half (more of it typed is better), then a part of a
 * longer word ("parameterization" in "overparameterization"), and below each of them the same with a typo.
 */
export const QUALITY = {
	whole: 255,
	/** A prefix: from this, up to `whole` - 25 as more of the word is typed. */
	prefix: 200,
	inner: 150,
	typoWhole: 190,
	typoPrefix: 160,
	typoInner: 100,
	/** Taken off a typo match for each edit past the first. */
	perEdit: 40,
} as const;

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
export function typoBudget(length: number): number {
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
 * The quality of a match of `atom` in `word` (both folded), 0 for none. `wordLetters` is letterBits(word):
 * a word that lacks more of the atom's letters than it allows typos cannot match, which rules out most
 * words before any comparison.
 */
export function matchQuality(atom: CompiledAtom, word: string, wordLetters: number): number {
	const missing = bitCount(atom.letters & ~wordLetters);
	if (missing > atom.budget) return 0;
	const {text} = atom;
	if (missing === 0) {
		const exact = exactQuality(atom.mode, text, word);
		if (exact > 0 || atom.budget === 0) return exact;
	}
	return typoQuality(atom, word);
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

function typoQuality(atom: CompiledAtom, word: string): number {
	const {budget, pattern} = atom;
	if (pattern === null || word.length < atom.text.length - budget) return 0;
	const {whole, prefix} = distances(pattern, word);
	const penalty = (edits: number) => QUALITY.perEdit * (edits - 1);
	if (whole <= budget) return QUALITY.typoWhole - penalty(whole);
	if (prefix <= budget) return QUALITY.typoPrefix - penalty(prefix);
	// A part of a longer word, with a typo, only for words long enough that this is not noise.
	if (atom.text.length >= 6 && word.length > atom.text.length) {
		const inner = innerDistance(pattern, word);
		if (inner <= budget) return QUALITY.typoInner - penalty(inner);
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
	/** The ids of the words it matches. */
	readonly matches: number[] = [];
	/** Words of the vocabulary compared so far. */
	private compared = 0;

	constructor(atom: Atom) {
		this.atom = compileAtom(atom);
	}

	/** Compares the words not compared yet, until done (true) or the clock passes `deadline`. */
	extend(vocabulary: Vocabulary, deadline: number): boolean {
		const {words, letters} = vocabulary;
		const size = vocabulary.size;
		while (this.quality.length < size) this.quality = grow(this.quality);
		while (this.compared < size) {
			const end = Math.min(size, this.compared + VOCABULARY_BATCH);
			for (let id = this.compared; id < end; id++) {
				const quality = matchQuality(this.atom, words[id]!, letters[id]!);
				if (quality === 0) continue;
				this.quality[id] = quality;
				this.matches.push(id);
			}
			this.compared = end;
			if (this.compared < size && performance.now() >= deadline) return false;
		}
		return true;
	}
}
