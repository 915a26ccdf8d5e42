/** Bad input or usage: the CLI prints the message alone (no stack) and exits with code 2. */
export class InputError extends Error {
	override name = 'InputError';
}

/** An InputError about one file: the message names it. */
export function fileError(file: string, problem: string): InputError {
	return new InputError(`${file === '-' ? 'standard input' : file}: ${problem}`);
}

/** A text (a title, a parser's message) cut short for a message: 60 characters at most. */
export function shorten(text: string): string {
	const characters = [...text]; // whole code points: never half a surrogate pair
	return characters.length <= 60 ? text : `${characters.slice(0, 59).join('')}…`;
}
