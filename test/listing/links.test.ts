import {describe, expect, it} from 'vitest';
import {arxivIdFromLinks, extractLinks} from '../../src/listing/links.js';

describe('extractLinks', () => {
	it('finds URLs with and without a scheme and normalises them to https', () => {
		const text = 'Code at https://github.com/apple/corenet. Data: http://example.org/data, and github.com/edwardjhu/TP4.';
		expect(extractLinks(text)).toEqual([
			'https://github.com/apple/corenet',
			'https://example.org/data',
			'https://github.com/edwardjhu/TP4',
		]);
	});

	it('keeps balanced parentheses and drops a closing one that ends the sentence', () => {
		expect(extractLinks('(see https://en.wikipedia.org/wiki/Foo_(bar))')).toEqual(['https://en.wikipedia.org/wiki/Foo_(bar)']);
		expect(extractLinks('(code: https://github.com/a/b)')).toEqual(['https://github.com/a/b']);
	});

	it('drops URLs with credentials and duplicates', () => {
		expect(extractLinks('https://user:pw@example.com/x https://a.io/x https://a.io/x')).toEqual(['https://a.io/x']);
	});

	it('finds nothing in plain prose', () => {
		expect(extractLinks('We study e.g. the i.e. case of 3.5 percent.')).toEqual([]);
	});
});

describe('arxivIdFromLinks', () => {
	it('reads the id of an arxiv.org link', () => {
		expect(arxivIdFromLinks(['https://github.com/x', 'https://arxiv.org/abs/2410.17243v2'])).toBe('2410.17243');
		expect(arxivIdFromLinks(['https://github.com/x'])).toBeNull();
	});

	it('reads old-style ids, and Hugging Face paper pages, as arxiv-id.ts does', () => {
		expect(arxivIdFromLinks(['https://arxiv.org/abs/hep-th/9901001v2'])).toBe('hep-th/9901001');
		expect(arxivIdFromLinks(['https://huggingface.co/papers/2606.00683'])).toBe('2606.00683');
	});

	it('takes no id from a link whose host is not arXiv\'s own', () => {
		expect(arxivIdFromLinks(['https://evil.com/arxiv.org/abs/2403.00003', 'https://arxiv.org/abs/2410.17243'])).toBe('2410.17243');
		expect(arxivIdFromLinks(extractLinks('see evil.com/arxiv.org/abs/2403.00003'))).toBeNull();
	});
});
