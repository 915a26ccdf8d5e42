import {describe, expect, it} from 'vitest';
import {MAX_LINE_BYTES, OVERLONG_LINE, splitLines} from '../../src/text/lines.js';

describe('splitLines', () => {
	it.each([
		['LF', 'a\nb\n\nc'],
		['CRLF', 'a\r\nb\r\n\r\nc'],
		['CR', 'a\rb\r\rc'],
		['a BOM and LF', '\uFEFFa\nb\n\nc'],
		['a BOM and CRLF', '\uFEFFa\r\nb\r\n\r\nc'],
	])('reads %s from a string and from bytes alike', (_name, text) => {
		expect(splitLines(text)).toEqual(['a', 'b', '', 'c']);
		expect(splitLines(Buffer.from(text))).toEqual(['a', 'b', '', 'c']);
		expect(splitLines(new Uint8Array(Buffer.from(text)))).toEqual(['a', 'b', '', 'c']);
	});

	it('decodes multi-byte characters on their own lines', () => {
		expect(splitLines(Buffer.from('plain\n• 2 authors · Über 😀\nlast\n'))).toEqual(['plain', '• 2 authors · Über 😀', 'last', '']);
	});

	it('reads a buffer that is a view into a larger one', () => {
		const whole = Buffer.from('xxxa\nbyyy');
		expect(splitLines(whole.subarray(3, 6))).toEqual(['a', 'b']);
	});
});

describe('splitLines on bytes in chunks', () => {
	const chunked = (text: string, size: number): Buffer[] => {
		const bytes = Buffer.from(text);
		const chunks: Buffer[] = [];
		for (let start = 0; start < bytes.length; start += size) chunks.push(bytes.subarray(start, start + size));
		return chunks;
	};

	it.each([1, 2, 3, 5, 64])('gives the same lines whatever the chunk size (%i bytes), line ends and characters split included', (size) => {
		for (const text of ['\uFEFFa\r\nbé\r\n\r\nc 😀', 'a\rb\r\rc\r', 'a\nb\n\nc\n', '', '\r\n', 'ü\r\n\nx']) {
			expect(splitLines(chunked(text, size)), JSON.stringify(text)).toEqual(splitLines(text));
		}
	});

	it('reads no chunks as one empty line, like empty text', () => {
		expect(splitLines([])).toEqual(['']);
		expect(splitLines('')).toEqual(['']);
	});
});

describe('a line longer than a listing has', () => {
	it('is given as OVERLONG_LINE, read from chunks without holding it, and the lines around it stay', () => {
		const long = Buffer.alloc(MAX_LINE_BYTES + 10, 'x');
		const bytes = Buffer.concat([Buffer.from('before\n'), long, Buffer.from('\nafter')]);
		const chunks = Array.from({length: Math.ceil(bytes.length / 65_536)}, (_unused, index) => bytes.subarray(index * 65_536, (index + 1) * 65_536));
		expect(splitLines(chunks)).toEqual(['before', OVERLONG_LINE, 'after']);
		expect(splitLines(bytes)).toEqual(['before', OVERLONG_LINE, 'after']);
		expect(splitLines(Buffer.concat([Buffer.from('before\n'), long]))).toEqual(['before', OVERLONG_LINE]);
		expect(splitLines(bytes.toString('latin1'))).toEqual(['before', OVERLONG_LINE, 'after']);
		const atLimit = Buffer.alloc(MAX_LINE_BYTES, 'y');
		expect(splitLines([Buffer.concat([atLimit, Buffer.from('\nz')])])).toEqual([atLimit.toString(), 'z']);
	});
});
