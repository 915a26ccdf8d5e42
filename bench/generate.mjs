// Generates a large Hugging Face "Daily Papers" page from the real one in fixtures/, for benchmarks.
//
//   node bench/generate.mjs COUNT [--seed N] > listing.txt
//
// Titles and abstracts recombine the fixture's title parts and abstract sentences with a seeded PRNG;
// every title and abstract carries a distinguishing token, so all are distinct (and so are paper ids).
// The layout is the page's: chrome first, then per paper a title block, an abstract block and, for
// most papers, a metadata block ("  • N authors", "·", "Mon D, YYYY" or "Mon D", maybe an upvote count).
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {isMain} from './lib.mjs';
import {mulberry32} from './random.mjs';

const FIXTURE_PATH = fileURLToPath(new URL('../fixtures/hf-daily-papers-page.txt', import.meta.url));
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Abstracts are at least this long, titles far shorter (the parser takes a block over 300 characters for an abstract). */
const MIN_ABSTRACT_LENGTH = 400;
/** Titles stay well under the parser's 300-character limit for a title. */
const MAX_TITLE_LENGTH = 240;
/** Share of papers without a metadata block (the fixture: 2 of 63). */
const NO_METADATA_SHARE = 0.03;
/** Share of dates printed without a year (the fixture: 16 of 61). */
const NO_YEAR_SHARE = 0.25;
/** Share of metadata blocks with an upvote count after the date (the fixture: 8 of 61). */
const UPVOTES_SHARE = 0.15;

/**
 * @typedef {object} FixtureParts
 * @property {string[]} chrome Blocks before the first paper, verbatim.
 * @property {string[]} titles
 * @property {string[]} titleHeads Parts of titles before ": ".
 * @property {string[]} titleTails Parts of titles after ": ", and whole titles without one.
 * @property {string[]} sentences Every sentence of every abstract.
 * @property {number} meanSentenceLength
 * @property {number[]} abstractLengths
 * @property {number[]} authorCounts
 */

/** @type {FixtureParts | null} */
let cachedParts = null;

/** Splits the fixture into its pieces (read once per process). */
function fixtureParts() {
	if (cachedParts !== null) return cachedParts;
	const text = readFileSync(FIXTURE_PATH, 'utf8').replace(/\r\n?/g, '\n');
	const blocks = text
		.split(/\n[ \t]*\n/)
		.map((block) => block.trim())
		.filter((block) => block !== '');
	const isMetadata = (/** @type {string} */ block) => /^[•·*-]?\s*\d+\s+authors?$/im.test(block.split('\n')[0] ?? '');
	const isAbstract = (/** @type {string | undefined} */ block) => block !== undefined && !isMetadata(block) && block.length >= MIN_ABSTRACT_LENGTH;

	/** @type {string[]} */
	const titles = [];
	/** @type {string[]} */
	const abstracts = [];
	/** @type {number[]} */
	const authorCounts = [];
	let firstTitle = -1;
	blocks.forEach((block, index) => {
		if (isMetadata(block)) {
			const match = /(\d+)\s+authors?/i.exec(block);
			if (match) authorCounts.push(Number(match[1]));
		} else if (isAbstract(blocks[index + 1]) && !isAbstract(block)) {
			if (firstTitle === -1) firstTitle = index;
			titles.push(block.replace(/\s+/g, ' '));
		} else if (isAbstract(block)) {
			abstracts.push(block.replace(/\s+/g, ' '));
		}
	});
	if (firstTitle === -1 || titles.length === 0 || abstracts.length === 0 || authorCounts.length === 0) {
		throw new Error(`bench/generate: cannot find papers in ${FIXTURE_PATH}`);
	}

	const titleHeads = [];
	const titleTails = [];
	for (const title of titles) {
		const colon = title.indexOf(': ');
		if (colon > 0) {
			titleHeads.push(title.slice(0, colon));
			titleTails.push(title.slice(colon + 2));
		} else {
			titleTails.push(title);
		}
	}
	const sentences = abstracts.flatMap((abstract) => abstract.split(/(?<=[.!?])\s+(?=[A-Z(])/));
	cachedParts = {
		chrome: blocks.slice(0, firstTitle),
		titles,
		titleHeads,
		titleTails,
		sentences,
		meanSentenceLength: sentences.reduce((sum, sentence) => sum + sentence.length, 0) / sentences.length,
		abstractLengths: abstracts.map((abstract) => abstract.length),
		authorCounts,
	};
	return cachedParts;
}

/**
 * @param {() => number} random
 * @returns {<T>(items: readonly T[]) => T}
 */
function picker(random) {
	return (items) => {
		const item = items[Math.floor(random() * items.length)];
		if (item === undefined) throw new Error('bench/generate: pick from an empty list');
		return item;
	};
}

/** @param {number} year @param {number} month 1-12 */
function daysInMonth(year, month) {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The page text of a listing with `count` papers made from the fixture's papers.
 * Deterministic: the same count and seed give the same text.
 * @param {number} count
 * @param {{seed?: number}} [options]
 * @returns {string}
 */
export function generateListing(count, {seed = 1} = {}) {
	if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`bench/generate: count must be a whole number >= 0, got ${count}`);
	if (!Number.isFinite(seed)) throw new RangeError(`bench/generate: seed must be a number, got ${seed}`);
	const parts = fixtureParts();
	const random = mulberry32(seed);
	const pick = picker(random);
	const chance = (/** @type {number} */ share) => random() < share;
	const between = (/** @type {number} */ low, /** @type {number} */ high) => low + Math.floor(random() * (high - low + 1));

	const out = [...parts.chrome];
	for (let index = 0; index < count; index++) {
		const number = index + 1;
		out.push(makeTitle(number), makeAbstract(number));
		if (!chance(NO_METADATA_SHARE)) out.push(makeMetadata());
	}
	return out.join('\n\n') + '\n';

	/** @param {number} number */
	function makeTitle(number) {
		let base;
		if (parts.titleHeads.length > 0 && chance(0.5)) {
			base = `${pick(parts.titleHeads)}: ${pick(parts.titleTails)}`;
		} else {
			// The first words of one title and the last words of another.
			const first = pick(parts.titles).split(' ');
			const second = pick(parts.titles).split(' ');
			base = [...first.slice(0, between(1, Math.max(1, first.length - 1))), ...second.slice(between(1, Math.max(1, second.length - 1)))].join(' ');
		}
		if (base.length > MAX_TITLE_LENGTH) base = base.slice(0, base.lastIndexOf(' ', MAX_TITLE_LENGTH));
		// Never ending in a full stop: the parser tells titles from abstract paragraphs partly by that.
		return `${base.replace(/[\s.,;:]+$/, '')} (B${number})`;
	}

	/** @param {number} number */
	function makeAbstract(number) {
		const token = `This is benchmark paper ${number}.`;
		// Sentences are added until the length passes the target, half a sentence over it on average.
		const target = Math.max(MIN_ABSTRACT_LENGTH, pick(parts.abstractLengths) + between(-150, 150) - token.length - parts.meanSentenceLength / 2);
		/** @type {string[]} */
		const sentences = [];
		let length = 0;
		while (length < target) {
			const sentence = pick(parts.sentences);
			if (sentences.includes(sentence)) continue;
			sentences.push(sentence);
			length += sentence.length + 1;
		}
		sentences.splice(between(0, sentences.length), 0, token);
		return sentences.join(' ');
	}

	function makeMetadata() {
		const month = between(1, 12);
		let date;
		if (chance(NO_YEAR_SHARE)) {
			date = `${MONTHS[month - 1]} ${between(1, daysInMonth(2023, month))}`;
		} else {
			const year = between(2016, 2025);
			date = `${MONTHS[month - 1]} ${between(1, daysInMonth(year, month))}, ${year}`;
		}
		const upvotes = chance(UPVOTES_SHARE) ? ` ${between(1, 60)}` : '';
		return `  • ${pick(parts.authorCounts)} authors\n·\n${date}${upvotes}`;
	}
}

function main() {
	const usage = 'usage: node bench/generate.mjs COUNT [--seed N] > listing.txt';
	let parsed;
	try {
		parsed = parseArgs({allowPositionals: true, options: {seed: {type: 'string'}, help: {type: 'boolean', short: 'h'}}});
	} catch (error) {
		process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
		return 2;
	}
	if (parsed.values.help) {
		process.stdout.write(`${usage}\n`);
		return 0;
	}
	const count = Number(parsed.positionals[0]);
	const seed = parsed.values.seed === undefined ? 1 : Number(parsed.values.seed);
	if (parsed.positionals.length !== 1 || !Number.isSafeInteger(count) || count < 0 || !Number.isSafeInteger(seed)) {
		process.stderr.write(`${usage}\n`);
		return 2;
	}
	process.stdout.write(generateListing(count, {seed}));
	return 0;
}

if (isMain(import.meta.url)) {
	// `node bench/generate.mjs 10000 | head` is not a failure.
	process.stdout.on('error', (error) => {
		if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EPIPE') process.exit(0);
		throw error;
	});
	process.exitCode = main();
}
