// The streamed store (store-stream.ts, store-lookup.ts) against the full reading (store-format.ts,
// openStore): the same marks for every store, however the buffer cuts it; the same file after a mark.
import {fc, test} from '@fast-check/vitest';
import {closeSync, cpSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {entry} from '../../src/state/compact-entry.js';
import type {Mark} from '../../src/state/marks.js';
import {parseStore} from '../../src/state/store-format.js';
import {lookupMarks, setMarks} from '../../src/state/store-lookup.js';
import {scanCompactFile} from '../../src/state/store-stream.js';
import {openStore} from '../../src/state/store.js';

let directory: string;
const path = () => join(directory, 'config.json');

beforeEach(() => {
	directory = mkdtempSync(join(tmpdir(), 'papers-lookup-'));
});

afterEach(() => {
	rmSync(directory, {recursive: true, force: true});
});

/** A few ids, so that stores give some twice; '2410.17243v1' is 12 plain bytes too. */
const IDS = ['0123456789ab', 'ba9876543210', 'feedfacecafe', '000000000000', '2410.17243v1', 'é23456789ab', 'short'];
const time = fc.oneof(fc.constant(0), fc.integer({min: 0, max: 999}), fc.constant(1_700_000_000_000), fc.constant(999_999_999_999_999), fc.constant(1_234_567_890_123_456));
const markOf = fc.record({read: fc.boolean(), readAt: time, favorite: fc.boolean(), favoriteAt: time});

/** One entry: as papers writes it, or odd (spaces, fields reversed, a time left out, its id escaped). */
const anEntry = fc.record({id: fc.constantFrom(...IDS), mark: markOf, odd: fc.constantFrom('', '', '', 'spaced', 'reversed', 'escaped', 'no time')});

function entryText({id, mark, odd}: {id: string; mark: Mark; odd: string}): string {
	const key = odd === 'escaped' ? `"\\u00${id.charCodeAt(0).toString(16).padStart(2, '0')}${JSON.stringify(id).slice(2)}` : JSON.stringify(id);
	const fields = Object.entries(mark).filter(([name]) => !(odd === 'no time' && name === 'readAt'));
	const value = JSON.stringify(Object.fromEntries(odd === 'reversed' ? fields.reverse() : fields));
	return odd === 'spaced' ? `${key} : ${value.replaceAll(',', ' , ')}` : `${key}:${value}`;
}

const storeText = (entries: ReadonlyArray<{id: string; mark: Mark; odd: string}>, tail = '\n') => `{"marks":{${entries.map(entryText).join(',')}}}${tail}`;

/** The marks the full reading gives for IDS (and one id never marked). */
function fullMarks(text: string): Record<string, Mark | undefined> {
	const parsed = parseStore(text);
	if (!parsed.ok) throw new Error(parsed.problem);
	return Object.fromEntries([...IDS, 'nevermarked1'].map((id) => [id, parsed.marks.get(id)]));
}

/** The entries a streamed scan gives (the last of an id wins), or null when it does not stream the file. */
function scanned(chunk: number): Record<string, Mark> | null {
	const marks: Record<string, Mark> = {};
	const fd = openSync(path(), 'r');
	try {
		const ok = scanCompactFile(fd, {entry: (bytes, start) => (marks[bytes.toString('utf8', start + 1, start + 13)] = {read: entry.read, readAt: entry.readAt, favorite: entry.favorite, favoriteAt: entry.favoriteAt})}, chunk);
		return ok ? marks : null;
	} finally {
		closeSync(fd);
	}
}

describe('the streamed scan', () => {
	test.prop([fc.array(anEntry, {maxLength: 14}), fc.integer({min: 0, max: 300})])('gives exactly the marks the full reading gives, the buffer cut anywhere', (entries, extra) => {
		const text = storeText(entries);
		writeFileSync(path(), text);
		const chunk = 128 + extra;
		// As papers writes it: 12 ASCII bytes of id, times of at most 15 digits (a 16th is read the general way).
		const compact = entries.every(({id, mark, odd}) => odd === '' && /^[\x20-\x7e]{12}$/.test(id) && mark.readAt < 1e15 && mark.favoriteAt < 1e15);
		const viaScan = scanned(chunk);
		expect(viaScan !== null).toBe(compact);
		const full = fullMarks(text);
		if (viaScan !== null) for (const id of IDS) expect(viaScan[id]).toEqual(full[id]);
		const warnings: string[] = [];
		const store = lookupMarks([...IDS, 'nevermarked1'], {directory, chunk}, (message) => warnings.push(message));
		for (const id of [...IDS, 'nevermarked1']) expect(store.get(id)).toEqual(full[id]);
		expect(warnings).toEqual([]);
	});

	it('reads a compact store with the buffer cut at every offset of its entries', () => {
		const entries = Array.from({length: 40}, (_, index) => ({id: IDS[index % 5]!, mark: {read: index % 2 === 0, readAt: index * 37, favorite: index % 3 === 0, favoriteAt: 1_700_000_000_000 + index}, odd: ''}));
		const text = storeText(entries, '\n \t\r\n');
		writeFileSync(path(), text);
		const full = fullMarks(text);
		for (let chunk = 128; chunk < 128 + 2 * 100 + 16; chunk++) {
			const viaScan = scanned(chunk);
			expect(viaScan).not.toBeNull();
			for (const id of IDS.slice(0, 5)) expect(viaScan![id]).toEqual(full[id]);
		}
	});

	it('refuses a compact store cut short, or with anything after it, as the full reading does', () => {
		const entries = Array.from({length: 6}, (_, index) => ({id: IDS[index % 4]!, mark: {read: true, readAt: index, favorite: false, favoriteAt: 0}, odd: ''}));
		const text = storeText(entries);
		for (const bad of [...Array.from({length: text.length - 1}, (_, cut) => text.slice(0, cut)), `${text}x`, `${text}}`, text.replace(',', ',,'), text.replace('}}', '},}'), '{"marks":{}}}', '']) {
			writeFileSync(path(), bad);
			expect(scanned(128)).toBeNull();
		}
		writeFileSync(path(), '{"marks":{}}');
		expect(scanned(128)).toEqual({});
	});
});

describe('lookupMarks', () => {
	it('moves a corrupt store aside as openStore does, and says so', () => {
		const text = storeText([{id: IDS[0]!, mark: {read: true, readAt: 1, favorite: false, favoriteAt: 0}, odd: ''}]).slice(0, 40);
		writeFileSync(path(), text);
		const warnings: string[] = [];
		const store = lookupMarks([IDS[0]!], {directory, chunk: 128}, (message) => warnings.push(message));
		expect(store.get(IDS[0]!)).toBeUndefined();
		expect(warnings.join('\n')).toMatch(/is not valid JSON; moved it to .*config\.json\.corrupt-/);
		const aside = readdirSync(directory).filter((name) => name.includes('.corrupt-'));
		expect(aside).toHaveLength(1);
		expect(readFileSync(join(directory, aside[0]!), 'utf8')).toBe(text);
	});

	it('reads no store as no marks, and leaves leftover temporary files to openStore', () => {
		expect(lookupMarks([IDS[0]!], {directory}).get(IDS[0]!)).toBeUndefined();
		writeFileSync(path(), storeText([{id: IDS[0]!, mark: {read: true, readAt: 1, favorite: false, favoriteAt: 0}, odd: ''}]));
		writeFileSync(`${path()}.tmp-1764221000abcdef`, '{"marks": {"aa');
		expect(lookupMarks([IDS[0]!], {directory}).get(IDS[0]!)).toEqual({read: true, readAt: 1, favorite: false, favoriteAt: 0});
		expect(readdirSync(directory)).toEqual(['config.json']);
	});
});

describe('setMarks', () => {
	const flag = fc.constantFrom<'read' | 'favorite'>('read', 'favorite');
	const now = fc.constantFrom(5, 1_800_000_000_000);

	test.prop([fc.array(anEntry, {maxLength: 10}), fc.uniqueArray(fc.constantFrom(...IDS.slice(0, 5), 'aaaaaaaaaaaa'), {minLength: 1}), flag, fc.boolean(), now, fc.integer({min: 0, max: 200})])(
		'writes the store openStore().set writes, compact, the buffer cut anywhere',
		(entries, ids, which, value, at, extra) => {
			const text = storeText(entries);
			writeFileSync(path(), text);
			const reference = mkdtempSync(join(tmpdir(), 'papers-lookup-ref-'));
			try {
				cpSync(path(), join(reference, 'config.json'));
				openStore({directory: reference, now: () => at}).set(which, ids, value);
				const expected = parseStore(readFileSync(join(reference, 'config.json')));
				const saved = setMarks(which, ids, value, {directory, now: () => at, chunk: 128 + extra});
				expect(saved).toMatchObject({path: path(), writable: true});
				const out = readFileSync(path(), 'utf8');
				expect(out.indexOf('\n')).toBe(out.length - 1);
				expect(out).not.toMatch(/": |, /);
				const actual = parseStore(out);
				expect(actual.ok && expected.ok && actual.marks.equals(expected.marks)).toBe(true);
				expect(readdirSync(directory)).toEqual(['config.json']);
			} finally {
				rmSync(reference, {recursive: true, force: true});
			}
		},
	);

	it('copies a compact store as it is but for the changed entries, and adds new ids at the end', () => {
		const entries = Array.from({length: 30}, (_, index) => ({id: index.toString(16).padStart(12, '0'), mark: {read: false, readAt: index, favorite: false, favoriteAt: 0}, odd: ''}));
		const text = storeText(entries);
		writeFileSync(path(), text);
		setMarks('read', ['000000000007', 'feedfacecafe'], true, {directory, now: () => 99, chunk: 128});
		const changed = text.replace('"000000000007":{"read":false,"readAt":7', '"000000000007":{"read":true,"readAt":99').replace(/}}\n$/, ',"feedfacecafe":{"read":true,"readAt":99,"favorite":false,"favoriteAt":0}}}\n');
		expect(readFileSync(path(), 'utf8')).toBe(changed);
	});

	it('starts a store, and moves a corrupt one aside, as openStore does', () => {
		setMarks('read', ['aaaaaaaaaaaa'], true, {directory, now: () => 7});
		expect(readFileSync(path(), 'utf8')).toBe('{"marks":{"aaaaaaaaaaaa":{"read":true,"readAt":7,"favorite":false,"favoriteAt":0}}}\n');
		writeFileSync(path(), '{"marks":{"aaaaaaaaaaaa":{"read":tru');
		const warnings: string[] = [];
		setMarks('favorite', ['bbbbbbbbbbbb'], true, {directory, now: () => 8, chunk: 128}, (message) => warnings.push(message));
		expect(warnings.join('\n')).toMatch(/moved it to .*config\.json\.corrupt-/);
		expect(readFileSync(path(), 'utf8')).toBe('{"marks":{"bbbbbbbbbbbb":{"read":false,"readAt":0,"favorite":true,"favoriteAt":8}}}\n');
	});
});
