import {describe, expect, it} from 'vitest';
import {arxivAbsUrl, arxivIdFromReference, arxivIdFromUrl, arxivIdNamedBy, normalizeArxivId} from '../../src/listing/arxiv-id.js';

describe('normalizeArxivId', () => {
	it.each([
		['2410.17243', '2410.17243'],
		['2410.17243v1', '2410.17243'],
		['0710.2073v12', '0710.2073'],
		['1706.0376', '1706.0376'],
		['arXiv:2411.01234v3', '2411.01234'],
		['hep-th/9901001', 'hep-th/9901001'],
		['hep-th/9901001v2', 'hep-th/9901001'],
		['math.AG/0601001', 'math.AG/0601001'],
		['math.AG/0601001v3', 'math.AG/0601001'],
		['cond-mat/0102536', 'cond-mat/0102536'],
		['cs/0101001', 'cs/0101001'],
		[' 2410.17243 ', '2410.17243'],
	])('normalises %s to %s', (raw, id) => {
		expect(normalizeArxivId(raw)).toBe(id);
	});

	it.each(['', '1234', '2410.172', '2410.172431', 'abc', 'hep-th/99010', 'HEP-TH/9901001', 'hep-/9901001', 'math.ag/0601001', '2410.17243v', '../etc/passwd', '2410.17243/x', 'hep-th/9901001?x', '2410.17243 x'])(
		'rejects %j',
		(raw) => {
			expect(normalizeArxivId(raw)).toBeNull();
		},
	);
});

describe('arxivIdFromUrl', () => {
	it.each([
		['https://arxiv.org/abs/2410.17243', '2410.17243'],
		['http://arxiv.org/abs/2410.17243v1', '2410.17243'],
		['https://www.arxiv.org/abs/2410.17243', '2410.17243'],
		['http://export.arxiv.org/abs/2410.17243v2', '2410.17243'],
		['https://ARXIV.org/abs/2410.17243', '2410.17243'],
		['arxiv.org/abs/2410.17243', '2410.17243'],
		['https://arxiv.org/pdf/2410.17243', '2410.17243'],
		['https://arxiv.org/pdf/2410.17243v3.pdf', '2410.17243'],
		['https://arxiv.org/html/2410.17243v1/#S2', '2410.17243'],
		['https://arxiv.org/abs/2410.17243?context=cs', '2410.17243'],
		['https://arxiv.org/abs/hep-th/9901001', 'hep-th/9901001'],
		['https://arxiv.org/pdf/hep-th/9901001v2', 'hep-th/9901001'],
		['https://arxiv.org/abs/math.AG/0601001', 'math.AG/0601001'],
		['http://arxiv.org/abs/cond-mat/0102536v1', 'cond-mat/0102536'],
		['https://huggingface.co/papers/2606.00683', '2606.00683'],
		['https://huggingface.co/papers/2606.00683/', '2606.00683'],
		['https://huggingface.co/papers/2606.00683#community', '2606.00683'],
		['https://hf.co/papers/2410.17243', '2410.17243'],
		['huggingface.co/papers/2410.17243', '2410.17243'],
		// Not arXiv's own host, or not a page of an id.
		['https://evil.com/arxiv.org/abs/2403.00003', null],
		['https://arxiv.org.evil.com/abs/2403.00003', null],
		['https://evilarxiv.org/abs/2403.00003', null],
		['https://evil.com/?u=https://arxiv.org/abs/2403.00003', null],
		['https://example.org/abs/2410.17243', null],
		['https://huggingface.co.evil.com/papers/2410.17243', null],
		['https://evil.com/huggingface.co/papers/2410.17243', null],
		['https://huggingface.co/papers/hep-th/9901001', null],
		['https://huggingface.co/papers/2410.17243/x', null],
		['https://huggingface.co/2410.17243', null],
		['https://huggingface.co/papers', null],
		['https://arxiv.org/abs/2410.172431', null],
		['https://arxiv.org/list/cs.LG/recent', null],
		['https://arxiv.org/', null],
		['http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345', null],
		['ftp://arxiv.org/abs/2410.17243', null],
		['javascript:alert("arxiv.org/abs/2410.17243")', null],
		['arXiv:2410.17243', null],
		['2410.17243', null],
		['', null],
		['not a url at all', null],
	])('%s → %s', (url, id) => {
		expect(arxivIdFromUrl(url)).toBe(id);
	});
});

describe('arxivIdFromReference', () => {
	it.each([
		['oai:arXiv.org:2411.01234v1', '2411.01234'],
		['oai:arxiv.org:hep-th/9901001', 'hep-th/9901001'],
		['arXiv:0808.0620', '0808.0620'],
		['  arXiv:math.AG/0601001v2 ', 'math.AG/0601001'],
		['Comment on arXiv:0808.0620 and more', null],
		['oai:example.org:2411.01234', null],
		['2411.01234', null],
		['https://arxiv.org/abs/2411.01234', null],
	])('%s → %s', (text, id) => {
		expect(arxivIdFromReference(text)).toBe(id);
	});
});

describe('arxivIdNamedBy', () => {
	it.each([
		['http://arxiv.org/abs/2410.17243v1', '2410.17243'],
		['oai:arXiv.org:2411.01234v1', '2411.01234'],
		['arXiv:hep-th/9901001', 'hep-th/9901001'],
		['https://huggingface.co/papers/2606.00683', '2606.00683'],
		['https://evil.com/arxiv.org/abs/2403.00003', null],
		['http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345', null],
	])('%s → %s', (text, id) => {
		expect(arxivIdNamedBy(text)).toBe(id);
	});
});

describe('arxivAbsUrl', () => {
	it.each([
		['2410.17243', 'https://arxiv.org/abs/2410.17243'],
		['2410.17243v2', 'https://arxiv.org/abs/2410.17243'],
		['hep-th/9901001', 'https://arxiv.org/abs/hep-th/9901001'],
		['math.AG/0601001', 'https://arxiv.org/abs/math.AG/0601001'],
		['cond-mat/0102536', 'https://arxiv.org/abs/cond-mat/0102536'],
		['../../etc/passwd', null],
		['hep-th/../../x', null],
	])('%s → %s', (id, url) => {
		expect(arxivAbsUrl(id)).toBe(url);
	});

	it('gives a page every URL rule reads back to the same id', () => {
		for (const id of ['2410.17243', '0710.2073', 'hep-th/9901001', 'math.AG/0601001', 'cond-mat/0102536']) expect(arxivIdFromUrl(arxivAbsUrl(id)!)).toBe(id);
	});
});
