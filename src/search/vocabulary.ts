import {hashWord} from './words.js';

/**
 * Every distinct folded word of the indexed papers, numbered from 0 in the order first seen. Words come
 * from the scanner as characters in a buffer, with their hash: the table looks them up without making a
 * string (an open-addressing table of typed arrays: about twice as fast as a Map of strings when indexing
 * 10,000 real abstracts), and makes one only for a word it has not seen.
 */
export class Vocabulary {
	/** The words, by id. */
	readonly words: string[] = [];
	/** Which letters each word has: bit (code % 32) for each character (see `letterBits`). */
	letters = new Int32Array(1024);
	/** Slots of [hash, id + 1]; 0 marks an empty slot. */
	private slots = new Int32Array(2 * 2048);
	private capacity = 2048;

	get size(): number {
		return this.words.length;
	}

	/** The id of a word given as characters, added if new. */
	idOf(chars: Uint16Array, length: number, hash: number): number {
		const mask = this.capacity - 1;
		const slots = this.slots;
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const stored = slots[2 * slot + 1]!;
			if (stored === 0) return this.add(chars, length, hash, slot);
			if (slots[2 * slot] === hash && equals(this.words[stored - 1]!, chars, length)) return stored - 1;
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
			if (this.slots[2 * slot] === hash && this.words[stored - 1] === word) return stored - 1;
		}
	}

	private add(chars: Uint16Array, length: number, hash: number, slot: number): number {
		const id = this.words.length;
		const word = String.fromCharCode(...chars.subarray(0, length));
		this.words.push(word);
		if (id >= this.letters.length) this.letters = grow(this.letters);
		this.letters[id] = letterBits(word);
		this.slots[2 * slot] = hash;
		this.slots[2 * slot + 1] = id + 1;
		if (2 * this.words.length > this.capacity) this.rehash();
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

function equals(word: string, chars: Uint16Array, length: number): boolean {
	if (word.length !== length) return false;
	for (let index = 0; index < length; index++) if (word.charCodeAt(index) !== chars[index]) return false;
	return true;
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
export function grow<T extends Int32Array | Float64Array | Uint8Array>(array: T): T {
	const bigger = new (array.constructor as new (length: number) => T)(Math.max(16, array.length * 2));
	bigger.set(array);
	return bigger;
}
