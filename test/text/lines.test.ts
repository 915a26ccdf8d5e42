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
