// Bundles the CLI into ESM (dist/cli.js plus lazily loaded chunks): fast start-up, production React.
import {build} from 'esbuild';
import {chmod, readFile, rm} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {PATCHED_FILE, patchSource, usesOurWidth, WIDTH_MODULE} from './ink-patches.mjs';

const stub = fileURLToPath(new URL('react-devtools-stub.mjs', import.meta.url));

/**
 * Ink as the tests run it (scripts/ink-patches.mjs): its `string-width` is our measure (src/text/width.ts),
 * its output.js keeps its caches for the whole run and gives zero-width characters no cell, and
 * slice-ansi (which cuts lines for Ink) measures with it too.
 */
/** @type {import('esbuild').Plugin} */
const patchInk = {
	name: 'patch-ink',
	setup(build) {
		build.onResolve({filter: /^string-width$/}, ({path, importer}) => (usesOurWidth(path, importer) ? {path: WIDTH_MODULE} : undefined));
		build.onLoad({filter: PATCHED_FILE}, async ({path}) => ({contents: patchSource(await readFile(path, 'utf8'), path), loader: 'js'}));
	},
};

await rm('dist', {recursive: true, force: true});
await build({
	entryPoints: ['src/cli.tsx'],
	outdir: 'dist',
	entryNames: '[name]',
	chunkNames: 'chunks/[name]-[hash]',
	// The reader (Ink, React, Yoga) is its own chunk, loaded only when a terminal session starts,
	// so the scriptable commands start fast.
	splitting: true,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	minify: false,
	sourcemap: 'linked',
	legalComments: 'none',
	define: {'process.env.NODE_ENV': '"production"'},
	alias: {'react-devtools-core': stub},
	plugins: [patchInk],
	banner: {
		js: [
			'#!/usr/bin/env node',
			"import {createRequire as __papersCreateRequire} from 'node:module';",
			'const require = __papersCreateRequire(import.meta.url);',
		].join('\n'),
	},
	logLevel: 'warning',
});
await chmod('dist/cli.js', 0o755);
