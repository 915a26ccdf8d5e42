// The library's files: their names, their order, and how they are written (whole, or not at all).
import {chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {addedName, arxivName, dailyPapersName, inLibrary, listLibrary, parseLibraryName, readLastSession, saveToLibrary, writeLastSession} from '../../src/library/library.js';

const directories: string[] = [];
function tempDir(): string {
	const directory = mkdtempSync(join(tmpdir(), 'papers-library-'));
	directories.push(directory);
	return directory;
}
afterEach(() => {
	for (const directory of directories.splice(0)) {
		chmodSync(directory, 0o700);
		rmSync(directory, {recursive: true, force: true});
	}
});

describe('library names', () => {
	it('are made and parsed back: source and day', () => {
		expect(dailyPapersName('2024-10-25')).toBe('hf-daily-2024-10-25.json');
		expect(arxivName('cs.LG', '2024-10-25')).toBe('arxiv-cs.LG-2024-10-25.xml');
		expect(addedName('/some/where/page.txt', '2024-10-25')).toBe('added-2024-10-25-page.txt');
		expect(parseLibraryName('hf-daily-2024-10-25.json')).toEqual({source: 'hf-daily', day: '2024-10-25'});
		expect(parseLibraryName('arxiv-cs.LG-2024-10-25.xml')).toEqual({source: 'arxiv-cs.LG', day: '2024-10-25'});
		expect(parseLibraryName('arxiv-hep-th-2024-10-25.xml')).toEqual({source: 'arxiv-hep-th', day: '2024-10-25'});
		expect(parseLibraryName('added-2024-10-25-page.txt')).toEqual({source: 'added', day: '2024-10-25'});
		expect(parseLibraryName('added-2024-10-25-my-2023-01-01-page.txt')).toEqual({source: 'added', day: '2024-10-25'});
		expect(parseLibraryName('added-2024-10-25-page')).toEqual({source: 'added', day: '2024-10-25'});
	});

	it('a name the library did not give parses to null', () => {
		for (const name of ['notes.txt', 'hf-daily.json', 'hf-daily-2024-10-25x.json', '2024-10-25.json', 'hf-daily-24-10-25.json', '']) expect(parseLibraryName(name), name).toBeNull();
	});

	it('an added file’s name is made safe: no directories, no leading dots or dashes, no spaces or control characters', () => {
		const day = '2024-10-25';
		expect(addedName('../../etc/passwd', day)).toBe(`added-${day}-passwd`);
		expect(addedName('.hidden.txt', day)).toBe(`added-${day}-hidden.txt`);
		expect(addedName('--rf.json', day)).toBe(`added-${day}-rf.json`);
		expect(addedName('my page (1).txt', day)).toBe(`added-${day}-my_page__1_.txt`);
		expect(addedName('a\nb\u001b[31m.txt', day)).toBe(`added-${day}-a_b__31m.txt`);
		expect(addedName('...', day)).toBe(`added-${day}-listing.txt`);
		expect(addedName('/', day)).toBe(`added-${day}-listing.txt`);
		for (const file of ['../x', 'a/b/c d.txt', '.', '..', '-', 'é.txt', 'x\u0000y']) {
			const name = addedName(file, day);
			expect(name, file).toMatch(/^added-2024-10-25-[\w+][\w.+-]*$/);
			expect(parseLibraryName(name), file).toEqual({source: 'added', day});
		}
	});
});

describe('listLibrary', () => {
	it('a missing directory is an empty library', () => {
		expect(listLibrary(join(tempDir(), 'nothing', 'here'))).toEqual([]);
	});

	it('lists newest day first, then by name; other files on the day they were last modified', () => {
		const directory = tempDir();
		const names = ['hf-daily-2024-10-24.json', 'arxiv-cs.LG-2024-10-25.xml', 'hf-daily-2024-10-25.json', 'added-2024-10-26-page.txt', 'hf-daily-2023-12-31.json', 'notes.txt'];
		for (const name of names) writeFileSync(join(directory, name), 'x');
		const day = new Date('2024-10-25T12:00:00Z');
		utimesSync(join(directory, 'notes.txt'), day, day);
		const entries = listLibrary(directory);
		expect(entries.map((entry) => entry.name)).toEqual([
			'added-2024-10-26-page.txt',
			'arxiv-cs.LG-2024-10-25.xml',
			'hf-daily-2024-10-25.json',
			'notes.txt',
			'hf-daily-2024-10-24.json',
			'hf-daily-2023-12-31.json',
		]);
		expect(entries.map((entry) => [entry.source, entry.day])).toEqual([
			['added', '2024-10-26'],
			['arxiv-cs.LG', '2024-10-25'],
			['hf-daily', '2024-10-25'],
			['other', '2024-10-25'],
			['hf-daily', '2024-10-24'],
			['hf-daily', '2023-12-31'],
		]);
		expect(entries[0]!.path).toBe(join(directory, 'added-2024-10-26-page.txt'));
	});

	it('ignores temporary files, hidden files and directories', () => {
		const directory = tempDir();
		writeFileSync(join(directory, 'hf-daily-2024-10-25.json'), '[]');
		writeFileSync(join(directory, 'hf-daily-2024-10-25.json.tmp-0a1b2c3d4e5f'), '[');
		writeFileSync(join(directory, 'hf-daily-2024-10-26.json.tmp-zz9'), '[');
		writeFileSync(join(directory, '.hf-daily-2024-10-27.json'), '[]');
		mkdirSync(join(directory, 'hf-daily-2024-10-28.json'));
		expect(listLibrary(directory).map((entry) => entry.name)).toEqual(['hf-daily-2024-10-25.json']);
		expect(inLibrary(directory, 'hf-daily-2024-10-25.json')).toBe(true);
		expect(inLibrary(directory, 'hf-daily-2024-10-28.json')).toBe(false);
		expect(inLibrary(directory, 'hf-daily-2024-10-29.json')).toBe(false);
	});

	it('a path that is a file, not a directory, is an error (the command says which)', () => {
		const file = join(tempDir(), 'library');
		writeFileSync(file, 'x');
		expect(() => listLibrary(file)).toThrow(/ENOTDIR/);
	});
});

describe('saveToLibrary', () => {
	it('creates the directory, writes the bytes whole, leaves no temporary file', () => {
		const directory = join(tempDir(), 'papers', 'library');
		const bytes = Buffer.from('[{"paper":{"id":"2410.00001"}}]');
		const path = saveToLibrary(directory, 'hf-daily-2024-10-25.json', bytes);
		expect(path).toBe(join(directory, 'hf-daily-2024-10-25.json'));
		expect(readFileSync(path)).toEqual(bytes);
		expect(readdirSync(directory)).toEqual(['hf-daily-2024-10-25.json']);
	});

	it('replaces a file of the same name (the same day fetched again), whole', () => {
		const directory = tempDir();
		saveToLibrary(directory, 'hf-daily-2024-10-25.json', Buffer.from('first, a longer text than the second'));
		saveToLibrary(directory, 'hf-daily-2024-10-25.json', Buffer.from('second'));
		expect(readFileSync(join(directory, 'hf-daily-2024-10-25.json'), 'utf8')).toBe('second');
		expect(readdirSync(directory)).toEqual(['hf-daily-2024-10-25.json']);
	});

	it('writes empty and large listings as they are', () => {
		const directory = tempDir();
		const large = Buffer.alloc(5_000_000, 'a');
		saveToLibrary(directory, 'a-2024-10-25.txt', large);
		saveToLibrary(directory, 'b-2024-10-25.txt', Buffer.alloc(0));
		expect(readFileSync(join(directory, 'a-2024-10-25.txt')).equals(large)).toBe(true);
		expect(readFileSync(join(directory, 'b-2024-10-25.txt')).length).toBe(0);
	});

	it.skipIf(process.getuid?.() === 0)('a read-only directory throws, leaving nothing behind and the old file as it was', () => {
		const directory = tempDir();
		writeFileSync(join(directory, 'hf-daily-2024-10-25.json'), 'old');
		chmodSync(directory, 0o555);
		expect(() => saveToLibrary(directory, 'hf-daily-2024-10-25.json', Buffer.from('new'))).toThrow(/EACCES/);
		expect(readdirSync(directory)).toEqual(['hf-daily-2024-10-25.json']);
		expect(readFileSync(join(directory, 'hf-daily-2024-10-25.json'), 'utf8')).toBe('old');
	});

	it('a name that is a directory throws, and the temporary file is removed', () => {
		const directory = tempDir();
		mkdirSync(join(directory, 'hf-daily-2024-10-25.json'));
		writeFileSync(join(directory, 'hf-daily-2024-10-25.json', 'inside'), 'x');
		expect(() => saveToLibrary(directory, 'hf-daily-2024-10-25.json', Buffer.from('new'))).toThrow();
		expect(readdirSync(directory)).toEqual(['hf-daily-2024-10-25.json']);
	});
});

describe('the last session', () => {
	it('is null before the first, then what was written', () => {
		const file = join(tempDir(), 'state', 'papers', 'last-session');
		expect(readLastSession(file)).toBeNull();
		expect(writeLastSession(file, 1_729_850_000_000)).toBe(true);
		expect(readFileSync(file, 'utf8')).toBe('1729850000000\n');
		expect(readLastSession(file)).toBe(1_729_850_000_000);
		expect(writeLastSession(file, 1_729_900_000_000)).toBe(true);
		expect(readLastSession(file)).toBe(1_729_900_000_000);
	});

	it('garbage, zero or negative reads as none', () => {
		const file = join(tempDir(), 'last-session');
		for (const text of ['', 'yesterday', '0', '-5', 'NaN', 'Infinity', '\u0000\u0001']) {
			writeFileSync(file, text);
			expect(readLastSession(file), JSON.stringify(text)).toBeNull();
		}
	});

	it('cannot be written where its directory cannot be made: false, nothing thrown', () => {
		const blocker = join(tempDir(), 'file');
		writeFileSync(blocker, 'x');
		expect(writeLastSession(join(blocker, 'last-session'), 1)).toBe(false);
	});
});
