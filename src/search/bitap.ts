/**
 * fuse.js's fuzzy score for one text, computed the way fuse.js 7 computes it for the options the reader
 * uses (`ignoreLocation: true`, `minMatchCharLength: 2`, case-insensitive), but several times faster:
 *
 * - fuse.js runs its bitap once per error level, each pass over the whole text with a function call and
 *   an object lookup per character; here one pass computes every level at once (levels in local
 *   variables, a table indexed by character code), Myers's bit-vector distance takes over for larger
 *   budgets, and the scan stops as soon as the best possible level has matched;
 * - ASCII texts are matched in any case as they are, and other texts lowercased once (by the searcher),
 *   not on every search;
 * - a text that holds the pattern as typed is scored without either.
 *
 * The recurrence is fuse.js's own (src/search/bitap/search.ts, Apache-2.0), so the error level found is
 * the same; test/search/bitap.test.ts checks scores and matches against fuse.js itself.
 */

/** fuse.js's longest bitap pattern; longer ones are searched in chunks of this length. */
const MAX_BITS = 32;
/**
 * Errors counted past a pattern's budget, for narrowing: a longer query that allows up to this many
 * more errors is searched only among the papers this one came near. One: a query a character longer
 * allows at most one more. (Two keeps narrowing through more keystrokes, but the larger near sets
 * made typing "grokking" into 10,000 papers 130 ms slower than it saves elsewhere.)
 */
const NEAR_MARGIN = 1;
/** fuse.js's smallest score for a match that is not the whole text. */
const MIN_SCORE = 0.001;

/** A lowercased query, ready to be matched against lowercased texts. */
export interface Pattern {
	/** The query, lowercased as fuse.js does. */
	text: string;
	chunks: readonly Chunk[];
	threshold: number;
}

export interface Chunk {
	pattern: string;
	/** Bit mask of the positions in `pattern` holding each UTF-16 code unit (fuse.js's alphabet). */
	alphabet: ReadonlyMap<number, number>;
	/** The same for code units below 128, as a dense table. */
	ascii: Int32Array;
	/** Myers's table: bit i set where the pattern's character i is the code unit; dense below 128. */
	peqAscii: Int32Array;
	peq: ReadonlyMap<number, number>;
	/** Most errors a match may have: the largest i with i / length <= threshold. */
	maxErrors: number;
	/** Errors counted for narrowing: maxErrors + NEAR_MARGIN (0 for an exact-only pattern). */
	nearErrors: number;
	/** Offset of the chunk in the pattern (fuse.js's `startIndex`). */
	start: number;
	/** Finds the chunk in an ASCII text of any case; null when the chunk has other characters. */
	inAscii: RegExp | null;
	/** The same for the chunk twice in a row (a one-character chunk's match). */
	twiceInAscii: RegExp | null;
}

/** What one text scores against a pattern: fuse.js's `searchIn` without the match indices. */
export interface TextScore {
	isMatch: boolean;
	/** fuse.js's score: 0 for the whole text, otherwise errors / length, at least 0.001; 1 without a match. */
	score: number;
	/**
	 * The fewest errors with which the pattern occurs in the text, when that is at most the pattern's
	 * `nearErrors`; -1 otherwise. A query that extends this one and allows at most `nearErrors` errors
	 * can only match texts where this is not -1. (fuse.js's two-character rule may still reject a
	 * match within the threshold: see `isMatch`.)
	 */
	errors: number;
}

const NO_MATCH: TextScore = {isMatch: false, score: 1, errors: -1};

/** Prepares a query (fuse.js's BitapSearch constructor). */
export function compilePattern(query: string, threshold: number): Pattern {
	const text = query.toLowerCase();
	const chunks: Chunk[] = [];
	const add = (pattern: string, start: number) => chunks.push(compileChunk(pattern, start, threshold));
	if (text.length > MAX_BITS) {
		const remainder = text.length % MAX_BITS;
		const end = text.length - remainder;
		for (let index = 0; index < end; index += MAX_BITS) add(text.slice(index, index + MAX_BITS), index);
		if (remainder > 0) add(text.slice(text.length - MAX_BITS), text.length - MAX_BITS);
	} else if (text.length > 0) {
		add(text, 0);
	}
	return {text, chunks, threshold};
}

function compileChunk(pattern: string, start: number, threshold: number): Chunk {
	const alphabet = new Map<number, number>();
	const ascii = new Int32Array(128);
	const peq = new Map<number, number>();
	const peqAscii = new Int32Array(128);
	const length = pattern.length;
	for (let index = 0; index < length; index++) {
		const code = pattern.charCodeAt(index);
		const bits = (alphabet.get(code) ?? 0) | (1 << (length - index - 1));
		alphabet.set(code, bits);
		const forward = (peq.get(code) ?? 0) | (1 << index);
		peq.set(code, forward);
		if (code < 128) {
			ascii[code] = bits;
			peqAscii[code] = forward;
			// An ASCII text is scanned as it is: its capitals count as the lowercase letters they become.
			if (code >= 0x61 && code <= 0x7a) {
				ascii[code - 0x20] = bits;
				peqAscii[code - 0x20] = forward;
			}
		}
	}
	const isAscii = !/[\u0080-\uffff]/.test(pattern);
	const literal = pattern.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
	let maxErrors = 0;
	while (maxErrors + 1 < length && (maxErrors + 1) / length <= threshold) maxErrors++;
	const nearErrors = maxErrors === 0 ? 0 : Math.min(maxErrors + NEAR_MARGIN, length - 1);
	return {
		pattern,
		alphabet,
		ascii,
		peq,
		peqAscii,
		maxErrors,
		nearErrors,
		start,
		// Without the u flag, case-insensitive matching of ASCII is exactly lowercasing it.
		inAscii: isAscii ? new RegExp(literal, 'i') : null,
		twiceInAscii: isAscii ? new RegExp(literal + literal, 'i') : null,
	};
}

/** Smallest number of characters fuse.js highlights; a match without such a run does not count. */
const MIN_MATCH_CHARS = 2;

/**
 * Scores a text against a pattern, as fuse.js's `BitapSearch.searchIn` would. The text is either
 * lowercased already, or (`ascii`) only ASCII characters in any case: those are matched as they are,
 * which saves a lowercased copy of every text.
 */
export function scoreText(pattern: Pattern, text: string, ascii = false): TextScore {
	if (pattern.chunks.length === 0) return NO_MATCH;
	if (ascii && pattern.chunks.length === 1) return scoreChunk(pattern.chunks[0]!, text, true);
	const lowerText = ascii ? text.toLowerCase() : text;
	if (pattern.text === lowerText) return lowerText.length < MIN_MATCH_CHARS ? NO_MATCH : {isMatch: true, score: 0, errors: 0};
	if (pattern.chunks.length === 1) return scoreChunk(pattern.chunks[0]!, lowerText, false);
	// A long query: fuse.js averages the chunks' scores and counts the text as a match when any chunk matches.
	let total = 0;
	let matched = false;
	let errors = -1;
	for (const chunk of pattern.chunks) {
		const result = scoreLongChunk(chunk, lowerText, pattern.threshold);
		total += result.score;
		if (result.isMatch) matched = true;
		if (result.errors !== -1) errors = errors === -1 ? result.errors : Math.min(errors, result.errors);
	}
	return matched ? {isMatch: true, score: total / pattern.chunks.length, errors} : {isMatch: false, score: 1, errors};
}

/** A chunk of a query of at most 32 characters, at location 0: the fast path. */
function scoreChunk(chunk: Chunk, text: string, ascii: boolean): TextScore {
	const length = chunk.pattern.length;
	if (ascii && text.length === length && text.toLowerCase() === chunk.pattern) {
		return length < MIN_MATCH_CHARS ? NO_MATCH : {isMatch: true, score: 0, errors: 0}; // the whole text
	}
	const exact = ascii ? chunk.inAscii?.test(text) === true : text.includes(chunk.pattern);
	if (exact) {
		// Exact occurrences mark their characters; a one-character pattern needs two in a row.
		const isMatch = length >= MIN_MATCH_CHARS || (ascii ? chunk.twiceInAscii!.test(text) : text.includes(chunk.pattern + chunk.pattern));
		return isMatch ? {isMatch: true, score: MIN_SCORE, errors: 0} : {isMatch: false, score: 1, errors: 0};
	}
	if (chunk.nearErrors === 0) return NO_MATCH;
	// No exact occurrence: one error is the best there can be.
	const errors = fewestErrors(chunk, text);
	if (errors === -1) return NO_MATCH;
	if (errors > chunk.maxErrors) return {isMatch: false, score: 1, errors};
	// Errors are allowed from four characters on, and with at most 30% of them wrong the matched region
	// always holds two pattern characters in a row: fuse.js's two-character rule cannot reject the match
	// (test/search/bitap.test.ts checks this against fuse.js).
	return {isMatch: true, score: Math.max(MIN_SCORE, errors / length), errors};
}

/**
 * The fewest errors (1 to nearErrors) with which a chunk that does not occur exactly occurs in the
 * text, or -1. Scans right to left like fuse.js, every error level in one pass, and returns as soon as
 * one error has matched (nothing can beat it). The positions fuse.js scans past the end of the text
 * leave every level in its starting state, so the scan starts at the last character.
 */
function fewestErrors(chunk: Chunk, text: string): number {
	switch (chunk.nearErrors) {
		case 2:
			return upToTwoErrors(chunk, text);
		case 3:
			return upToThreeErrors(chunk, text);
		default:
			return fewestErrorsMyers(chunk, text);
	}
}

/**
 * The same answer for three errors or more, from Myers's bit-vector edit distance (1999): the
 * distance between the pattern and the best substring ending at each character, in a fixed dozen
 * operations a character whatever the budget. The fewest errors of fuse.js's bitap are exactly the
 * smallest such distance (both are the k-differences problem); the tests check it against fuse.js.
 */
function fewestErrorsMyers({peqAscii, peq, pattern, nearErrors}: Chunk, text: string): number {
	const high = 1 << (pattern.length - 1);
	let pv = -1;
	let mv = 0;
	let score = pattern.length;
	let best = nearErrors + 1;
	const textLength = text.length;
	for (let location = 0; location < textLength; location++) {
		const code = text.charCodeAt(location);
		const eq = code < 128 ? peqAscii[code]! : (peq.get(code) ?? 0);
		const xv = eq | mv;
		const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
		let ph = mv | ~(xh | pv);
		let mh = pv & xh;
		if (ph & high) score++;
		else if (mh & high) score--;
		ph <<= 1;
		mh <<= 1;
		pv = mh | ~(xv | ph);
		mv = ph & xv;
		if (score < best) {
			best = score;
			if (best <= 1) return best;
		}
	}
	return best <= nearErrors ? best : -1;
}

// fuse.js's recurrence, one function per small budget with the levels in local variables (a loop over
// a typed array of levels takes about twice as long).

function upToTwoErrors({ascii, alphabet, pattern}: Chunk, text: string): number {
	const mask = 1 << (pattern.length - 1);
	let best = -1;
	let r0 = 0;
	let r1 = 1;
	let r2 = 3;
	for (let location = text.length - 1; location >= 0; location--) {
		const code = text.charCodeAt(location);
		const c = code < 128 ? ascii[code]! : (alphabet.get(code) ?? 0);
		const n0 = ((r0 << 1) | 1) & c;
		const n1 = (((r1 << 1) | 1) & c) | (((r0 | n0) << 1) | 1 | r0);
		const n2 = (((r2 << 1) | 1) & c) | (((r1 | n1) << 1) | 1 | r1);
		if ((n0 | n1) & mask) return 1;
		if (n2 & mask) best = 2;
		r0 = n0;
		r1 = n1;
		r2 = n2;
	}
	return best;
}

function upToThreeErrors({ascii, alphabet, pattern}: Chunk, text: string): number {
	const mask = 1 << (pattern.length - 1);
	let best = -1;
	let r0 = 0;
	let r1 = 1;
	let r2 = 3;
	let r3 = 7;
	for (let location = text.length - 1; location >= 0; location--) {
		const code = text.charCodeAt(location);
		const c = code < 128 ? ascii[code]! : (alphabet.get(code) ?? 0);
		const n0 = ((r0 << 1) | 1) & c;
		const n1 = (((r1 << 1) | 1) & c) | (((r0 | n0) << 1) | 1 | r0);
		const n2 = (((r2 << 1) | 1) & c) | (((r1 | n1) << 1) | 1 | r1);
		const n3 = (((r3 << 1) | 1) & c) | (((r2 | n2) << 1) | 1 | r2);
		if ((n0 | n1) & mask) return 1;
		if (n2 & mask) best = 2;
		else if (best === -1 && n3 & mask) best = 3;
		r0 = n0;
		r1 = n1;
		r2 = n2;
		r3 = n3;
	}
	return best;
}

/**
 * A chunk of a query longer than 32 characters. fuse.js searches it from the chunk's offset, which moves
 * where its scan stops and so which match its two-character rule looks at: this follows fuse.js step by
 * step (long queries are rare, so this path is not tuned).
 */
function scoreLongChunk(chunk: Chunk, text: string, threshold: number): TextScore {
	const {pattern, maxErrors} = chunk;
	const length = pattern.length;
	const textLength = text.length;
	const expected = Math.min(chunk.start, textLength);
	const matchMask = new Uint8Array(textLength);
	let currentThreshold = threshold;
	let bestLocation = expected;
	for (let index = text.indexOf(pattern, bestLocation); index > -1; index = text.indexOf(pattern, bestLocation)) {
		currentThreshold = 0;
		bestLocation = index + length;
		for (let offset = 0; offset < length; offset++) matchMask[index + offset] = 1;
	}
	bestLocation = -1;
	let bestErrors = 0;
	let finalScore = 1;
	let lastBits = new Int32Array(0);
	const mask = 1 << (length - 1);
	const charMatchAt = (location: number) => (location < textLength ? (chunk.alphabet.get(text.charCodeAt(location)) ?? 0) : 0);
	for (let errors = 0; errors <= maxErrors; errors++) {
		if (errors / length > currentThreshold) break;
		let start = 1;
		const finish = textLength + length;
		const bits = new Int32Array(finish + 2);
		bits[finish + 1] = (1 << errors) - 1;
		for (let j = finish; j >= start; j--) {
			const location = j - 1;
			bits[j] = ((bits[j + 1]! << 1) | 1) & charMatchAt(location);
			if (errors > 0) bits[j] = bits[j]! | (((lastBits[j + 1]! | lastBits[j]!) << 1) | 1 | lastBits[j + 1]!);
			if (bits[j]! & mask) {
				finalScore = errors / length;
				if (finalScore <= currentThreshold) {
					currentThreshold = finalScore;
					bestLocation = location;
					bestErrors = errors;
					if (bestLocation <= expected) break;
					start = Math.max(1, 2 * expected - bestLocation);
				}
			}
		}
		if ((errors + 1) / length > currentThreshold) break;
		lastBits = bits;
	}
	const errors = bestLocation >= 0 ? bestErrors : -1;
	if (bestLocation >= 0) {
		const end = Math.min(textLength - 1, bestLocation + length - 1 + bestErrors);
		for (let index = bestLocation; index <= end; index++) if (chunk.alphabet.has(text.charCodeAt(index))) matchMask[index] = 1;
	}
	if (bestLocation < 0 || !hasRun(matchMask)) return {isMatch: false, score: Math.max(MIN_SCORE, finalScore), errors};
	return {isMatch: true, score: Math.max(MIN_SCORE, finalScore), errors};
}

function hasRun(mask: Uint8Array): boolean {
	let run = 0;
	for (const marked of mask) {
		run = marked ? run + 1 : 0;
		if (run >= MIN_MATCH_CHARS) return true;
	}
	return false;
}
