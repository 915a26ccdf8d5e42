const LF = 0x0a;
const CR = 0x0d;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Listing text: a string, its UTF-8 bytes, or those bytes in chunks as they are read from a file. */
export type ListingInput = string | Uint8Array | Iterable<Uint8Array>;

/**
 * The lines of a listing, without line ends (LF, CRLF or CR) or a byte-order mark. Bytes are decoded a
 * line at a time, so that the many ASCII lines stay compact one-byte strings even when a few lines hold
 * other characters (decoding the whole file would make every line a two-byte string).
 */
export function splitLines(input: ListingInput): string[] {
	return [...iterateLines(input)];
}

/** The lines of a listing as `splitLines` gives them, decoded one at a time as they are taken. */
export function* iterateLines(input: ListingInput): Generator<string, void, undefined> {
	if (typeof input === 'string') {
		yield* splitText(input);
		return;
	}
	yield* linesOfChunks(input instanceof Uint8Array ? [input] : input);
}

/** The longest line read (4 MiB: an abstract is a few KB); a longer one is given as OVERLONG_LINE. */
export const MAX_LINE_BYTES = 4 << 20;
/** Stands for a line longer than MAX_LINE_BYTES, whose bytes are dropped as they are read (never held whole). */
export const OVERLONG_LINE = '\u0000overlong line\u0000';

/**
 * Lines from chunks of UTF-8 bytes. A line end is an ASCII byte, never inside a multi-byte character,
 * so each line is decoded whole; a line (or a CRLF) split between two chunks is joined first.
 */
function* linesOfChunks(chunks: Iterable<Uint8Array>): Generator<string, void, undefined> {
	let carry: Buffer | null = null;
	let first = true;
	/** A line's bytes as text; the first line loses its byte-order mark. */
	const decode = (bytes: Buffer): string => {
		if (first) {
			first = false;
			if (UTF8_BOM.every((byte, index) => bytes[index] === byte)) return bytes.toString('utf8', UTF8_BOM.length);
		}
		return bytes.toString('utf8');
	};
	/** The previous chunk ended in CR: an LF at the start of this one belongs to it. */
	let afterCr = false;
	/** The line being read is longer than MAX_LINE_BYTES. */
	let overlong = false;
	for (const input of chunks) {
		const chunk = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
		let start = afterCr && chunk[0] === LF ? 1 : 0;
		afterCr = false;
		let nextCr = chunk.indexOf(CR, start);
		for (;;) {
			const nextLf = chunk.indexOf(LF, start);
			if (nextCr !== -1 && nextCr < start) nextCr = chunk.indexOf(CR, start);
			const end = nextCr === -1 ? nextLf : nextLf === -1 ? nextCr : Math.min(nextLf, nextCr);
			if (end === -1) break;
			const piece = chunk.subarray(start, end);
			if (overlong || (carry?.length ?? 0) + piece.length > MAX_LINE_BYTES) yield OVERLONG_LINE;
			else yield decode(carry === null ? piece : Buffer.concat([carry, piece]));
			carry = null;
			overlong = false;
			start = end + 1;
			if (chunk[end] === CR) {
				if (end + 1 < chunk.length) {
					if (chunk[end + 1] === LF) start++;
				} else {
					afterCr = true;
				}
			}
		}
		if (start < chunk.length && !overlong) {
			const rest = chunk.subarray(start);
			if ((carry?.length ?? 0) + rest.length > MAX_LINE_BYTES) {
				// Too long to be a line of a listing: its bytes go as they come (a 200 MB line never sits in memory).
				overlong = true;
				carry = null;
			} else {
				carry = carry === null ? Buffer.from(rest) : Buffer.concat([carry, rest]); // a copy: the chunk may be reused
			}
		}
	}
	yield overlong ? OVERLONG_LINE : carry === null ? '' : decode(carry);
}

function splitText(text: string): string[] {
	const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
	const lines = (withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom).split('\n');
	// Characters, not bytes: a line is at most MAX_LINE_BYTES bytes, so at least that many characters over it.
	return text.length > MAX_LINE_BYTES ? lines.map((line) => (line.length > MAX_LINE_BYTES ? OVERLONG_LINE : line)) : lines;
}
