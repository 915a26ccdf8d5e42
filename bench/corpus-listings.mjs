// Listings of real papers for the search-quality bench, made from the corpus of 8,000 arXiv papers next
// to the repository (../shared/corpus/dev-papers.jsonl.gz; see its README.md) and written as Hugging Face
// `/api/daily_papers` JSON into bench/out/. The corpus itself is never copied into the repository.
//
// Up to the corpus's size a listing is a seeded sample of it; past that it holds every real paper plus
// distractors: a title joined at a word boundary from the first half of one real title and the second half
// of another, with the abstract of a third paper and the authors of a fourth. Like bench/listings.mjs, a
// listing is reused while a file next to it records the same count, seed, hash of its sources and size;
// that file also records where the distractors are.
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {gunzipSync} from 'node:zlib';
import {OUT_DIR} from './listings.mjs';
import {integer, mulberry32, pick, shuffled} from './random.mjs';

export const CORPUS = fileURLToPath(new URL('../../shared/corpus/dev-papers.jsonl.gz', import.meta.url));

/**
 * One paper of the corpus.
 * @typedef {object} CorpusPaper
 * @property {string} title
 * @property {string} abstract
 * @property {string[]} authors
 * @property {string | null} arxivId
 * @property {string | null} published "YYYY-MM-DD"
 */

/**
 * A listing file of real papers (and maybe distractors).
 * @typedef {object} CorpusListing
 * @property {string} file
 * @property {number} count Papers in it.
 * @property {number} bytes
 * @property {boolean} reused Already there from an earlier run.
 * @property {number[]} distractors Positions of the distractors in the listing, ascending.
 */

/** @returns {CorpusPaper[]} */
export function readCorpus() {
	if (!existsSync(CORPUS)) throw new Error(`bench: the corpus of real papers is missing: ${CORPUS}`);
	return gunzipSync(readFileSync(CORPUS))
		.toString('utf8')
		.split('\n')
		.filter((line) => line.trim() !== '')
		.map((line) => JSON.parse(line));
}

function sourceHash() {
	const hash = createHash('sha256');
	for (const module of ['corpus-listings.mjs', 'random.mjs']) hash.update(readFileSync(new URL(module, import.meta.url)));
	hash.update(readFileSync(CORPUS));
	return hash.digest('hex').slice(0, 16);
}

/**
 * A title as it decides a paper's id, roughly (the app's normalizeTitle): case, LaTeX markup characters,
 * punctuation and spacing do not count.
 * @param {string} title
 */
function titleKey(title) {
	return title
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[$\\{}]/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/**
 * `count - papers.length` distractors, their titles distinct from every other title.
 * @param {CorpusPaper[]} papers
 * @param {number} count
 * @param {() => number} random
 * @returns {CorpusPaper[]}
 */
export function makeDistractors(papers, count, random) {
	const taken = new Set(papers.map((paper) => titleKey(paper.title)));
	/** @type {CorpusPaper[]} */
	const distractors = [];
	while (distractors.length < count) {
		const [head, tail, text, people] = [pick(random, papers), pick(random, papers), pick(random, papers), pick(random, papers)];
		const headWords = head.title.split(' ');
		const tailWords = tail.title.split(' ');
		if (head === tail || headWords.length < 2 || tailWords.length < 2) continue;
		const title = [...headWords.slice(0, Math.ceil(headWords.length / 2)), ...tailWords.slice(Math.ceil(tailWords.length / 2))].join(' ');
		if (taken.has(titleKey(title))) continue;
		taken.add(titleKey(title));
		distractors.push({title, abstract: text.abstract, authors: people.authors, arxivId: null, published: people.published});
	}
	return distractors;
}

/**
 * One item of the Hugging Face API's answer (the fields the app reads, as the API names them).
 * @param {CorpusPaper} paper
 * @param {() => number} random For the upvotes.
 */
export function apiItem(paper, random) {
	const publishedAt = paper.published === null ? undefined : `${paper.published}T00:00:00.000Z`;
	return {
		paper: {
			id: paper.arxivId ?? undefined,
			authors: paper.authors.map((name) => ({name})),
			publishedAt,
			title: paper.title,
			summary: paper.abstract,
			upvotes: integer(random, 0, 3) === 0 ? integer(random, 1, 120) : 0,
		},
		publishedAt,
		title: paper.title,
	};
}

/**
 * The listing of `count` papers: its JSON text and where its distractors are.
 * @param {number} count
 * @param {number} seed
 */
function buildListing(count, seed) {
	const random = mulberry32(seed);
	const corpus = readCorpus();
	const real = shuffled(random, corpus).slice(0, count);
	const fake = makeDistractors(corpus, count - real.length, random);
	const papers = shuffled(random, [...real.map((paper) => ({paper, distractor: false})), ...fake.map((paper) => ({paper, distractor: true}))]);
	const distractors = papers.flatMap(({distractor}, index) => (distractor ? [index] : []));
	return {text: `${JSON.stringify(papers.map(({paper}) => apiItem(paper, random)))}\n`, distractors};
}

/**
 * The listing of `count` real papers (distractors past the corpus's size) in bench/out/, written unless
 * an identical one is there.
 * @param {number} count
 * @param {{seed?: number}} [options]
 * @returns {CorpusListing}
 */
export function ensureCorpusListing(count, {seed = 1} = {}) {
	mkdirSync(OUT_DIR, {recursive: true});
	const file = `${OUT_DIR}corpus-${count}.json`;
	const metaFile = `${OUT_DIR}corpus-${count}.meta.json`;
	const source = sourceHash();
	if (existsSync(file) && existsSync(metaFile)) {
		try {
			/** @type {{count?: unknown, seed?: unknown, source?: unknown, bytes?: unknown, distractors?: unknown}} */
			const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
			const {distractors, bytes} = meta;
			if (meta.count === count && meta.seed === seed && meta.source === source && bytes === statSync(file).size && Array.isArray(distractors)) {
				return {file, count, bytes, reused: true, distractors};
			}
		} catch {
			// unreadable: write it again
		}
	}
	const {text, distractors} = buildListing(count, seed);
	const partial = `${file}.partial`;
	writeFileSync(partial, text);
	renameSync(partial, file);
	const bytes = statSync(file).size;
	writeFileSync(metaFile, `${JSON.stringify({count, seed, source, bytes, distractors})}\n`);
	return {file, count, bytes, reused: false, distractors};
}
