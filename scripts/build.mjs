// Bundles the CLI into ESM (dist/cli.js plus lazily loaded chunks): fast start-up, production React.
import {build} from 'esbuild';
import {chmod, readFile, rm} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';

const stub = fileURLToPath(new URL('react-devtools-stub.mjs', import.meta.url));

/**
 * Ink turns every line of every frame into styled characters (ANSI tokenising, grapheme segmenting),
 * with caches it makes anew for each frame. Most lines are the same from one frame to the next (typing a
 * character changes the header line only, until the results come), so this keeps one cache for the
 * whole run, emptied when it grows past about 30 frames of different lines. The replaced line is checked: an Ink upgrade that changes it
 * fails the build instead of silently losing the cache.
 */
const SHARED_CACHES = {
	find: '    caches = new OutputCaches();',
	replace: [
		'    caches = sharedOutputCaches();',
	].join('\n'),
	append: [
		'let sharedCaches;',
		'/** One set of caches for every frame (papers: scripts/build.mjs), emptied past 2,000 lines (a few MB). */',
		'function sharedOutputCaches() {',
		'    if (sharedCaches === undefined || sharedCaches.styledChars.size > 2000 || sharedCaches.widths.size > 20000) sharedCaches = new OutputCaches();',
		'    return sharedCaches;',
		'}',
	].join('\n'),
};

/** @type {import('esbuild').Plugin} */
const shareInkOutputCaches = {
	name: 'share-ink-output-caches',
	setup(build) {
		build.onLoad({filter: /[\\/]ink[\\/]build[\\/]output\.js$/}, async ({path}) => {
			const source = await readFile(path, 'utf8');
			if (!source.includes(SHARED_CACHES.find)) throw new Error(`${path}: the line to patch is gone (${SHARED_CACHES.find.trim()}); see SHARED_CACHES in scripts/build.mjs`);
			return {contents: `${source.replace(SHARED_CACHES.find, SHARED_CACHES.replace)}\n${SHARED_CACHES.append}\n`, loader: 'js'};
		});
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
	plugins: [shareInkOutputCaches],
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
