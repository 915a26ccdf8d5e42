import {describe, expect, it} from 'vitest';
import type {CommandContext} from '../../src/commands/context.js';
import {writePapers} from '../../src/commands/output.js';
import {paperId, type Paper} from '../../src/listing/paper.js';

function paper(index: number): Paper {
	const title = `Paper number ${index}`;
	return {id: paperId(title), title, abstract: 'An abstract.', authorCount: 1, authors: [], published: null, yearInferred: false, upvotes: 0, abstractKind: 'abstract', organization: null, links: [], arxivId: null, source: 'a.txt'};
}

describe('writePapers into a stream that queues', () => {
	it('writes the next JSON batch only once the queued one has drained', async () => {
		const papers = Array.from({length: 1000}, (_unused, index) => paper(index));
		const written: string[] = [];
		let queued = false;
		let drains = 0;
		let release: () => void = () => {};
		const context: CommandContext = {
			stdout: (text) => {
				// Like a pipe's write: false once something waits in the queue. Nothing is written on top of it.
				expect(queued).toBe(false);
				written.push(text);
				queued = true;
				return false;
			},
			stderr: () => {},
			drained: () =>
				new Promise((resolve) => {
					drains++;
					release = () => {
						queued = false;
						resolve();
					};
				}),
			columns: 120,
			pretty: false,
			load: {},
			store: {},
			library: '/nonexistent/papers-library',
		};
		let finished = false;
		const done = writePapers(papers, [], true, context).then(() => (finished = true));
		for (let turn = 0; !finished; turn++) {
			await new Promise((resolve) => setTimeout(resolve, 0));
			// Each batch written waits for its drain before the next is written.
			expect(written.length).toBe(drains);
			expect(turn).toBeLessThan(100);
			release();
		}
		await done;
		expect(written.length).toBe(1000 / 250 + 2);
		expect(JSON.parse(written.join(''))).toEqual({papers, warnings: []});
	});

	it('writes straight on when the stream takes everything (a file, a terminal)', async () => {
		const written: string[] = [];
		const context: CommandContext = {
			stdout: (text) => written.push(text) > 0,
			stderr: () => {},
			drained: () => Promise.reject(new Error('nothing was queued')),
			columns: 120,
			pretty: false,
			load: {},
			store: {},
			library: '/nonexistent/papers-library',
		};
		await writePapers([paper(1), paper(2)], [], true, context);
		expect(JSON.parse(written.join(''))).toEqual({papers: [paper(1), paper(2)], warnings: []});
	});
});
