/** A listing file's name as messages, warnings and paper records show it, and the errors that name it. */
import {fileError as namedFileError, type FileError} from '../errors.js';
import {escapeUnsafe} from '../text/sanitize.js';

/**
 * A file's name as messages and paper records give it: a name can hold escape sequences and line breaks
 * too (a directory's files are named by whoever made them), written as `\uXXXX` escapes.
 */
export function shownName(file: string): string {
	return escapeUnsafe(file);
}

/** An InputError naming the file, as shownName shows it. */
export function fileError(file: string, problem: string): FileError {
	return namedFileError(shownName(file), problem);
}
