/** Bad input or usage: the CLI prints the message alone (no stack) and exits with code 2. */
export class InputError extends Error {
	override name = 'InputError';
}

/**
 * An InputError about one file: the message is "file: problem" ("standard input" for "-"), and the file
 * and the problem are fields, so that a warning that names the file itself takes the problem alone.
 */
export class FileError extends InputError {
	/** The file as the message names it ("-" for standard input). */
	readonly file: string;
	/** What is wrong with it: the message without the file's name. */
	readonly problem: string;

	constructor(file: string, problem: string) {
		super(`${file === '-' ? 'standard input' : file}: ${problem}`);
		this.file = file;
		this.problem = problem;
	}
}

/** An InputError about one file: the message names it. */
export function fileError(file: string, problem: string): FileError {
	return new FileError(file, problem);
}

/** What an InputError says is wrong, without the file it names (a FileError's problem), for a message that names the file itself. */
export function problemOf(error: InputError): string {
	return error instanceof FileError ? error.problem : error.message;
}

/** A text (a title, a parser's message) cut short for a message: 60 characters at most. */
export function shorten(text: string): string {
	const characters = [...text]; // whole code points: never half a surrogate pair
	return characters.length <= 60 ? text : `${characters.slice(0, 59).join('')}…`;
}
