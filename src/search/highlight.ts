import {AtomTable, matchQuality, type CompiledAtom} from './atom-match.js';
import {parseQuery} from './query.js';
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
	const atoms = parseQuery(query)
		.groups.filter((group) => !group.negated)
		.flatMap((group) => group.alternatives.map((atom) => new AtomTable(atom).atom));
	if (atoms.length === 0) return NONE;
	return {
		title: fieldRanges(paper.title, atoms, true),
		authors: fieldRanges((paper.authors ?? []).join(', '), atoms, false),
		abstract: fieldRanges(paper.abstract, atoms, false),
	};
}

function fieldRanges(text: string, atoms: readonly CompiledAtom[], title: boolean): Range[] {
	if (text === '') return [];
	const words = wordsOf(text);
	const ranges: Range[] = [];
	words.forEach((word, position) => {
		const letters = letterBits(word.text);
		let range: Range | null = null;
		for (const atom of atoms) {
			if (atom.mode === 'start' && !(title && position === 0)) continue;
			if (atom.mode === 'end' && !(title && position === words.length - 1)) continue;
			if (matchQuality(atom, word.text, letters) === 0) continue;
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
