import {randomBytes} from 'node:crypto';
import {closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync} from 'node:fs';

/**
 * A lock file shared by every papers process that writes one store: created exclusively (O_EXCL), it
 * holds the owner's pid and a random token. A lock whose owner is gone (killed, say) or that is older
 * than `staleMs` is broken by the next process that wants it.
 */
export interface LockOptions {
	/** A lock older than this is stale even if its pid is alive (pids are reused). */
	staleMs?: number;
	/** How long to wait for a live lock before giving up. */
	timeoutMs?: number;
}

/** The lock is held by a live process for longer than the timeout. */
export class LockBusyError extends Error {
	override name = 'LockBusyError';
}

/** A lock file without its whole token is stale after this long. */
const PARTIAL_STALE_MS = 1000;

const SLEEPER = new Int32Array(new SharedArrayBuffer(4));

function sleep(ms: number): void {
	Atomics.wait(SLEEPER, 0, 0, ms);
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
	}
}

function readLock(path: string): {text: string; pid: number; ageMs: number} | null {
	try {
		const text = readFileSync(path, 'utf8');
		const ageMs = Date.now() - statSync(path).mtimeMs;
		return {text, pid: Number.parseInt(text, 10), ageMs};
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw error;
	}
}

/**
 * Runs `body` holding the lock file at `path`, waiting for another holder if need be. Errors creating the
 * lock file other than "it exists" (a read-only directory, say) are thrown as they are.
 */
export function withLock<T>(path: string, body: () => T, options: LockOptions = {}): T {
	const staleMs = options.staleMs ?? 10_000;
	const timeoutMs = options.timeoutMs ?? 5000;
	const token = `${process.pid}\n${randomBytes(8).toString('hex')}\n`;
	const started = Date.now();
	let wait = 1;
	for (;;) {
		let fd: number;
		try {
			fd = openSync(path, 'wx', 0o600);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const held = readLock(path);
			if (held === null) continue; // released in between
			// An empty or half-written lock file is its owner still writing it, unless that was long ago
			// (writing the token takes microseconds: its owner was killed in between).
			const whole = held.text.endsWith('\n');
			const ownerGone = whole && Number.isSafeInteger(held.pid) && held.pid > 0 && !isAlive(held.pid);
			if (ownerGone || held.ageMs > (whole ? staleMs : PARTIAL_STALE_MS)) {
				// Break it only if it is still the lock judged stale (another process may have broken it and
				// taken a fresh one meanwhile).
				if (readLock(path)?.text === held.text) {
					try {
						unlinkSync(path);
					} catch (unlinkError) {
						if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') throw unlinkError;
					}
				}
				continue;
			}
			if (Date.now() - started > timeoutMs) {
				throw new LockBusyError(`${path} is held by process ${Number.isSafeInteger(held.pid) ? held.pid : '?'} (waited ${timeoutMs} ms)`);
			}
			sleep(wait + Math.random() * wait);
			wait = Math.min(wait * 2, 20);
			continue;
		}
		try {
			writeSync(fd, token);
		} finally {
			closeSync(fd);
		}
		try {
			return body();
		} finally {
			// Remove it only if it is still ours (it could have been broken as stale meanwhile).
			if (readLock(path)?.text === token) unlinkSync(path);
		}
	}
}
