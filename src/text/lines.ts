const LF = 0x0a;
const CR = 0x0d;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * The lines of a listing, without line ends (LF, CRLF or CR) or a byte-order mark. Bytes are decoded a
 * line at a time, so that the many ASCII lines stay compact one-byte strings even when a few lines hold
 * other characters (decoding the whole file would make every line a two-byte string).
 */
export function splitLines(input: string | Uint8Array): string[] {
	return [...iterateLines(input)];
}

/** The lines of a listing as `splitLines` gives them, decoded one at a time as they are taken. */
export function* iterateLines(input: string | Uint8Array): Generator<string, void, undefined> {
	if (typeof input === 'string') {
		yield* splitText(input);
		return;
	}
	const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
	const start = UTF8_BOM.every((byte, index) => bytes[index] === byte) ? UTF8_BOM.length : 0;
	if (bytes.includes(CR)) {
		yield* splitText(bytes.toString('utf8', start));
		return;
	}
	let lineStart = start;
	for (let end = bytes.indexOf(LF, lineStart); end !== -1; end = bytes.indexOf(LF, lineStart)) {
		yield bytes.toString('utf8', lineStart, end);
		lineStart = end + 1;
	}
	yield bytes.toString('utf8', lineStart);
}

function splitText(text: string): string[] {
	const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
	return (withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom).split('\n');
}
