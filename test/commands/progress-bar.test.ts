import {describe, expect, it} from 'vitest';
import {estimateRemainingMs, formatDuration, formatProgress, progressBar} from '../../src/commands/progress-bar.js';
import {cellWidth} from '../../src/text/width.js';

describe('formatDuration', () => {
	it.each([
		[0, '0s'],
		[1, '1s'],
		[7000, '7s'],
		[59_001, '1m00s'],
		[65_000, '1m05s'],
		[3_600_000, '1h00m'],
		[7_380_000, '2h03m'],
	])('%d ms is %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('estimateRemainingMs', () => {
	it('counts the pause between requests per day before the first is done', () => {
		expect(estimateRemainingMs({done: 0, total: 10, elapsedMs: 0, intervalMs: 1000})).toBe(10_000);
	});
	it('uses the days so far once there are some, never less than the pause', () => {
		expect(estimateRemainingMs({done: 2, total: 10, elapsedMs: 6000, intervalMs: 1000})).toBe(24_000);
		expect(estimateRemainingMs({done: 5, total: 10, elapsedMs: 100, intervalMs: 1000})).toBe(5000);
		expect(estimateRemainingMs({done: 10, total: 10, elapsedMs: 100, intervalMs: 1000})).toBe(0);
	});
});

describe('formatProgress', () => {
	it('shows the bar, done/total, the day and the ETA', () => {
		expect(formatProgress({done: 3, total: 10, day: '2024-10-23', etaMs: 7000}, 80)).toBe(`${'█'.repeat(9)}${'░'.repeat(21)}   3/10  2024-10-23  ETA 7s`);
		expect(formatProgress({done: 0, total: 4, day: '2024-10-21', etaMs: null}, 80)).toBe(`${'░'.repeat(30)}  0/4  2024-10-21`);
		expect(formatProgress({done: 4, total: 4, day: null, etaMs: 0}, 80)).toBe(`${'█'.repeat(30)}  4/4  ETA 0s`);
	});

	it('fits any width: a shorter bar, then no bar, then the text cut', () => {
		for (let columns = 1; columns <= 100; columns++) {
			const line = formatProgress({done: 123, total: 366, day: '2024-10-23', etaMs: 243_000}, columns);
			expect(cellWidth(line), `${columns} columns: ${line}`).toBeLessThanOrEqual(Math.max(1, columns - 1));
		}
		expect(formatProgress({done: 1, total: 2, day: '2024-10-23', etaMs: 1000}, 40)).toBe(`${'█'.repeat(7)}${'░'.repeat(7)}  1/2  2024-10-23  ETA 1s`);
		expect(formatProgress({done: 1, total: 2, day: '2024-10-23', etaMs: 1000}, 30)).toBe('1/2  2024-10-23  ETA 1s');
	});

	it('draws on a terminal, in place, and clears its line; nothing on a pipe', () => {
		const written: string[] = [];
		const terminal = {isTTY: true, columns: 60, write: (text: string) => written.push(text)} as unknown as NodeJS.WriteStream;
		const bar = progressBar(terminal);
		bar.clear();
		expect(written).toEqual([]);
		bar.update({done: 1, total: 2, day: '2024-10-23', etaMs: 1000});
		bar.clear();
		expect(written).toEqual([`\r\u001B[2K${formatProgress({done: 1, total: 2, day: '2024-10-23', etaMs: 1000}, 60)}`, '\r\u001B[2K']);
		const piped: string[] = [];
		const pipe = progressBar({isTTY: false, write: (text: string) => piped.push(text)} as unknown as NodeJS.WriteStream);
		pipe.update({done: 1, total: 2, day: '2024-10-23', etaMs: 1000});
		pipe.clear();
		expect(piped).toEqual([]);
	});
});
