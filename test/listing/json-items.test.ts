import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {jsonArrayItems, type JsonPiece} from '../../src/listing/json-items.js';

const FIXTURE = readFileSync(new URL('../../fixtures/hf-api-daily-papers.json', import.meta.url));

/** What JSON.parse makes of the whole text (after a byte order mark), as the pieces the scanner gives; 'error' when it throws. */
function reference(bytes: Buffer): JsonPiece[] | 'error' {
	const text = bytes.toString('utf8');
	let document: unknown;
	try {
		document = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
	} catch {
		return 'error';
	}
	return Array.isArray(document) ? document.map((item: unknown, index) => ({item, index})) : [{document}];
}

/** The scanner's pieces of the chunks; 'error' when it throws a SyntaxError. */
function streamed(chunks: readonly Buffer[]): JsonPiece[] | 'error' {
	try {
		return [...jsonArrayItems(chunks)];
	} catch (error) {
		if (error instanceof SyntaxError) return 'error';
		throw error;
	}
}

/** The text cut in two at `at`. */
const cutAt = (bytes: Buffer, at: number) => [bytes.subarray(0, at), bytes.subarray(at)];

const VALID = [
	'[]',
	' [ ]\n',
	'\uFEFF[{"paper": {"id": "2410.00001"}}]',
	'\uFEFF {"error": "bad date"}',
	'[{"a": "é € 𝄞 日本"}, {"ü𝄞": ["𝄞", "ß"]}]',
	String.raw`[{"a": "say \"hi\"", "b": "\\", "c": "\\\"", "d": "\\\\"}, "\"", "\\", "x\\\\\"]\"y"]`,
	String.raw`["\u0022", "\u005c", "\ud834\udd1e", "\/\b\f\n\r\t"]`,
	'[{"a": [1, {"b": [[], {}]}], "c": {"d": {"e": [null]}}}, [[1], [2, [3]]], {}]',
	'[{"s": "]}{[,"}, "]", "[", "{", ","]',
	'[1, -2.5e+3, 0, true, false, null, "s"]',
	'\n [ \t{"a" : 1} ,\r\n 2\n,\n[ ] ]\n ',
	'{"papers": []}',
	'"hello"',
	'null',
	'  42  ',
];

const INVALID = [
	'',
	'   ',
	'[',
	'[1',
	'[1,',
	'[{"a": "b',
	'["x\\',
	'["x\\"]',
	'[{"a": [1, 2}',
	'[1]x',
	'[1] ]',
	'[1],',
	'[] []',
	'[1 2]',
	'[,1]',
	'[1,]',
	'[1,,2]',
	'[{"a":}]',
	'[{a: 1}]',
	'[tru]',
	'[{"a": 1]}]',
	'[{"a": 1}}]',
	'["a\nb"]',
	'[01]',
	'\uFEFF\uFEFF[]',
	' \uFEFF[]',
	'{"a": 1',
	'{"a": 1} x',
	'Daily Papers\n\nA Title',
];

describe('jsonArrayItems', () => {
	it.each(VALID.map((text) => [text]))('reads %j as JSON.parse does, cut in two at every byte, and a byte at a time', (text) => {
		const bytes = Buffer.from(text, 'utf8');
		const expected = reference(bytes);
		expect(expected).not.toBe('error');
		for (let at = 0; at <= bytes.length; at++) expect(streamed(cutAt(bytes, at)), `cut at ${at}`).toEqual(expected);
		expect(streamed([...bytes].map((byte) => Buffer.from([byte])))).toEqual(expected);
	});

	it.each(INVALID.map((text) => [text]))('refuses %j with a SyntaxError, cut in two at every byte', (text) => {
		const bytes = Buffer.from(text, 'utf8');
		expect(reference(bytes)).toBe('error');
		for (let at = 0; at <= bytes.length; at++) expect(streamed(cutAt(bytes, at)), `cut at ${at}`).toBe('error');
	});

	it('reads a text cut in three at every two places as the whole', () => {
		const bytes = Buffer.from(String.raw`[{"t": "𝄞 \"é\"\\", "n": [1, {"x": "]"}]}, "€", 7]`, 'utf8');
		const expected = reference(bytes);
		for (let first = 0; first <= bytes.length; first++) {
			for (let second = first; second <= bytes.length; second++) {
				expect(streamed([bytes.subarray(0, first), bytes.subarray(first, second), bytes.subarray(second)]), `cut at ${first}, ${second}`).toEqual(expected);
			}
		}
	});

	it('reads the real answer, in chunks of any size, to its items', () => {
		const expected = reference(FIXTURE);
		for (const size of [1, 7, 100, 4096, FIXTURE.length]) {
			const chunks: Buffer[] = [];
			for (let at = 0; at < FIXTURE.length; at += size) chunks.push(FIXTURE.subarray(at, at + size));
			expect(streamed(chunks), `chunks of ${size}`).toEqual(expected);
		}
	});

	it('refuses the real answer cut short anywhere', () => {
		for (let at = 0; at < FIXTURE.length; at += 97) {
			expect(reference(FIXTURE.subarray(0, at))).toBe('error');
			expect(streamed(cutAt(FIXTURE.subarray(0, at), at >> 1)), `cut at ${at}`).toBe('error');
		}
	});

	it('decodes bytes that are not UTF-8 as JSON.parse of the decoded text does', () => {
		for (const bytes of [Buffer.from([0x5b, 0x22, 0xc3, 0x22, 0x5d]), Buffer.from([0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d]), Buffer.from([0xef, 0xbb, 0x5b, 0x5d]), Buffer.from([0x5b, 0xc3, 0x5d])]) {
			for (let at = 0; at <= bytes.length; at++) expect(streamed(cutAt(bytes, at))).toEqual(reference(bytes));
		}
	});

	it('reads nesting of any depth without recursion', () => {
		const depth = 200_000;
		const deep = Buffer.from(`[${'{"a": ['.repeat(depth)}1${']}'.repeat(depth)}, 2]`);
		const pieces = streamed(cutAt(deep, deep.length >> 1));
		expect(pieces).not.toBe('error');
		expect((pieces as JsonPiece[]).at(-1)).toEqual({item: 2, index: 1});
		expect(streamed([Buffer.from(`[${'['.repeat(depth)}`)])).toBe('error');
	});

	it('says what is wrong, as JSON.parse words it, with the byte where it is', () => {
		const message = (text: string) => {
			try {
				Array.from(jsonArrayItems([Buffer.from(text)]));
			} catch (error) {
				return (error as Error).message;
			}
			return null;
		};
		expect(message('[1] x')).toBe('Unexpected text after JSON at byte 4');
		expect(message('[1 2]')).toBe("Expected ',' or ']' after array element in JSON at byte 3");
		expect(message('[1,]')).toBe("Unexpected token ']' in JSON at byte 3");
		expect(message('[1,')).toBe('Unexpected end of JSON input');
		expect(message('[{"a": 1}, {"a": }]')).toMatch(/^item 2: Unexpected token/);
		expect(message('[{"a": 1}, {"a": "b')).toMatch(/^item 2: Unterminated string/);
	});

	it('gives each item as soon as its chunk is read, and closes the chunks when it stops early', () => {
		let read = 0;
		let closed = false;
		function* chunks() {
			try {
				for (const part of ['[{"a": 1}', ', {"a"', ': 2}, 3', ']', ' x']) {
					read++;
					yield Buffer.from(part);
				}
			} finally {
				closed = true;
			}
		}
		const items = jsonArrayItems(chunks());
		expect(items.next().value).toEqual({item: {a: 1}, index: 0});
		expect(read).toBe(1);
		expect(items.next().value).toEqual({item: {a: 2}, index: 1});
		expect(read).toBe(3);
		expect(() => [...items]).toThrow(SyntaxError);
		expect(closed).toBe(true);
	});
});
