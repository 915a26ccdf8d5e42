/**
 * The items of a JSON document's top-level array, one at a time, from its bytes in chunks: a Hugging Face
 * API answer of thousands of items is read without holding its text whole, or the tree JSON.parse would
 * make of all of it. The array's items are cut out and JSON.parse reads each: a small scanner follows the
 * array between its items (white space, commas, the closing bracket, nothing after it) and, inside an item,
 * only what tells where the item ends (strings and their escapes, and the nesting depth, counted, never
 * recursed: any depth is fine); the JSON inside an item is JSON.parse's to check, with its messages. No
 * streaming JSON library is needed for that. The scanner works on bytes (a `"` or `\` byte is never part
 * of another UTF-8 character), and an item is decoded whole, so a character split between two chunks is
 * read as one. What is held beyond the items given: the item being cut, and the chunk it is cut from.
 *
 * A document that is not an array (whatever comes first after a byte order mark and white space is not
 * `[`) is read whole by JSON.parse and given as `{document}`. Any text that is not JSON throws a
 * SyntaxError: JSON.parse's (for an item, after its number: "item 3: ...") or one worded as JSON.parse
 * words them (shorter where a message is shortened at 60 characters), its position a byte offset in the text.
 */

/** An item of the top-level array (`index` from 0), or a document that is not an array. */
export type JsonPiece = {item: unknown; index: number} | {document: unknown};

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const BOM = [0xef, 0xbb, 0xbf];

/** Where the scanner is: before the array, after `[`, after a comma, in an item, after an item, after `]`. */
const START = 0;
const OPENED = 1;
const NEXT = 2;
const ITEM = 3;
const AFTER_ITEM = 4;
const END = 5;

/** What a byte between an item's strings does: nothing, start a string, open or close an object or array. */
const OTHER = 0;
const STRING = 1;
const OPENS = 2;
const CLOSES = 3;
const STRUCTURE = new Uint8Array(256);
STRUCTURE[QUOTE] = STRING;
STRUCTURE[OPEN_OBJECT] = STRUCTURE[OPEN_ARRAY] = OPENS;
STRUCTURE[CLOSE_OBJECT] = STRUCTURE[CLOSE_ARRAY] = CLOSES;

const isSpace = (byte: number) => byte === SPACE || byte === LF || byte === CR || byte === TAB;

/** The character at `at` for a message (a whole UTF-8 character when the byte starts one). */
function characterAt(bytes: Buffer, at: number): string {
	return [...bytes.toString('utf8', at, Math.min(bytes.length, at + 4))][0] ?? '';
}

/** The top-level array's items of the JSON text in `chunks` (UTF-8, maybe after a byte order mark), parsed one at a time. */
export function* jsonArrayItems(chunks: Iterable<Uint8Array>): Generator<JsonPiece, void, undefined> {
	let state = START;
	/** Bytes before the current chunk. */
	let offset = 0;
	/** Bytes of a byte order mark read at the start. */
	let bom = 0;
	/** The chunks read before the array's `[` (white space), for a document that is not an array. */
	let head: Buffer[] = [];
	/** The item being cut: its bytes in earlier chunks, and where it starts in the current one. */
	let pieces: Buffer[] = [];
	let itemStart = 0;
	let depth = 0;
	let inString = false;
	/** The last byte was a backslash inside a string: the next one is escaped. */
	let escaped = false;
	let primitive = false;
	let index = 0;

	const parseItem = (text: string): unknown => {
		try {
			return JSON.parse(text) as unknown;
		} catch (error) {
			throw new SyntaxError(`item ${index + 1}: ${error instanceof Error ? error.message : String(error)}`);
		}
	};
	const unexpected = (bytes: Buffer, at: number, message: string) => new SyntaxError(`${message.replace('%', characterAt(bytes, at))} at byte ${offset + at}`);

	const iterator = chunks[Symbol.iterator]();
	try {
		for (let next = iterator.next(); next.done !== true; next = iterator.next()) {
			const chunk = next.value;
			const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
			const end = bytes.length;
			let at = 0;
			if (state === START) head.push(bytes);
			while (at < end) {
				if (state === ITEM) {
					let ended = false;
					while (at < end && !ended) {
						if (inString) {
							if (escaped) {
								escaped = false;
								at++;
								continue;
							}
							const quote = bytes.indexOf(QUOTE, at);
							const stop = quote === -1 ? end : quote;
							let backslashes = 0;
							while (stop - backslashes - 1 >= at && bytes[stop - backslashes - 1] === BACKSLASH) backslashes++;
							if (quote === -1) {
								escaped = backslashes % 2 === 1;
								at = end;
							} else {
								at = quote + 1;
								if (backslashes % 2 === 0) {
									inString = false;
									ended = depth === 0;
								}
							}
						} else if (primitive) {
							const byte = bytes[at]!;
							if (byte === COMMA || byte === CLOSE_ARRAY || isSpace(byte)) ended = true;
							else at++;
						} else {
							// Between strings: to the next quote or bracket.
							while (at < end) {
								const kind = STRUCTURE[bytes[at++]!]!;
								if (kind === OTHER) continue;
								if (kind === STRING) inString = true;
								else if (kind === OPENS) depth++;
								else ended = --depth === 0;
								break;
							}
						}
					}
					if (!ended) break;
					const text = pieces.length === 0 ? bytes.toString('utf8', itemStart, at) : Buffer.concat([...pieces, bytes.subarray(0, at)]).toString('utf8');
					pieces = [];
					const item = parseItem(text);
					state = AFTER_ITEM;
					yield {item, index: index++};
					continue;
				}
				const byte = bytes[at]!;
				if (state === START) {
					if (offset + at === bom && bom < BOM.length && byte === BOM[bom]) {
						bom++;
						at++;
						continue;
					}
					if (bom === 1 || bom === 2 || (!isSpace(byte) && byte !== OPEN_ARRAY)) {
						yield* wholeDocument(head, iterator);
						return;
					}
					at++;
					if (byte === OPEN_ARRAY) {
						state = OPENED;
						head = [];
					}
				} else if (isSpace(byte)) {
					at++;
				} else if (state === AFTER_ITEM) {
					if (byte !== COMMA && byte !== CLOSE_ARRAY) throw unexpected(bytes, at, "Expected ',' or ']' after array element in JSON");
					state = byte === COMMA ? NEXT : END;
					at++;
				} else if (state === END) {
					throw unexpected(bytes, at, 'Unexpected text after JSON');
				} else if (state === OPENED && byte === CLOSE_ARRAY) {
					state = END;
					at++;
				} else if (byte === COMMA || byte === CLOSE_ARRAY) {
					throw unexpected(bytes, at, "Unexpected token '%' in JSON");
				} else {
					// An item starts: an object or array, a string, or a number, true, false or null.
					state = ITEM;
					itemStart = at;
					depth = byte === OPEN_OBJECT || byte === OPEN_ARRAY ? 1 : 0;
					inString = byte === QUOTE;
					escaped = false;
					primitive = depth === 0 && !inString;
					if (!primitive) at++;
				}
			}
			if (state === ITEM) {
				pieces.push(itemStart === 0 ? bytes : bytes.subarray(itemStart));
				itemStart = 0;
			}
			offset += end;
		}
	} finally {
		iterator.return?.(); // the file closed when the text is not read to its end (an error)
	}
	if (state === START) {
		yield* wholeDocument(head, [][Symbol.iterator]());
		return;
	}
	if (state === ITEM) {
		// The text ends inside an item: JSON.parse says where it goes wrong (a number at the end is whole, but the array is not).
		const item = parseItem(Buffer.concat(pieces).toString('utf8'));
		if (!primitive) throw new SyntaxError('Unexpected end of JSON input');
		yield {item, index: index++};
		state = AFTER_ITEM;
	}
	if (state !== END) throw new SyntaxError('Unexpected end of JSON input');
}

/** A document that is not an array: the chunks read so far and the rest, read whole. */
function* wholeDocument(head: Buffer[], rest: Iterator<Uint8Array>): Generator<JsonPiece, void, undefined> {
	const parts: Uint8Array[] = [...head];
	for (let next = rest.next(); next.done !== true; next = rest.next()) parts.push(next.value);
	const text = Buffer.concat(parts).toString('utf8');
	const document = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text) as unknown;
	if (!Array.isArray(document)) {
		yield {document};
		return;
	}
	for (const [index, item] of document.entries()) yield {item, index};
}
