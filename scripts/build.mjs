// Bundles the CLI into ESM (dist/cli.js plus lazily loaded chunks): fast start-up, production React.
import {build} from 'esbuild';
import {chmod, rm} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';

const stub = fileURLToPath(new URL('react-devtools-stub.mjs', import.meta.url));

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
