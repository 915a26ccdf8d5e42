import {describe, expect, it} from 'vitest';
import {paperUrl, safeUrl} from '../../src/listing/paper-url.js';

describe('paperUrl', () => {
	it('opens the arXiv abstract page for an arXiv id', () => {
		expect(paperUrl({arxivId: '2410.17243', title: 'Anything'})).toBe('https://arxiv.org/abs/2410.17243');
		expect(paperUrl({arxivId: '1706.0376', title: 'Four-digit sequence'})).toBe('https://arxiv.org/abs/1706.0376');
		expect(paperUrl({arxivId: 'hep-th/9901001', title: 'Old style'})).toBe('https://arxiv.org/abs/hep-th/9901001');
		expect(paperUrl({arxivId: 'math.PR/0601001', title: 'Old style with a subject class'})).toBe('https://arxiv.org/abs/math.PR/0601001');
		expect(paperUrl({arxivId: 'cond-mat/0102536', title: 'Old style, two-word archive'})).toBe('https://arxiv.org/abs/cond-mat/0102536');
		expect(paperUrl({arxivId: 'hep-th/9901001v2', title: 'With a version'})).toBe('https://arxiv.org/abs/hep-th/9901001');
	});

	it('searches arXiv for the title without an id', () => {
		const url = new URL(paperUrl({arxivId: null, title: 'Go Wider Instead of Deeper'}));
		expect(url.origin).toBe('https://arxiv.org');
		expect(url.pathname).toBe('/search/');
		expect(url.searchParams.get('query')).toBe('Go Wider Instead of Deeper');
		expect(url.searchParams.get('searchtype')).toBe('title');
	});

	it('encodes titles with URL syntax in them', () => {
		const title = 'Q&A: 100% of #tags? a=b/c';
		const url = new URL(paperUrl({arxivId: null, title}));
		expect(url.searchParams.get('query')).toBe(title);
		expect(url.hash).toBe('');
		expect([...url.searchParams.keys()]).toEqual(['query', 'searchtype']);
	});

	it('falls back to a title search for an id that is not an arXiv id', () => {
		for (const arxivId of ['../../etc/passwd', '2410.17243/../x', 'abc', '', 'hep-th/../../x', 'hep-th/9901001?x']) {
			expect(paperUrl({arxivId, title: 'T'})).toMatch(/^https:\/\/arxiv\.org\/search\/\?/);
		}
	});
});

describe('safeUrl', () => {
	it('accepts https and http URLs with a real host', () => {
		expect(safeUrl('https://arxiv.org/abs/2410.17243')?.href).toBe('https://arxiv.org/abs/2410.17243');
		expect(safeUrl('http://example.com/a?b=c')?.hostname).toBe('example.com');
		expect(safeUrl('https://sub.domain.example.co.uk/')).not.toBeNull();
	});

	it.each([
		['javascript:', 'javascript:alert(1)'],
		['javascript: dressed as a host', 'javascript://example.com/%0Aalert(1)'],
		['file:', 'file:///etc/passwd'],
		['data:', 'data:text/html,<script>alert(1)</script>'],
		['ftp:', 'ftp://example.com/file'],
		['credentials', 'https://user:secret@example.com/'],
		['a user name', 'https://user@example.com/'],
		['a host without a dot', 'https://localhost/'],
		['an intranet host', 'http://intranet/admin'],
		['an IP address', 'https://127.0.0.1/'],
		['text that is no URL', 'not a url'],
		['an empty string', ''],
	])('rejects %s', (_name, url) => {
		expect(safeUrl(url)).toBeNull();
	});
});
