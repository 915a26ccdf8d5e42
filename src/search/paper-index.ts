import {grow, Vocabulary} from './vocabulary.js';
import {MAX_WORD, WordScanner, hashWord, type WordSink} from './words.js';

/** What search reads of a paper. */
export interface Searchable {
	title: string;
	abstract: string;
	authors: readonly string[];
}

/**
 * Where a paper's word ids are, as offsets into its chunk: the title's words in order, then the words
 * its compounds make ("vision-language" -> "visionlanguage", see Word.joined), the authors' words, the
 * abstract's words (each field's words once, except the title's sequence).
 */
export const BOUNDS = 5;
export const START = 0;
export const TITLE_SEQUENCE_END = 1;
export const TITLE_END = 2;
export const AUTHORS_END = 3;
export const END = 4;

/** Words of a title indexed, in order (far more than any real title has). */
const MAX_TITLE_SEQUENCE = 255;
/** Distinct words indexed per field: a field of a billion distinct words cannot make the index grow without end. */
const MAX_FIELD_WORDS = 1 << 15;
/** Word ids per chunk of storage: chunks are never copied as the index grows. */
const CHUNK = 1 << 20;
/** Papers indexed between two looks at the clock: few, as code not yet compiled takes ~1 ms a paper. */
const BATCH = 2;
/** Numbers kept per word in PaperIndex.wordData, and their places. */
const WORD_DATA = 4;
const PAPER_STAMP = 0;
const FIELD_STAMP = 1;
const FREQUENCY = 2;

/**
 * A forward index of papers: for each paper, the ids of its words per field, and for each word, how many
 * papers have it. Built a slice at a time, as papers arrive; a paper replaced in the list (a listing read
 * later had it too) is indexed again.
 */
export class PaperIndex {
	readonly vocabulary = new Vocabulary();
	/**
	 * Per word, WORD_DATA numbers side by side (one cache line for the builder's look at a word): the last
	 * paper and field it was counted for, and how many papers have it.
	 */
	wordData: Int32Array = new Int32Array(WORD_DATA * 1024);
	/** Per paper: BOUNDS offsets into `chunks[chunkOf[paper]]`. */
	bounds = new Int32Array(BOUNDS * 1024);
	chunkOf = new Int32Array(1024);
	readonly chunks: Int32Array[] = [new Int32Array(CHUNK)];
	/** Papers indexed, as given; a paper not indexed, or indexed as another object, is to be indexed (again). */
	private indexed: Searchable[] = [];
	private papers: readonly Searchable[] = [];
	/** Positions whose paper was replaced, to index again before the rest. */
	private stale: number[] = [];
	private used = 0;
	private readonly builder = new FieldBuilder(this);

	/** The list being indexed. */
	get list(): readonly Searchable[] {
		return this.papers;
	}

	/** Papers indexed (those of `list` from the start, unless some are stale). */
	get count(): number {
		return this.indexed.length;
	}

	/** Every paper of the list is indexed as it is now. */
	get complete(): boolean {
		return this.indexed.length === this.papers.length && this.stale.length === 0;
	}

	/**
	 * Takes a new list of papers: the same papers with more at the end (as while a listing is read) keeps
	 * what is indexed, and a replaced paper is indexed again. A list that is not such an extension starts over.
	 */
	setPapers(papers: readonly Searchable[]): boolean {
		if (papers === this.papers) return false;
		const known = this.indexed.length;
		if (papers.length < known) throw new RangeError('a search index only grows: build a new one for another list');
		for (let index = 0; index < known; index++) if (papers[index] !== this.indexed[index]) this.stale.push(index);
		this.papers = papers;
		return true;
	}

	/** Indexes papers until all are indexed (true) or the clock passes `deadline` (performance.now()). */
	indexUntil(deadline: number): boolean {
		while (!this.complete) {
			for (let step = 0; step < BATCH && !this.complete; step++) {
				const stale = this.stale.pop();
				if (stale !== undefined) this.reindex(stale);
				else this.add(this.indexed.length);
			}
			if (!this.complete && performance.now() >= deadline) return false;
		}
		return true;
	}

	/** How many papers have word `id`, in any field. */
	frequency(id: number): number {
		return this.wordData[WORD_DATA * id + FREQUENCY]!;
	}

	/** Makes room in `wordData` for this many words; the new array. */
	growWordData(words: number): Int32Array {
		const bigger = new Int32Array(WORD_DATA * Math.max(words, (2 * this.wordData.length) / WORD_DATA));
		bigger.set(this.wordData);
		this.wordData = bigger;
		return bigger;
	}

	/** The entries of a paper's chunk and its bounds' offset: entries[bounds[at + START] ...]. */
	entriesOf(paper: number): Int32Array {
		return this.chunks[this.chunkOf[paper]!]!;
	}

	private add(paper: number): void {
		const item = this.papers[paper]!;
		if (paper >= this.chunkOf.length) {
			this.chunkOf = grow(this.chunkOf);
			this.bounds = grow(this.bounds);
		}
		this.indexed.push(item);
		this.store(paper, this.builder.build(item));
	}

	private reindex(paper: number): void {
		// The old words no longer count for this paper.
		const entries = this.entriesOf(paper);
		const at = paper * BOUNDS;
		const seen = new Set<number>();
		for (let offset = this.bounds[at + START]!; offset < this.bounds[at + END]!; offset++) {
			const word = entries[offset]!;
			if (seen.has(word)) continue;
			seen.add(word);
			this.wordData[WORD_DATA * word + FREQUENCY]!--;
		}
		const item = this.papers[paper]!;
		this.indexed[paper] = item;
		this.store(paper, this.builder.build(item));
	}

	/** Copies a paper's word ids (built in the builder's scratch) into storage. */
	private store(paper: number, fields: BuiltFields): void {
		const {scratch, length} = fields;
		let chunk = this.chunks.length - 1;
		if (this.used + length > this.chunks[chunk]!.length) {
			this.chunks.push(new Int32Array(Math.max(CHUNK, length)));
			chunk++;
			this.used = 0;
		}
		const start = this.used;
		this.chunks[chunk]!.set(scratch.subarray(0, length), start);
		this.used += length;
		const at = paper * BOUNDS;
		this.chunkOf[paper] = chunk;
		this.bounds[at + START] = start;
		this.bounds[at + TITLE_SEQUENCE_END] = start + fields.titleSequenceEnd;
		this.bounds[at + TITLE_END] = start + fields.titleEnd;
		this.bounds[at + AUTHORS_END] = start + fields.authorsEnd;
		this.bounds[at + END] = start + length;
	}
}

/** A paper's word ids, in the builder's scratch array, with where each field ends. */
interface BuiltFields {
	scratch: Int32Array;
	length: number;
	titleSequenceEnd: number;
	titleEnd: number;
	authorsEnd: number;
}

const TITLE_SEQUENCE = 0;
const FIELD = 1;

/** Turns one paper at a time into word ids: the scanner's sink. */
class FieldBuilder implements WordSink {
	private paperStamp = 0;
	private fieldStamp = 0;
	private scratch = new Int32Array(4096);
	private length = 0;
	/** Compounds of the title, kept apart until its sequence is complete. */
	private compounds: number[] = [];
	private mode = TITLE_SEQUENCE;
	private fieldWords = 0;
	private readonly scanner = new WordScanner();
	/** The word a joined word joins ("vision", then "visionlanguage"), or -1. */
	private compoundId = -1;
	private readonly compound = new Uint16Array(2 * MAX_WORD);

	constructor(private readonly index: PaperIndex) {}

	build(paper: Searchable): BuiltFields {
		this.paperStamp++;
		this.length = 0;
		this.compounds.length = 0;
		this.beginField(TITLE_SEQUENCE);
		this.scanner.scan(paper.title, this);
		const titleSequenceEnd = this.length;
		this.beginField(FIELD);
		for (const compound of this.compounds) this.push(compound, false);
		const titleEnd = this.length;
		this.beginField(FIELD);
		for (const author of paper.authors) {
			this.compoundId = -1;
			this.scanner.scan(author, this);
		}
		const authorsEnd = this.length;
		this.beginField(FIELD);
		this.scanner.scan(paper.abstract, this);
		return {scratch: this.scratch, length: this.length, titleSequenceEnd, titleEnd, authorsEnd};
	}

	private beginField(mode: number): void {
		this.mode = mode;
		this.fieldStamp++;
		this.fieldWords = 0;
		this.compoundId = -1;
	}

	word(chars: Uint16Array, length: number, hash: number, _start: number, _end: number, joined: boolean): void {
		const vocabulary = this.index.vocabulary;
		const id = vocabulary.idOf(chars, length, hash);
		if (this.mode !== TITLE_SEQUENCE) this.push(id, false);
		else if (this.length < MAX_TITLE_SEQUENCE) this.push(id, true);
		if (!joined || this.compoundId === -1) {
			this.compoundId = id;
			return;
		}
		// "vision-language": also "visionlanguage", so that the word written together finds it.
		const compound = this.compound;
		const before = vocabulary.copy(this.compoundId, compound, 0);
		if (before + length > MAX_WORD) {
			this.compoundId = id;
			return;
		}
		for (let index = 0; index < length; index++) compound[before + index] = chars[index]!;
		this.compoundId = vocabulary.idOf(compound, before + length, hashWord(compound, before + length));
		if (this.mode === TITLE_SEQUENCE) this.compounds.push(this.compoundId);
		else this.push(this.compoundId, false);
	}

	/** Adds a word id to the paper: always in the title's sequence, else once per field. */
	private push(id: number, sequence: boolean): void {
		let data = this.index.wordData;
		if (WORD_DATA * id >= data.length) data = this.index.growWordData(this.index.vocabulary.size);
		const at = WORD_DATA * id;
		if (data[at + PAPER_STAMP] !== this.paperStamp) {
			data[at + PAPER_STAMP] = this.paperStamp;
			data[at + FREQUENCY]!++;
		}
		if (!sequence) {
			if (data[at + FIELD_STAMP] === this.fieldStamp || this.fieldWords >= MAX_FIELD_WORDS) return;
			data[at + FIELD_STAMP] = this.fieldStamp;
			this.fieldWords++;
		}
		if (this.length === this.scratch.length) this.scratch = grow(this.scratch);
		this.scratch[this.length++] = id;
	}
}
