// A paper's text as scikit-learn's TfidfVectorizer reads it (see features.ts): the document (title,
// abstract, authors), accents stripped and lower case, split by its token pattern, English stop words
// dropped; then papers' own steps (LaTeX decoded, stems, bigrams of neighbouring words).
import {stemmer} from 'stemmer';
import {shownAbstract, shownLine} from '../text/latex.js';
import type {FeatureSettings} from './features.js';
import {ENGLISH_STOP_WORDS} from './stop-words.js';

/** The fields read from a paper. */
export interface TriagePaper {
	title: string;
	abstract: string;
	authors: readonly string[];
}

const NON_ASCII = /[^\x20-\x7E\s]/;
const MARKS = /\p{M}/gu;
/** scikit-learn's token pattern with Python's Unicode \b: a word character is a letter, digit or _. */
const TOKEN = /(?<![\p{L}\p{N}_])[a-z_][a-z0-9_]+(?![\p{L}\p{N}_])/gu;

/** The text scikit-learn's preprocessor hands to the tokenizer: accents stripped (NFKD, marks dropped), lower case. */
export function preprocess(text: string): string {
	const stripped = NON_ASCII.test(text) ? text.normalize('NFKD').replace(MARKS, '') : text;
	return stripped.toLowerCase();
}

/** Words of a text: the token pattern's matches, stop words dropped, stemmed when asked (`stems`: a cache). */
export function words(text: string, stem = false, stems?: Map<string, string>): string[] {
	const out: string[] = [];
	for (const match of preprocess(text).matchAll(TOKEN)) {
		const word = match[0];
		if (ENGLISH_STOP_WORDS.has(word)) continue;
		if (!stem) {
			out.push(word);
			continue;
		}
		let stemmed = stems?.get(word);
		if (stemmed === undefined) {
			stemmed = stemmer(word);
			stems?.set(word, stemmed);
		}
		out.push(stemmed);
	}
	return out;
}

/** The terms of a text: its words, then (with bigrams) each pair of neighbouring words joined by a space. */
export function terms(text: string, settings: Pick<FeatureSettings, 'stem' | 'bigrams'>): string[] {
	const unigrams = words(text, settings.stem);
	if (!settings.bigrams) return unigrams;
	const out = unigrams.slice();
	for (let at = 0; at + 1 < unigrams.length; at++) out.push(`${unigrams[at]} ${unigrams[at + 1]}`);
	return out;
}

/** The document of a paper: title (repeated as the settings say), abstract, authors' names, joined by spaces. */
export function documentText(paper: TriagePaper, settings: Pick<FeatureSettings, 'decodeLatex' | 'titleRepeat'>): string {
	const title = settings.decodeLatex ? shownLine(paper.title) : paper.title;
	const abstract = settings.decodeLatex ? shownAbstract(paper.abstract) : paper.abstract;
	const parts: string[] = [];
	for (let count = 0; count < settings.titleRepeat; count++) parts.push(title);
	parts.push(abstract, paper.authors.join(' '));
	return parts.join(' ');
}
