import {mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {InputError} from '../../src/errors.js';
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

	it.each([
		['invalid JSON', '{"marks": {'],
		['a wrong shape', '{"marks": [1, 2]}'],
	])('refuses a store holding %s, naming it and leaving it untouched', (_what, content) => {
		const path = join(directory, 'config.json');
		writeFileSync(path, content);
		expect(() => openStore({directory})).toThrow(InputError);
		expect(() => openStore({directory})).toThrow(path);
		expect(readFileSync(path, 'utf8')).toBe(content);
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
