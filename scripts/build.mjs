// Bundles the CLI into one ESM file (dist/cli.js): fast start-up, production React.
import {build} from 'esbuild';
import {chmod} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';

const stub = fileURLToPath(new URL('react-devtools-stub.mjs', import.meta.url));

await build({
	entryPoints: ['src/cli.tsx'],
	outfile: 'dist/cli.js',
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
