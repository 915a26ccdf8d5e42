import {describe, expect, it} from 'vitest';
import {sanitize, sanitizeLine, UNSAFE_CHARACTER} from '../../src/text/sanitize.js';

const ESC = '\u001B';
const BEL = '\u0007';
const ST = `${ESC}\\`;

describe('sanitize', () => {
	it.each([
		['CSI colour', `${ESC}[31mred${ESC}[0m text`, 'red text'],
		['CSI clear screen', `before${ESC}[2Jafter`, 'beforeafter'],
		['8-bit CSI', 'a\u009B2Jb', 'ab'],
		['OSC 0 title with BEL', `${ESC}]0;pwned${BEL}Title`, 'Title'],
		['OSC 52 clipboard with ST', `${ESC}]52;c;ZWNobyBoaQ==${ST}visible`, 'visible'],
		['OSC 8 hyperlink', `${ESC}]8;;https://evil.example${ST}click${ESC}]8;;${ST}`, 'click'],
		['8-bit OSC ended by 8-bit ST', 'x\u009D0;t\u009Cy', 'xy'],
		['DCS', `a${ESC}Pq#0;2;0;0;0${ST}b`, 'ab'],
		['APC', `a${ESC}_Gf=100;AAAA${ST}b`, 'ab'],
		['PM and SOS', `a${ESC}^secret${ST}b${ESC}Xsos${ST}c`, 'abc'],
		['two-byte escape', `a${ESC}cb${ESC}(Bc`, 'abc'],
		['C1 controls', 'a\u0085b\u0090c\u009Fd', 'abcd'],
		['BEL, NUL, DEL, backspace', `a${BEL}b\u0000c\u007Fd\u0008e`, 'abcde'],
		['bidi overrides and isolates', 'a\u202Eb\u2066c\u2069d\u200Ee\u200Ff\u061Cg\u202Ah', 'abcdefgh'],
		['lone surrogates', 'a\uD800b\uDC00c', 'abc'],
	])('removes %s', (_name, input, expected) => {
		expect(sanitize(input)).toBe(expected);
	});

	it('keeps unicode, emoji, tabs and line breaks', () => {
		const text = 'Ünïcödé — 数学 😀 👩🔬 हिन्दी தமிழ் e\u0301 نامه\u200Cها\tcol\nline';
		expect(sanitize(text)).toBe(text);
	});

	it('removes invisible characters terminals disagree on: zero-width space, joiners of emoji, presentation selectors, soft hyphen, BOM', () => {
		expect(sanitize('zero\u200Bwidth\u2060joined\u00ADsoft\uFEFFbom\u180E')).toBe('zerowidthjoinedsoftbom');
		expect(sanitize('family 👨\u200D👩\u200D👧\u200D👦, flag 🏳\uFE0F\u200D🌈, heart ❤\uFE0F, watch ⌚\uFE0E')).toBe('family 👨👩👧👦, flag 🏳🌈, heart ❤, watch ⌚');
		expect(sanitize(sanitize('a\u200D\u200Bb'))).toBe('ab');
	});

	it('leaves the visible words of an unterminated OSC', () => {
		const result = sanitize(`${ESC}]0;visible words`);
		expect(result).toContain('visible words');
		expect(result).not.toMatch(UNSAFE_CHARACTER);
	});

	it('removes sequences hidden inside other sequences', () => {
		const result = sanitize(`${ESC}${ESC}[31m]0;x${BEL}done`);
		expect(result).not.toMatch(UNSAFE_CHARACTER);
		expect(result).toContain('done');
		expect(sanitize(result)).toBe(result);
	});
});

describe('sanitizeLine', () => {
	it('collapses white space and line breaks into single spaces', () => {
		expect(sanitizeLine('  a\t b\r\n\nc  ')).toBe('a b c');
	});
});
