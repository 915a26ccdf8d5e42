/**
 * TEST-ONLY HOOKS: every setting papers takes from the environment for its tests, read once (at start)
 * here and nowhere else. Unset, as for any user, each is inert. They stay in the shipped bundle rather
 * than being compiled out (an esbuild `define`) because the e2e tests run the shipped bundle itself,
 * dist/cli.js: compiling them out would take a second, test-only build, and the tests would no longer
 * run what ships. To remove a hook: delete its line here and its one use (grep its field in src/).
 */

/** How `!` makes the reader fail (src/ui/fault.tsx). */
export type Fault = 'render' | 'uncaught' | 'rejection';

export interface TestHooks {
	/** PAPERS_FAULT=render|uncaught|rejection: `!` crashes the reader (test/e2e/crash.test.ts); null when unset. */
	fault: Fault | null;
	/** PAPERS_TEST_READER_DELAY_MS: Ink loads this much later, so that keys can be typed while the early frame is up (test/e2e/reader.test.ts); 0 when unset. */
	readerDelayMs: number;
	/** PAPERS_TEST_RANGE_INTERVAL_MS: the pause between a range's requests (1 s) made short (test/e2e/fetch-range.test.ts); undefined when unset. */
	rangeIntervalMs: number | undefined;
}

/** The hooks as `environment` sets them. */
export function readTestHooks(environment: NodeJS.ProcessEnv): TestHooks {
	const fault = environment.PAPERS_FAULT;
	const delay = Number(environment.PAPERS_TEST_READER_DELAY_MS ?? 0);
	const interval = environment.PAPERS_TEST_RANGE_INTERVAL_MS;
	const intervalMs = interval === undefined ? undefined : Number(interval);
	return {
		fault: fault === 'render' || fault === 'uncaught' || fault === 'rejection' ? fault : null,
		readerDelayMs: delay > 0 ? delay : 0,
		rangeIntervalMs: intervalMs === undefined || !Number.isFinite(intervalMs) ? undefined : intervalMs,
	};
}

export const TEST_HOOKS: Readonly<TestHooks> = Object.freeze(readTestHooks(process.env));
