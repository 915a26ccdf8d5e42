import {describe, expect, it} from 'vitest';
import {FileError, fileError, InputError, problemOf} from '../src/errors.js';

describe('fileError', () => {
	it('names the file in the message and keeps the file and the problem as fields', () => {
		const error = fileError('page.txt', 'is empty');
		expect(error).toBeInstanceOf(InputError);
		expect(error).toBeInstanceOf(FileError);
		expect(error.message).toBe('page.txt: is empty');
		expect([error.file, error.problem]).toEqual(['page.txt', 'is empty']);
	});

	it('calls "-" standard input', () => {
		expect(fileError('-', 'is empty').message).toBe('standard input: is empty');
	});

	it('gives the problem alone, or the whole message of an error about no file', () => {
		expect(problemOf(fileError('a: b.txt', 'no such file'))).toBe('no such file');
		expect(problemOf(new InputError('choose one'))).toBe('choose one');
	});
});
