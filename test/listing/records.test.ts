import {describe, expect, it} from 'vitest';
import {paperId} from '../../src/listing/paper.js';
import {buildRecord, isoDay, splitAuthors, unwrapAbstract, unwrapTitle} from '../../src/listing/records.js';

describe('unwrapping', () => {
	it('makes a title one line', () => {
		expect(unwrapTitle('Breaking the Memory Barrier: Near Infinite Batch Size Scaling for\n  Contrastive Loss')).toBe(
			'Breaking the Memory Barrier: Near Infinite Batch Size Scaling for Contrastive Loss',
		);
		expect(unwrapTitle('  A\r\n\ttitle  ')).toBe('A title');
	});

	it('joins wrapped lines and starts a paragraph at an indented line or a blank line', () => {
		expect(unwrapAbstract('  First line\nsecond line.\n  New paragraph\ngoes on.\n\nThird\n')).toBe('First line second line.\n\nNew paragraph goes on.\n\nThird');
		expect(unwrapAbstract('One\r\nparagraph\rhere.')).toBe('One paragraph here.');
		expect(unwrapAbstract('')).toBe('');
		expect(unwrapAbstract('\n   \n')).toBe('');
	});

	it('reads pretty-printed text, indented as a whole, as one paragraph', () => {
		expect(unwrapAbstract('\n        Multi-electron production is studied\n        in collisions.\n    ')).toBe('Multi-electron production is studied in collisions.');
		expect(unwrapAbstract('\n    First.\n      Second paragraph.\n    ')).toBe('First.\n\nSecond paragraph.');
	});

	it('sanitises before unwrapping', () => {
		expect(unwrapAbstract('An \u001B]0;x\u0007abstract\n\u202Ewith \u009B2Jcontrols.')).toBe('An abstract with controls.');
	});
});

describe('splitAuthors', () => {
	it.each([
		['Antonin Monteil, Paul Pegon', ['Antonin Monteil', 'Paul Pegon']],
		['A. One, B. Two and C. Three', ['A. One', 'B. Two', 'C. Three']],
		['A. One, B. Two, and C. Three', ['A. One', 'B. Two', 'C. Three']],
		['Alexander Sand and Andrea Anderson', ['Alexander Sand', 'Andrea Anderson']],
		['Jane Doe (University of X, Y), John Roe', ['Jane Doe (University of X, Y)', 'John Roe']],
		['  ', []],
		['Solo', ['Solo']],
	])('splits %j', (raw, names) => {
		expect(splitAuthors(raw)).toEqual(names);
	});
});

describe('isoDay', () => {
	it.each([
		['2024-10-22T17:59:30.000Z', '2024-10-22'],
		['2024-10-22', '2024-10-22'],
		['2007-02-27T16:02:02-05:00', '2007-02-27'],
		['2007-02-27T22:02:02-05:00', '2007-02-28'],
		['2024-02-23T16:08:30.941605+00:00', '2024-02-23'],
		['2018-05-23T20:30:00-05:00', '2018-05-24'],
		['Fri, 25 Oct 2024 00:00:00 -0400', '2024-10-25'],
		['Mon, 22 Sep 2025 23:30:00 -0400', '2025-09-23'],
		['Thu, 03 Apr 2026 12:00:00 GMT', '2026-04-03'],
		['3 Apr 26 01:00 EST', '2026-04-03'],
		['Wed, 01 Jan 2025 00:30:00 +0100', '2024-12-31'],
	])('reads %s as %s', (text, day) => {
		expect(isoDay(text)).toBe(day);
	});

	it.each(['', 'yesterday', '2024-02-30', '2024-13-01', 'Fri, 30 Feb 2024 00:00:00 GMT', 'Fri, 25 Foo 2024 00:00:00 GMT', '2024-10-22T25:00:00Z', 'Fri, 25 Oct 2024 00:00:00 XYZ'])(
		'gives null for %j',
		(text) => {
			expect(isoDay(text)).toBeNull();
		},
	);
});

describe('buildRecord', () => {
	const fields = {title: 'A\n  Title', abstract: 'Text with https://github.com/a/b and\narxiv.org/abs/2410.17243.', authors: ['  Ann ', '', 'Bo\u001B[31m'], published: '2024-10-22', arxivId: '2410.17243', upvotes: 3, source: 's'};

	it('makes the record: id from the title, the paper’s own page first among the links', () => {
		expect(buildRecord(fields)).toEqual({
			id: paperId('A Title'),
			title: 'A Title',
			abstract: 'Text with https://github.com/a/b and arxiv.org/abs/2410.17243.',
			authorCount: 2,
			authors: ['Ann', 'Bo'],
			published: '2024-10-22',
			yearInferred: false,
			upvotes: 3,
			abstractKind: 'abstract',
			organization: null,
			links: ['https://arxiv.org/abs/2410.17243', 'https://github.com/a/b'],
			arxivId: '2410.17243',
			source: 's',
		});
	});

	it('takes no id from a link in the abstract (it may name another paper)', () => {
		const paper = buildRecord({...fields, arxivId: null, authors: []});
		expect(paper?.arxivId).toBeNull();
		expect(paper?.links).toEqual(['https://github.com/a/b', 'https://arxiv.org/abs/2410.17243']);
		expect(paper?.authorCount).toBeNull();
	});

	it('is null for a title with nothing readable', () => {
		expect(buildRecord({...fields, title: ' \u001B[2J\n\u202E '})).toBeNull();
		expect(buildRecord({...fields, title: '{ }'})).toBeNull();
	});

	it('shows the title and each paragraph of the abstract with its LaTeX decoded, and takes the id from the title as written', () => {
		const paper = buildRecord({
			...fields,
			title: 'Schr\\"{o}dinger Bridges: $\\alpha$-Divergences\n  and {\\em Optimal}  Transport',
			abstract: '  See \\url{https://github.com/a/b_c} for $k \\leq n$ and $\\frac{a}{b}$, not $5\n  and $10.',
		});
		expect(paper).toMatchObject({
			id: paperId('Schr\\"{o}dinger Bridges: $\\alpha$-Divergences and {\\em Optimal} Transport'),
			title: 'Schrödinger Bridges: α-Divergences and Optimal Transport',
			abstract: 'See https://github.com/a/b_c for k ≤ n and $\\frac{a}{b}$, not $5\n\nand $10.',
			links: ['https://arxiv.org/abs/2410.17243', 'https://github.com/a/b_c'],
		});
		expect(paper?.id).toBe(paperId('Schrödinger Bridges: alpha-Divergences and em Optimal Transport'));
	});
});
