// A store of a million marks (~96 MB) through the built CLI: `list` and `mark` stream it, well within the
// bound every input is held to (peak RSS <= 2.5 x the file + 150 MB), `mark` keeps every mark and writes
// the store compact, and a store indented as earlier versions wrote it is read and written compact.
import {closeSync, mkdirSync, openSync, readFileSync, statSync, writeSync} from 'node:fs';
import {dirname} from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {parseStore} from '../../src/state/store-format.js';
import {assertBuilt, FIXTURE, makeTempHome, removeTempDirs, runMeasured, storePath} from './cli.js';

const MB = 1 << 20;

/** The id of the `index`th mark: 12 hex digits, as papers makes them. */
const idOf = (index: number) => (index * 2_654_435_761 % 2 ** 48).toString(16).padStart(12, '0');

/** Writes a store of `count` marks into `home`, compact or indented with tabs; returns its size in bytes. */
function writeStore(home: string, count: number, indented = false): number {
	const path = storePath(home);
	mkdirSync(dirname(path), {recursive: true});
	const fd = openSync(path, 'w', 0o600);
	writeSync(fd, indented ? '{\n\t"marks": {' : '{"marks":{');
	let parts: string[] = [];
	for (let index = 0; index < count; index++) {
		const mark = {read: index % 3 !== 0, readAt: 1_700_000_000_000 + index, favorite: index % 7 === 0, favoriteAt: 1_700_000_000_000 + index};
		const text = indented ? `\n\t\t"${idOf(index)}": ${JSON.stringify(mark, null, '\t').replaceAll('\n', '\n\t\t')}` : `"${idOf(index)}":${JSON.stringify(mark)}`;
		parts.push(`${index === 0 ? '' : ','}${text}`);
		if (parts.length === 10_000) {
			writeSync(fd, parts.join(''));
			parts = [];
		}
	}
	writeSync(fd, `${parts.join('')}${indented ? '\n\t}\n}\n' : '}}\n'}`);
	closeSync(fd);
	return statSync(path).size;
}

beforeAll(() => {
	assertBuilt();
});

afterEach(() => {
	removeTempDirs();
});

describe('a store of a million marks', {timeout: 180_000}, () => {
	it('`list` and `mark` stay within 2.5 x the store + 150 MB; `mark` keeps every mark and writes it compact', async () => {
		const home = makeTempHome();
		const count = 1_000_000;
		const size = writeStore(home, count);
		expect(size).toBeGreaterThan(90 * MB);

		const list = await runMeasured(['list', FIXTURE], {XDG_CONFIG_HOME: home});
		expect(list.stderr).toBe('');
		expect(list.code).toBe(0);
		expect(list.stdout.trim().split('\n')).toHaveLength(63 + 1); // a header and the fixture's papers
		expect(list.peakRss).toBeLessThanOrEqual(2.5 * size + 150 * MB);

		const fresh = 'feedfacecafe';
		const mark = await runMeasured(['mark', '--favorite', fresh, idOf(5)], {XDG_CONFIG_HOME: home});
		expect(mark.stderr).toBe('');
		expect({code: mark.code, stdout: mark.stdout}).toEqual({code: 0, stdout: 'marked 2 papers favorite\n'});
		expect(mark.peakRss).toBeLessThanOrEqual(2.5 * size + 150 * MB);
		// Streamed through a 1 MB buffer (src/state/store-lookup.ts): not even the file is held.
		expect(Math.max(list.peakRss, mark.peakRss)).toBeLessThan(size);

		const bytes = readFileSync(storePath(home));
		expect(bytes.indexOf('\n')).toBe(bytes.length - 1); // compact: one line
		const stored = parseStore(bytes);
		if (!stored.ok) throw new Error(stored.problem);
		expect(stored.marks.size).toBe(count + 1);
		expect(stored.marks.get(fresh)).toMatchObject({read: false, favorite: true});
		expect(stored.marks.get(idOf(5))).toMatchObject({read: true, readAt: 1_700_000_000_005, favorite: true});
		expect(stored.marks.get(idOf(5))!.favoriteAt).toBeGreaterThan(1_700_000_000_005);
		for (const index of [0, 1, 2, 999_999]) {
			expect(stored.marks.get(idOf(index))).toEqual({read: index % 3 !== 0, readAt: 1_700_000_000_000 + index, favorite: index % 7 === 0, favoriteAt: 1_700_000_000_000 + index});
		}
	});

	it('a store indented as earlier versions wrote it is read, and written back compact with every mark', async () => {
		const home = makeTempHome();
		const count = 200_000;
		const size = writeStore(home, count, true);
		const mark = await runMeasured(['mark', '--read', idOf(3)], {XDG_CONFIG_HOME: home});
		expect(mark.stderr).toBe('');
		expect(mark.code).toBe(0);
		expect(mark.peakRss).toBeLessThanOrEqual(2.5 * size + 150 * MB);
		const bytes = readFileSync(storePath(home));
		expect(bytes.length).toBeLessThan(size * 0.8);
		expect(bytes.indexOf('\n')).toBe(bytes.length - 1);
		const stored = parseStore(bytes);
		expect(stored.ok && stored.marks.size).toBe(count);
		expect(stored.ok && stored.marks.get(idOf(3))?.read).toBe(true);
		expect(stored.ok && stored.marks.get(idOf(4))).toEqual({read: true, readAt: 1_700_000_000_004, favorite: false, favoriteAt: 1_700_000_000_004});
	});
});
