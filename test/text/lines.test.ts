import {describe, expect, it} from 'vitest';
import {splitLines} from '../../src/text/lines.js';

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
