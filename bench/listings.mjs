// Generated listings for the benchmarks, kept in bench/out/ and reused while they are what
// generate.mjs would make now: a file LISTING.json next to each records the count, the seed, a hash of
// the generator and the fixture it recombines, and the size in bytes.
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {generateListing} from './generate.mjs';

export const OUT_DIR = fileURLToPath(new URL('out/', import.meta.url));
export const FIXTURE = fileURLToPath(new URL('../fixtures/hf-daily-papers-page.txt', import.meta.url));
/** Papers in the fixture. */
export const FIXTURE_COUNT = 63;

/**
 * @typedef {object} Listing
 * @property {string} file
 * @property {number} count Papers in it.
 * @property {number} bytes
 * @property {boolean} reused Already there from an earlier run.
 */

function sourceHash() {
	const hash = createHash('sha256');
	hash.update(readFileSync(new URL('generate.mjs', import.meta.url)));
	hash.update(readFileSync(FIXTURE));
	return hash.digest('hex').slice(0, 16);
}

/**
 * The generated listing of `count` papers in bench/out/, written unless an identical one is there.
 * @param {number} count
 * @param {{seed?: number}} [options]
 * @returns {Listing}
 */
export function ensureListing(count, {seed = 1} = {}) {
	mkdirSync(OUT_DIR, {recursive: true});
	const file = `${OUT_DIR}listing-${count}.txt`;
	const metaFile = `${OUT_DIR}listing-${count}.json`;
	const source = sourceHash();
	if (existsSync(file) && existsSync(metaFile)) {
		try {
			/** @type {{count?: unknown, seed?: unknown, source?: unknown, bytes?: unknown}} */
			const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
			if (meta.count === count && meta.seed === seed && meta.source === source && meta.bytes === statSync(file).size) {
				return {file, count, bytes: meta.bytes, reused: true};
			}
		} catch {
			// unreadable: write it again
		}
	}
	const partial = `${file}.partial`;
	writeFileSync(partial, generateListing(count, {seed}));
	renameSync(partial, file);
	const bytes = statSync(file).size;
	writeFileSync(metaFile, `${JSON.stringify({count, seed, source, bytes})}\n`);
	return {file, count, bytes, reused: false};
}
