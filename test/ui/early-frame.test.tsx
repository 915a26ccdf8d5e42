// The first frame written before Ink loads (src/ui/early-frame.ts) against Ink's own first frame of the
// App for the same start, byte for byte, colours included (test/setup.ts sets FORCE_COLOR=1): Ink's first
// render writes its frame over the early one, so they must be the same for nothing to move.
import {EventEmitter} from 'node:events';
import {readFileSync} from 'node:fs';
import {render} from 'ink';
import {describe, expect, it} from 'vitest';
import {parseHfPage} from '../../src/listing/hf-page.js';
import type {Paper} from '../../src/listing/paper.js';
import type {PaperMarks} from '../../src/state/marks.js';
import {App} from '../../src/ui/app.js';
import {firstFrame, type FirstFrameInput, type TerminalSize} from '../../src/ui/early-frame.js';
import {stripAnsi} from '../helpers/render.js';

const {papers} = parseHfPage(readFileSync(new URL('../../fixtures/hf-daily-papers-page.txt', import.meta.url), 'utf8'), {source: 'hf'});

/** A terminal's output stream that keeps what Ink writes (debug mode: one write per frame). */
class Screen extends EventEmitter {
	readonly frames: string[] = [];
	isTTY = true;
	constructor(
		readonly columns: number,
		readonly rows: number,
	) {
		super();
	}
	write = (frame: string) => {
		this.frames.push(frame);
		return true;
	};
}

/** A keyboard nobody types on. */
class Keys extends EventEmitter {
	isTTY = true;
	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
	read = () => null;
}

/** Ink's first frame of the App for this start, as runReader (src/ui/run-reader.tsx) starts it. */
function inkFirstFrame(input: FirstFrameInput, size: TerminalSize): string {
	const stdout = new Screen(size.columns, size.rows);
	const loading = input.loading ? {papers: input.papers, run: () => false} : undefined;
	const instance = render(
		<App papers={input.papers} marks={input.marks} start={input.start} loading={loading} newSources={input.newSources} writeMarks={() => {}} openUrl={async () => {}} />,
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fake streams
		{stdout: stdout as any, stderr: new Screen(size.columns, size.rows) as any, stdin: new Keys() as any, debug: true, exitOnCtrlC: false, patchConsole: false},
	);
	instance.unmount();
	return stdout.frames[0] ?? '';
}

function marksOf(entries: Array<[Paper, PaperMarks]>): Map<string, PaperMarks> {
	return new Map(entries.map(([paper, flags]) => [paper.id, flags]));
}

const SIZES: TerminalSize[] = [
	{columns: 120, rows: 35},
	{columns: 60, rows: 16},
	{columns: 90, rows: 20},
	{columns: 89, rows: 12},
	{columns: 40, rows: 8},
	{columns: 20, rows: 5},
	{columns: 200, rows: 60},
];

const MARKS = marksOf([
	[papers[0]!, {read: true, favorite: false}],
	[papers[1]!, {read: false, favorite: true}],
	[papers[2]!, {read: true, favorite: true}],
	[papers[5]!, {read: true, favorite: false}],
]);

const STARTS: Array<{name: string; input: FirstFrameInput}> = [
	{name: 'the whole listing, no marks', input: {papers, marks: new Map(), start: {}, loading: false}},
	{name: 'marks (read, favorite, both)', input: {papers, marks: MARKS, start: {}, loading: false}},
	{name: 'the first papers of a listing still read', input: {papers: papers.slice(0, 40), marks: MARKS, start: {}, loading: true}},
	{name: 'a query (--query), searching', input: {papers, marks: MARKS, start: {query: 'language model'}, loading: false}},
	{name: 'the unread view, the library (new papers)', input: {papers, marks: MARKS, start: {view: 'unread'}, loading: false, newSources: new Set(['hf'])}},
	{name: 'the favorites view, a message', input: {papers, marks: MARKS, start: {view: 'favorites', message: 'the store was moved aside'}, loading: false}},
	{name: 'an empty view', input: {papers, marks: new Map(), start: {view: 'favorites'}, loading: false}},
	{name: 'sorted by upvotes', input: {papers, marks: MARKS, start: {sort: 'upvotes'}, loading: false}},
	{name: 'the for-you order', input: {papers, marks: MARKS, start: {sort: 'for-you'}, loading: true}},
	{name: 'no papers', input: {papers: [], marks: new Map(), start: {}, loading: false}},
];

describe('the early first frame', () => {
	for (const {name, input} of STARTS) {
		it(`is Ink's first frame, byte for byte: ${name}`, () => {
			for (const size of SIZES) {
				const early = firstFrame(input, size, true);
				const ink = inkFirstFrame(input, size);
				expect({size, frame: early}).toEqual({size, frame: ink});
			}
		});
	}

	it('has colours as Ink writes them, and the same text without', () => {
		const input = STARTS[1]!.input;
		const size = SIZES[0]!;
		const early = firstFrame(input, size, true)!;
		expect(early).toContain('\u001B[7m'); // the selected row and view in reverse video
		expect(early).toContain('\u001B[2m'); // read papers and hints dimmed
		// Without colours, the dimmed blanks at the end of a line are trimmed as well.
		const plain = stripAnsi(early)
			.split('\n')
			.map((line) => line.trimEnd())
			.join('\n');
		expect(firstFrame(input, size, false)).toBe(plain);
	});

	it('is not drawn on a terminal smaller than the layout', () => {
		expect(firstFrame(STARTS[0]!.input, {columns: 19, rows: 20}, true)).toBeNull();
		expect(firstFrame(STARTS[0]!.input, {columns: 80, rows: 4}, true)).toBeNull();
	});
});
