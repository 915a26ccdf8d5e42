/** Bad input or usage: the CLI prints the message alone (no stack) and exits with code 2. */
export class InputError extends Error {
	override name = 'InputError';
}

/** An InputError about one file: the message names it. */
export function fileError(file: string, problem: string): InputError {
	return new InputError(`${file === '-' ? 'standard input' : file}: ${problem}`);
}
