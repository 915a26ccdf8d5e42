import {hashWord} from './words.js';

/**
 * Every distinct folded word of the indexed papers, numbered from 0 in the order first seen. Words come
 * from the scanner as characters in a buffer, with their hash; the table finds them without making a
 * string: an open-addressing table of typed arrays over a pool of the words' characters (a Map of strings
 * took twice as long to index 10,000 real abstracts, most of it in making and comparing strings). A word
 * becomes a string the first time a search compares it with a query word.
 */
export class Vocabulary {
	/** Which letters each word has: bit (code % 32) for each character (see `letterBits`). */
	letters = new Int32Array(1024);
	/** The words' characters, one after the other; word `id` is pool[starts[id] .. starts[id + 1]). */
	private pool = new Uint16Array(16384);
	private starts = new Int32Array(1025);
	private strings: string[] = [];
	private count = 0;
	/** Slots of [hash, id + 1]; 0 marks an empty slot. */
	private slots = new Int32Array(2 * 2048);
	private capacity = 2048;

	get size(): number {
		return this.count;
	}

	/** The id of a word given as characters, added if new. */
	idOf(chars: Uint16Array, length: number, hash: number): number {
		const mask = this.capacity - 1;
		const slots = this.slots;
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const stored = slots[2 * slot + 1]!;
			if (stored === 0) return this.add(chars, length, hash, slot);
			if (slots[2 * slot] === hash && this.holds(stored - 1, chars, length)) return stored - 1;
		}
	}

	/** The id of a word, or -1 when no paper has it. */
	find(word: string): number {
		const chars = Uint16Array.from(word, (character) => character.charCodeAt(0));
		const hash = hashWord(chars, chars.length);
		const mask = this.capacity - 1;
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const stored = this.slots[2 * slot + 1]!;
			if (stored === 0) return -1;
			if (this.slots[2 * slot] === hash && this.holds(stored - 1, chars, chars.length)) return stored - 1;
		}
	}

	/** Word `id` as a string. */
	word(id: number): string {
		let word = this.strings[id];
		if (word === undefined) {
			word = String.fromCharCode.apply(null, this.pool.subarray(this.starts[id]!, this.starts[id + 1]!) as unknown as number[]);
			this.strings[id] = word;
		}
		return word;
	}

	/** Copies word `id`'s characters into `into` from `at`; its length. */
	copy(id: number, into: Uint16Array, at: number): number {
		const start = this.starts[id]!;
		const length = this.starts[id + 1]! - start;
		const pool = this.pool;
		for (let index = 0; index < length; index++) into[at + index] = pool[start + index]!;
		return length;
	}

	/** Whether word `id` is these characters. */
	private holds(id: number, chars: Uint16Array, length: number): boolean {
		const start = this.starts[id]!;
		if (this.starts[id + 1]! - start !== length) return false;
		const pool = this.pool;
		for (let index = 0; index < length; index++) if (pool[start + index] !== chars[index]) return false;
		return true;
	}

	private add(chars: Uint16Array, length: number, hash: number, slot: number): number {
		const id = this.count++;
		if (id + 1 >= this.starts.length) {
			this.starts = grow(this.starts);
			this.letters = grow(this.letters);
		}
		const start = this.starts[id]!;
		while (start + length > this.pool.length) this.pool = grow(this.pool);
		let letters = 0;
		for (let index = 0; index < length; index++) {
			this.pool[start + index] = chars[index]!;
			letters |= 1 << (chars[index]! & 31);
		}
		this.starts[id + 1] = start + length;
		this.letters[id] = letters;
		this.slots[2 * slot] = hash;
		this.slots[2 * slot + 1] = id + 1;
		if (2 * this.count > this.capacity) this.rehash();
		return id;
	}

	private rehash(): void {
		const old = this.slots;
		this.capacity *= 2;
		const mask = this.capacity - 1;
		this.slots = new Int32Array(2 * this.capacity);
		for (let index = 0; index < old.length; index += 2) {
			if (old[index + 1] === 0) continue;
			let slot = old[index]! & mask;
			while (this.slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
			this.slots[2 * slot] = old[index]!;
			this.slots[2 * slot + 1] = old[index + 1]!;
		}
	}
}

/**
 * The letters of a word as bits (code % 32). A pattern with letters in n buckets the word lacks needs at
 * least n edits to match any part of it: a test that rules out most words in one operation.
 */
export function letterBits(word: string): number {
	let bits = 0;
	for (let index = 0; index < word.length; index++) bits |= 1 << (word.charCodeAt(index) & 31);
	return bits;
}

/** A typed array twice as long, with the same start. */
export function grow<T extends Int32Array | Float64Array | Uint8Array | Uint16Array>(array: T): T {
	const bigger = new (array.constructor as new (length: number) => T)(Math.max(16, array.length * 2));
	bigger.set(array);
	return bigger;
}
