// A listing whose line is longer than any listing's (a 200 MB file that is one line) through the built
// CLI: one line on stderr, exit 2, and a peak memory far under the file's size, as the line is dropped
// as it is read; a long line among papers is skipped with a warning naming it, and the papers stay.
import {closeSync, openSync, readFileSync, writeSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {assertBuilt, FIXTURE, makeTempDir, removeTempDirs, runMeasured} from './cli.js';

const MB = 1 << 20;

/** Writes `before`, then `size` bytes of "x" with no line break, then `after`. */
function writeLongLine(file: string, size: number, before = '', after = ''): void {
	const fd = openSync(file, 'w');
	writeSync(fd, before);
	const block = Buffer.alloc(MB, 'x');
	for (let written = 0; written < size; written += MB) writeSync(fd, block, 0, Math.min(MB, size - written));
	writeSync(fd, after);
	closeSync(fd);
}


beforeAll(() => {
	assertBuilt();
});

afterEach(() => {
	removeTempDirs();
});

describe('lines longer than a listing has', {timeout: 120_000}, () => {
	it('a 200 MB file that is one line: one line on stderr, exit 2, peak RSS under 2.5 x the file + 150 MB (far under)', async () => {
		const file = join(makeTempDir(), 'one-line.txt');
		const size = 200 * MB;
		writeLongLine(file, size);
		const result = await runMeasured(['parse', file]);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr.trim().split('\n')).toEqual([`papers: ${file}: no papers found in it (1 unreadable block)`]);
		expect(result.peakRss).toBeLessThanOrEqual(2.5 * size + 150 * MB);
		expect(result.peakRss).toBeLessThan(300 * MB); // the line is never held: it is the file's size that is bounded, not only the ratio
	});

	it('a 10 MB line among papers is skipped with a warning naming its line; the papers stay', async () => {
		const seed = readFileSync(FIXTURE, 'utf8');
		const file = join(makeTempDir(), 'page.txt');
		writeLongLine(file, 10 * MB, `${seed}\n\n`, `\n\n${seed.slice(seed.indexOf('Global Convergence'))}`); // the papers again, after the line
		const result = await runMeasured(['parse', file, '--json']);
		expect(result.code).toBe(0);
		const parsed = JSON.parse(result.stdout) as {papers: unknown[]; warnings: Array<{line: number; message: string}>};
		expect(parsed.papers).toHaveLength(63);
		expect(parsed.warnings).toEqual([{source: file, line: seed.split('\n').length + 2, message: 'line longer than 4 MiB, skipped'}]);
	});
});
