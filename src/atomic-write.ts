import {closeSync, fsyncSync, openSync, renameSync, unlinkSync} from 'node:fs';

/**
 * Replaces `path` whole or not at all: `write` fills a new temporary file `temp` (created exclusively with
 * `mode`), which is fsynced and renamed over `path`; on any error the temporary file is removed and the
 * error thrown as it is. A reader of `path` sees the old file or the new one, never a part. What `write`
 * returns (read from the open file, before the rename) is returned.
 */
export function writeAtomically<T>(path: string, temp: string, mode: number, write: (fd: number) => T): T {
	const fd = openSync(temp, 'wx', mode);
	try {
		const result = write(fd);
		fsyncSync(fd);
		closeSync(fd);
		renameSync(temp, path);
		return result;
	} catch (error) {
		try {
			closeSync(fd);
		} catch {
			// Closed already.
		}
		try {
			unlinkSync(temp);
		} catch {
			// Gone already: the next write removes what is left.
		}
		throw error;
	}
}
