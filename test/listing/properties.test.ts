import {readFileSync} from 'node:fs';
import {fc, test} from '@fast-check/vitest';
import {describe, expect} from 'vitest';
import {parseHfPage} from '../../src/listing/hf-page.js';
import {sanitize, UNSAFE_CHARACTER} from '../../src/text/sanitize.js';
import {TERMINAL_PAYLOADS} from '../helpers/payloads.js';

const FIXTURE = readFileSync(new URL('../../fixtures/hf-daily-papers-page.txt', import.meta.url), 'utf8');

/** Payloads a hostile listing could carry, and metadata lines spliced where they do not belong. */
const hostile = fc.constantFrom(...TERMINAL_PAYLOADS, '  • 3 authors\n·\nFeb 17, 2022 4', '·');

/** Text mixing ordinary words, any unicode and hostile payloads. */
const mixedText = fc
	.array(fc.oneof(fc.string({unit: 'binary'}), fc.lorem({maxCount: 5}), hostile, fc.constant('\n\n')), {maxLength: 40})
	.map((parts) => parts.join(''));

const TEXT_FIELDS = ['title', 'abstract', 'source'] as const;

describe('parser properties', () => {
	test.prop([mixedText])('never throws, and no field holds a control or bidi character', (text) => {
		const {papers, warnings} = parseHfPage(text, {source: 'p.txt'});
		for (const paper of papers) {
			for (const field of TEXT_FIELDS) expect(paper[field]).not.toMatch(UNSAFE_CHARACTER);
			for (const link of paper.links) expect(link).not.toMatch(UNSAFE_CHARACTER);
			expect(paper.title).not.toMatch(/[\t\r\n]/);
			expect(paper.id).toMatch(/^[0-9a-f]{12}$/);
		}
		for (const warning of warnings) expect(warning.message).not.toMatch(UNSAFE_CHARACTER);
	});

	test.prop([fc.array(hostile, {maxLength: 6}), fc.integer({min: 0, max: 2000})])(
		'reads the real page with hostile payloads spliced in without throwing',
		(payloads, position) => {
			const offset = Math.floor((position / 2000) * FIXTURE.length);
			const text = FIXTURE.slice(0, offset) + payloads.join('') + FIXTURE.slice(offset);
			const {papers} = parseHfPage(text, {source: 'p.txt'});
			expect(papers.length).toBeGreaterThan(55);
			for (const paper of papers) expect(JSON.stringify(paper)).not.toMatch(UNSAFE_CHARACTER);
		},
	);
});

describe('sanitiser properties', () => {
	test.prop([mixedText])('sanitising twice changes nothing', (text) => {
		const once = sanitize(text);
		expect(sanitize(once)).toBe(once);
	});

	test.prop([mixedText])('leaves no control or bidi character', (text) => {
		expect(sanitize(text)).not.toMatch(UNSAFE_CHARACTER);
	});

	test.prop([fc.string({unit: 'grapheme'}).filter((text) => !UNSAFE_CHARACTER.test(text) && !text.includes('\u001B'))])(
		'keeps text that has nothing unsafe in it',
		(text) => {
			expect(sanitize(text)).toBe(text);
		},
	);
});
