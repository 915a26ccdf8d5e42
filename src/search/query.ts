import {wordsOf} from './words.js';

/**
 * How a query word matches a paper's word:
 * - `fuzzy`: the whole word, its start (a word typed half), a part of it, or any of these with a typo;
 * - `exact` (`'word`): the same without typos;
 * - `start` (`^word`): the title's first word starts with it;
 * - `end` (`word$`): the title's last word ends with it;
 * - `whole`: the whole word only (search splits a word written together, "visionlanguage", into such parts).
 */
export type AtomMode = 'fuzzy' | 'exact' | 'start' | 'end' | 'whole';

/** One folded query word and how it matches. */
export interface Atom {
	text: string;
	mode: AtomMode;
}

/** Words of which a paper must have one (`a | b`), or, negated (`!word`), none. */
export interface Group {
	alternatives: Atom[];
	negated: boolean;
}

/** A parsed query: every group must match. */
export interface Query {
	groups: Group[];
	/** What was left out of a query longer than search uses, or null. */
	cut: QueryCut | null;
	/** The same key for queries that mean the same (case, accents, spacing). */
	key: string;
}

/** How a long query was cut. */
export interface QueryCut {
	/** Characters of the query that were used. */
	characters: number;
	/** Words used. */
	words: number;
}

/** Characters of a query that search reads: a pasted title fits many times over; a pasted page does not. */
export const MAX_QUERY_CHARACTERS = 400;
/** Words of a query that search uses (the title of any real paper has fewer distinct ones). */
export const MAX_QUERY_WORDS = 31;

const MODE_KEYS: Record<AtomMode, string> = {fuzzy: '', exact: "'", start: '^', end: '$', whole: '='};

/**
 * Reads a query the way fzf reads one: words separated by spaces, each of which must match; `'word`
 * exactly, `^word` at the title's start, `word$` at its end, `!word` not at all, `a | b` either.
 * Words are folded (case, accents), and a word joined by punctuation is its parts ("vision-language" is "vision
 * language"); a query longer than the limits is cut.
 */
export function parseQuery(raw: string): Query {
	const text = raw.length > MAX_QUERY_CHARACTERS ? raw.slice(0, MAX_QUERY_CHARACTERS) : raw;
	let cut = text.length < raw.length;
	const groups: Group[] = [];
	let atoms = 0;
	let either = false;
	for (const token of text.split(/\s+/)) {
		if (token === '') continue;
		if (token === '|') {
			either = groups.length > 0 && !groups.at(-1)!.negated;
			continue;
		}
		const term = parseTerm(token);
		if (term === null) continue;
		if (atoms + term.atoms.length > MAX_QUERY_WORDS) {
			cut = true;
			break;
		}
		atoms += term.atoms.length;
		if (either && !term.negated) {
			groups.at(-1)!.alternatives.push(...term.atoms);
		} else if (term.negated) {
			groups.push({alternatives: term.atoms, negated: true});
		} else {
			for (const atom of term.atoms) groups.push({alternatives: [atom], negated: false});
		}
		either = false;
	}
	const key = groups.map((group) => (group.negated ? '!' : '') + group.alternatives.map((atom) => MODE_KEYS[atom.mode] + atom.text).join('|')).join(' ');
	return {groups, cut: cut ? {characters: text.length, words: atoms} : null, key};
}

/** One space-separated term of a query: its words, or null when it has none ("-", "&"). */
function parseTerm(token: string): {atoms: Atom[]; negated: boolean} | null {
	let rest = token;
	const negated = rest.startsWith('!');
	if (negated) rest = rest.slice(1);
	let mode: AtomMode = 'fuzzy';
	if (rest.startsWith("'")) {
		mode = 'exact';
		rest = rest.slice(1);
	} else if (rest.startsWith('^')) {
		mode = 'start';
		rest = rest.slice(1);
	} else if (rest.length > 1 && rest.endsWith('$')) {
		mode = 'end';
		rest = rest.slice(0, -1);
	}
	const words = wordsOf(rest).map((word) => word.text);
	if (words.length === 0) return null;
	// "!gpt-4" leaves out "GPT-4" and "GPT4": the compound, which the index has for both.
	if (negated) return {atoms: [{text: words.join(''), mode: mode === 'fuzzy' ? 'exact' : mode}], negated};
	const atoms = words.map((text, index): Atom => {
		if (mode === 'start') return {text, mode: index === 0 ? 'start' : 'fuzzy'};
		if (mode === 'end') return {text, mode: index === words.length - 1 ? 'end' : 'fuzzy'};
		return {text, mode};
	});
	return {atoms, negated};
}
