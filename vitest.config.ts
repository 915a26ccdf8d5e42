import {readFile} from 'node:fs/promises';
import {defineConfig, type Plugin} from 'vitest/config';
import {PATCHED_FILE, patchSource, usesOurWidth, WIDTH_MODULE} from './scripts/ink-patches.mjs';

const INK_BUILD = /[\\/]node_modules[\\/](?:ink|ink-testing-library)[\\/]build[\\/].*\.js$/;

/** Ink as the build ships it (scripts/build.mjs): our measure of text as its `string-width`, output.js and slice-ansi patched. */
const patchInk: Plugin = {
	name: 'patch-ink',
	enforce: 'pre',
	resolveId(source, importer) {
		return usesOurWidth(source, importer) ? WIDTH_MODULE : null;
	},
	async load(id) {
		if (!INK_BUILD.test(id) && !PATCHED_FILE.test(id)) return null;
		// Without the source map comments: Ink ships its maps without their sources (a warning for each file).
		const source = (await readFile(id, 'utf8')).replace(/^\/\/# sourceMappingURL=.*$/m, '');
		return PATCHED_FILE.test(id) ? patchSource(source, id) : source;
	},
};

export default defineConfig({
	plugins: [patchInk],
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		setupFiles: ['test/setup.ts'],
		testTimeout: 20_000,
		hookTimeout: 30_000,
		// Ink and the packages that measure text for it go through the plugin above (not loaded by Node as they are).
		server: {deps: {inline: ['ink', 'ink-testing-library', 'widest-line', 'cli-truncate', 'wrap-ansi', 'slice-ansi']}},
	},
});
