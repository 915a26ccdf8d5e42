// `papers fetch --from DATE [--to DATE]`: fills the library with a range of days of Daily Papers, one
// request per day, at most one a second (start to start), the days the library holds skipped. Each day is
// kept as it arrives, so a run that stops (Ctrl-C, a day that cannot be fetched) keeps what it got and
// says how to resume. It never opens the reader: it prints a summary.
import {fileError, InputError} from '../errors.js';
import {fetchListing} from '../fetch/fetch.js';
import {checkRange, planRange} from '../fetch/range-plan.js';
import {dailyPapersName, inLibrary, saveToLibrary} from '../library/library.js';
import {parseHfApi} from '../listing/hf-api.js';
import type {CommandContext} from './context.js';
import {DEFAULT_API_BASE, dailyPapersRequest} from './fetch.js';
import {estimateRemainingMs, progressBar, type ProgressBar} from './progress-bar.js';

/** The least time between the starts of two requests (ms). */
export const RANGE_INTERVAL_MS = 1000;

/** What `papers fetch --from --to` was asked for. */
export interface RangeFlags {
	from: string;
	to?: string | undefined;
	apiBase?: string | undefined;
	timeoutMs?: number | undefined;
	json: boolean;
}

/** The world the run touches; tests and the CLI pass their own. */
export interface RangeOptions {
	/** Today (YYYY-MM-DD, UTC); the clock's day by default. */
	today?: string;
	/** The least time between the starts of two requests: RANGE_INTERVAL_MS unless a test says otherwise. */
	intervalMs?: number;
	/** The clock (ms) and the pause, for the pacing. */
	now?: () => number;
	sleep?: (ms: number) => Promise<void>;
	/** The fetch cache's directory (the default one when absent). */
	cacheDirectory?: string;
	/** The progress bar (on stderr when it is a terminal, by default). */
	bar?: ProgressBar;
	/**
	 * Calls `stop` on Ctrl-C (SIGINT), until the returned function is called. `stop` reports and then
	 * calls `exit` (130): the run ends at once, the days kept so far stay kept.
	 */
	onInterrupt?: (stop: () => void) => () => void;
	exit?: (code: number) => void;
}

/** A day of the range, and what became of it. */
export interface RangeDay {
	day: string;
	/** fetched (with papers), empty (a day without papers: kept too), skipped (in the library already), failed, left (not reached). */
	status: 'fetched' | 'empty' | 'skipped' | 'failed' | 'left';
	/** Papers of a fetched day (0 otherwise). */
	papers: number;
}

/** The exit code of a run stopped by Ctrl-C (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;
/** The exit code of a run stopped by a day that could not be fetched or kept. */
export const EXIT_FAILED = 2;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function onSigint(stop: () => void): () => void {
	process.once('SIGINT', stop);
	return () => process.off('SIGINT', stop);
}

/** The command that resumes a stopped run from `day`. */
export function resumeCommand(day: string, to: string, apiBase: string | undefined): string {
	return `papers fetch --from ${day} --to ${to}${apiBase === undefined || apiBase === DEFAULT_API_BASE ? '' : ` --api-base ${apiBase}`}`;
}

/** `papers fetch --from DATE [--to DATE]`: the exit code (0, EXIT_FAILED, or EXIT_INTERRUPTED via `exit`). */
export async function fetchRangeCommand(flags: RangeFlags, context: CommandContext, options: RangeOptions = {}): Promise<number> {
	const now = options.now ?? Date.now;
	const sleep = options.sleep ?? realSleep;
	const intervalMs = options.intervalMs ?? RANGE_INTERVAL_MS;
	const bar = options.bar ?? progressBar();
	const today = options.today ?? new Date(now()).toISOString().slice(0, 10);
	const {from, to} = checkRange(flags.from, flags.to, today);
	// Checked before the first request: a bad --api-base is one line, not a failed day.
	dailyPapersRequest({apiBase: flags.apiBase});
	const plan = planRange(from, to, (day) => inLibrary(context.library, dailyPapersName(day)), today);
	const skipped = new Set(plan.skip);
	const days = new Map<string, RangeDay>(plan.days.map((day) => [day, {day, status: skipped.has(day) ? 'skipped' : 'left', papers: 0}]));
	const warnings: string[] = [];

	const report = (stop: {day: string; why: string} | null): void => {
		bar.clear();
		for (const warning of warnings) context.stderr(`papers: ${warning}\n`);
		const resume = stop === null ? null : resumeCommand(stop.day, to, flags.apiBase);
		if (stop !== null) context.stderr(`papers: ${stop.why} (the days fetched are kept); resume with: ${resume}\n`);
		const rows = [...days.values()];
		const count = (status: RangeDay['status']) => rows.filter((row) => row.status === status).length;
		const papers = rows.reduce((sum, row) => sum + row.papers, 0);
		if (flags.json) {
			const summary = {from, to, library: context.library, complete: stop === null, fetched: count('fetched'), empty: count('empty'), skipped: count('skipped'), left: count('left') + count('failed'), papers, resume, days: rows, warnings};
			context.stdout(`${JSON.stringify(summary, null, context.pretty ? 2 : undefined)}\n`);
			return;
		}
		const left = count('left') + count('failed');
		const parts = [
			`${count('fetched')} day${count('fetched') === 1 ? '' : 's'} fetched (${papers} paper${papers === 1 ? '' : 's'})`,
			`${count('empty')} without papers`,
			`${count('skipped')} skipped (in the library already)`,
			...(left > 0 ? [`${left} not fetched`] : []),
		];
		context.stdout(`${from} to ${to}: ${parts.join(', ')}; library: ${context.library}\n`);
	};

	let current: string | null = null;
	const stopListening = (options.onInterrupt ?? onSigint)(() => {
		report({day: current ?? plan.fetch.find((day) => days.get(day)!.status === 'left') ?? to, why: 'interrupted'});
		(options.exit ?? ((code: number) => process.exit(code)))(EXIT_INTERRUPTED);
	});
	try {
		const started = now();
		let lastStart: number | null = null;
		for (const [index, day] of plan.fetch.entries()) {
			current = day;
			bar.update({done: index, total: plan.fetch.length, day, etaMs: estimateRemainingMs({done: index, total: plan.fetch.length, elapsedMs: now() - started, intervalMs})});
			if (lastStart !== null) {
				const wait = lastStart + intervalMs - now();
				if (wait > 0) await sleep(wait);
			}
			const request = dailyPapersRequest({date: day, apiBase: flags.apiBase});
			let papers: number;
			try {
				// Every attempt counts as a start, the retry too, which waits the interval after a failure.
				const fetched = await fetchListing(request, {
					timeoutMs: flags.timeoutMs,
					retryDelayMs: intervalMs,
					sleep,
					onProgress: (event) => {
						if (event.type === 'attempt') lastStart = now();
					},
					...(options.cacheDirectory === undefined ? {} : {cacheDirectory: options.cacheDirectory}),
				});
				if (fetched.warning !== null) warnings.push(fetched.warning);
				papers = parseHfApi(fetched.body, {source: request.url.href}).papers.length;
				try {
					saveToLibrary(context.library, dailyPapersName(day), Buffer.from(fetched.body, 'utf8'));
				} catch (error) {
					throw fileError(context.library, `${day} could not be kept in the library (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
				}
			} catch (error) {
				if (!(error instanceof InputError)) throw error;
				days.get(day)!.status = 'failed';
				current = null;
				warnings.push(error.message);
				report({day, why: `stopped at ${day}`});
				return EXIT_FAILED;
			}
			days.set(day, {day, status: papers === 0 ? 'empty' : 'fetched', papers});
			current = null;
		}
		report(null);
		return 0;
	} finally {
		stopListening();
		bar.clear();
	}
}
