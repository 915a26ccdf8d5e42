import {compileAtom, matchWord, type CompiledAtom} from './atom-match.js';
import {parseQuery} from './query.js';
import {MIN_SPLIT_PART} from './rank.js';
import {keepRecent} from './recent.js';
import {letterBits} from './vocabulary.js';
import {wordsOf, type Word} from './words.js';

/** A [start, end] character range (inclusive). */
export type Range = readonly [number, number];

/** The characters to highlight in a paper for a query: every word the query matched. */
export interface MatchRanges {
	title: Range[];
	/** Over the authors joined with ", ", as the detail pane shows them. */
	authors: Range[];
	abstract: Range[];
}

const NONE: MatchRanges = {title: [], authors: [], abstract: []};

/** What of the paper the query matched, for highlighting, judged word by word as the search does. */
export function matchRanges(query: string, paper: {title: string; abstract: string; authors?: readonly string[]}): MatchRanges {
	const fields = {title: paper.title, authors: (paper.authors ?? []).join(', '), abstract: paper.abstract};
	const words = {title: wordsOf(fields.title), authors: wordsOf(fields.authors), abstract: wordsOf(fields.abstract)};
	const atoms = compiledAtoms(query).flatMap((atom) => withSplit(atom, [...words.title, ...words.authors, ...words.abstract]));
	if (atoms.length === 0) return NONE;
	return {
		title: fieldRanges(words.title, atoms, true),
		authors: fieldRanges(words.authors, atoms, false),
		abstract: fieldRanges(words.abstract, atoms, false),
	};
}

/** The last queries' words, compiled: every row on screen is highlighted for the same query. */
const compiled = new Map<string, CompiledAtom[]>();
const COMPILED_QUERIES = 4;

function compiledAtoms(query: string): CompiledAtom[] {
	const atoms =
		compiled.get(query) ??
		parseQuery(query)
			.groups.filter((group) => !group.negated)
			.flatMap((group) => group.alternatives.map(compileAtom));
	return keepRecent(compiled, query, atoms, COMPILED_QUERIES);
}

/**
 * A query word, or, when the paper has it only written apart ("visionlanguage" as "vision language"),
 * its two parts, as the search finds it (see splitWord in rank.ts).
 */
function withSplit(atom: CompiledAtom, words: readonly Word[]): CompiledAtom[] {
	if (atom.mode !== 'fuzzy' || words.some((word) => matchWord(atom, word.text, letterBits(word.text)) > 0)) return [atom];
	const texts = new Set(words.map((word) => word.text));
	for (let at = MIN_SPLIT_PART; at <= atom.text.length - MIN_SPLIT_PART; at++) {
		const [left, right] = [atom.text.slice(0, at), atom.text.slice(at)];
		if (texts.has(left) && texts.has(right)) return [compileAtom({text: left, mode: 'whole'}), compileAtom({text: right, mode: 'whole'})];
	}
	return [atom];
}

function fieldRanges(words: readonly Word[], atoms: readonly CompiledAtom[], title: boolean): Range[] {
	const ranges: Range[] = [];
	words.forEach((word, position) => {
		const letters = letterBits(word.text);
		let range: Range | null = null;
		for (const atom of atoms) {
			if (atom.mode === 'start' && !(title && position === 0)) continue;
			if (atom.mode === 'end' && !(title && position === words.length - 1)) continue;
			if (matchWord(atom, word.text, letters) === 0) continue;
			range = widest(range, span(atom, word));
		}
		if (range !== null) ranges.push(range);
	});
	return ranges;
}

/**
 * The characters of a word that a query word matched: the typed part of a word typed half, the part
 * found inside a longer word, the whole word for a typo. Where folding changed the word's length
 * (accents written apart, LaTeX), folded positions are not the text's: the whole word.
 */
function span(atom: CompiledAtom, word: Word): Range {
	const whole: Range = [word.start, word.end - 1];
	if (word.end - word.start !== word.text.length) return whole;
	const at = atom.mode === 'end' ? word.text.length - atom.text.length : word.text.indexOf(atom.text);
	if (at < 0 || !word.text.startsWith(atom.text, at)) return whole;
	return [word.start + at, word.start + at + atom.text.length - 1];
}

function widest(a: Range | null, b: Range): Range {
	return a === null ? b : [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}
