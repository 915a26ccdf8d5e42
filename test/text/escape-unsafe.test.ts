import {fc, test} from '@fast-check/vitest';
import {describe, expect, it} from 'vitest';
import {escapeUnsafe, sanitize, UNSAFE_CHARACTER} from '../../src/text/sanitize.js';

describe('escapeUnsafe', () => {
	it('writes escape sequences, C1 and bidi controls, line breaks and lone surrogates as \\u escapes', () => {
		expect(escapeUnsafe('b\u001B]0;x\u0007\u202E\u009B2J\nc\td\r\uD800.txt')).toBe('b\\u001b]0;x\\u0007\\u202e\\u009b2J\\u000ac\\u0009d\\u000d\\ud800.txt');
	});

	it('keeps other characters, an emoji (a surrogate pair) included', () => {
		expect(escapeUnsafe('listings/2024-11-25 Über 😀 論文.txt')).toBe('listings/2024-11-25 Über 😀 論文.txt');
	});

	test.prop([fc.string({unit: 'binary'})])('leaves nothing that sanitising would remove, and no line break', (text) => {
		const escaped = escapeUnsafe(text);
		expect(escaped).not.toMatch(UNSAFE_CHARACTER);
		expect(escaped).not.toMatch(/[\t\n\r]/);
		expect(sanitize(escaped)).toBe(escaped);
	});
});
