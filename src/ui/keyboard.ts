import {openSync} from 'node:fs';
import {ReadStream} from 'node:tty';

/** Where the reader's keys come from: standard input when it is a terminal not holding the listing, else the terminal itself. */
export function openKeyboard(stdinHoldsListing: boolean): NodeJS.ReadStream | null {
	if (!stdinHoldsListing && process.stdin.isTTY) return process.stdin;
	try {
		return new ReadStream(openSync('/dev/tty', 'r')) as unknown as NodeJS.ReadStream;
	} catch {
		return null;
	}
}
