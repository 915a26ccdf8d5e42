// Every frame fits the terminal, whatever the titles and abstracts are made of: zero-width spaces and
// joiners, joined emoji, Devanagari and Tamil, combining marks, wide characters. Ink measures text with
// our measure (vitest.config.ts resolves its string-width to src/text/width.ts, as the build does), so the
// frames checked here are the bytes the reader writes.
import {fc, test} from '@fast-check/vitest';
import {afterEach, describe, expect} from 'vitest';
import type {Paper} from '../../src/listing/paper.js';
import {sanitize} from '../../src/text/sanitize.js';
import {cellWidth} from '../../src/text/width.js';
import {App} from '../../src/ui/app.js';
import {makePaper} from '../helpers/paper.js';
import {cleanup, renderInTerminal, type TerminalSize} from '../helpers/render.js';

afterEach(() => {
	cleanup();
});

const DATE = '2024-10-01';
const PIECES = [
	'\u200B',
	'\u200D',
	'\u0301',
	'\u200C',
	'👨\u200D👩\u200D👧\u200D👦',
	'🏳\uFE0F\u200D🌈',
	'👩\u200D🔬',
	'❤\uFE0F',
	'👍🏽',
	'🇫🇷',
	'हिन्दी',
	'क्ष',
	'தமிழ்',
	'मॉडल',
	'数学',
	'e\u0301',
	'attention',
	'of',
	' ',
	' ',
];
const text = (maxLength: number) => fc.array(fc.constantFrom(...PIECES), {minLength: 1, maxLength}).map((pieces) => pieces.join('').trim() || 'x');
const paper = (index: number) =>
	fc.record({title: text(30), abstract: text(200), clean: fc.boolean()}).map(({title, abstract, clean}): Paper => {
		const fix = (value: string) => (clean ? sanitize(value).trim() || 'x' : value);
		return makePaper(`${index} ${fix(title)}`, {abstract: fix(abstract), published: DATE, upvotes: index});
	});
const papers = fc.tuple(paper(1), paper(2), paper(3), paper(4));

const SIZES: TerminalSize[] = [
	{columns: 120, rows: 35},
	{columns: 100, rows: 16},
	{columns: 60, rows: 16},
	{columns: 20, rows: 5},
];

describe.each(SIZES)('at $columns x $rows', (size) => {
	test.prop([papers], {numRuns: 6})('the frame fits, the header comes first, dates are whole and the divider straight', async (list) => {
		const ui = await renderInTerminal(<App papers={list} marks={new Map()} writeMarks={() => {}} openUrl={async () => {}} />, size);
		// waitForFrame checks that no line is wider than the terminal and that there are fewer lines than rows.
		const frame = await ui.waitForFrame((current) => /^1\/4\b/m.test(current));
		ui.unmount();
		const lines = frame.split('\n');
		expect(lines).toHaveLength(size.rows - 1);
		expect(lines[0]).toMatch(/^ 1 All 4 /);
		const body = lines.slice(1, -1);
		const rows = body.filter((line) => line.startsWith('●'));
		expect(rows.length).toBe(Math.min(4, size.rows - 3));
		if (size.columns >= 40) for (const row of rows) expect(row.split('│')[0]!.trimEnd()).toMatch(new RegExp(` ${DATE}$`));
		if (size.columns >= 90) {
			const columns = new Set(body.map((line) => cellWidth(line.slice(0, line.indexOf('│')))));
			expect([...columns], frame).toEqual([Math.floor(size.columns * 0.45)]);
		}
		for (const line of lines) expect(cellWidth(line), line).toBeLessThanOrEqual(size.columns);
	});
});

test('at 20x5 the help scrolls with its hint on one line, just above the footer', async () => {
	const size = {columns: 20, rows: 5};
	const ui = await renderInTerminal(<App papers={[makePaper('हिन्दी और தமிழ்')]} marks={new Map()} writeMarks={() => {}} openUrl={async () => {}} />, size);
	await ui.press('?');
	const lines = (await ui.waitForFrame((frame) => frame.includes('Keys'))).split('\n');
	expect(lines).toHaveLength(4);
	expect(lines[1]).toMatch(/^Keys/);
	expect(lines[2]).toMatch(/^↓ \d+ more \(j\/k/);
	expect(lines[3]).toMatch(/^1\/1\b/);
});

test.each([60, 120])('at %i columns a long filter of conjuncts and joined emoji is cut to the header (Ink cuts it, measuring as we do)', async (columns) => {
	const ui = await renderInTerminal(<App papers={[makePaper('a paper')]} marks={new Map()} writeMarks={() => {}} openUrl={async () => {}} />, {columns, rows: 16});
	const query = `क्षक्षक्ष ${'हिन्दी '.repeat(4)}👨\u200D👩\u200D👧\u200D👦 ${'தமிழ் '.repeat(12)}`;
	await ui.press('/', query);
	// waitForFrame checks every line against the terminal's width, the header's too.
	await ui.waitForFrame((frame) => frame.includes('no paper matches'));
	await ui.press('\r');
	expect((await ui.waitForFrame((frame) => frame.includes('filter:'))).split('\n')[0]).toMatch(/…$/);
});
