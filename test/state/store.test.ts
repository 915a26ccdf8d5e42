import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {openStore} from '../../src/state/store.js';

let directory: string;

beforeEach(() => {
	directory = mkdtempSync(join(tmpdir(), 'papers-store-'));
});

afterEach(() => {
	rmSync(directory, {recursive: true, force: true});
});

describe('the mark store', () => {
	it('starts empty and creates its file with mode 0600 on the first write', () => {
		const store = openStore({directory});
		expect(store.get('aaaaaaaaaaaa')).toBeUndefined();
		store.set('read', ['aaaaaaaaaaaa'], true);
		expect(store.path).toBe(join(directory, 'config.json'));
		expect(statSync(store.path).mode & 0o777).toBe(0o600);
	});

	it('keeps marks across instances, with timestamps', () => {
		let clock = 1000;
		const store = openStore({directory, now: () => clock});
		store.set('read', ['aaaaaaaaaaaa', 'bbbbbbbbbbbb'], true);
		clock = 2000;
		store.set('favorite', ['bbbbbbbbbbbb'], true);
		const reopened = openStore({directory});
		expect(reopened.get('aaaaaaaaaaaa')).toEqual({read: true, readAt: 1000, favorite: false, favoriteAt: 0});
		expect(reopened.get('bbbbbbbbbbbb')).toEqual({read: true, readAt: 1000, favorite: true, favoriteAt: 2000});
	});

	it('un-marks', () => {
		const store = openStore({directory});
		store.set('favorite', ['aaaaaaaaaaaa'], true);
		store.set('favorite', ['aaaaaaaaaaaa'], false);
		expect(openStore({directory}).get('aaaaaaaaaaaa')?.favorite).toBe(false);
	});

	it('stores ids with dots (arXiv ids) as keys, not paths', () => {
		const store = openStore({directory});
		store.set('read', ['2410.17243'], true);
		expect(openStore({directory}).get('2410.17243')?.read).toBe(true);
		const json = JSON.parse(readFileSync(store.path, 'utf8')) as {marks: Record<string, unknown>};
		expect(Object.keys(json.marks)).toEqual(['2410.17243']);
	});

	it('keeps what another instance wrote in between', () => {
		const first = openStore({directory});
		const second = openStore({directory});
		first.set('read', ['aaaaaaaaaaaa'], true);
		second.set('read', ['bbbbbbbbbbbb'], true);
		const reopened = openStore({directory});
		expect(reopened.get('aaaaaaaaaaaa')?.read).toBe(true);
		expect(reopened.get('bbbbbbbbbbbb')?.read).toBe(true);
	});

	it('an un-mark in one instance and a mark in another resolve by the latest change, flag by flag', () => {
		let clock = 1000;
		const first = openStore({directory, now: () => clock});
		const second = openStore({directory, now: () => clock});
		first.set('read', ['aaaaaaaaaaaa'], true); // 1000
		clock = 3000;
		second.set('read', ['aaaaaaaaaaaa'], false); // later: wins
		clock = 2000;
		first.set('favorite', ['aaaaaaaaaaaa'], true); // written last, but only the favorite flag changed here
		const reopened = openStore({directory});
		expect(reopened.get('aaaaaaaaaaaa')).toEqual({read: false, readAt: 3000, favorite: true, favoriteAt: 2000});
	});

	it('reload() picks up another instance’s marks and says whether anything changed', () => {
		const first = openStore({directory});
		const second = openStore({directory});
		expect(first.reload()).toBe(false);
		second.set('favorite', ['bbbbbbbbbbbb'], true);
		expect(first.get('bbbbbbbbbbbb')).toBeUndefined();
		expect(first.reload()).toBe(true);
		expect(first.get('bbbbbbbbbbbb')?.favorite).toBe(true);
		expect(first.reload()).toBe(false);
	});

	it('watch() calls back when another instance writes, not for its own writes', async () => {
		const first = openStore({directory});
		const second = openStore({directory});
		let changes = 0;
		const stop = first.watch(() => changes++);
		try {
			first.set('read', ['aaaaaaaaaaaa'], true);
			await new Promise((resolve) => setTimeout(resolve, 150));
			expect(changes).toBe(0);
			second.set('read', ['bbbbbbbbbbbb'], true);
			await vi.waitFor(() => expect(changes).toBe(1), {timeout: 2000});
			expect(first.get('bbbbbbbbbbbb')?.read).toBe(true);
		} finally {
			stop();
		}
	});

	it.each([
		['invalid JSON', '{"marks": {', 'is not valid JSON'],
		['nothing', '', 'is empty'],
		['a byte order mark', '\uFEFF{"marks": {}}', 'byte order mark'],
		['a top level that is not an object', '[]', 'not a JSON object'],
		['marks that are not an object', '{"marks": [1, 2]}', '"marks" is not an object'],
		['a mark of the wrong shape', '{"marks": {"aaaaaaaaaaaa": {"read": "yes", "favorite": false}}}', 'aaaaaaaaaaaa'],
	])('moves a store holding %s aside to config.json.corrupt-<time>, says where, and starts empty', (_what, content, problem) => {
		const path = join(directory, 'config.json');
		writeFileSync(path, content);
		const warnings: string[] = [];
		const store = openStore({directory, now: () => Date.UTC(2026, 10, 27, 5, 40, 12, 345)}, (message) => warnings.push(message));
		const aside = `${path}.corrupt-2026-11-27T05-40-12.345Z`;
		expect(readFileSync(aside, 'utf8')).toBe(content);
		expect(existsSync(path)).toBe(false);
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain(path);
		expect(warnings[0]).toContain(aside);
		expect(warnings[0]).toContain(problem);
		expect(store.get('aaaaaaaaaaaa')).toBeUndefined();
		store.set('read', ['bbbbbbbbbbbb'], true);
		expect(openStore({directory}).get('bbbbbbbbbbbb')?.read).toBe(true);
		expect(readFileSync(aside, 'utf8')).toBe(content);
	});

	it('a store that goes bad while open is moved aside by the next write, which keeps its own marks', () => {
		const warnings: string[] = [];
		const store = openStore({directory}, (message) => warnings.push(message));
		store.set('read', ['aaaaaaaaaaaa'], true);
		writeFileSync(store.path, '{garbage');
		store.set('read', ['bbbbbbbbbbbb'], true);
		expect(warnings.join('\n')).toMatch(/is not valid JSON; moved it to .*config\.json\.corrupt-/);
		const reopened = openStore({directory});
		expect(reopened.get('bbbbbbbbbbbb')?.read).toBe(true);
		expect(reopened.get('aaaaaaaaaaaa')?.read).toBe(true); // still in this instance's memory: written back
		expect(readdirSync(directory).filter((name) => name.includes('.corrupt-'))).toHaveLength(1);
	});

	it('removes temporary files a killed writer left behind, and a lock whose owner is gone', () => {
		writeFileSync(join(directory, 'config.json'), '{"marks": {}}\n');
		writeFileSync(join(directory, 'config.json.tmp-1764221000abcdef'), '{"marks": {"aa');
		writeFileSync(join(directory, 'config.json.lock'), '999999999\nfeedface\n'); // no such pid
		const store = openStore({directory, lock: {timeoutMs: 200}});
		expect(readdirSync(directory).sort()).toEqual(['config.json']);
		store.set('read', ['aaaaaaaaaaaa'], true);
		expect(readdirSync(directory).sort()).toEqual(['config.json']);
	});

	it('waits for a live lock, and gives up with a clear error (keeping the mark) when it stays busy', () => {
		const store = openStore({directory, lock: {timeoutMs: 100, staleMs: 60_000}});
		writeFileSync(join(directory, 'config.json.lock'), `${process.pid}\nsomeone-else\n`);
		expect(() => store.set('read', ['aaaaaaaaaaaa'], true)).toThrow(`held by process ${process.pid}`);
		expect(store.get('aaaaaaaaaaaa')?.read).toBe(true);
		rmSync(join(directory, 'config.json.lock'));
		store.set('favorite', ['bbbbbbbbbbbb'], true); // the next write saves both
		const reopened = openStore({directory});
		expect(reopened.get('aaaaaaaaaaaa')?.read).toBe(true);
		expect(reopened.get('bbbbbbbbbbbb')?.favorite).toBe(true);
	});

	it('breaks a lock older than the stale timeout even if its pid is alive', () => {
		const store = openStore({directory, lock: {timeoutMs: 2000, staleMs: 50}});
		const lock = join(directory, 'config.json.lock');
		writeFileSync(lock, `${process.pid}\nsomeone-else\n`);
		const old = new Date(Date.now() - 1000);
		utimesSync(lock, old, old);
		store.set('read', ['aaaaaaaaaaaa'], true);
		expect(openStore({directory}).get('aaaaaaaaaaaa')?.read).toBe(true);
		expect(existsSync(lock)).toBe(false);
	});

	it('honours XDG_CONFIG_HOME by default', () => {
		const previous = process.env.XDG_CONFIG_HOME;
		process.env.XDG_CONFIG_HOME = directory;
		try {
			expect(openStore().path).toBe(join(directory, 'papers', 'config.json'));
		} finally {
			if (previous === undefined) delete process.env.XDG_CONFIG_HOME;
			else process.env.XDG_CONFIG_HOME = previous;
		}
	});
});
