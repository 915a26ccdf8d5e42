/**
 * Edit distances between a short pattern (a query word, at most 31 characters) and words, counting a
 * swap of two neighbouring letters as one edit ("optimal string alignment": "trasnformer" is one edit
 * from "transformer"). Bit-parallel: one pass over the word, a dozen operations a character (Hyyrö,
 * "A bit-vector algorithm for computing Levenshtein and Damerau edit distances", 2003, as rapidfuzz
 * implements it); test/search/edit-distance.test.ts checks it against the textbook table.
 */

/** The longest pattern the bit vectors hold. */
export const MAX_PATTERN = 31;

/** A pattern ready to be compared with words. */
export interface EditPattern {
	length: number;
	/** Bit i set where the pattern's character i is this UTF-16 unit, for units below 128. */
	ascii: Int32Array;
	/** The same for other units. */
	other: ReadonlyMap<number, number>;
}

/** Prepares a pattern of 1 to MAX_PATTERN characters. */
export function editPattern(text: string): EditPattern {
	if (text.length === 0 || text.length > MAX_PATTERN) throw new RangeError(`edit pattern of ${text.length} characters`);
	const ascii = new Int32Array(128);
	const other = new Map<number, number>();
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code < 128) ascii[code] = ascii[code]! | (1 << index);
		else other.set(code, (other.get(code) ?? 0) | (1 << index));
	}
	return {length: text.length, ascii, other};
}

/** Distances from the pattern to a word: to the whole word, and to the closest start of it. */
export interface Distances {
	/** Edits that turn the pattern into the word. */
	whole: number;
	/** Edits that turn the pattern into some prefix of the word (the empty prefix included): a word typed half, with typos. */
	prefix: number;
}

/** The pattern against the whole word and against its best prefix, in one pass. */
export function distances(pattern: EditPattern, word: string): Distances {
	const {last, best} = scan(pattern, word, false);
	return {whole: last, prefix: best};
}

/** The fewest edits that turn the pattern into some part of the word (it may start and end anywhere). */
export function innerDistance(pattern: EditPattern, word: string): number {
	return scan(pattern, word, true).best;
}

/**
 * One pass over the word: the distance from the pattern to the word read so far (its end: `last`), and
 * the smallest such distance (`best`). With `anywhere`, a match may start at any character of the word.
 */
function scan({length, ascii, other}: EditPattern, word: string, anywhere: boolean): {last: number; best: number} {
	const high = 1 << (length - 1);
	// The top row: 0 everywhere when a match may start anywhere, else the distance from the empty pattern.
	const carry = anywhere ? 0 : 1;
	let vp = (1 << length) - 1;
	let vn = 0;
	let d0 = 0;
	let previous = 0;
	let distance = length;
	let best = distance;
	for (let index = 0; index < word.length; index++) {
		const code = word.charCodeAt(index);
		const pm = code < 128 ? ascii[code]! : (other.get(code) ?? 0);
		const transposed = ((~d0 & pm) << 1) & previous;
		d0 = ((((pm & vp) + vp) | 0) ^ vp) | pm | vn | transposed;
		let hp = vn | ~(d0 | vp);
		const hn = d0 & vp;
		if (hp & high) distance++;
		else if (hn & high) distance--;
		hp = (hp << 1) | carry;
		vp = (hn << 1) | ~(d0 | hp);
		vn = hp & d0;
		previous = pm;
		if (distance < best) best = distance;
	}
	return {last: distance, best};
}
