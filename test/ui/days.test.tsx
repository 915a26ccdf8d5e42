import {readFileSync} from 'node:fs';
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {FetchDay, FetchedDay} from '../../src/library/fetch-day.js';
import {parseHfApi} from '../../src/listing/hf-api.js';
import type {Paper} from '../../src/listing/paper.js';
import {App, type AppProps} from '../../src/ui/app.js';
import {cleanup, renderInTerminal, type TerminalSize} from '../helpers/render.js';

const LIBRARY = '/data/papers/library';
const {papers: fixture} = parseHfApi(readFileSync(new URL('../../fixtures/hf-api-daily-papers.json', import.meta.url), 'utf8'), {source: 'fixture'});

/** The fixture's papers as a day's Daily Papers in the library, their titles starting with the day. */
function dayOf(day: string, count: number): Paper[] {
	return fixture.slice(0, count).map((paper, index) => ({...paper, id: `${day}-${index}`, title: `${day} ${paper.title}`, source: `${LIBRARY}/hf-daily-${day}.json`}));
}

const OLD = dayOf('2024-10-23', 3);
const NEW = dayOf('2024-10-24', 4);
const PAPERS = [...NEW, ...OLD];
const WIDE: TerminalSize = {columns: 120, rows: 35};
const NARROW: TerminalSize = {columns: 60, rows: 16};
const TODAY = () => '2024-10-26';

const lines = (frame: string) => frame.split('\n');
const headerOf = (frame: string) => lines(frame)[0] ?? '';
const footerOf = (frame: string) => lines(frame).at(-1) ?? '';

afterEach(() => {
	cleanup();
});

/** A fetch that waits until the test lets it answer (or fail). */
function deferredFetch() {
	const calls: Array<{day: string | null; resolve: (fetched: FetchedDay) => void; reject: (error: Error) => void}> = [];
	const fetchDay = vi.fn<FetchDay>((day) => new Promise((resolve, reject) => calls.push({day, resolve, reject})));
	return {fetchDay, calls};
}

async function renderDays(size: TerminalSize, props: Partial<AppProps> = {}) {
	const ui = await renderInTerminal(<App papers={PAPERS} marks={new Map()} writeMarks={() => {}} openUrl={async () => {}} today={TODAY} {...props} />, size);
	const first = await ui.waitForFrame((frame) => footerOf(frame).startsWith(`1/${(props.papers ?? PAPERS).length}`));
	return {...ui, first};
}

describe('days in the reader', () => {
	it('[ and ] narrow the view to a day, shown in the header; 0 goes back to all days', async () => {
		const {press, waitForFrame, first} = await renderDays(WIDE);
		expect(headerOf(first)).not.toContain('day ');
		await press(']');
		let frame = await waitForFrame((next) => headerOf(next).includes('day 2024-10-24'));
		expect(headerOf(frame)).toContain('All 4');
		expect(footerOf(frame)).toMatch(/^1\/4/);
		await press('[');
		frame = await waitForFrame((next) => headerOf(next).includes('day 2024-10-23'));
		expect(headerOf(frame)).toContain('All 3');
		expect(frame).toContain('2024-10-23 ');
		expect(frame).not.toContain(NEW[0]!.title.slice(0, 20));
		await press(']');
		await waitForFrame((next) => headerOf(next).includes('day 2024-10-24'));
		await press('0');
		frame = await waitForFrame((next) => !headerOf(next).includes('day '));
		expect(headerOf(frame)).toContain(`All ${PAPERS.length}`);
	});

	it('says how many papers are new since the last session', async () => {
		const {first} = await renderDays(WIDE, {newSources: new Set([`${LIBRARY}/hf-daily-2024-10-24.json`])});
		expect(headerOf(first)).toContain('4 new');
		cleanup();
		const none = await renderDays(WIDE, {newSources: new Set()});
		expect(headerOf(none.first)).not.toContain(' new');
	});

	it('] past the newest day fetches it in the background: keys keep working, the papers appear when they arrive', async () => {
		const {fetchDay, calls} = deferredFetch();
		const {press, waitForFrame} = await renderDays(WIDE, {fetchDay});
		await press(']', ']');
		let frame = await waitForFrame((next) => headerOf(next).includes('day 2024-10-25') && footerOf(next).includes('fetching 2024-10-25'));
		expect(fetchDay).toHaveBeenCalledWith('2024-10-25');
		expect(frame).toContain('nothing on 2024-10-25');
		// Keys while it is fetched: back a day, and forward again (no second fetch).
		await press('[');
		frame = await waitForFrame((next) => headerOf(next).includes('day 2024-10-24'));
		expect(footerOf(frame)).toContain('fetching 2024-10-25');
		await press('j', 'k', ']');
		await waitForFrame((next) => headerOf(next).includes('day 2024-10-25'));
		expect(fetchDay).toHaveBeenCalledTimes(1);
		calls[0]!.resolve({day: '2024-10-25', papers: dayOf('2024-10-25', 2), warning: null});
		frame = await waitForFrame((next) => headerOf(next).includes('All 2'));
		expect(frame).toContain('2024-10-25 ');
		expect(footerOf(frame)).toContain('2 papers from the Daily Papers of 2024-10-25');
		expect(footerOf(frame)).not.toContain('fetching');
		await press('0');
		frame = await waitForFrame((next) => headerOf(next).includes(`All ${PAPERS.length + 2}`));
	});

	it('[ before the oldest day fetches it; a failure says so in the footer and nothing blocks', async () => {
		const {fetchDay, calls} = deferredFetch();
		const {press, waitForFrame} = await renderDays(NARROW, {fetchDay});
		await press('[', '[', '[');
		await waitForFrame((next) => headerOf(next).includes('2024-10-22') && footerOf(next).includes('fetching'));
		expect(fetchDay).toHaveBeenCalledWith('2024-10-22');
		calls[0]!.reject(new Error('could not fetch http://127.0.0.1:9/api/daily_papers: ECONNREFUSED; no cached copy to fall back on'));
		const frame = await waitForFrame((next) => footerOf(next).includes('offline'));
		expect(footerOf(frame)).not.toContain('fetching');
		await press(']');
		await waitForFrame((next) => headerOf(next).includes('2024-10-23'));
	});

	it('] on today says there is nothing newer; F fetches the latest Daily Papers without leaving the view', async () => {
		const {fetchDay, calls} = deferredFetch();
		const {press, waitForFrame} = await renderDays(WIDE, {fetchDay, papers: [...dayOf('2024-10-26', 2), ...PAPERS]});
		await press(']', ']');
		await waitForFrame((next) => footerOf(next).includes('newest day'));
		expect(fetchDay).not.toHaveBeenCalled();
		await press('F');
		await waitForFrame((next) => footerOf(next).includes('fetching latest'));
		expect(fetchDay).toHaveBeenCalledWith(null);
		calls[0]!.resolve({day: '2024-10-27', papers: dayOf('2024-10-27', 3), warning: null});
		const frame = await waitForFrame((next) => footerOf(next).includes('3 papers from the latest Daily Papers (2024-10-27)'));
		expect(headerOf(frame)).toContain('day 2024-10-26');
	});

	it('the day and the count of new papers fit a narrow header', async () => {
		const {press, waitForFrame} = await renderDays(NARROW, {newSources: new Set([`${LIBRARY}/hf-daily-2024-10-23.json`])});
		await press(']');
		const frame = await waitForFrame((next) => headerOf(next).includes('2024-10-24'));
		expect(headerOf(frame)).toContain('3 new');
	});
});
