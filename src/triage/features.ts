// Tf-idf features of papers, as scikit-learn's TfidfVectorizer computes them with the settings
// arxiv-sanity-lite publishes (strip_accents='unicode', lowercase, stop_words='english',
// token_pattern=r'(?u)\b[a-zA-Z_][a-zA-Z0-9_]+\b', ngram_range=(1, 2), max_features=20000, norm='l2',
// smooth_idf, sublinear_tf, max_df=0.10, min_df=5), over title + abstract + authors; and papers' own
// settings (LaTeX decoded, stems, the title counted more than once, vocabulary bounds for small pools).
// A paper's text as words and terms: tokens.ts; here, the vocabulary and the weighed rows.
import {documentText, words, type TriagePaper} from './tokens.js';

export interface FeatureSettings {
	/** Decode LaTeX (`$\alpha$`, `\"{o}`) the way the reader shows it, before tokenising. */
	decodeLatex: boolean;
	/** Porter-stem each word (after stop words are dropped, before bigrams are made). */
	stem: boolean;
	/** How many times the title is written into the document (1: once, as arxiv-sanity-lite does). */
	titleRepeat: number;
	/** Unigrams and bigrams (true), or unigrams only. */
	bigrams: boolean;
	/** Terms in fewer documents than this are dropped (an absolute count, as scikit-learn's int min_df). */
	minDf: number;
	/** Terms in more than this share of documents are dropped (scikit-learn's float max_df). */
	maxDf: number;
	/** At most this many terms, the most frequent over the corpus. */
	maxFeatures: number;
}

/** arxiv-sanity-lite's TfidfVectorizer. */
export const RECIPE_FEATURES: FeatureSettings = {decodeLatex: false, stem: false, titleRepeat: 1, bigrams: true, minDf: 5, maxDf: 0.1, maxFeatures: 20_000};

/** One document's l2-normalised tf-idf vector: term indices ascending, their values. */
export interface SparseRow {
	indices: Int32Array;
	values: Float64Array;
}

/** All the rows in one place (compressed sparse rows): row i is offsets[i] up to offsets[i + 1]. */
export interface SparseMatrix {
	offsets: Int32Array;
	indices: Int32Array;
	values: Float64Array;
}

export interface Features {
	settings: FeatureSettings;
	matrix: SparseMatrix;
	/** The vocabulary, sorted as scikit-learn sorts it (by code unit); a row's indices point into it. */
	terms: string[];
	idf: Float64Array;
	/** Row per paper: views into the matrix. */
	rows: SparseRow[];
}

/**
 * Builds features a slice of papers at a time (`add`), so that a reader can spread the work over idle
 * moments; `finish` chooses the vocabulary and weighs the rows (fast: no text is read again).
 */
export class FeatureBuilder {
	readonly settings: FeatureSettings;
	private readonly papers: readonly TriagePaper[];
	private next = 0;
	/** Every word seen, to a provisional term id. */
	private readonly wordIds = new Map<string, number>();
	/** Every bigram seen: per first word's term id, the second word's term id to the bigram's term id. */
	private readonly pairIds = new Map<number, Map<number, number>>();
	/** Per provisional term id: the word, or the two word ids of a bigram (named only if kept). */
	private readonly names: Array<string | [number, number]> = [];
	/** Per document: provisional term ids and their counts. */
	private readonly docTerms: Int32Array[] = [];
	private readonly docCounts: Int32Array[] = [];
	private readonly stems = new Map<string, string>();
	/** Scratch: a count per provisional term id (0 outside `add`). */
	private counts = new Int32Array(1 << 16);

	constructor(papers: readonly TriagePaper[], settings: FeatureSettings = RECIPE_FEATURES) {
		this.papers = papers;
		this.settings = settings;
	}

	get done(): boolean {
		return this.next >= this.papers.length;
	}

	/** Tokenises up to `count` more papers; true when all are. */
	add(count: number): boolean {
		const end = Math.min(this.papers.length, this.next + count);
		const ids: number[] = [];
		const seen: number[] = [];
		const count1 = (id: number): void => {
			if (id >= this.counts.length) {
				const grown = new Int32Array(this.counts.length * 2);
				grown.set(this.counts);
				this.counts = grown;
			}
			if (this.counts[id]!++ === 0) seen.push(id);
		};
		for (; this.next < end; this.next++) {
			ids.length = 0;
			seen.length = 0;
			for (const word of words(documentText(this.papers[this.next]!, this.settings), this.settings.stem, this.stems)) {
				let id = this.wordIds.get(word);
				if (id === undefined) {
					id = this.names.length;
					this.wordIds.set(word, id);
					this.names.push(word);
				}
				ids.push(id);
				count1(id);
			}
			if (this.settings.bigrams) {
				for (let at = 0; at + 1 < ids.length; at++) {
					let seconds = this.pairIds.get(ids[at]!);
					if (seconds === undefined) {
						seconds = new Map();
						this.pairIds.set(ids[at]!, seconds);
					}
					let id = seconds.get(ids[at + 1]!);
					if (id === undefined) {
						id = this.names.length;
						seconds.set(ids[at + 1]!, id);
						this.names.push([ids[at]!, ids[at + 1]!]);
					}
					count1(id);
				}
			}
			const terms = new Int32Array(seen.length);
			const counts = new Int32Array(seen.length);
			for (let k = 0; k < seen.length; k++) {
				terms[k] = seen[k]!;
				counts[k] = this.counts[seen[k]!]!;
				this.counts[seen[k]!] = 0;
			}
			this.docTerms.push(terms);
			this.docCounts.push(counts);
		}
		return this.done;
	}

	private name(id: number): string {
		const name = this.names[id]!;
		return typeof name === 'string' ? name : `${this.names[name[0]] as string} ${this.names[name[1]] as string}`;
	}

	/** The features (tokenises what is left first). */
	finish(): Features {
		if (this.result !== null) return this.result;
		this.add(Infinity);
		for (;;) {
			const step = this.finishing.next();
			if (step.done === true) return (this.result ??= step.value);
		}
	}

	/**
	 * Finishes a step at a time until `deadline` (performance.now()), so that a reader can choose the
	 * vocabulary and weigh the rows between keys too: the features once done, null while work is left.
	 * Tokenises what is left first, in steps of one paper. The same features as `finish`.
	 */
	finishBy(deadline: number): Features | null {
		if (this.result !== null) return this.result;
		while (!this.done) {
			this.add(1);
			if (performance.now() >= deadline) return null;
		}
		for (;;) {
			const step = this.finishing.next();
			if (step.done === true) return (this.result ??= step.value);
			if (performance.now() >= deadline) return null;
		}
	}

	private result: Features | null = null;
	/** `finish`'s work, yielding every few hundred terms or documents (a generator: `finishBy` resumes it). */
	private readonly finishing: Generator<void, Features, void> = this.finishSteps();

	private *finishSteps(): Generator<void, Features, void> {
		const {minDf, maxDf, maxFeatures} = this.settings;
		const documents = this.docTerms.length;
		const df = new Int32Array(this.names.length);
		const tf = new Float64Array(this.names.length);
		for (let doc = 0; doc < documents; doc++) {
			const ids = this.docTerms[doc]!;
			const counts = this.docCounts[doc]!;
			for (let k = 0; k < ids.length; k++) {
				df[ids[k]!]!++;
				tf[ids[k]!]! += counts[k]!;
			}
			if ((doc & STEP) === STEP) yield;
		}
		// scikit-learn: max_df as a share becomes a count (max_df * documents); terms outside [min_df, max_df]
		// go, then the max_features most frequent over the corpus stay (ties: the earlier term in sorted order).
		const maxCount = maxDf * documents;
		const inRange: number[] = [];
		for (let id = 0; id < df.length; id++) {
			if (df[id]! >= minDf && df[id]! <= maxCount) inRange.push(id);
			if ((id & STEP) === STEP) yield;
		}
		// The most frequent: only the terms at or above the maxFeatures-th largest frequency are named and
		// sorted (ties there broken by name, as a sort of them all would).
		let chosen = inRange;
		if (inRange.length > maxFeatures) {
			const frequencies = Float64Array.from(inRange, (id) => tf[id]!).sort();
			yield;
			const least = frequencies[frequencies.length - maxFeatures]!;
			chosen = inRange.filter((id) => tf[id]! >= least);
		}
		let kept: Array<{id: number; name: string}> = [];
		for (let at = 0; at < chosen.length; at++) {
			kept.push({id: chosen[at]!, name: this.name(chosen[at]!)});
			if ((at & STEP) === STEP) yield;
		}
		if (kept.length > maxFeatures) {
			kept.sort((a, b) => tf[b.id]! - tf[a.id]! || compare(a.name, b.name));
			kept = kept.slice(0, maxFeatures);
			yield;
		}
		kept.sort((a, b) => compare(a.name, b.name));
		yield;
		const column = new Int32Array(this.names.length).fill(-1);
		const terms = kept.map(({id, name}, index) => {
			column[id] = index;
			return name;
		});
		// Smooth idf: ln((1 + n) / (1 + df)) + 1.
		const idf = Float64Array.from(kept, ({id}) => Math.log((1 + documents) / (1 + df[id]!)) + 1);
		const offsets = new Int32Array(documents + 1);
		for (let doc = 0; doc < documents; doc++) {
			let kept = 0;
			for (const id of this.docTerms[doc]!) if (column[id]! >= 0) kept++;
			offsets[doc + 1] = offsets[doc]! + kept;
			if ((doc & STEP) === STEP) yield;
		}
		const indices = new Int32Array(offsets[documents]!);
		const values = new Float64Array(offsets[documents]!);
		const rows: SparseRow[] = [];
		const pairs: Array<[number, number]> = [];
		for (let doc = 0; doc < documents; doc++) {
			const ids = this.docTerms[doc]!;
			const counts = this.docCounts[doc]!;
			pairs.length = 0;
			for (let k = 0; k < ids.length; k++) {
				const col = column[ids[k]!]!;
				if (col >= 0) pairs.push([col, (1 + Math.log(counts[k]!)) * idf[col]!]);
			}
			pairs.sort((a, b) => a[0] - b[0]);
			let norm = 0;
			for (const [, value] of pairs) norm += value * value;
			norm = Math.sqrt(norm);
			const start = offsets[doc]!;
			pairs.forEach(([col, value], k) => {
				indices[start + k] = col;
				values[start + k] = norm > 0 ? value / norm : 0;
			});
			rows.push({indices: indices.subarray(start, offsets[doc + 1]), values: values.subarray(start, offsets[doc + 1])});
			if ((doc & ROW_STEP) === ROW_STEP) yield;
		}
		return {settings: this.settings, matrix: {offsets, indices, values}, terms, idf, rows};
	}
}

/** Features of all the papers at once. */
export function buildFeatures(papers: readonly TriagePaper[], settings: FeatureSettings = RECIPE_FEATURES): Features {
	return new FeatureBuilder(papers, settings).finish();
}

/** `finishSteps` yields every STEP + 1 terms or documents, every ROW_STEP + 1 rows weighed (powers of two, less one). */
const STEP = 1023;
const ROW_STEP = 63;

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
