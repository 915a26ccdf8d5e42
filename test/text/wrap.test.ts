import {cellWidth} from '../../src/text/width.js';
import {describe, expect, it} from 'vitest';
import {fitToWidth, highlightSegments, truncateToWidth, wrapText, type Line} from '../../src/text/wrap.js';

const text = (line: Line) => line.map((segment) => segment.text).join('');
const highlighted = (line: Line) => line.filter((segment) => segment.highlight).map((segment) => segment.text);

describe('truncateToWidth', () => {
	it('leaves text that fits alone', () => {
		expect(truncateToWidth('Attention', 9)).toBe('Attention');
		expect(truncateToWidth('数学', 4)).toBe('数学');
	});

	it('cuts text that does not fit and ends it with an ellipsis', () => {
		expect(truncateToWidth('Attention Is All You Need', 10)).toBe('Attention…');
		expect(truncateToWidth('abc', 1)).toBe('…');
		expect(truncateToWidth('abc', 0)).toBe('');
		expect(truncateToWidth('abc', -3)).toBe('');
	});

	it('counts wide characters as two columns and never splits one', () => {
		expect(truncateToWidth('数学数学', 5)).toBe('数学…');
		expect(truncateToWidth('数学数学', 4)).toBe('数…');
		expect(truncateToWidth('a😀b😀c', 4)).toBe('a😀…');
		for (let width = 1; width <= 10; width++) {
			expect(cellWidth(truncateToWidth('深度学习 🧠 models', width))).toBeLessThanOrEqual(width);
		}
	});

	it('keeps emoji sequences and combining marks whole', () => {
		// A joined emoji counts the columns of its parts (4): never fewer than a terminal that does not join them draws.
		const scientist = '👩‍🔬';
		expect(truncateToWidth(`${scientist}${scientist}${scientist}`, 9)).toBe(`${scientist}${scientist}…`);
		expect(truncateToWidth(`${scientist}${scientist}${scientist}`, 8)).toBe(`${scientist}…`);
		expect(truncateToWidth('e\u0301e\u0301e\u0301e\u0301', 3)).toBe('e\u0301e\u0301…');
	});
});

describe('fitToWidth', () => {
	it('pads short text to exactly the width', () => {
		expect(fitToWidth('ab', 5)).toBe('ab   ');
	});

	it('is exactly `width` columns wide for wide characters, cut or not', () => {
		for (const sample of ['数学数学数学', 'a数b学c', '😀😀😀', 'plain ascii text', '']) {
			for (let width = 1; width <= 12; width++) {
				const fitted = fitToWidth(sample, width);
				expect(cellWidth(fitted), `${JSON.stringify(sample)} at ${width}`).toBe(width);
			}
		}
	});

	it('pads after a wide character that would not fit', () => {
		// Cut to 3 columns: one wide character and the ellipsis; at 4, a space fills the column a second would need.
		expect(fitToWidth('数学数', 3)).toBe('数…');
		expect(fitToWidth('数学数', 4)).toBe('数… ');
	});
});

describe('highlightSegments', () => {
	it('gives one plain segment without ranges, none for empty text', () => {
		expect(highlightSegments('abc', [])).toEqual([{text: 'abc', highlight: false}]);
		expect(highlightSegments('', [])).toEqual([]);
	});

	it('marks inclusive ranges', () => {
		expect(highlightSegments('language model', [[0, 3], [9, 13]])).toEqual([
			{text: 'lang', highlight: true},
			{text: 'uage ', highlight: false},
			{text: 'model', highlight: true},
		]);
	});

	it('merges overlapping and touching ranges and clips ranges outside the text', () => {
		expect(highlightSegments('abcdef', [[1, 2], [2, 3], [4, 4], [5, 40]])).toEqual([
			{text: 'a', highlight: false},
			{text: 'bcdef', highlight: true},
		]);
		expect(highlightSegments('abc', [[10, 12]])).toEqual([{text: 'abc', highlight: false}]);
	});

	it('reads ranges relative to an offset', () => {
		// "world" is at 6..10 in "hello world"; the segment text starts at 6.
		expect(highlightSegments('world', [[6, 8]], 6)).toEqual([
			{text: 'wor', highlight: true},
			{text: 'ld', highlight: false},
		]);
	});

	it('keeps the text whole', () => {
		const sample = 'Sharpness-Aware Training for Free';
		expect(highlightSegments(sample, [[3, 7], [20, 22]]).map((segment) => segment.text).join('')).toBe(sample);
	});
});

describe('wrapText', () => {
	const abstract =
		'We study the performance of sub-gradient method on a natural nonconvex and nonsmooth formulation of low-rank matrix recovery, where the goal is to recover a low-rank matrix from a limited number of measurements.';

	it('keeps every line within the width and loses no word', () => {
		for (const width of [8, 13, 20, 37, 64]) {
			const lines = wrapText(abstract, width);
			for (const line of lines) expect(cellWidth(text(line)), `width ${width}: "${text(line)}"`).toBeLessThanOrEqual(width);
			expect(lines.map(text).join('').replaceAll(' ', '')).toBe(abstract.replaceAll(' ', ''));
			// Words no wider than the line are never broken.
			if (width >= 13) expect(lines.map(text).join(' ')).toBe(abstract);
		}
	});

	it('fills lines greedily', () => {
		expect(wrapText('aa bb cc dd', 5).map(text)).toEqual(['aa bb', 'cc dd']);
		expect(wrapText('aa bb cc dd', 4).map(text)).toEqual(['aa', 'bb', 'cc', 'dd']);
	});

	it('keeps blank-line paragraph breaks as empty lines, single line breaks as spaces', () => {
		expect(wrapText('first paragraph\n\nsecond one', 40).map(text)).toEqual(['first paragraph', '', 'second one']);
		expect(wrapText('one\n  \n\ntwo', 40).map(text)).toEqual(['one', '', 'two']);
		expect(wrapText('same\nparagraph', 40).map(text)).toEqual(['same paragraph']);
	});

	it('gives no lines for empty text', () => {
		expect(wrapText('', 10)).toEqual([]);
	});

	it('breaks a word longer than a line', () => {
		expect(wrapText('abcdefghij', 4).map(text)).toEqual(['abcd', 'efgh', 'ij']);
		expect(wrapText('see https://example.com/a/very/long/path ok', 12).map(text)).toEqual(['see', 'https://exam', 'ple.com/a/ve', 'ry/long/path', 'ok']);
	});

	it('measures wide characters in columns and breaks between them', () => {
		const lines = wrapText('数学数学数学 😀😀😀', 5);
		for (const line of lines) expect(cellWidth(text(line))).toBeLessThanOrEqual(5);
		expect(lines.map(text)).toEqual(['数学', '数学', '数学', '😀😀', '😀']);
	});

	it('keeps highlight ranges on the words they cover, on later lines too', () => {
		const sample = 'hello world foo';
		const lines = wrapText(sample, 5, [[6, 10]]);
		expect(lines.map(text)).toEqual(['hello', 'world', 'foo']);
		expect(lines.map(highlighted)).toEqual([[], ['world'], []]);
	});

	it('splits a range that crosses a line break across both lines', () => {
		const lines = wrapText('alpha beta', 5, [[3, 6]]);
		expect(lines.map(text)).toEqual(['alpha', 'beta']);
		expect(lines.map(highlighted)).toEqual([['ha'], ['b']]);
	});

	it('keeps ranges right in later paragraphs and in broken words', () => {
		const sample = 'intro\n\nsee abcdefghij';
		const start = sample.indexOf('efg');
		const lines = wrapText(sample, 4, [[start, start + 2]]);
		expect(lines.map(text)).toEqual(['intr', 'o', '', 'see', 'abcd', 'efgh', 'ij']);
		expect(lines.map(highlighted)).toEqual([[], [], [], [], [], ['efg'], []]);
	});
});
