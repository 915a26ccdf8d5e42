// Bundles the CLI into ESM (dist/cli.js plus lazily loaded chunks): fast start-up, production React.
import {build} from 'esbuild';
import {chmod, copyFile, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
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
const result = await build({
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
	metafile: true,
});
await chmod('dist/cli.js', 0o755);

/** The output file that holds the given input (a path as the metafile names it), or undefined. */
function outputHolding(input) {
	return Object.entries(result.metafile.outputs).find(([, output]) => input in output.inputs)?.[0];
}

// `open` runs its own copy of xdg-open (beside its code) where the system has none: the bundle keeps
// that fallback by putting the script beside the chunk that holds open's code.
const openChunk = outputHolding('node_modules/open/index.js');
if (openChunk !== undefined) {
	const script = join(dirname(openChunk), 'xdg-open');
	await copyFile('node_modules/open/xdg-open', script);
	await chmod(script, 0o755);
}

// The bundle carries its dependencies' code, so it carries their licences too.
const packages = new Map();
for (const output of Object.values(result.metafile.outputs)) {
	for (const input of Object.keys(output.inputs)) {
		const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
		if (match !== null) packages.set(match[2], match[1]);
	}
}
const notices = [];
for (const [name, directory] of [...packages].sort(([a], [b]) => a.localeCompare(b))) {
	const {version, license} = JSON.parse(await readFile(join(directory, 'package.json'), 'utf8'));
	const licenseFile = (await readdir(directory)).find((file) => /^(?:licen[cs]e|copying)(?:\.(?:md|txt))?$/i.test(file));
	const text = licenseFile === undefined ? `(no licence file; package.json says ${license})` : (await readFile(join(directory, licenseFile), 'utf8')).trim();
	notices.push(`${name}@${version} (${license})\n\n${text}\n`);
}
await writeFile('dist/THIRD-PARTY-LICENSES.txt', `The papers bundle includes code from these packages, under these licences.\n\n${notices.join('\n' + '-'.repeat(72) + '\n\n')}`);
