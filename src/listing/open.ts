/**
 * Opening a listing: its bytes read (a file, a stream such as a pipe or a FIFO, or bytes in memory),
 * checked to be text (UTF-8, or UTF-16 with its byte order mark), and its format told from its first bytes
 * (detect.ts).
 */
import {closeSync, fstatSync, openSync, readFileSync, readSync} from 'node:fs';
import {InputError} from '../errors.js';
import {detectFormat, type Detected, type ListingFormat} from './detect.js';
import {fileError} from './file-name.js';

/** Files are read this much at a time: the reader shows the first papers before the rest is read. */
const CHUNK_BYTES = 1 << 20;

/** A listing opened and checked: its format, and its bytes, in chunks read as they are taken. */
export interface Opened {
	format: Detected;
	input: Iterable<Buffer>;
}

/**
 * Opens a listing file: its first chunk is read and checked to be text at once (an InputError names
 * the file when it is not), and its format told; the rest is read as the chunks are taken. A file that is not a regular one (a pipe, `<(curl …)`, a FIFO, a terminal) is read the same
 * way as a stream, from where it stands, never at an offset (which a pipe refuses with ESPIPE).
 */
export function openListing(file: string, format: ListingFormat | undefined): Opened {
	let fd: number;
	try {
		fd = openSync(file, 'r');
	} catch (error) {
		throw readError(file, error);
	}
	try {
		const stats = fstatSync(fd);
		if (stats.isDirectory()) throw fileError(file, 'is a directory, not a listing file');
		const seekable = stats.isFile();
		// A regular file's first chunk is no larger than the file: many small files may be open at once.
		const first = readChunk(file, fd, seekable ? 0 : null, seekable ? Math.min(CHUNK_BYTES, Math.max(stats.size, 1)) : CHUNK_BYTES);
		const rest = () => readRest(file, fd, first, seekable ? first.length : null);
		/** The whole file, the file closed: a regular one read at once (no second copy of its chunks). */
		const readAll = (): Buffer => {
			if (!seekable) return Buffer.concat([...rest()]);
			closeSync(fd);
			return readFileSync(file);
		};
		if (utf16Of(first) !== null) return openBytes(file, readAll(), format);
		if (seekable ? first.length >= stats.size : first.length < CHUNK_BYTES) {
			closeSync(fd);
			return {format: checkText(file, first, () => first, format), input: [first]};
		}
		let whole: Buffer | undefined;
		const read = () => (whole ??= readAll()); // read once, however many need it
		const detected = checkText(file, first, read, format);
		// Read to the end already (to tell the format, or to see past leading white space): those bytes.
		if (whole !== undefined) return {format: detected, input: [whole]};
		return {format: detected, input: rest()};
	} catch (error) {
		closeQuietly(fd); // the chunks' reader may have closed it already
		throw error instanceof InputError ? error : readError(file, error);
	}
}

function closeQuietly(fd: number): void {
	try {
		closeSync(fd);
	} catch {
		// Closed already.
	}
}

/** Up to `size` bytes of the file from `position` (null: where a stream stands), fewer only at its end. */
function readChunk(file: string, fd: number, position: number | null, size = CHUNK_BYTES): Buffer {
	const chunk = Buffer.allocUnsafe(size);
	let filled = 0;
	while (filled < size) {
		let length: number;
		try {
			length = readSync(fd, chunk, filled, size - filled, position === null ? null : position + filled);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
				Atomics.wait(PAUSE, 0, 0, 5); // a non-blocking pipe with nothing yet: wait for its writer
				continue;
			}
			throw readError(file, error);
		}
		if (length === 0) break;
		filled += length;
	}
	return chunk.subarray(0, filled);
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** The file's chunks, `first` (already read) then the rest, from `position` (null: a stream); closes the file at the end. */
function* readRest(file: string, fd: number, first: Buffer, position: number | null): Generator<Buffer, void, undefined> {
	try {
		yield first;
		for (let at = position; ; ) {
			const chunk = readChunk(file, fd, at);
			if (chunk.length === 0) return;
			if (at !== null) at += chunk.length;
			yield chunk;
			if (chunk.length < CHUNK_BYTES) return;
		}
	} finally {
		closeSync(fd);
	}
}

function readError(file: string, error: unknown): InputError {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOENT') return fileError(file, 'no such file');
	if (code === 'EACCES' || code === 'EPERM') return fileError(file, 'permission denied');
	if (code === 'EISDIR') return fileError(file, 'is a directory, not a listing file');
	return fileError(file, `cannot be read (${code ?? (error as Error).message})`);
}

/** A listing whose bytes are all in memory (standard input, a fetched one), checked as a file is. */
export function openBytes(name: string, bytes: Buffer, format: ListingFormat | undefined): Opened {
	const text = toUtf8(bytes);
	return {format: checkText(name, text, () => text, format), input: [text]};
}

/** The UTF-16 encoding a byte order mark names at the start, else null. */
function utf16Of(bytes: Buffer): 'utf-16le' | 'utf-16be' | null {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	return null;
}

/** A listing saved as UTF-16 (with its byte order mark, as Windows editors write it) as UTF-8; others as they are. */
function toUtf8(bytes: Buffer): Buffer {
	const encoding = utf16Of(bytes);
	return encoding === null ? bytes : Buffer.from(new TextDecoder(encoding).decode(bytes), 'utf8');
}

/**
 * Throws an InputError naming the file when its bytes are not a text listing; else tells its format (the
 * one asked for, or the one its first bytes show). `head` is the file's first chunk; `whole` reads all of
 * it, for the rare checks that need more.
 */
function checkText(file: string, head: Buffer, whole: () => Buffer, format: ListingFormat | undefined): Detected {
	if (head.length === 0) throw fileError(file, 'is empty');
	const sample = head.subarray(0, 64 * 1024);
	if (sample.includes(0)) throw fileError(file, 'is a binary file, not a text listing');
	const replaced = countReplacementCharacters(sample.toString('utf8'));
	if (replaced > 16 && replaced > sample.length / 100) throw fileError(file, 'is not UTF-8 text (binary data?)');
	let bytes = head;
	let first = firstVisibleByte(bytes);
	if (first === undefined && head !== (bytes = whole())) first = firstVisibleByte(bytes);
	if (first === undefined) throw fileError(file, 'is empty (only white space)');
	return detectFormat(file, bytes, first, whole, format);
}

function firstVisibleByte(bytes: Buffer): number | undefined {
	return bytes.find((byte) => byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0xef && byte !== 0xbb && byte !== 0xbf);
}

function countReplacementCharacters(text: string): number {
	let count = 0;
	for (let index = text.indexOf('\uFFFD'); index !== -1; index = text.indexOf('\uFFFD', index + 1)) count++;
	return count;
}
