/**
 * The store's file on disk: which version of it was read (a write replaces the file), reading it and
 * replacing it atomically, the temporary files a killed writer leaves, and what an error on it means.
 * store.ts decides when (under the lock); this is how.
 */
import {randomBytes} from 'node:crypto';
import {closeSync, fstatSync, openSync, readdirSync, readFileSync, statSync, unlinkSync, writeSync, type BigIntStats} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {writeAtomically} from '../atomic-write.js';
import {MarkTable} from './mark-table.js';
import {parseStore} from './store-format.js';

/** Errors that mean the directory or file cannot be written: the store then keeps marks in memory. */
const READ_ONLY = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * What a store that could not be opened is: an existing file that cannot be read, or, when not even its
 * directory can be entered (an unwritable XDG_CONFIG_HOME without papers/ yet, say), one that cannot be
 * read or created.
 */
export function unreadable(path: string, error: unknown): string {
	const denied = isReadOnly(error) ? ', permission denied' : '';
	try {
		statSync(path);
		return `cannot be read${denied}`;
	} catch {
		return `cannot be read or created${denied}`;
	}
}

export function isReadOnly(error: unknown): boolean {
	return READ_ONLY.has((error as NodeJS.ErrnoException).code ?? '');
}

/** An error on the file, as a message names it: its code (EACCES), else its message. */
export function describeError(error: unknown): string {
	const {code, message} = error as NodeJS.ErrnoException;
	return code ?? message;
}

/** Which version of the file was read or written: a write replaces the file (a new inode, time and size). */
export interface Version {
	ino: bigint;
	size: bigint;
	mtimeNs: bigint;
}

function versionOf(stats: BigIntStats): Version {
	return {ino: stats.ino, size: stats.size, mtimeNs: stats.mtimeNs};
}

export function sameVersion(a: Version | null, b: Version | null): boolean {
	if (a === null || b === null) return a === b;
	return a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs;
}

/** The version of the file now, null when there is none (or it cannot be seen: reading it will say why). */
export function currentVersion(path: string): Version | null {
	try {
		return versionOf(statSync(path, {bigint: true}));
	} catch {
		return null;
	}
}

/** What the file holds: marks (and which version they are), nothing yet, or a problem. */
export type FileState = {kind: 'marks'; marks: MarkTable; version: Version | null} | {kind: 'bad'; problem: string} | {kind: 'unreadable'; error: unknown};

export function readFile(path: string): FileState {
	let bytes: Buffer;
	let version: Version;
	try {
		// The version and the bytes of one file: a writer may rename a new one over it meanwhile.
		const fd = openSync(path, 'r');
		try {
			version = versionOf(fstatSync(fd, {bigint: true}));
			bytes = readFileSync(fd);
		} finally {
			closeSync(fd);
		}
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {kind: 'marks', marks: new MarkTable(), version: null};
		return {kind: 'unreadable', error};
	}
	const parsed = parseStore(bytes);
	return parsed.ok ? {kind: 'marks', marks: parsed.marks, version} : {kind: 'bad', problem: parsed.problem};
}

/**
 * Replaces the file with these marks, atomically: a temporary file next to it, written in chunks,
 * fsynced, renamed over it. Returns the version written.
 */
export function writeFile(path: string, marks: MarkTable, at: number): Version {
	return writeAtomically(path, tempName(path, at), 0o600, (fd) => {
		marks.writeText((piece) => {
			if (typeof piece === 'string') writeSync(fd, piece);
			else writeSync(fd, piece);
		});
		return versionOf(fstatSync(fd, {bigint: true}));
	});
}

/** A new temporary file's name for a write at `at` (`config.json.tmp-<time><random>`: see `tempFiles`). */
export function tempName(path: string, at: number): string {
	return `${path}.tmp-${at.toString(36)}${randomBytes(4).toString('hex')}`;
}

/** `2026-11-27T05-40-12.345Z`: a time for file names. */
export function fileTime(at: number): string {
	return new Date(at).toISOString().replaceAll(':', '-');
}

/** Temporary files of the atomic writes (`config.json.tmp-<time><random>`) in the store's directory. */
export function tempFiles(path: string): string[] {
	const prefix = `${basename(path)}.tmp-`;
	try {
		return readdirSync(dirname(path))
			.filter((name) => name.startsWith(prefix))
			.map((name) => join(dirname(path), name));
	} catch {
		return [];
	}
}

/** Removes the temporary files a killed writer left (call it holding the lock: no write is under way). */
export function removeLeftoverTemps(path: string): void {
	for (const file of tempFiles(path)) {
		try {
			unlinkSync(file);
		} catch {
			// Gone already, or not ours to remove: the next write tries again.
		}
	}
}
