import {fc, test} from '@fast-check/vitest';
import {describe, expect, it} from 'vitest';
import {MarkTable} from '../../src/state/mark-table.js';
import {parseStore, parseStoreJson, scanStore, serializeStore} from '../../src/state/store-format.js';
import {mark, marks, plain} from '../helpers/marks.js';

/** The store's text as others may have written it: compact, indented (earlier versions), or with spaces anywhere. */
const layout = fc.constantFrom<(value: unknown) => string>(
	(value) => JSON.stringify(value),
	(value) => `${JSON.stringify(value, null, '\t')}\n`,
	(value) => JSON.stringify(value, null, 1).replaceAll('\n', '\r\n'),
	(value) => ` ${spaced(value)}  \n\n`,
);

/** JSON with spaces around every colon and before every comma. */
function spaced(value: unknown): string {
	if (typeof value !== 'object' || value === null) return JSON.stringify(value);
	const members = Object.entries(value).map(([key, member]) => `${JSON.stringify(key)} : ${spaced(member)}`);
	return `{ ${members.join(' ,\n')} }`;
}

/** The store of a table written by `layout`, fields in a shuffled order, times sometimes left out when 0. */
const written = fc.tuple(marks, layout, fc.boolean(), fc.boolean()).map(([table, write, shuffle, dropZero]) => {
	const entries = [...table].map(([id, value]) => {
		const fields = Object.entries(value).filter(([name, field]) => !(dropZero && name.endsWith('At') && field === 0));
		return [id, Object.fromEntries(shuffle ? fields.reverse() : fields)] as const;
	});
	return {table, text: write({marks: Object.fromEntries(entries)})};
});

describe('reading the store file', () => {
	test.prop([written])('the scanner reads every layout of the store as JSON.parse does', ({table, text}) => {
		const scanned = scanStore(Buffer.from(text));
		expect(scanned).not.toBeNull();
		const parsed = parseStoreJson(text);
		expect(parsed.ok).toBe(true);
		expect(plain(scanned!)).toEqual(plain(table));
		if (parsed.ok) expect(plain(scanned!)).toEqual(plain(parsed.marks));
	});

	test.prop([written, fc.nat(), fc.integer({min: 0, max: 255})])('changed anywhere, it is read as JSON.parse reads it, or refused as JSON.parse refuses it', ({text}, at, byte) => {
		const bytes = Buffer.from(text);
		bytes[at % bytes.length] = byte;
		const scanned = scanStore(bytes);
		const parsed = parseStoreJson(bytes.toString('utf8'));
		if (scanned !== null) {
			expect(parsed.ok).toBe(true);
			if (parsed.ok) expect(plain(scanned)).toEqual(plain(parsed.marks));
		}
		const result = parseStore(bytes);
		expect(result.ok).toBe(parsed.ok);
		if (result.ok && parsed.ok) expect(plain(result.marks)).toEqual(plain(parsed.marks));
	});

	test.prop([marks])('reads back what it wrote', (table) => {
		const parsed = parseStore(serializeStore(table));
		expect(parsed.ok).toBe(true);
		if (parsed.ok) expect(plain(parsed.marks)).toEqual(plain(table));
	});

	test.prop([marks, fc.nat()])('cut anywhere short of its end, is a problem, never a partial store', (table, cut) => {
		const text = serializeStore(table);
		const end = cut % text.trimEnd().length;
		expect(parseStore(text.slice(0, end)).ok).toBe(false);
	});

	it.each([
		['', 'empty'],
		['  \n', 'empty'],
		['\uFEFF{}', 'byte order mark'],
		['{', 'not valid JSON'],
		['null', 'not a JSON object'],
		['{"marks": null}', '"marks" is not an object'],
		['{"marks": {"a": true}}', 'not an object'],
		['{"marks": {"a": {"read": 1, "favorite": false}}}', 'not {read'],
		['{"marks": {"a": {"read": true, "favorite": false, "readAt": -5}}}', 'not {read'],
		['{"marks": {"a": {"read": true, "favorite": false, "readAt": 1e999}}}', 'not {read'],
		['{"marks": {"a": {"read": true, "favorite": false}}}}', 'not valid JSON'],
		['{"marks": {"a": {"read": true, "favorite": false, "readAt": 012}}}', 'not valid JSON'],
		['{"marks": {"a\u0001": {"read": true, "favorite": false}}}', 'not valid JSON'],
	])('%j is refused: %s', (text, problem) => {
		const parsed = parseStore(text);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.problem).toContain(problem);
	});

	it('reads an empty object, other keys, and marks without times as changed at time 0', () => {
		const empty = parseStore('{}');
		expect(empty.ok && empty.marks.size).toBe(0);
		const parsed = parseStore('{"version": 2, "marks": {"a": {"read": true, "favorite": false}}}');
		expect(parsed.ok && parsed.marks.get('a')).toEqual({read: true, readAt: 0, favorite: false, favoriteAt: 0});
	});

	it('reads numbers as JSON does: fractions, exponents, and an id given twice takes its last mark', () => {
		const parsed = parseStore('{"marks":{"a":{"read":true,"readAt":1.5e3,"favorite":false,"favoriteAt":0},"a":{"read":false,"readAt":2,"favorite":true,"favoriteAt":3}}}');
		expect(parsed.ok && parsed.marks.get('a')).toEqual({read: false, readAt: 2, favorite: true, favoriteAt: 3});
		expect(parsed.ok && parsed.marks.size).toBe(1);
		expect(parsed.ok && serializeStore(parsed.marks)).toBe('{"marks":{"a":{"read":false,"readAt":2,"favorite":true,"favoriteAt":3}}}\n');
	});
});

describe('writing the store file', () => {
	test.prop([written, fc.array(fc.tuple(fc.nat(), mark), {maxLength: 4}), fc.array(fc.tuple(fc.stringMatching(/^[0-9a-f]{12}$/), mark), {maxLength: 3})])(
		'after marks change, writes compact JSON of every mark, whatever the layout it read',
		({text}, changes, added) => {
			const parsed = parseStore(text);
			expect(parsed.ok).toBe(true);
			if (!parsed.ok) return;
			const expected = plain(parsed.marks);
			const ids = Object.keys(expected);
			for (const [index, value] of changes) {
				if (ids.length === 0) break;
				const id = ids[index % ids.length]!;
				parsed.marks.set(id, value);
				expected[id] = value;
			}
			for (const [id, value] of added) {
				parsed.marks.set(id, value);
				expected[id] = value;
			}
			const out = serializeStore(parsed.marks);
			expect(out).toBe(`${JSON.stringify({marks: JSON.parse(out).marks})}\n`); // compact
			expect(JSON.parse(out)).toEqual({marks: {...expected}});
		},
	);

	it('copies the unchanged entries of a compact file as they are, and writes the changed one anew', () => {
		const entries = Array.from({length: 5}, (_, index) => `"${index}0000000000a":{"read":true,"readAt":${index},"favorite":false,"favoriteAt":0}`);
		const text = `{"marks":{${entries.join(',')}}}\n`;
		const parsed = parseStore(text);
		if (!parsed.ok) throw new Error(parsed.problem);
		const pieces: Array<string | Uint8Array> = [];
		parsed.marks.set('20000000000a', {read: false, readAt: 9, favorite: true, favoriteAt: 9});
		parsed.marks.writeText((piece) => pieces.push(piece));
		const copied = pieces.filter((piece) => typeof piece !== 'string').map((piece) => Buffer.from(piece).toString());
		expect(copied).toEqual([entries.slice(0, 2).join(','), entries.slice(3).join(',')]);
		expect(pieces.map((piece) => (typeof piece === 'string' ? piece : Buffer.from(piece).toString())).join('')).toBe(
			text.replace(entries[2]!, '"20000000000a":{"read":false,"readAt":9,"favorite":true,"favoriteAt":9}'),
		);
	});
});

describe('the mark table', () => {
	it('finds ids by their bytes: escaped in the file or not, they are one id', () => {
		const parsed = parseStore('{"marks":{"\\u0061b":{"read":true,"favorite":false},"ab":{"read":false,"readAt":5,"favorite":true,"favoriteAt":5}}}');
		expect(parsed.ok && [...parsed.marks]).toEqual([['ab', {read: false, readAt: 5, favorite: true, favoriteAt: 5}]]);
	});

	it('holds many marks, grows, and says when two tables hold the same', () => {
		const table = new MarkTable();
		for (let index = 0; index < 5000; index++) table.set(index.toString(16).padStart(12, '0'), {read: index % 2 === 0, readAt: index, favorite: false, favoriteAt: 0});
		expect(table.size).toBe(5000);
		expect(table.get('000000000fff')).toEqual({read: false, readAt: 4095, favorite: false, favoriteAt: 0});
		expect(table.get('nope')).toBeUndefined();
		const parsed = parseStore(serializeStore(table));
		expect(parsed.ok && parsed.marks.equals(table)).toBe(true);
		table.set('000000000001', {read: true, readAt: 1, favorite: false, favoriteAt: 0});
		expect(parsed.ok && parsed.marks.equals(table)).toBe(false);
	});
});

describe('entries as papers writes them (read lazily)', () => {
	const first = '"0123456789ab":{"read":true,"readAt":17,"favorite":false,"favoriteAt":0}';
	const second = '"ba9876543210":{"read":false,"readAt":0,"favorite":true,"favoriteAt":123456789012345}';

	it('are read, changed and written back as JSON.parse reads them', () => {
		const text = `{"marks":{${first},${second}}}\n`;
		const parsed = parseStore(text);
		if (!parsed.ok) throw new Error(parsed.problem);
		expect(plain(parsed.marks)).toEqual(JSON.parse(text).marks);
		expect(serializeStore(parsed.marks)).toBe(text);
		parsed.marks.set('ba9876543210', {read: true, readAt: 5, favorite: true, favoriteAt: 123456789012345});
		expect(parsed.marks.get('ba9876543210')).toEqual({read: true, readAt: 5, favorite: true, favoriteAt: 123456789012345});
		expect(serializeStore(parsed.marks)).toBe(text.replace('"read":false,"readAt":0', '"read":true,"readAt":5'));
	});

	it('given twice, take the last mark, and a 16th digit or a leading 0 is read as JSON.parse reads it', () => {
		const twice = parseStore(`{"marks":{${first},${second},${first.replace('true', 'false')}}}`);
		expect(twice.ok && [...twice.marks]).toEqual([
			['0123456789ab', {read: false, readAt: 17, favorite: false, favoriteAt: 0}],
			['ba9876543210', {read: false, readAt: 0, favorite: true, favoriteAt: 123456789012345}],
		]);
		const long = parseStore(`{"marks":{${second.replace('123456789012345', '1234567890123456')}}}`);
		expect(long.ok && long.marks.get('ba9876543210')?.favoriteAt).toBe(1234567890123456);
		expect(parseStore(`{"marks":{${first.replace('17', '017')}}}`).ok).toBe(false);
	});
});

describe('ids with bad escapes', () => {
	it.each(['"tab\\\u0000here"', '"\\x"', '"\\u12"'])('%j is refused as JSON.parse refuses it, never thrown', (key) => {
		const text = `{"marks":{${key}:{"read":true,"readAt":1,"favorite":false,"favoriteAt":0}}}`;
		expect(scanStore(Buffer.from(text))).toBeNull();
		expect(parseStore(text)).toEqual({ok: false, problem: 'it is not valid JSON'});
	});
});
