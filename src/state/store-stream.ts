/**
 * A store file read through one small reused buffer instead of whole: a million marks are ~96 MB, and
 * fresh memory is what costs (holding the file, or a table of a million rows, costs more than scanning
 * it). Only the store exactly as papers writes it is streamed: `{"marks":{` then entries as papers writes
 * them (`compactEntry`), `}}` and whitespace. Anything else says false, and the caller reads the file the
 * general way (store-format.ts), which reads what is unusual and refuses what is wrong.
 */
import {readSync} from 'node:fs';
import {compactEntries, entry} from './compact-entry.js';

/** The buffer's size by default. */
export const CHUNK = 1 << 20;
/** More than an entry as papers writes it (100 bytes at most) and the byte after it. */
const ROOM = 128;
const HEAD = Buffer.from('{"marks":{');
const CLOSE = 0x7d;
const COMMA = 0x2c;

/** What a scan tells its caller, in file order. `bytes` is the buffer's filled part, valid only during the call. */
export interface ScanHooks {
	/** An entry at `bytes[start..end)`; its id's hash and mark are in `entry` (compact-entry.ts). */
	entry(bytes: Buffer, start: number, end: number): void;
	/** `bytes[0..end)` are about to be dropped: the buffer is refilled from `end` on. */
	drop?(bytes: Buffer, end: number): void;
	/** The entries are over: `bytes[at]` is the `}` that closes them (the rest is still checked). */
	close?(bytes: Buffer, at: number): void;
}

function isSpace(byte: number | undefined): boolean {
	return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/**
 * Scans the open file `fd` from its start, through a buffer of `chunk` bytes (at least 128). True when the
 * whole file is a store as papers writes it (every entry given to `hooks`); false at the first byte that
 * is not (hooks may have been called for entries before it).
 */
export function scanCompactFile(fd: number, hooks: ScanHooks, chunk = CHUNK): boolean {
	const buffer = Buffer.allocUnsafe(Math.max(ROOM, chunk));
	let filled = 0;
	let position = 0;
	let eof = false;
	let bytes = buffer.subarray(0, 0);
	/** Drops `bytes[0..keep)`, moves the rest to the start and reads until the buffer is full or the file ends. */
	const refill = (keep: number) => {
		if (filled > 0) hooks.drop?.(bytes, keep);
		buffer.copy(buffer, 0, keep, filled);
		filled -= keep;
		while (filled < buffer.length && !eof) {
			const read = readSync(fd, buffer, filled, buffer.length - filled, position);
			if (read === 0) eof = true;
			position += read;
			filled += read;
		}
		bytes = buffer.subarray(0, filled);
	};
	refill(0);
	if (filled < HEAD.length || !HEAD.equals(bytes.subarray(0, HEAD.length))) return false;
	let at = HEAD.length;
	const sink = {addCompact: (start: number, end: number) => hooks.entry(bytes, start, end)};
	if (bytes[at] !== CLOSE) {
		for (;;) {
			at = compactEntries(bytes, at, sink);
			// An entry cut by the buffer's end is read again after a refill; an entry not as papers writes it is not.
			if (entry.unread || at >= filled) {
				if (filled - at >= ROOM || eof) return false;
				refill(at);
				at = 0;
				if (!entry.unread && bytes[at] !== COMMA) break;
				if (!entry.unread) at++;
				continue;
			}
			break;
		}
		if (bytes[at] !== CLOSE) return false;
	}
	hooks.close?.(bytes, at);
	at++;
	if (at >= filled && !eof) {
		refill(at);
		at = 0;
	}
	if (bytes[at] !== CLOSE) return false;
	at++;
	for (;;) {
		while (at < filled && isSpace(bytes[at])) at++;
		if (at < filled) return false;
		if (eof) return true;
		refill(at);
		at = 0;
	}
}
