import {readFileSync} from 'node:fs';
import {useEffect, type ReactNode} from 'react';
import {afterEach, describe, expect, it, vi, type Mock} from 'vitest';
import {parseHfPage} from '../../src/listing/hf-page.js';
import {createSearcher} from '../../src/search/search.js';
import {App, type AppProps} from '../../src/ui/app.js';
import {FILTER_SYNTAX, HELP_ROWS} from '../../src/ui/help-rows.js';
import {KEYMAP} from '../../src/ui/keymap.js';
import {
	ARROW_DOWN,
	ARROW_LEFT,
	ARROW_RIGHT,
	ARROW_UP,
	assertFrameFits,
	BACKSPACE,
	cleanup,
	CTRL_C,
	CTRL_D,
	CTRL_U,
	END,
	ENTER,
	ESC,
	HOME,
	INVERSE,
	PAGE_DOWN,
	PAGE_UP,
	renderInTerminal,
	TAB,
	type TerminalSize,
} from '../helpers/render.js';

const {papers} = parseHfPage(readFileSync(new URL('../../fixtures/hf-daily-papers-page.txt', import.meta.url), 'utf8'), {source: 'hf'});
const TOTAL = papers.length;
const WIDE: TerminalSize = {columns: 120, rows: 35};
const NARROW: TerminalSize = {columns: 60, rows: 16};

/** A title's first words: short enough to survive being cut to fit a list row. */
const start = (title: string) => title.slice(0, 20);
const FIRST = start(papers[0]!.title);
const SECOND = start(papers[1]!.title);

const lines = (frame: string) => frame.split('\n');
const headerOf = (frame: string) => lines(frame)[0] ?? '';
const footerOf = (frame: string) => lines(frame).at(-1) ?? '';
const bodyOf = (frame: string) => lines(frame).slice(1, -1);
/** In the split layout: the list, left of the separator. */
const listOf = (frame: string) => bodyOf(frame).map((line) => line.split('│')[0] ?? '');
/** In the split layout: the detail, right of the separator, without its left padding. */
const detailOf = (frame: string) => bodyOf(frame).map((line) => (line.split('│')[1] ?? '').slice(1));
const position = (frame: string) => /^(\d+)\/(\d+)/.exec(footerOf(frame));

afterEach(() => {
	cleanup();
});

function UnmountProbe({onUnmount, children}: {onUnmount: () => void; children: ReactNode}) {
	useEffect(() => onUnmount, [onUnmount]);
	return children;
}

type OpenUrl = AppProps['openUrl'];

/** The reader on the fixture, with spies for what it writes and opens; resolves with its first frame. */
async function renderApp(size: TerminalSize, {openUrl = vi.fn<OpenUrl>(async () => {})}: {openUrl?: Mock<OpenUrl>} = {}) {
	const writeMarks = vi.fn<AppProps['writeMarks']>();
	const onUnmount = vi.fn();
	const ui = await renderInTerminal(
		<UnmountProbe onUnmount={onUnmount}>
			<App papers={papers} marks={new Map()} writeMarks={writeMarks} openUrl={openUrl} />
		</UnmountProbe>,
		size,
	);
	const first = await ui.waitForFrame((frame) => footerOf(frame).startsWith(`1/${TOTAL}`) && lines(frame).length === size.rows - 1);
	return {...ui, first, writeMarks, openUrl, onUnmount};
}

describe('the reader at 120x35', () => {
	it('shows the counts, the first paper in the list and the detail, and the position', async () => {
		const {first} = await renderApp(WIDE);
		expect(headerOf(first)).toContain(`All ${TOTAL}`);
		expect(headerOf(first)).toContain(`Unread ${TOTAL}`);
		expect(headerOf(first)).toContain('Favorites 0');
		expect(listOf(first)[0]).toContain(FIRST);
		expect(listOf(first)[1]).toContain(SECOND);
		expect(detailOf(first)[0]).toContain(FIRST);
		expect(footerOf(first)).toMatch(new RegExp(`^1/${TOTAL}\\b`));
		expect(lines(first)).toHaveLength(WIDE.rows - 1);
	});

	it('j and the arrow keys move the selection and the detail follows', async () => {
		const {press, waitForFrame, lastRawFrame} = await renderApp(WIDE);
		await press('j');
		let frame = await waitForFrame((next) => footerOf(next).startsWith(`2/${TOTAL}`));
		expect(detailOf(frame)[0]).toContain(SECOND);
		// The selected row is drawn in reverse video (as is the header's current view).
		const selectedRow = bodyOf(lastRawFrame()).filter((line) => line.includes(INVERSE));
		expect(selectedRow).toHaveLength(1);
		expect(selectedRow[0]).toContain(SECOND);

		await press(ARROW_DOWN);
		frame = await waitForFrame((next) => footerOf(next).startsWith(`3/${TOTAL}`));
		expect(detailOf(frame)[0]).toContain(start(papers[2]!.title));
		await press('k', ARROW_UP, ARROW_UP);
		frame = await waitForFrame((next) => footerOf(next).startsWith(`1/${TOTAL}`));
		expect(detailOf(frame)[0]).toContain(FIRST);
	});

	it('jumps to the last and first paper and pages through the list', async () => {
		const {press, waitForFrame} = await renderApp(WIDE);
		await press('G');
		let frame = await waitForFrame((next) => footerOf(next).startsWith(`${TOTAL}/${TOTAL}`));
		expect(detailOf(frame)[0]).toContain(start(papers[TOTAL - 1]!.title));
		expect(listOf(frame).at(-1)).toContain(start(papers[TOTAL - 1]!.title));
		await press(HOME);
		await waitForFrame((next) => footerOf(next).startsWith(`1/${TOTAL}`));
		await press(PAGE_DOWN);
		// 32 list rows: a page is 31 papers.
		frame = await waitForFrame((next) => footerOf(next).startsWith(`32/${TOTAL}`));
		expect(listOf(frame)[0]).toContain(start(papers[31]!.title));
		await press(PAGE_UP);
		await waitForFrame((next) => footerOf(next).startsWith(`1/${TOTAL}`));
		await press(CTRL_D, CTRL_D);
		await waitForFrame((next) => footerOf(next).startsWith(`${2 * 31 + 1}/${TOTAL}`));
		await press(CTRL_U);
		await waitForFrame((next) => footerOf(next).startsWith(`32/${TOTAL}`));
		await press(END);
		await waitForFrame((next) => footerOf(next).startsWith(`${TOTAL}/${TOTAL}`));
	});

	it('r marks the paper read, saves the change and moves to the next paper', async () => {
		const {press, waitForFrame, writeMarks} = await renderApp(WIDE);
		await press('r');
		const frame = await waitForFrame((next) => headerOf(next).includes(`Unread ${TOTAL - 1}`));
		expect(writeMarks).toHaveBeenCalledTimes(1);
		expect(writeMarks).toHaveBeenCalledWith({flag: 'read', entries: [{id: papers[0]!.id, value: true}]});
		expect(footerOf(frame)).toMatch(new RegExp(`^2/${TOTAL}`));
		expect(headerOf(frame)).toContain(`All ${TOTAL}`);
		// The unread dot is gone from the first row only.
		expect(listOf(frame)[0]).toMatch(/^\s/);
		expect(listOf(frame)[1]).toMatch(/^●/);
		expect(detailOf(frame)[0]).toContain(SECOND);
	});

	it('u undoes the last change and saves the undo', async () => {
		const {press, waitForFrame, writeMarks} = await renderApp(WIDE);
		await press('r');
		await waitForFrame((next) => headerOf(next).includes(`Unread ${TOTAL - 1}`));
		await press('u');
		const frame = await waitForFrame((next) => headerOf(next).includes(`Unread ${TOTAL}`));
		expect(writeMarks).toHaveBeenCalledTimes(2);
		expect(writeMarks).toHaveBeenLastCalledWith({flag: 'read', entries: [{id: papers[0]!.id, value: false}]});
		expect(listOf(frame)[0]).toMatch(/^●/);
		expect(footerOf(frame)).toContain('undone');
		await press('u');
		await waitForFrame((next) => footerOf(next).includes('nothing to undo'));
		expect(writeMarks).toHaveBeenCalledTimes(2);
	});

	it('R marks every paper read and one u brings them all back', async () => {
		const {press, waitForFrame, writeMarks} = await renderApp(WIDE);
		await press('R');
		await waitForFrame((next) => headerOf(next).includes('Unread 0'));
		expect(writeMarks.mock.calls[0]?.[0].entries).toHaveLength(TOTAL);
		await press('u');
		await waitForFrame((next) => headerOf(next).includes(`Unread ${TOTAL}`));
	});

	it('f stars the paper and 3 shows the favorites only', async () => {
		const {press, waitForFrame, writeMarks} = await renderApp(WIDE);
		await press('j', 'f');
		let frame = await waitForFrame((next) => headerOf(next).includes('Favorites 1'));
		expect(writeMarks).toHaveBeenCalledWith({flag: 'favorite', entries: [{id: papers[1]!.id, value: true}]});
		expect(listOf(frame)[1]).toContain('★');
		expect(listOf(frame)[0]).not.toContain('★');
		expect(footerOf(frame)).toMatch(new RegExp(`^2/${TOTAL}`));

		await press('3');
		frame = await waitForFrame((next) => footerOf(next).startsWith('1/1'));
		expect(listOf(frame)[0]).toContain(SECOND);
		expect(listOf(frame).slice(1).join('').trim()).toBe('');
		await press('1');
		frame = await waitForFrame((next) => footerOf(next).startsWith(`2/${TOTAL}`));
		expect(listOf(frame)[0]).toContain(FIRST);
	});

	it('2 shows the unread papers only', async () => {
		const {press, waitForFrame} = await renderApp(WIDE);
		await press('r', '2');
		const frame = await waitForFrame((next) => position(next)?.[2] === String(TOTAL - 1));
		expect(listOf(frame)[0]).toContain(SECOND);
		expect(frame).not.toContain(FIRST);
	});

	it('/ filters fuzzily as you type; Enter keeps the filter, Esc clears it', async () => {
		const {press, waitForFrame, openUrl, writeMarks} = await renderApp(WIDE);
		await press('/');
		await waitForFrame((next) => footerOf(next).includes('Esc clear'));
		// Typed one key at a time: letters that are list keys (l, g, u, o, d) go to the filter box.
		await press(...'lnguage modlx', BACKSPACE);
		let frame = await waitForFrame((next) => Number(position(next)?.[2]) < TOTAL);
		const matches = Number(position(frame)?.[2]);
		expect(matches).toBeGreaterThan(0);
		expect(footerOf(frame)).toMatch(/^1\//);
		expect(headerOf(frame)).toMatch(/\/lnguage modl\s*$/);
		// The best match first: its title (whole in the detail, cut in the list) has the words typed.
		const detail = detailOf(frame);
		const heading = detail.slice(0, detail.indexOf('')).join(' ');
		expect(heading).toMatch(/language model/i);
		expect(listOf(frame)[0]).toContain(start(detail[0]!));
		expect(openUrl).not.toHaveBeenCalled();
		expect(writeMarks).not.toHaveBeenCalled();

		await press(ENTER);
		frame = await waitForFrame((next) => /filter: lnguage modl\s*$/.test(headerOf(next)));
		expect(position(frame)?.[2]).toBe(String(matches));
		// The list has the keys again.
		await press('j');
		frame = await waitForFrame((next) => footerOf(next).startsWith(`2/${matches}`));
		const secondMatch = detailOf(frame)[0]!;

		await press('/');
		await waitForFrame((next) => footerOf(next).includes('Esc clear'));
		await press(ESC);
		frame = await waitForFrame((next) => position(next)?.[2] === String(TOTAL));
		expect(headerOf(frame)).not.toContain('lnguage');
		// Every list row holds a paper again.
		expect(listOf(frame).filter((row) => row.includes('●'))).toHaveLength(WIDE.rows - 3);
		// The paper selected under the filter stays selected.
		expect(detailOf(frame)[0]).toBe(secondMatch);
	});

	it('keys that arrive with the / in one read go to the filter box', async () => {
		const {press, waitForFrame, openUrl} = await renderApp(WIDE);
		await press('/lnguage modl');
		const frame = await waitForFrame((next) => /\/lnguage modl\s*$/.test(headerOf(next)));
		expect(Number(position(frame)?.[2])).toBeLessThan(TOTAL);
		expect(openUrl).not.toHaveBeenCalled();
		// Typing goes on at the end of the query.
		await press('s');
		await waitForFrame((next) => /\/lnguage modls\s*$/.test(headerOf(next)));
	});

	it('Enter read together with more keys keeps the filter and hands the rest to the list', async () => {
		const {press, waitForFrame} = await renderApp(WIDE);
		await press('/lnguage modl\rjj');
		const frame = await waitForFrame((next) => headerOf(next).includes('filter: lnguage modl') && position(next)?.[1] === '3');
		expect(Number(position(frame)?.[2])).toBeLessThan(TOTAL);
	});

	it('shows that nothing matches a nonsense filter', async () => {
		const {press, waitForFrame} = await renderApp(WIDE);
		await press('/', 'xyzzyqq');
		const frame = await waitForFrame((next) => footerOf(next).startsWith('0/0'));
		expect(listOf(frame)[0]).toContain('no paper matches');
	});

	it('Tab focuses the detail, where j scrolls the abstract instead of moving', async () => {
		const {press, waitForFrame, first} = await renderApp(WIDE);
		const detail = detailOf(first);
		expect(detail.at(-1)).toMatch(/more lines/);
		await press(TAB);
		await waitForFrame((next) => detailOf(next).at(-1)!.includes('j/k scroll'));
		await press('j');
		let frame = await waitForFrame((next) => detailOf(next)[0] !== detail[0]);
		expect(detailOf(frame)[0]).toBe(detail[1]);
		expect(footerOf(frame)).toMatch(new RegExp(`^1/${TOTAL}`));
		await press('k');
		frame = await waitForFrame((next) => detailOf(next)[0] === detail[0]);
		await press(TAB, 'j');
		frame = await waitForFrame((next) => footerOf(next).startsWith(`2/${TOTAL}`));
		expect(detailOf(frame)[0]).toContain(SECOND);
	});

	it('r while reading the detail in the Unread view shows the next paper from its title', async () => {
		const {press, waitForFrame, first} = await renderApp(WIDE);
		await press('2', TAB, 'j', 'j');
		await waitForFrame((next) => detailOf(next)[0] === detailOf(first)[2]);
		await press('r');
		const frame = await waitForFrame((next) => headerOf(next).includes(`Unread ${TOTAL - 1}`));
		expect(detailOf(frame)[0]).toContain(SECOND);
	});

	it('? shows the help generated from the keymap; j/k scroll it, any other key closes it without acting', async () => {
		const {press, waitForFrame} = await renderApp(WIDE);
		await press('?');
		const top = await waitForFrame((next) => next.includes('any key closes'));
		for (const entry of KEYMAP) expect(top).toContain(entry.help);
		// The filter's syntax, below the keys: scrolled to when it does not fit.
		for (let line = 0; line < 4; line++) await press('j');
		const help = await waitForFrame((next) => next.includes(FILTER_SYNTAX.at(-1)!.help));
		for (const entry of FILTER_SYNTAX.slice(1)) expect(help).toContain(entry.help);
		await press('G');
		const frame = await waitForFrame((next) => !next.includes('any key closes'));
		expect(listOf(frame)[0]).toContain(FIRST);
		expect(footerOf(frame)).toMatch(new RegExp(`^1/${TOTAL}`));
	});

	it('o opens the paper on arXiv and says so', async () => {
		const {press, waitForFrame, openUrl} = await renderApp(WIDE);
		await press('o');
		const frame = await waitForFrame((next) => footerOf(next).includes('opening'));
		expect(openUrl).toHaveBeenCalledTimes(1);
		const url = new URL(openUrl.mock.calls[0]![0]);
		expect(url.protocol).toBe('https:');
		expect(url.hostname).toBe('arxiv.org');
		// The fixture's papers have no arXiv id: the page is a title search.
		expect(url.searchParams.get('query')).toBe(papers[0]!.title);
		expect(footerOf(frame)).toContain('opening https://arxiv.org/');
	});

	it('says so when the browser cannot be opened', async () => {
		const openUrl = vi.fn<OpenUrl>(async () => {
			throw new Error('no browser');
		});
		const {press, waitForFrame} = await renderApp(WIDE, {openUrl});
		await press('o');
		const frame = await waitForFrame((next) => footerOf(next).includes('could not open'));
		expect(footerOf(frame)).toContain('no browser');
		expect(openUrl).toHaveBeenCalledTimes(1);
	});

	it.each([
		['q', 'q'],
		['Ctrl-C', CTRL_C],
	])('%s quits: the app unmounts and draws no more frames', async (_name, key) => {
		const {press, frames, onUnmount} = await renderApp(WIDE);
		await press(key);
		await vi.waitFor(() => expect(onUnmount).toHaveBeenCalledTimes(1));
		const count = frames.length;
		await press('j', 'r');
		expect(frames.length).toBe(count);
	});

	it('every frame of a session fits the terminal', async () => {
		const {press, waitForFrame, frames} = await renderApp(WIDE);
		const from = frames.length - 1;
		await press('j', 'r', 'f', '?', 'x', TAB, 'j', 'j', TAB, 's', 'G', '2', '/', 'model', ENTER, 'o', '3', '1', 'u');
		await waitForFrame((next) => headerOf(next).includes('Favorites'));
		for (const frame of frames.slice(from)) assertFrameFits(frame, WIDE);
	});
});

describe('searching', () => {
	/** A searcher whose searches need `slices` slices each: the reader shows them under way. */
	const slowSearcher = (slices: number) => (list: readonly (typeof papers)[number][]) => {
		const searcher = createSearcher(list);
		return {
			...searcher,
			start(query: string) {
				const job = searcher.start(query);
				let left = slices;
				return {query, cut: job.cut, run: (deadline: number) => --left <= 0 && job.run(deadline), hits: () => job.hits()};
			},
		};
	};

	it('says in the header while a search is under way, and shows its results when done', async () => {
		const {press, waitForFrame, frames} = await renderInTerminal(
			<App papers={papers} marks={new Map()} writeMarks={vi.fn()} openUrl={vi.fn(async () => {})} makeSearcher={slowSearcher(200)} />,
			WIDE,
		);
		await waitForFrame((frame) => footerOf(frame).startsWith(`1/${TOTAL}`));
		await press('/', 'g', 'r', 'o', 'k', 'k');
		const done = await waitForFrame((frame) => headerOf(frame).includes('/grokk') && !headerOf(frame).includes('searching') && position(frame)?.[2] !== String(TOTAL));
		expect(frames.some((frame) => headerOf(frame).includes('searching…'))).toBe(true);
		expect(listOf(done)[0]).toContain('Benign Overfitting');
	});

	it('says in the footer when a pasted query is longer than search uses', async () => {
		const {press, waitForFrame} = await renderApp(WIDE);
		const paper = papers.find((item) => item.title.startsWith('Benign Overfitting'))!;
		await press('/', `${paper.title} ${paper.abstract}`);
		const frame = await waitForFrame((next) => footerOf(next).includes('longer than search uses'));
		expect(footerOf(frame)).toMatch(/searching its first \d+ words/);
		const found = await waitForFrame((next) => listOf(next)[0]!.includes('Benign Overfitting'));
		expect(position(found)?.[1]).toBe('1');
	});
});

describe('the reader at 60x16', () => {
	it('shows the list alone, one row per paper, across the width', async () => {
		const {first} = await renderApp(NARROW);
		expect(lines(first)).toHaveLength(NARROW.rows - 1);
		expect(first).not.toContain('│');
		expect(bodyOf(first)[0]).toContain(FIRST);
		expect(bodyOf(first)[1]).toContain(SECOND);
		expect(first).not.toContain(papers[0]!.abstract.slice(0, 30));
		expect(headerOf(first)).toContain(`All ${TOTAL}`);
	});

	it.each([
		['Enter', ENTER, 'h'],
		['Tab', TAB, TAB],
		['l', 'l', 'h'],
		['→', ARROW_RIGHT, ARROW_LEFT],
	])('%s shows the detail alone, and back goes back to the list', async (_name, key, back) => {
		const {press, waitForFrame} = await renderApp(NARROW);
		await press(key);
		let frame = await waitForFrame((next) => !bodyOf(next)[1]!.includes(SECOND));
		expect(bodyOf(frame)[0]).toContain(FIRST);
		expect(frame).toContain(papers[0]!.abstract.slice(0, 20));
		await press(back);
		frame = await waitForFrame((next) => bodyOf(next)[1]!.includes(SECOND));
		expect(frame).not.toContain(papers[0]!.abstract.slice(0, 20));
	});

	it('Esc in the detail goes back to the list', async () => {
		const {press, waitForFrame} = await renderApp(NARROW);
		await press(ENTER);
		await waitForFrame((next) => !bodyOf(next)[1]!.includes(SECOND));
		await press(ESC);
		await waitForFrame((next) => bodyOf(next)[1]!.includes(SECOND));
	});

	it('the help scrolls to the entries that do not fit', async () => {
		const {press, waitForFrame} = await renderApp(NARROW);
		await press('?');
		const help = await waitForFrame((next) => next.includes('any key closes'));
		const last = FILTER_SYNTAX.at(-1)!.help;
		expect(help).toContain(KEYMAP[0]!.help);
		expect(help).not.toContain(last);
		await press(...Array.from({length: HELP_ROWS.length}, () => 'j'));
		const scrolled = await waitForFrame((next) => bodyOf(next).some((line) => line.trimEnd().endsWith(` ${last}`)));
		expect(scrolled).not.toContain(KEYMAP[0]!.help);
		expect(footerOf(scrolled)).toMatch(new RegExp(`^1/${TOTAL}`));
	});
});

describe('resizing', () => {
	it('lays the reader out again for the new size', async () => {
		const {resize, waitForFrame, press} = await renderApp(WIDE);
		await press('j');
		await waitForFrame((next) => footerOf(next).startsWith(`2/${TOTAL}`));
		await resize(NARROW);
		let frame = await waitForFrame((next) => lines(next).length === NARROW.rows - 1);
		expect(frame).not.toContain('│');
		expect(footerOf(frame)).toMatch(new RegExp(`^2/${TOTAL}`));
		expect(bodyOf(frame)[1]).toContain(SECOND);
		await resize(WIDE);
		frame = await waitForFrame((next) => lines(next).length === WIDE.rows - 1);
		expect(detailOf(frame)[0]).toContain(SECOND);
	});

	it('keeps the selection on screen when the terminal gets shorter', async () => {
		const {resize, waitForFrame, press} = await renderApp(WIDE);
		await press('G');
		await waitForFrame((next) => footerOf(next).startsWith(`${TOTAL}/${TOTAL}`));
		await resize(NARROW);
		const frame = await waitForFrame((next) => lines(next).length === NARROW.rows - 1 && !next.includes('│'));
		expect(bodyOf(frame).at(-1)).toContain(start(papers[TOTAL - 1]!.title));
		expect(bodyOf(frame)[0]).toContain(start(papers[TOTAL - NARROW.rows + 3]!.title));
	});
});

describe('a listing still being read', () => {
	/** A listing that hands over `step` more papers of the fixture at each slice. */
	function slowLoading(step: number) {
		const loaded = papers.slice(0, step);
		return {
			papers: loaded,
			run() {
				loaded.push(...papers.slice(loaded.length, loaded.length + step));
				return loaded.length === TOTAL;
			},
		};
	}

	it('opens on the first papers, counts them as "so far…", and grows to the whole listing', async () => {
		const loading = slowLoading(10);
		const readMarks = vi.fn((more: readonly (typeof papers)[number][]) => new Map(more.filter((paper) => paper === papers[40]).map((paper) => [paper.id, {read: true, favorite: false}])));
		const ui = await renderInTerminal(
			<App papers={loading.papers.slice()} marks={new Map()} writeMarks={vi.fn()} openUrl={vi.fn(async () => {})} loading={loading} readMarks={readMarks} />,
			WIDE,
		);
		const first = ui.frames.find((frame) => /All \d+…/.test(frame)) ?? ui.lastFrame();
		expect(headerOf(first)).toMatch(/All \d+…/);
		const whole = await ui.waitForFrame((frame) => headerOf(frame).includes(`All ${TOTAL} `));
		expect(headerOf(whole)).not.toContain('…');
		expect(headerOf(whole)).toContain(`Unread ${TOTAL - 1} `); // the mark of a paper that came later
		expect(footerOf(whole)).toMatch(new RegExp(`^1/${TOTAL}\\b`));
		expect(readMarks.mock.calls.flatMap(([more]) => more)).toHaveLength(TOTAL - 10);
	});

	it('searches a filter typed meanwhile again once more papers are in', async () => {
		const loading = slowLoading(5);
		const ui = await renderInTerminal(
			<App papers={loading.papers.slice()} marks={new Map()} writeMarks={vi.fn()} openUrl={vi.fn(async () => {})} loading={loading} start={{query: 'language model'}} />,
			WIDE,
		);
		// As many as a search of the whole listing finds (more than the first papers hold).
		const expected = createSearcher(papers).search('language model').length;
		expect(expected).toBeGreaterThan(5);
		const whole = await ui.waitForFrame((frame) => headerOf(frame).includes(`All ${TOTAL} `) && new RegExp(`^1/${expected}\\b`).test(footerOf(frame)));
		expect(footerOf(whole)).toMatch(new RegExp(`^1/${expected}\\b`));
	});
});
