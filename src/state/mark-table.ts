import {compactEntry, entry, hashBytes} from './compact-entry.js';
import {mergeMark, sameMark, type Mark} from './marks.js';

/**
 * Marks by paper id, held compactly (a store can hold a million marks, ~96 MB): the file's bytes are
 * kept, and each mark is a row of typed arrays (flags, times, where its id and entry are in the file, or
 * in an arena for ids set later or escaped). An entry as papers writes it stays a lazy row (9 bytes: fresh
 * memory is what costs), its mark read from the file when asked. Ids are found by a hash of their bytes,
 * with no string per id. Writing copies a compact file's unchanged entries as they are, in runs.
 */

const READ = 1;
const FAVORITE = 2;
/** Changed since the file was read (or not from the file): written anew, never copied. */
const DIRTY = 4;
/** The id's bytes are in the arena, not the file. */
const ARENA = 8;
/** An entry as papers writes it (`compactEntry`), its id its 12 bytes after `entryStart`: its mark is in the file only. */
const LAZY = 16;
const EMPTY = Buffer.alloc(0);

export class MarkTable {
	/** The file's bytes: ids and entries point into them. */
	readonly #source: Buffer;
	/** The file's entries can be copied as they are (compact, no id twice). */
	#copyable = true;
	#arena = Buffer.alloc(256);
	#arenaLength = 0;
	#size = 0;
	#flags: Uint8Array;
	#readAt: Float64Array;
	#favoriteAt: Float64Array;
	#keyStarts: Int32Array;
	#keyEnds: Int32Array;
	#hash: Int32Array;
	#entryStart: Int32Array;
	#entryEnd: Int32Array;
	/** Row + 1 of each id by hash; 0 is a free slot. At most three quarters full. */
	#slots: Int32Array;

	/** A table over a file's bytes (the scanner adds its entries), with room for `expected` marks. */
	constructor(source: Buffer = EMPTY, expected = 16) {
		this.#source = source;
		const capacity = Math.max(16, expected);
		this.#flags = new Uint8Array(capacity);
		this.#readAt = new Float64Array(capacity);
		this.#favoriteAt = new Float64Array(capacity);
		this.#keyStarts = new Int32Array(capacity);
		this.#keyEnds = new Int32Array(capacity);
		this.#hash = new Int32Array(capacity);
		this.#entryStart = new Int32Array(capacity);
		this.#entryEnd = new Int32Array(capacity);
		this.#slots = new Int32Array(2 ** Math.ceil(Math.log2((capacity * 4) / 3)));
	}

	/** A table holding these marks (tests, and stores read the slow way). */
	static from(entries: Iterable<readonly [string, Mark]>): MarkTable {
		const table = new MarkTable();
		for (const [id, mark] of entries) table.set(id, mark);
		return table;
	}

	/** How many papers have a mark. */
	get size(): number {
		return this.#size;
	}

	/** The mark of one paper, or undefined when it has none. */
	get(id: string): Mark | undefined {
		const key = Buffer.from(id);
		const row = this.#find(key, 0, key.length, hashBytes(key, 0, key.length));
		return row < 0 ? undefined : this.#mark(row);
	}

	/** Adds the entry `compactEntry` just read at `entryStart..entryEnd` of the file, as a lazy row. */
	addCompact(entryStart: number, entryEnd: number): void {
		const row = this.#probe(this.#source, entryStart + 1, entryStart + 13, entry.hash);
		if (row >= 0) this.addFromFile(entryStart + 1, entryStart + 13, entry.hash, entryStart, entryEnd, entry.read, entry.readAt, entry.favorite, entry.favoriteAt);
		else {
			const added = this.#add(0, 0, entry.hash, LAZY, -1 - row);
			this.#entryStart[added] = entryStart;
			this.#entryEnd[added] = entryEnd;
		}
	}

	/** Sets one paper's mark. */
	set(id: string, mark: Mark): void {
		const key = Buffer.from(id);
		const hash = hashBytes(key, 0, key.length);
		let row = this.#probe(key, 0, key.length, hash);
		if (row < 0) {
			const start = this.#toArena(key);
			row = this.#add(start, this.#arenaLength, hash, ARENA, -1 - row);
		}
		this.#write(row, mark.read, mark.readAt, mark.favorite, mark.favoriteAt, DIRTY);
	}

	/** Merges marks into this table, each flag by its latest change. */
	merge(marks: Iterable<readonly [string, Mark]>): void {
		for (const [id, mark] of marks) {
			const here = this.get(id);
			const merged = mergeMark(here, mark);
			if (!sameMark(here, merged)) this.set(id, merged);
		}
	}

	/** Adds the file's entry `entryStart..entryEnd`, id `keyStart..keyEnd` (plain); an id seen before takes the new mark (as JSON.parse would). */
	addFromFile(keyStart: number, keyEnd: number, hash: number, entryStart: number, entryEnd: number, read: boolean, readAt: number, favorite: boolean, favoriteAt: number): void {
		let row = this.#probe(this.#source, keyStart, keyEnd, hash);
		if (row >= 0) this.#copyable = false;
		else row = this.#add(keyStart, keyEnd, hash, 0, -1 - row);
		this.#entryStart[row] = entryStart;
		this.#entryEnd[row] = entryEnd;
		this.#write(row, read, readAt, favorite, favoriteAt, 0);
	}

	/** The file cannot be copied as it is (spaces or line breaks, fields left out or in another order). */
	notCopyable(): void {
		this.#copyable = false;
	}

	/** Ids and marks, in the order ids were first set (decodes every id: tests and small tables). */
	*[Symbol.iterator](): IterableIterator<[string, Mark]> {
		for (let row = 0; row < this.#size; row++) yield [this.#id(row), this.#mark(row)];
	}

	/** True when both tables hold the same marks, in any order. */
	equals(other: MarkTable): boolean {
		if (this.#size !== other.#size) return false;
		for (let row = 0; row < this.#size; row++) {
			const there = other.#find(this.#keyBytes(row), this.#keyStart(row), this.#keyEnd(row), this.#hashOf(row));
			if (there < 0 || !sameMark(this.#mark(row), other.#mark(there))) return false;
		}
		return true;
	}

	/**
	 * Writes the store file's text, `{"marks":{...}}` and a line break, compact, in pieces: runs of the
	 * file's unchanged entries as they are, other marks written anew.
	 */
	writeText(write: (piece: string | Uint8Array) => void): void {
		write('{"marks":{');
		let pending: string[] = [];
		let runStart = -1;
		let runEnd = -1;
		let first = true;
		const flush = () => {
			if (pending.length > 0) write(pending.join(''));
			pending = [];
			if (runStart >= 0) write(this.#source.subarray(runStart, runEnd));
			runStart = -1;
		};
		for (let row = 0; row < this.#size; row++) {
			const flags = this.#flags[row]!;
			if (this.#copyable && (flags & (DIRTY | ARENA)) === 0) {
				if (runStart >= 0 && this.#entryStart[row] === runEnd + 1) {
					runEnd = this.#entryEnd[row]!; // the next entry of the file, after its comma
					continue;
				}
				flush();
				if (!first) pending.push(',');
				runStart = this.#entryStart[row]!;
				runEnd = this.#entryEnd[row]!;
			} else {
				if (runStart >= 0) flush();
				const {read, readAt, favorite, favoriteAt} = this.#mark(row);
				pending.push(`${first ? '' : ','}${JSON.stringify(this.#id(row))}:{"read":${read},"readAt":${readAt},"favorite":${favorite},"favoriteAt":${favoriteAt}}`);
				if (pending.length >= 1024) flush();
			}
			first = false;
		}
		flush();
		write('}}\n');
	}

	#mark(row: number): Mark {
		const flags = this.#flags[row]!;
		if ((flags & LAZY) !== 0) {
			compactEntry(this.#source, this.#entryStart[row]!);
			return {read: entry.read, readAt: entry.readAt, favorite: entry.favorite, favoriteAt: entry.favoriteAt};
		}
		return {read: (flags & READ) !== 0, readAt: this.#readAt[row]!, favorite: (flags & FAVORITE) !== 0, favoriteAt: this.#favoriteAt[row]!};
	}

	#keyBytes(row: number): Buffer {
		return (this.#flags[row]! & ARENA) === 0 ? this.#source : this.#arena;
	}

	#keyStart(row: number): number {
		return (this.#flags[row]! & LAZY) === 0 ? this.#keyStarts[row]! : this.#entryStart[row]! + 1;
	}

	#keyEnd(row: number): number {
		return (this.#flags[row]! & LAZY) === 0 ? this.#keyEnds[row]! : this.#entryStart[row]! + 13;
	}

	/** The hash of a row's id (a lazy row's is not kept: its id is at hand in the file). */
	#hashOf(row: number): number {
		return (this.#flags[row]! & LAZY) === 0 ? this.#hash[row]! : hashBytes(this.#source, this.#keyStart(row), this.#keyEnd(row));
	}

	#id(row: number): string {
		return this.#keyBytes(row).toString('utf8', this.#keyStart(row), this.#keyEnd(row));
	}

	#write(row: number, read: boolean, readAt: number, favorite: boolean, favoriteAt: number, dirty: number): void {
		if ((this.#flags[row]! & LAZY) !== 0) {
			this.#keyStarts[row] = this.#entryStart[row]! + 1;
			this.#keyEnds[row] = this.#entryStart[row]! + 13;
			this.#hash[row] = this.#hashOf(row);
		}
		this.#flags[row] = (this.#flags[row]! & ARENA) | (read ? READ : 0) | (favorite ? FAVORITE : 0) | dirty;
		this.#readAt[row] = readAt;
		this.#favoriteAt[row] = favoriteAt;
	}

	/** The row whose id is these bytes, or -1. */
	#find(bytes: Uint8Array, start: number, end: number, hash: number): number {
		return Math.max(-1, this.#probe(bytes, start, end, hash));
	}

	/** The row whose id is these bytes, or, when there is none, -1 - the free slot where it would go. */
	#probe(bytes: Uint8Array, start: number, end: number, hash: number): number {
		const mask = this.#slots.length - 1;
		const length = end - start;
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const entry = this.#slots[slot]!;
			if (entry === 0) return -1 - slot;
			const row = entry - 1;
			if ((this.#flags[row]! & LAZY) === 0 && this.#hash[row] !== hash) continue;
			const keyStart = this.#keyStart(row);
			if (this.#keyEnd(row) - keyStart !== length) continue;
			const keyBytes = this.#keyBytes(row);
			let same = true;
			for (let index = 0; index < length; index++) {
				if (keyBytes[keyStart + index] !== bytes[start + index]) {
					same = false;
					break;
				}
			}
			if (same) return row;
		}
	}

	/** A new row for an id not in the table, whose free slot is `slot`. */
	#add(keyStart: number, keyEnd: number, hash: number, flags: number, slot: number): number {
		if (this.#size === this.#flags.length) this.#grow();
		const row = this.#size++;
		if (flags !== LAZY) {
			this.#keyStarts[row] = keyStart;
			this.#keyEnds[row] = keyEnd;
		}
		if (flags !== LAZY) this.#hash[row] = hash;
		this.#flags[row] = flags;
		if (this.#size * 4 > this.#slots.length * 3) this.#rehash(this.#slots.length * 2);
		else this.#slots[slot] = row + 1;
		return row;
	}

	#place(row: number): void {
		const mask = this.#slots.length - 1;
		let slot = this.#hashOf(row) & mask;
		while (this.#slots[slot] !== 0) slot = (slot + 1) & mask;
		this.#slots[slot] = row + 1;
	}

	#rehash(size: number): void {
		this.#slots = new Int32Array(size);
		for (let row = 0; row < this.#size; row++) this.#place(row);
	}

	#toArena(key: Buffer): number {
		if (this.#arenaLength + key.length > this.#arena.length) {
			const arena = Buffer.alloc(Math.max(this.#arena.length * 2, this.#arenaLength + key.length));
			this.#arena.copy(arena, 0, 0, this.#arenaLength);
			this.#arena = arena;
		}
		const start = this.#arenaLength;
		key.copy(this.#arena, start);
		this.#arenaLength += key.length;
		return start;
	}

	#grow(): void {
		const capacity = this.#flags.length * 2;
		const grown = <T extends Uint8Array | Float64Array | Int32Array>(array: T, make: new (length: number) => T): T => {
			const copy = new make(capacity);
			copy.set(array);
			return copy;
		};
		this.#flags = grown(this.#flags, Uint8Array);
		this.#readAt = grown(this.#readAt, Float64Array);
		this.#favoriteAt = grown(this.#favoriteAt, Float64Array);
		this.#keyStarts = grown(this.#keyStarts, Int32Array);
		this.#keyEnds = grown(this.#keyEnds, Int32Array);
		this.#hash = grown(this.#hash, Int32Array);
		this.#entryStart = grown(this.#entryStart, Int32Array);
		this.#entryEnd = grown(this.#entryEnd, Int32Array);
	}
}
