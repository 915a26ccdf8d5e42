import {describe, expect, it} from 'vitest';
import {jsonChunks} from '../../src/commands/output.js';
import {formatTable} from '../../src/commands/table.js';
import {paperId, type Paper} from '../../src/listing/paper.js';

function paper(index: number, title = `Paper number ${index}`): Paper {
	return {
		id: paperId(title),
		title,
		abstract: `Abstract "${index}" with a \\ backslash.`,
		authorCount: index,
		authors: [],
		published: '2024-01-02',
		yearInferred: false,
		upvotes: index,
		abstractKind: 'abstract',
		organization: null,
		links: [],
		arxivId: null,
		source: 'a.txt',
	};
}

describe('jsonChunks', () => {
	it.each([0, 1, 250, 251, 600])('joins into the same JSON as one stringify, for %i papers', (count) => {
		const papers = Array.from({length: count}, (_unused, index) => paper(index));
		const warnings = [{source: 'a.txt', line: 3, message: 'skipped'}];
		const chunks = [...jsonChunks(papers, warnings, false)];
		expect(chunks.join('')).toBe(JSON.stringify({papers, warnings}) + '\n');
		expect(chunks.length).toBe(Math.ceil(count / 250) + 2);
	});

	it('indents for people', () => {
		expect([...jsonChunks([paper(1)], [], true)].join('')).toBe(JSON.stringify({papers: [paper(1)], warnings: []}, null, 2) + '\n');
	});
});

describe('formatTable', () => {
	it('fits rows to the width, wide characters counted as two columns', () => {
		const rows = formatTable([paper(1, '大規模言語モデルの推論能力に関する包括的な調査研究と評価のための新しいベンチマーク'), paper(2)], 60).trimEnd().split('\n');
		expect(rows).toHaveLength(3);
		for (const row of rows) expect(row.length + (row.match(/[\u3000-\u9FFF]/g)?.length ?? 0)).toBeLessThanOrEqual(60);
		expect(rows[1]).toContain('…');
		expect(rows[2]).toContain('Paper number 2');
	});

	it('leaves the UP column blank for a paper without upvotes (an arXiv feed), where 0 shows as 0', () => {
		const rows = formatTable([{...paper(0), upvotes: null}, paper(0, 'Counted zero'), paper(123, 'Counted')], 80).trimEnd().split('\n');
		expect(rows[0]).toMatch(/^ID {10} {2}DATE {6} {2} UP {2}TITLE$/);
		expect(rows[1]).toMatch(/^[0-9a-f]{12} {2}2024-01-02 {2} {3} {2}Paper number 0$/);
		expect(rows[2]).toMatch(/^[0-9a-f]{12} {2}2024-01-02 {2} {2}0 {2}Counted zero$/);
		expect(rows[3]).toMatch(/^[0-9a-f]{12} {2}2024-01-02 {2}123 {2}Counted$/);
		expect(rows.join('\n')).not.toContain('null');
	});
});

describe('JSON output', () => {
	it('writes "upvotes": null for a paper without upvotes', () => {
		const json = [...jsonChunks([{...paper(1), upvotes: null}, paper(2)], [], false)].join('');
		expect(json).toContain('"upvotes":null');
		expect(JSON.parse(json).papers.map((each: {upvotes: unknown}) => each.upvotes)).toEqual([null, 2]);
	});
});
