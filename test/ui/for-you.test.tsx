// The for-you order in the reader: `s` reaches it, favorites change it, the detail says why, `m` shows
// the papers like one paper.
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {PaperMarks} from '../../src/state/marks.js';
import {App, type AppProps} from '../../src/ui/app.js';
import {makePaper} from '../helpers/paper.js';
import {cleanup, ESC, renderInTerminal, type TerminalSize} from '../helpers/render.js';

afterEach(() => {
	cleanup();
});

const SIZE: TerminalSize = {columns: 140, rows: 36};
// Two topics, interleaved in the listing: robots (even positions) and language models (odd positions).
const PAPERS = Array.from({length: 24}, (_, i) =>
	i % 2 === 0
		? makePaper(`Robot grasping study ${i}`, {abstract: `Manipulation policy for a gripper grasping objects with tactile sensing, trial ${i % 3}.`})
		: makePaper(`Language model study ${i}`, {abstract: `Tokens of a language model for translation benchmarks and reasoning, trial ${i % 3}.`}),
);

const lines = (frame: string) => frame.split('\n');
const headerOf = (frame: string) => lines(frame)[0] ?? '';
const footerOf = (frame: string) => lines(frame).at(-1) ?? '';
const listOf = (frame: string) =>
	lines(frame)
		.slice(1, -1)
		.map((line) => line.split('│')[0] ?? '')
		.filter((line) => line.trim() !== '');
const detailOf = (frame: string) => lines(frame).slice(1, -1).map((line) => (line.split('│')[1] ?? '').slice(1));
/** The topic of each row of the list, top first: R (robots) or L (language). */
const topics = (frame: string) =>
	listOf(frame)
		.map((line) => (line.includes('Robot') ? 'R' : line.includes('Language') ? 'L' : ''))
		.filter((topic) => topic !== '')
		.join('');

async function renderApp(marks: ReadonlyMap<string, PaperMarks> = new Map()) {
	const writeMarks = vi.fn<AppProps['writeMarks']>();
	const ui = await renderInTerminal(<App papers={PAPERS} marks={marks} writeMarks={writeMarks} openUrl={async () => {}} />, SIZE);
	await ui.waitForFrame((frame) => footerOf(frame).startsWith('1/24'));
	return ui;
}

describe('the for-you sort', () => {
	it('comes after title; without favorites it says so and keeps the listing order', async () => {
		const ui = await renderApp();
		await ui.press('s', 's', 's', 's');
		const frame = await ui.waitForFrame((text) => footerOf(text).includes('no favorites yet'));
		expect(headerOf(frame)).toContain('sort: for you');
		expect(footerOf(frame)).toContain('for you: no favorites yet (f marks one); listing order');
		expect(topics(frame).slice(0, 6)).toBe('RLRLRL');
		await ui.press('s');
		expect(headerOf(ui.lastFrame())).toContain('sort: listing order');
	});

	it('puts the unread papers most like the favorites first, and changes with the favorites', async () => {
		const ui = await renderApp();
		await ui.press('s', 's', 's', 's');
		await ui.waitForFrame((text) => footerOf(text).includes('no favorites yet'));
		// The second paper (a language model) a favorite: language papers first, the favorite at the end.
		await ui.press('j', 'f');
		let frame = await ui.waitForFrame((text) => topics(text).startsWith('LLLLLLLLLLL'));
		expect(footerOf(frame)).not.toContain('no favorites yet');
		expect(listOf(frame).at(-1)).toContain('★');
		// Then a robot paper too, and the first language paper no longer: robots first.
		await ui.press('G');
		frame = ui.lastFrame();
		expect(listOf(frame).at(-1)).toContain('Language model study 1');
		await ui.press('f');
		await ui.waitForFrame((text) => footerOf(text).includes('no favorites yet'));
		await ui.press('g', 'j', 'j', 'f');
		frame = await ui.waitForFrame((text) => topics(text).startsWith('RRRRRRRRRRR'));
		expect(detailOf(frame).some((line) => /^for you: .*(robot|grasp|gripper|manipul|tactil)/.test(line))).toBe(true);
	});

	it('puts read papers after the unread ones', async () => {
		const marks = new Map<string, PaperMarks>([
			[PAPERS[1]!.id, {read: false, favorite: true}],
			[PAPERS[3]!.id, {read: true, favorite: false}],
		]);
		const ui = await renderApp(marks);
		await ui.press('s', 's', 's', 's');
		const frame = await ui.waitForFrame((text) => topics(text).startsWith('LLLLLLLLLL'));
		const list = listOf(frame).filter((line) => line.trim() !== '');
		expect(list.findIndex((line) => line.includes('Language model study 3 '))).toBeGreaterThan(list.findIndex((line) => line.includes('Robot')));
	});
});

describe('the why line', () => {
	it('names the terms that pulled the paper up, only in the for-you order', async () => {
		const ui = await renderApp(new Map([[PAPERS[1]!.id, {read: false, favorite: true}]]));
		expect(detailOf(ui.lastFrame()).some((line) => line.startsWith('for you:'))).toBe(false);
		await ui.press('s', 's', 's', 's');
		await ui.waitForFrame((text) => topics(text).startsWith('LLLLLLLLLL'));
		await ui.press('g');
		const frame = await ui.waitForFrame((text) => detailOf(text).some((line) => line.startsWith('for you:')));
		const why = detailOf(frame).find((line) => line.startsWith('for you:'))!;
		expect(why).toMatch(/languag|model|token|translat|benchmark|reason/);
		expect(detailOf(frame).filter((line) => line.startsWith('for you:'))).toHaveLength(1);
		// A robot paper owes its place to nothing the favorite has.
		await ui.press('G', 'k');
		expect(detailOf(ui.lastFrame())).toContain('for you: nothing in common with your favorites');
	});
});

describe('more like this (m)', () => {
	it('lists the papers most like the selected one under "like: <title>"; m or Esc goes back', async () => {
		const ui = await renderApp();
		await ui.waitForFrame(() => true);
		await ui.press('j');
		// The features are built in the background: m works once they are.
		let frame = '';
		for (let attempt = 0; attempt < 50 && !headerOf(frame).includes('like:'); attempt++) {
			await ui.press('m');
			frame = ui.lastFrame();
			if (!headerOf(frame).includes('like:')) await new Promise((resolve) => setTimeout(resolve, 50));
		}
		expect(headerOf(frame)).toContain('like: Language model study 1');
		expect(topics(frame).slice(0, 12)).toBe('LLLLLLLLLLLL');
		expect(listOf(frame)[0]).toContain('Language model study 1');
		await ui.press('m');
		frame = ui.lastFrame();
		expect(headerOf(frame)).not.toContain('like:');
		expect(topics(frame).slice(0, 4)).toBe('RLRL');
		await ui.press('G', 'm');
		expect(headerOf(ui.lastFrame())).toContain('like: Language model study 23');
		await ui.press(ESC);
		expect(headerOf(ui.lastFrame())).not.toContain('like:');
		expect(headerOf(ui.lastFrame())).toContain('sort: listing order');
	});

	it('is in the help', async () => {
		const ui = await renderApp();
		await ui.press('?');
		expect(ui.lastFrame()).toMatch(/m +more like this/);
	});
});
