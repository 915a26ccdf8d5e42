// The store at scale: a store of a million marks (~96 MB, compact, as papers writes it), read by
// `papers list` and written by `papers mark`, next to the floor of any reader of a JSON store in the same
// run: a bare node start, and node reading the file and calling JSON.parse on it.
import {closeSync, cpSync, mkdirSync, openSync, statSync, writeSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {formatMs, measureInterleaved, peakRss, printTable} from './lib.mjs';
import {FIXTURE, OUT_DIR} from './listings.mjs';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const NODE = process.execPath;
const MARKS = 1_000_000;

/** Writes a compact store of `count` marks (ids 12 hex digits, as papers makes them) to `path`. */
function writeStore(path, count) {
	const fd = openSync(path, 'w', 0o600);
	writeSync(fd, '{"marks":{');
	let parts = [];
	for (let index = 0; index < count; index++) {
		const id = ((index * 2_654_435_761) % 2 ** 48).toString(16).padStart(12, '0');
		const at = 1_700_000_000_000 + index;
		parts.push(`${index === 0 ? '' : ','}"${id}":{"read":${index % 3 !== 0},"readAt":${at},"favorite":${index % 7 === 0},"favoriteAt":${at}}`);
		if (parts.length === 10_000) {
			writeSync(fd, parts.join(''));
			parts = [];
		}
	}
	writeSync(fd, `${parts.join('')}}}\n`);
	closeSync(fd);
}

/** @param {{runs: number, warmup: number}} context */
export function storeSection({runs, warmup}) {
	const print = (text) => process.stdout.write(text);
	print(`\n## the store with ${MARKS.toLocaleString('en-US')} marks: list and mark\n\n`);
	const home = join(OUT_DIR, 'store-home');
	const store = join(home, 'papers', 'config.json');
	mkdirSync(join(home, 'papers'), {recursive: true});
	writeStore(store, MARKS);
	const pristine = join(OUT_DIR, 'store-pristine.json');
	cpSync(store, pristine);
	const env = {...process.env, XDG_CONFIG_HOME: home};
	const {size} = statSync(store);
	print(`  store     ${(size / 1e6).toFixed(1)} MB, ${MARKS.toLocaleString('en-US')} marks; ${warmup} warm-up + ${runs} measured runs each, interleaved\n\n`);
	const specs = [
		{label: 'node -e ""', command: NODE, args: ['-e', '']},
		{label: 'node: read + JSON.parse', command: NODE, args: ['-e', `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(pristine)}, 'utf8'))`]},
		{label: 'papers list (63 papers)', command: NODE, args: [CLI, 'list', FIXTURE], env},
		{label: 'papers mark --read ID', command: NODE, args: [CLI, 'mark', '--read', 'feedfacecafe'], env},
	];
	const rows = measureInterleaved(specs, {runs, warmup});
	printTable(rows, {baseline: specs[1].label});
	const [, parse, list, mark] = rows;
	if (parse && list && mark) {
		print(`\n  list ${formatMs(list.median)} and mark ${formatMs(mark.median)} (medians) against read + JSON.parse ${formatMs(parse.median)}\n`);
	}
	const bound = (2.5 * size + 150 * 2 ** 20) / 2 ** 20;
	for (const spec of specs.slice(1)) {
		const rss = peakRss(spec);
		print(rss === null ? `  peak RSS of ${spec.label}: not measured\n` : `  peak RSS of ${spec.label}: ${(rss.kib / 1024).toFixed(0)} MiB (bound 2.5 x the store + 150 MB: ${bound.toFixed(0)} MiB)\n`);
	}
}
