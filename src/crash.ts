import {appendFileSync, mkdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import envPaths from 'env-paths';
import {sanitizeLine} from './text/sanitize.js';

/**
 * What to do when papers fails in a way it did not foresee: put the terminal back as it was, write the
 * details (stack, version, arguments) to a log file, and print one line naming that file.
 */

const restorers = new Set<() => void>();

/** Registers what puts the terminal back (raw mode off, cursor shown, main screen); returns an unregister. */
export function onCrashRestore(restore: () => void): () => void {
	restorers.add(restore);
	return () => restorers.delete(restore);
}

/** The directory for crash logs: XDG_STATE_HOME/papers on Linux. */
export function logDirectory(): string {
	return envPaths('papers', {suffix: ''}).log;
}

function describeError(error: unknown): string {
	if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
	return String(error);
}

/** Appends the details of a crash to the log; returns the log's path (a temp directory if the state one fails). */
export function writeCrashLog(error: unknown, context: {version: string; argv: readonly string[]}): string | null {
	const entry = [
		`--- ${new Date().toISOString()} papers ${context.version}, node ${process.version}, ${process.platform}`,
		`arguments: ${JSON.stringify(context.argv)}`,
		describeError(error),
		'',
	].join('\n');
	for (const directory of [logDirectory(), tmpdir()]) {
		const path = join(directory, directory === tmpdir() ? 'papers-crash.log' : 'crash.log');
		try {
			mkdirSync(directory, {recursive: true});
			appendFileSync(path, entry, {mode: 0o600});
			return path;
		} catch {
			// Try the next place.
		}
	}
	return null;
}

/** The message may hold anything: print it on one plain line, as listing text is. */
function oneLine(text: string): string {
	const line = sanitizeLine(text);
	return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

let crashed = false;

/**
 * Handles an error nobody caught: restores the terminal, logs the details, prints one line, and sets exit
 * code 1. Returns the line printed. A second crash while handling the first only sets the exit code.
 */
export function handleCrash(error: unknown, context: {version: string; argv: readonly string[]; stderr: (text: string) => void}): string {
	process.exitCode = 1;
	if (crashed) return '';
	crashed = true;
	for (const restore of restorers) {
		try {
			restore();
		} catch {
			// Restore what can be restored.
		}
	}
	const message = oneLine(error instanceof Error ? error.message : String(error)) || 'unknown error';
	const log = writeCrashLog(error, context);
	const line = `papers: unexpected error: ${message} (${log === null ? 'no log could be written' : `details in ${log}`})\n`;
	context.stderr(line);
	return line;
}
