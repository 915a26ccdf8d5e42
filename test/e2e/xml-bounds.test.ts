// Hostile XML through the built CLI as a real process: an element with a million attributes (11 MB),
// three million empty elements (12 MB) and a lowercase DOCTYPE inside the feed are refused with one line
// on stderr naming the file and exit 2, at once and with peak memory within 2.5 x the file + 150 MB (the
// bound memory.test.ts holds listings to). Before the bounds, the million attributes took 40 s and 1.3 GB
// and were read as a paper.
import {mkdtempSync, realpathSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {assertBuilt, removeTempDirs, runMeasured} from './cli.js';

const MB = 1_000_000;

const HEAD = '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<entry><id>http://arxiv.org/abs/2401.00001v1</id>';

describe('hostile XML', {timeout: 120_000}, () => {
	let directory: string;

	beforeAll(() => {
		assertBuilt();
		directory = mkdtempSync(join(realpathSync(tmpdir()), 'papers-xml-bounds-'));
	});

	afterAll(() => {
		if (directory !== undefined) rmSync(directory, {recursive: true, force: true});
		removeTempDirs();
	});

	it.each([
		[
			'an element with a million attributes',
			'attributes.xml',
			() => `${HEAD}<title a0=""${Array.from({length: 999_999}, (_unused, index) => ` a${index + 1}=""`).join('')}>A title</title></entry>\n</feed>\n`,
			/^papers: .*attributes\.xml: has an element with more than 256 attributes, which no arXiv feed has \(line 3\)$/,
		],
		['three million empty elements', 'elements.xml', () => `${HEAD}<title>A title</title>${'<a/>'.repeat(3_000_000)}</entry>\n</feed>\n`, /^papers: .*elements\.xml: has more than [\d,]+ elements/],
		[
			'a lowercase DOCTYPE inside the feed',
			'doctype.xml',
			() => `${HEAD.replace('<entry>', '<!doctype x [<!ENTITY a "b">]>\n<entry>')}<title>&a;</title></entry>\n</feed>\n`,
			/^papers: .*doctype\.xml: declares a DOCTYPE, which arXiv feeds never do \(its entity declarations are not read\)$/,
		],
	])('%s: exit 2, one line, peak RSS <= 2.5 x the file + 150 MB', async (name, fileName, text, message) => {
		const file = join(directory, fileName);
		writeFileSync(file, text());
		const size = statSync(file).size;
		const run = await runMeasured(['parse', file, '--json']);
		const report = `${name}: exit ${run.code}, ${(size / MB).toFixed(1)} MB file, peak RSS ${(run.peakRss / MB).toFixed(0)} MB, ${run.seconds.toFixed(1)} s\n${run.stderr.slice(0, 500)}`;
		console.info(report);
		expect(run.code, report).toBe(2);
		expect(run.stdout, report).toBe('');
		expect(run.stderr.trimEnd().split('\n'), report).toHaveLength(1);
		expect(run.stderr.trimEnd(), report).toMatch(message);
		expect(run.peakRss, report).toBeLessThanOrEqual(2.5 * size + 150 * MB);
	});
});
