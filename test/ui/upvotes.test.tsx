// Papers without upvotes (null: arXiv feeds count none) show no count at all, where a count of 0 shows "0".
import {readFileSync} from 'node:fs';
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {parseArxivFeed} from '../../src/listing/arxiv.js';
import {App, type AppProps} from '../../src/ui/app.js';
import {PaperRow} from '../../src/ui/components/paper-row.js';
import {detailLines} from '../../src/ui/detail-lines.js';
import {makePaper} from '../helpers/paper.js';
import {cleanup, renderInTerminal, stripAnsi} from '../helpers/render.js';

afterEach(() => {
	cleanup();
});

const {papers: FEED} = parseArxivFeed(readFileSync(new URL('../../fixtures/arxiv-atom.xml', import.meta.url), 'utf8'), {source: 'arxiv-atom.xml'});
const UNREAD = {read: false, favorite: false};

function row(upvotes: number | null): string {
	const paper = makePaper('A Short Title', {upvotes, published: '2024-10-22'});
	const {lastFrame} = render(<PaperRow paper={paper} flags={UNREAD} width={60} selected={false} focused query="" upvoteWidth={2} />);
	return stripAnsi(lastFrame() ?? '');
}

describe('a list row', () => {
	it('shows the count, 0 included, before the date', () => {
		expect(row(12)).toMatch(/A Short Title +12 2024-10-22 *$/);
		expect(row(0)).toMatch(/A Short Title +0 2024-10-22 *$/);
	});

	it('leaves the column blank for no upvotes, the date where it always is', () => {
		const none = row(null);
		expect(none).toMatch(/A Short Title +2024-10-22 *$/);
		expect(none).not.toMatch(/\d +2024-10-22/);
		expect(none.indexOf('2024-10-22')).toBe(row(0).indexOf('2024-10-22'));
	});
});

describe('the detail pane', () => {
	const facts = (upvotes: number | null) =>
		detailLines(makePaper('T', {upvotes}), UNREAD, undefined, 200)
			.filter((line) => line.kind === 'meta')
			.map((line) => line.segments.map((segment) => segment.text).join(''))
			.join('\n');

	it('shows "▲ N" for a count, 0 included, and nothing for no upvotes', () => {
		expect(facts(7)).toContain('▲ 7');
		expect(facts(0)).toContain('▲ 0');
		expect(facts(null)).not.toContain('▲');
		expect(facts(null)).toBe('no date · unread');
	});
	it('says when the text is the site\'s summary, not the abstract', () => {
		const lines = (kind: 'abstract' | 'summary') => detailLines(makePaper('T', {abstractKind: kind}), UNREAD, undefined, 200).map((line) => line.segments.map((segment) => segment.text).join(''));
		expect(lines('summary')).toContain('Summary by the site (the listing has no abstract):');
		expect(lines('abstract').join('\n')).not.toContain('Summary');
	});
});

describe('the reader on an arXiv feed', () => {
	it('has papers without upvotes, and shows no count for them in the list or the detail', async () => {
		expect(FEED.length).toBeGreaterThan(1);
		expect(FEED.every((paper) => paper.upvotes === null)).toBe(true);
		const props: AppProps = {papers: FEED, marks: new Map(), writeMarks: vi.fn(), openUrl: vi.fn(async () => {})};
		const ui = await renderInTerminal(<App {...props} />, {columns: 120, rows: 20});
		const frame = await ui.waitForFrame((next) => next.includes(`1/${FEED.length}`));
		expect(frame).not.toContain('▲');
		const list = frame.split('\n').slice(1, 1 + FEED.length).map((line) => line.split('│')[0] ?? '');
		// The date is the row's last cell and no count comes before it.
		for (const line of list) expect(line).toMatch(/\S {2,}\d{4}-\d{2}-\d{2} *$/);
		for (const line of list) expect(line).not.toMatch(/ \d+ \d{4}-\d{2}-\d{2} *$/);
	});

	it('sorts papers without upvotes after those with any, 0 included, in listing order', async () => {
		const papers = [FEED[0]!, makePaper('Counted Zero', {upvotes: 0}), FEED[1]!, makePaper('Counted Five', {upvotes: 5})];
		const props: AppProps = {papers, marks: new Map(), writeMarks: vi.fn(), openUrl: vi.fn(async () => {})};
		const ui = await renderInTerminal(<App {...props} />, {columns: 120, rows: 20});
		await ui.waitForFrame((next) => next.includes('1/4'));
		await ui.press('s');
		const frame = await ui.waitForFrame((next) => next.split('\n')[0]!.includes('upvotes'));
		const titles = frame
			.split('\n')
			.slice(1, 5)
			.map((line) => line.split('│')[0]!);
		expect(titles[0]).toContain('Counted Five');
		expect(titles[1]).toContain('Counted Zero');
		expect(titles[2]).toContain(FEED[0]!.title.slice(0, 20));
		expect(titles[3]).toContain(FEED[1]!.title.slice(0, 20));
	});
});
