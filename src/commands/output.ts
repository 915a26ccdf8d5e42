/** What the commands write: papers as a table or as JSON (in batches, minding a slow pipe), and the parsers' warnings. */
import type {Paper, ParseWarning} from '../listing/paper.js';
import type {CommandContext} from './context.js';

/** "file:line: message", one warning a line. */
export function formatWarnings(warnings: readonly ParseWarning[]): string {
	return warnings.map((warning) => `papers: warning: ${warning.source}${warning.line === null ? '' : `:${warning.line}`}: ${warning.message}\n`).join('');
}

/**
 * `{"papers": [...], "warnings": [...]}` as JSON, in pieces: indented for people (in a terminal), compact
 * for programs. Compact output is written a few hundred papers at a time, so that a large listing never
 * needs one giant string.
 */
export function* jsonChunks(papers: readonly object[], warnings: readonly object[], pretty: boolean): Generator<string> {
	if (pretty) {
		yield JSON.stringify({papers, warnings}, null, 2) + '\n';
		return;
	}
	yield '{"papers":[';
	for (let start = 0; start < papers.length; start += JSON_BATCH) {
		const batch = JSON.stringify(papers.slice(start, start + JSON_BATCH)); // "[...]": drop the brackets
		yield (start === 0 ? '' : ',') + batch.slice(1, -1);
	}
	yield `],"warnings":${JSON.stringify(warnings)}}\n`;
}

const JSON_BATCH = 250;

/** Resolves once standard output has written what it queued (or has closed). */
function stdoutDrained(): Promise<void> {
	return new Promise((resolve) => {
		const done = () => {
			process.stdout.off('drain', done);
			process.stdout.off('close', done);
			resolve();
		};
		process.stdout.on('drain', done);
		process.stdout.on('close', done);
	});
}

/** Prints papers as JSON (warnings inside it) or as a table (warnings on stderr). */
export async function writePapers(papers: ReadonlyArray<Paper & {read?: boolean; favorite?: boolean}>, warnings: readonly ParseWarning[], json: boolean, context: CommandContext): Promise<void> {
	if (json) {
		// A batch at a time, each once the one before has gone out: into a pipe, whose reader may be slower
		// than the batches are made, the whole output would otherwise be queued in memory next to the papers.
		for (const chunk of jsonChunks(papers, warnings, context.pretty)) {
			if (context.stdout(chunk) === false) await (context.drained ?? stdoutDrained)();
		}
		return;
	}
	context.stderr(formatWarnings(warnings));
	const {formatTable} = await import('./table.js'); // the width measure loads only for tables
	context.stdout(formatTable(papers, context.columns));
}
