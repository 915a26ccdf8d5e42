import {format} from 'node:util';
import {afterEach, beforeEach, vi} from 'vitest';

// Deterministic frames: no CI detection quirks, colours always on.
delete process.env.CI;
process.env.FORCE_COLOR = '1';

// A test fails when anything it runs prints to console.error or console.warn (React's warnings, a
// caught error logged and forgotten). A test that means to print one stubs the method itself
// (vi.spyOn(console, 'error').mockImplementation(...)), which replaces this spy for that test.
// Messages printed while test files load (an e2e file saying why it skips) are not checked.
let printed: string[] = [];
beforeEach(() => {
	printed = [];
	for (const method of ['error', 'warn'] as const) {
		vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
			printed.push(`console.${method}: ${format(...args)}`);
		});
	}
});
afterEach(() => {
	vi.mocked(console.error).mockRestore?.();
	vi.mocked(console.warn).mockRestore?.();
	if (printed.length > 0) {
		const messages = printed;
		printed = [];
		throw new Error(`the test printed to the console:\n${messages.join('\n')}`);
	}
});
