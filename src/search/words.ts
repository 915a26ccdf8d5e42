/**
 * The words of a text as search sees them: runs of letters and digits, folded so that case, accents and
 * LaTeX accent commands do not matter ("Schr\"{o}dinger", "Schrödinger" and "SCHRODINGER" are all
 * "schrodinger"), and Greek letters are their names ("α" and "$\alpha$" are "alpha"). The index, the
 * query and the highlighter read text through the same scanner, so a word matches, and is highlighted,
 * wherever it was found.
 */

/** Longest folded word kept (longer runs, such as URLs without separators, are cut to this). */
export const MAX_WORD = 64;

/** Receives each word of a scanned text. */
export interface WordSink {
	/**
	 * One word: its folded characters in `chars[0..length)`, their hash (see `hashWord`), where it is in the
	 * text (`start` inclusive, `end` exclusive, in UTF-16 units), and whether it is joined to the previous
	 * word (see `joined` in Word).
	 */
	word(chars: Uint16Array, length: number, hash: number, start: number, end: number, joined: boolean): void;
}

// What each ASCII character is to the scanner: its folded code for letters and digits, 0 for
// punctuation, or one of these.
/** Braces do not split a word ("{G}aussian", "Schr{\"o}dinger"). */
const TRANSPARENT = 1;
const BACKSLASH = 2;
const SPACE = 3;
const ASCII = new Uint16Array(128);
for (let code = 0x30; code <= 0x39; code++) ASCII[code] = code;
for (let code = 0x61; code <= 0x7a; code++) ASCII[code] = code;
for (let code = 0x41; code <= 0x5a; code++) ASCII[code] = code + 0x20;
ASCII[0x7b] = TRANSPARENT;
ASCII[0x7d] = TRANSPARENT;
ASCII[0x5c] = BACKSLASH;
for (const code of [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d]) ASCII[code] = SPACE;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** The hash of a folded word, as the scanner computes it: FNV-1a of its UTF-16 units, mixed. */
export function hashWord(chars: Uint16Array, length: number): number {
	let hash = FNV_OFFSET;
	for (let index = 0; index < length; index++) hash = Math.imul(hash ^ chars[index]!, FNV_PRIME);
	return finishHash(hash);
}

function finishHash(hash: number): number {
	hash ^= hash >>> 15;
	hash = Math.imul(hash, 0x2c1b3c6d);
	return hash ^ (hash >>> 12);
}

/** Letters NFKD does not take apart, written as the letters people type for them. */
const SPECIAL_FOLDS: Readonly<Record<string, string>> = {
	ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't',
	// Greek letters as their names, as LaTeX writes them: "alpha" finds α-divergence (shown decoded from
	// `$\alpha$-divergence`), and α finds it too. NFKD has made ϵ ε, ϕ φ, ϑ θ, µ μ already.
	α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta', ι: 'iota', κ: 'kappa',
	λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', ο: 'omicron', π: 'pi', ρ: 'rho', σ: 'sigma', ς: 'sigma', τ: 'tau', υ: 'upsilon',
	φ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega',
};
const MARKS = /\p{M}/gu;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
/** Combining marks, joiners, soft hyphens and variation selectors sit inside words without splitting them. */
const MARK = /^\p{M}$/u;
const isInvisibleInWords = (codePoint: number, character: string) =>
	codePoint === 0xad || codePoint === 0x200c || codePoint === 0x200d || codePoint === 0x2060 || (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || MARK.test(character);
/**
 * A code point outside ASCII: its folded letters, '' when it is invisible inside a word, WHITE_SPACE for
 * white space, null for other characters that separate words.
 */
const foldCache = new Map<number, string | null>();

function foldCodePoint(codePoint: number): string | null {
	let folded = foldCache.get(codePoint);
	if (folded !== undefined) return folded;
	const character = String.fromCodePoint(codePoint);
	if (isInvisibleInWords(codePoint, character)) folded = '';
	else if (SPACE_CHARACTER.test(character)) folded = WHITE_SPACE;
	else if (!WORD_CHARACTER.test(character)) folded = null;
	else {
		// Compatibility forms to their letters ("ﬁ" to "fi", "⑴" to "1"), accents off.
		const letters = [...character.normalize('NFKD').replace(MARKS, '').toLowerCase()].filter((letter) => WORD_CHARACTER.test(letter));
		folded = letters.map((letter) => SPECIAL_FOLDS[letter] ?? letter).join('');
		if (folded === '') folded = character.toLowerCase();
	}
	foldCache.set(codePoint, folded);
	return folded;
}

/** What `foldCodePoint` gives for white space. */
const WHITE_SPACE = ' ';
const SPACE_CHARACTER = /^\s$/u;
/** Words apart by at most this much punctuation, and no space, are joined ("GPT-4", "MC$^2$Mark", "I/O"). */
const MAX_JOINING = 3;

// LaTeX accents: \"o \"{o} \'e \`a \^o \~n \=a \.z, and \c{c} \v{s} \u{g} \H{o} \k{a} \r{a} \b{b} \d{d} \t{oo} with braces.
const SYMBOL_ACCENTS = new Set([...'"\'`^~=.'].map((character) => character.charCodeAt(0)));
const LETTER_ACCENTS = new Set([...'cvuHkrbdt'].map((character) => character.charCodeAt(0)));
/** Letters written as commands, when a non-letter follows. */
const LETTER_COMMANDS: Readonly<Record<string, string>> = {ss: 'ss', o: 'o', O: 'o', l: 'l', L: 'l', i: 'i', j: 'j', aa: 'a', AA: 'a', ae: 'ae', AE: 'ae', oe: 'oe', OE: 'oe'};

const isAsciiLetter = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);

/**
 * A LaTeX accent or letter command at `at` (a backslash): the letters it stands for and where it ends,
 * or null when it is not one.
 */
function latexLetters(text: string, at: number): {letters: string; end: number} | null {
	const command = text.charCodeAt(at + 1);
	let index = at + 2;
	if (SYMBOL_ACCENTS.has(command) || (LETTER_ACCENTS.has(command) && text.charCodeAt(index) === 0x7b)) {
		const braced = text.charCodeAt(index) === 0x7b;
		if (braced) index++;
		if (!isAsciiLetter(text.charCodeAt(index))) return null;
		const letters = text[index]!.toLowerCase();
		index++;
		if (braced) {
			if (text.charCodeAt(index) !== 0x7d) return null;
			index++;
		}
		return {letters, end: index};
	}
	let end = at + 1;
	while (end < text.length && isAsciiLetter(text.charCodeAt(end))) end++;
	const letters = LETTER_COMMANDS[text.slice(at + 1, end)];
	return letters === undefined ? null : {letters, end};
}

/** Reads texts word by word; one scanner serves any number of texts (it reuses its buffer). */
export class WordScanner {
	private readonly chars = new Uint16Array(MAX_WORD);

	/** Calls `sink.word` for every word of `text`, in order. */
	scan(text: string, sink: WordSink): void {
		// One loop with its state in locals: the scanner reads every character of every abstract.
		const chars = this.chars;
		const count = text.length;
		let length = 0;
		let hash = FNV_OFFSET;
		let start = -1;
		let end = 0;
		let joined = false;
		// Separators since the last word (-1 before the first word), and whether one was white space.
		let separators = -1;
		let spaced = false;
		for (let index = 0; index < count; index++) {
			const code = text.charCodeAt(index);
			let letters: string | null;
			let next = index + 1;
			if (code < 128) {
				const kind = ASCII[code]!;
				if (kind > SPACE) {
					if (start === -1) {
						start = index;
						joined = separators > 0 && separators <= MAX_JOINING && !spaced;
					}
					if (length < MAX_WORD) {
						chars[length++] = kind;
						hash = Math.imul(hash ^ kind, FNV_PRIME);
					}
					end = next;
					continue;
				}
				if (kind === TRANSPARENT) {
					if (start !== -1) end = next;
					continue;
				}
				const latex = kind === BACKSLASH ? latexLetters(text, index) : null;
				letters = latex?.letters ?? (kind === SPACE ? WHITE_SPACE : null);
				if (latex !== null) next = latex.end;
			} else {
				const codePoint = text.codePointAt(index)!;
				if (codePoint > 0xffff) next++;
				letters = foldCodePoint(codePoint);
				if (letters === '') {
					if (start !== -1) end = next;
					index = next - 1;
					continue;
				}
			}
			if (letters === null || letters === WHITE_SPACE) {
				// A separator: the word before it, if any, is complete.
				if (start !== -1) {
					sink.word(chars, length, finishHash(hash), start, end, joined);
					length = 0;
					hash = FNV_OFFSET;
					start = -1;
					separators = 0;
					spaced = false;
				}
				if (separators >= 0) {
					separators++;
					if (letters === WHITE_SPACE) spaced = true;
				}
				index = next - 1;
				continue;
			}
			if (start === -1) {
				start = index;
				joined = separators > 0 && separators <= MAX_JOINING && !spaced;
			}
			for (let letter = 0; letter < letters.length && length < MAX_WORD; letter++) {
				const folded = letters.charCodeAt(letter);
				chars[length++] = folded;
				hash = Math.imul(hash ^ folded, FNV_PRIME);
			}
			end = next;
			index = next - 1;
		}
		if (start !== -1) sink.word(chars, length, finishHash(hash), start, end, joined);
	}
}

/** A word of a text, folded, and where it is. */
export interface Word {
	text: string;
	start: number;
	end: number;
	/**
	 * It follows the previous word across a little punctuation and no space ("Vision-Language", "GPT-4",
	 * "MC$^2$Mark"): the index also keeps such words written together ("visionlanguage").
	 */
	joined: boolean;
}

const sharedScanner = new WordScanner();

/** The words of a text, folded (for queries and highlighting; the index reads through a sink). */
export function wordsOf(text: string): Word[] {
	const words: Word[] = [];
	sharedScanner.scan(text, {
		word(chars, length, _hash, start, end, joined) {
			words.push({text: String.fromCharCode(...chars.subarray(0, length)), start, end, joined});
		},
	});
	return words;
}

/** A text folded as search compares it: its words, lowercased and without accents, one space apart. */
export function foldText(text: string): string {
	return wordsOf(text)
		.map((word) => word.text)
		.join(' ');
}
