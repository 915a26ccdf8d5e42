/**
 * The fast path of reading a store: one entry exactly as papers writes it, `"<12 plain bytes>":{"read":B,
 * "readAt":N,"favorite":B,"favoriteAt":N}`, read from its bytes with no string made. The scanner reads
 * most entries this way, and the mark table reads such an entry's mark back from the file only when asked
 * (a million marks held as offsets into the file cost less memory than their marks).
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const CLOSE = 0x7d;
const COMMA = 0x2c;
/** A literal of 10, 12 or 14 bytes as the 32-bit words (and 16-bit end) it is compared by. */
interface Literal {
	length: number;
	words: Int32Array;
	end: number;
}

function literal(text: string): Literal {
	const bytes = Buffer.from(text);
	const words = Int32Array.from({length: bytes.length >> 2}, (_, index) => bytes.readInt32LE(index * 4));
	return {length: bytes.length, words, end: bytes.length % 4 === 0 ? -1 : bytes.readUInt16LE(bytes.length - 2)};
}

const HEAD = literal('":{"read":');
const READ_AT = literal(',"readAt":');
const FAVORITE = literal(',"favorite":');
const FAVORITE_AT = literal(',"favoriteAt":');

/** Where FNV-1a starts, as a signed 32-bit number (as the Int32Array of hashes holds it). */
export const HASH_START = 0x811c9dc5 | 0;

/** FNV-1a over bytes (the scanner computes the same as it reads an id). */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
	let hash = HASH_START;
	for (let at = start; at < end; at++) hash = Math.imul(hash ^ bytes[at]!, 0x01000193);
	return hash;
}

/** The last entry `compactEntry` read (one object, reused: no allocation per entry). */
export const entry = {hash: 0, read: false, readAt: 0, favorite: false, favoriteAt: 0, unread: false};

/** The view of the bytes last read, for reading 4 bytes at once. */
let view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));

function viewOf(bytes: Uint8Array): DataView<ArrayBufferLike> {
	if (view.buffer !== bytes.buffer || view.byteOffset !== bytes.byteOffset || view.byteLength !== bytes.byteLength) view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	return view;
}

/** True when the bytes at `at` are `literal` (10, 12 or 14 bytes), compared 4 and 2 at a time. */
function literalAt(bytes: DataView<ArrayBufferLike>, at: number, literal: Literal): boolean {
	const {words, end} = literal;
	if (at + literal.length > bytes.byteLength) return false;
	for (let index = 0; index < words.length; index++) if (bytes.getInt32(at + index * 4, true) !== words[index]) return false;
	return end < 0 || bytes.getUint16(at + literal.length - 2, true) === end;
}

/** 1 for `true` at `at`, 0 for `false`, -1 for anything else. */
function booleanAt(bytes: Uint8Array, at: number): number {
	const first = bytes[at];
	if (first === 0x74) return bytes[at + 1] === 0x72 && bytes[at + 2] === 0x75 && bytes[at + 3] === 0x65 ? 1 : -1;
	if (first === 0x66) return bytes[at + 1] === 0x61 && bytes[at + 2] === 0x6c && bytes[at + 3] === 0x73 && bytes[at + 4] === 0x65 ? 0 : -1;
	return -1;
}

let time = 0;

/** The position after a time as papers writes it (1 to 15 digits, no leading 0), its value in `time`; or -1. */
function timeAt(bytes: Uint8Array, at: number): number {
	let digit = bytes[at]! - 0x30;
	if (!(digit >= 0 && digit <= 9)) return -1;
	let value = digit;
	const last = digit === 0 ? at + 1 : at + 15;
	for (at++; at < last; at++) {
		digit = bytes[at]! - 0x30;
		if (!(digit >= 0 && digit <= 9)) break;
		value = value * 10 + digit;
	}
	time = value;
	return at; // a 16th digit, or one after a leading 0, is no separator: the caller's next check fails
}

/**
 * Reads the entry at `at` into `entry` (its id's hash, FNV-1a of its 12 bytes, and its mark) and returns
 * the position after it; -1 for any other entry (the general path reads it, exactly as JSON.parse would).
 */
export function compactEntry(bytes: Uint8Array, at: number): number {
	return entryAt(bytes, viewOf(bytes), at);
}

/**
 * Reads entries from `at` while they are as papers writes them, separated by commas, adding each to
 * `marks`. Returns where it stopped: at an entry it did not read (`entry.unread`), or after the last one.
 */
export function compactEntries(bytes: Uint8Array, at: number, marks: {addCompact(start: number, end: number): void}): number {
	const words = viewOf(bytes);
	for (;;) {
		const end = entryAt(bytes, words, at);
		entry.unread = end < 0;
		if (end < 0) return at;
		marks.addCompact(at, end);
		if (bytes[end] !== COMMA) return end;
		at = end + 1;
	}
}

function entryAt(bytes: Uint8Array, words: DataView<ArrayBufferLike>, at: number): number {
	if (bytes[at] !== QUOTE) return -1;
	const keyEnd = at + 13;
	let hash = HASH_START;
	for (let index = at + 1; index < keyEnd; index++) {
		const byte = bytes[index]!;
		if (!(byte >= 0x20 && byte < 0x80) || byte === QUOTE || byte === BACKSLASH) return -1;
		hash = Math.imul(hash ^ byte, 0x01000193);
	}
	if (!literalAt(words, keyEnd, HEAD)) return -1;
	const read = booleanAt(bytes, keyEnd + HEAD.length);
	if (read < 0) return -1;
	at = timeAt(bytes, keyEnd + HEAD.length + 5 - read + READ_AT.length);
	if (at < 0 || !literalAt(words, keyEnd + HEAD.length + 5 - read, READ_AT) || !literalAt(words, at, FAVORITE)) return -1;
	const readAt = time;
	const favorite = booleanAt(bytes, at + FAVORITE.length);
	if (favorite < 0) return -1;
	at += FAVORITE.length + 5 - favorite;
	if (!literalAt(words, at, FAVORITE_AT)) return -1;
	at = timeAt(bytes, at + FAVORITE_AT.length);
	if (at < 0 || bytes[at] !== CLOSE) return -1;
	entry.hash = hash;
	entry.read = read === 1;
	entry.readAt = readAt;
	entry.favorite = favorite === 1;
	entry.favoriteAt = time;
	return at + 1;
}
