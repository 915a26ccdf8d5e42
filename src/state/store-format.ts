/**
 * The store file's format: `{"marks": {ID: {"read": bool, "readAt": ms, "favorite": bool, "favoriteAt": ms}}}`,
 * written compact, one line. Pure: no file system here.
 *
 * A store can hold a million marks (~96 MB). `JSON.parse` would make an object per mark and per field
 * (several times the file), so the file is read by a scanner that knows this one shape, straight from its
 * bytes into a `MarkTable`. Anything the scanner does not know (other keys, a mark of the wrong shape,
 * bad JSON) goes to `JSON.parse`, which says exactly what is wrong, or reads what is merely unusual.
 */
import {compactEntries, entry, HASH_START} from './compact-entry.js';
import {MarkTable} from './mark-table.js';

/** What reading a store file gave: its marks, or what is wrong with it. */
export type ParsedStore = {ok: true; marks: MarkTable} | {ok: false; problem: string};

/** Parses a store file; anything but the expected shape is a problem (never guessed at). */
export function parseStore(input: Buffer | string): ParsedStore {
	const bytes = typeof input === 'string' ? Buffer.from(input) : input;
	const marks = scanStore(bytes);
	return marks === null ? parseStoreJson(bytes.toString('utf8')) : {ok: true, marks};
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTime(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** The general reading: `JSON.parse`, then the shape checked mark by mark. */
export function parseStoreJson(text: string): ParsedStore {
	if (text.trim() === '') return {ok: false, problem: 'it is empty'};
	if (text.startsWith('\uFEFF')) return {ok: false, problem: 'it starts with a byte order mark'};
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return {ok: false, problem: 'it is not valid JSON'};
	}
	if (!isPlainObject(data)) return {ok: false, problem: 'it is not a JSON object'};
	const marks = new MarkTable();
	if (data.marks === undefined) return {ok: true, marks};
	if (!isPlainObject(data.marks)) return {ok: false, problem: '"marks" is not an object'};
	for (const [id, value] of Object.entries(data.marks)) {
		if (!isPlainObject(value)) return {ok: false, problem: `the mark of ${JSON.stringify(id)} is not an object`};
		const {read, readAt = 0, favorite, favoriteAt = 0} = value;
		if (typeof read !== 'boolean' || typeof favorite !== 'boolean' || !isTime(readAt) || !isTime(favoriteAt)) {
			return {ok: false, problem: `the mark of ${JSON.stringify(id)} is not {read, readAt, favorite, favoriteAt}`};
		}
		marks.set(id, {read, readAt, favorite, favoriteAt});
	}
	return {ok: true, marks};
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN = 0x7b;
const CLOSE = 0x7d;

/** A strict JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function isSpace(byte: number | undefined): boolean {
	return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** Set when `skipSpace` skipped any: the file is not compact (read by the scanner after its scan). */
let skipped = false;

/** The first position at or after `at` that is not JSON whitespace. */
function skipSpace(bytes: Buffer, at: number): number {
	if (!isSpace(bytes[at])) return at;
	skipped = true;
	while (isSpace(bytes[at])) at++;
	return at;
}

/** True when the bytes at `at` are `text`. */
function startsWith(bytes: Buffer, at: number, text: string): boolean {
	for (let index = 0; index < text.length; index++) if (bytes[at + index] !== text.charCodeAt(index)) return false;
	return true;
}

/** The four field names of a mark, in the order they are written. */
const ORDER = ['read', 'readAt', 'favorite', 'favoriteAt'];
/** The four field names by their length (each has its own). */
const FIELDS = new Map(ORDER.map((name) => [name.length, name]));

/**
 * Reads the usual store straight from its bytes: `{"marks": {...}}` holding marks of the four fields (in
 * any order, the times optional), with any JSON whitespace. Null for anything else, which
 * `parseStoreJson` then reads. What it accepts, it reads exactly as `JSON.parse` would.
 */
export function scanStore(bytes: Buffer): MarkTable | null {
	const end = bytes.length;
	let at = skipSpace(bytes, 0);
	if (bytes[at] !== OPEN) return null;
	at = skipSpace(bytes, at + 1);
	if (!startsWith(bytes, at, '"marks"')) return null;
	at = skipSpace(bytes, at + 7);
	if (bytes[at] !== COLON) return null;
	at = skipSpace(bytes, at + 1);
	if (bytes[at] !== OPEN) return null;
	at++;
	const marks = new MarkTable(bytes, Math.ceil(end / 64));
	skipped = false;
	/** Set when an entry is not as it is written (fields left out or in another order, numbers written otherwise). */
	let irregular = false;
	at = skipSpace(bytes, at);
	if (bytes[at] === CLOSE) at++;
	else {
		for (;;) {
			at = compactEntries(bytes, skipSpace(bytes, at), marks);
			if (!entry.unread) {
				at = skipSpace(bytes, at);
				if (bytes[at] === COMMA) {
					at++;
					continue;
				}
				if (bytes[at] !== CLOSE) return null;
				at++;
				break;
			}
			at = skipSpace(bytes, at);
			// The id: plain bytes (most ids: ASCII, no escapes) stay in the file; others are decoded.
			const entryStart = at;
			if (bytes[at] !== QUOTE) return null;
			let hash = HASH_START;
			let plain = true;
			let close = at + 1;
			for (; close < end; close++) {
				const byte = bytes[close]!;
				if (byte === QUOTE) break;
				if (byte < 0x20) return null; // a control character: not JSON
				if (byte === BACKSLASH) {
					plain = false;
					close++;
				} else if (byte >= 0x80) plain = false;
				hash = Math.imul(hash ^ byte, 0x01000193);
			}
			if (close >= end) return null;
			const keyStart = at + 1;
			at = close + 1;
			at = skipSpace(bytes, at);
			if (bytes[at] !== COLON) return null;
			at++;
			at = skipSpace(bytes, at);
			if (bytes[at] !== OPEN) return null;
			at++;
			let read: boolean | null = null;
			let favorite: boolean | null = null;
			let readAt = 0;
			let favoriteAt = 0;
			let field = 0;
			for (;;) {
				at = skipSpace(bytes, at);
				if (bytes[at] !== QUOTE) return null;
				const nameStart = at + 1;
				let nameEnd = nameStart;
				while (nameEnd < end && bytes[nameEnd] !== QUOTE && bytes[nameEnd] !== BACKSLASH && bytes[nameEnd]! >= 0x20) nameEnd++;
				const name = FIELDS.get(nameEnd - nameStart);
				if (bytes[nameEnd] !== QUOTE || name === undefined || !startsWith(bytes, nameStart, name)) return null;
				if (name !== ORDER[field++]) irregular = true;
				at = nameEnd + 1;
				at = skipSpace(bytes, at);
				if (bytes[at] !== COLON) return null;
				at++;
				at = skipSpace(bytes, at);
				if (name === 'read' || name === 'favorite') {
					const value = startsWith(bytes, at, 'true') ? true : startsWith(bytes, at, 'false') ? false : null;
					if (value === null) return null;
					at += value ? 4 : 5;
					if (name === 'read') read = value;
					else favorite = value;
				} else {
					// A time: digits summed while they are exact; anything else checked as a JSON number.
					const start = at;
					let value = 0;
					let digits = true;
					for (let byte = bytes[at]; byte !== undefined && byte !== COMMA && byte !== CLOSE && !isSpace(byte); byte = bytes[++at]) {
						if (byte >= 0x30 && byte <= 0x39) value = value * 10 + (byte - 0x30);
						else digits = false;
					}
					const length = at - start;
					if (!digits || length > 15 || length === 0 || (length > 1 && bytes[start] === 0x30)) {
						irregular = true;
						const text = bytes.toString('latin1', start, at);
						value = NUMBER.test(text) ? Number(text) : -1;
						if (!Number.isFinite(value) || value < 0) return null;
					}
					if (name === 'readAt') readAt = value;
					else favoriteAt = value;
				}
				at = skipSpace(bytes, at);
				if (bytes[at] === COMMA) {
					at++;
					continue;
				}
				if (bytes[at] !== CLOSE) return null;
				at++;
				break;
			}
			if (read === null || favorite === null) return null;
			if (field !== 4) irregular = true;
			if (plain) marks.addFromFile(keyStart, close, hash, entryStart, at, read, readAt, favorite, favoriteAt);
			else {
				let id: string;
				try {
					id = JSON.parse(bytes.toString('utf8', keyStart - 1, close + 1)) as string;
				} catch {
					return null; // a bad escape: JSON.parse of the whole says so
				}
				marks.set(id, {read, readAt, favorite, favoriteAt});
			}
			at = skipSpace(bytes, at);
			if (bytes[at] === COMMA) {
				at++;
				continue;
			}
			if (bytes[at] !== CLOSE) return null;
			at++;
			break;
		}
	}
	if (skipped || irregular) marks.notCopyable();
	at = skipSpace(bytes, at);
	if (bytes[at] !== CLOSE) return null;
	return skipSpace(bytes, at + 1) === end ? marks : null;
}

/** The text of a store file holding these marks, whole (tests, small stores). */
export function serializeStore(marks: MarkTable): string {
	const pieces: string[] = [];
	marks.writeText((piece) => pieces.push(typeof piece === 'string' ? piece : Buffer.from(piece).toString('utf8')));
	return pieces.join('');
}
