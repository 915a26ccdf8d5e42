/**
 * The Hugging Face daily papers API (`/api/daily_papers`): a JSON array of items, each
 * `{"paper": {"id": "2410.17243", "title", "summary", "authors": [{"name"}], "upvotes", "publishedAt"}, "publishedAt", "title", ...}`.
 * `paper.id` is the paper's arXiv id. Titles and summaries are arXiv's, hard-wrapped: they are unwrapped
 * as arXiv's own are (see unwrapAbstract).
 */
import {fileError, shorten} from '../errors.js';
import type {ListingParser} from './hf-page.js';
import {jsonArrayItems, type JsonPiece} from './json-items.js';
import {type Paper, type ParseResult, type ParseWarning} from './paper.js';
import {normalizeArxivId} from './arxiv-id.js';
import {buildRecord, isoDay} from './records.js';
import {sanitizeLine} from '../text/sanitize.js';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(object: JsonObject, key: string): string | null {
	const value = object[key];
	return typeof value === 'string' ? value : null;
}

/** What the JSON parser said, safe to print: it may quote the input. */
function describeJsonError(error: unknown): string {
	const message = sanitizeLine(error instanceof Error ? error.message : String(error));
	return shorten(message);
}

/**
 * Reads the JSON of the Hugging Face daily papers API. An empty array is a day without papers (no
 * error). Throws an InputError naming the file when the text is not JSON, or is JSON of another shape
 * (not an array, or an array without a single `{"paper": {...}}` item); an item that cannot be read is
 * skipped with a warning.
 */
export function parseHfApi(text: string, options: {source: string}): ParseResult {
	const parser = createHfApiParser([Buffer.from(text, 'utf8')], options);
	parser.run(Infinity);
	return {papers: parser.papers, warnings: parser.warnings};
}

/**
 * The same parse as `parseHfApi`, of the listing's bytes in chunks, an item at a time (json-items.ts): the
 * reader shows the first papers while the rest is read, and a big answer is never held whole. The text
 * may turn out not to be JSON after papers were read: the InputError comes then.
 */
export function createHfApiParser(input: Iterable<Uint8Array>, options: {source: string}): ListingParser {
	const {source} = options;
	const papers: Paper[] = [];
	const warnings: ParseWarning[] = [];
	const warn = (message: string) => warnings.push({source, line: null, message});
	const pieces = jsonArrayItems(input);
	let count = 0;
	let items = 0;
	let done = false;

	const next = (): JsonPiece | null => {
		try {
			const piece = pieces.next();
			return piece.done === true ? null : piece.value;
		} catch (error) {
			if (!(error instanceof SyntaxError)) throw error;
			throw fileError(source, `is not valid JSON (${describeJsonError(error)})`);
		}
	};

	const read = (item: unknown, number: number) => {
		if (!isObject(item) || !isObject(item.paper)) {
			warn(`item ${number} is not a {"paper": {...}} item, skipped`);
			return;
		}
		items++;
		const paper = readItem(item, item.paper, source);
		if (paper === null) {
			warn(`item ${number} has no title, skipped`);
			return;
		}
		const rawId = stringField(item.paper, 'id');
		if (rawId !== null && paper.arxivId === null) {
			warn(`item ${number} ("${shorten(paper.title)}"): "${shorten(sanitizeLine(rawId))}" is not an arXiv id; kept without one`);
		}
		papers.push(paper);
	};

	return {
		papers,
		warnings,
		mayBeEmpty: true, // an empty answer is a day without papers, not a broken file
		run(deadline, enough = Infinity) {
			while (!done) {
				const piece = next();
				if (piece === null) {
					done = true;
					if (count > 0 && items === 0) throw fileError(source, `is JSON but none of its ${count} items is a Hugging Face paper ({"paper": {...}})`);
					break;
				}
				if ('document' in piece) {
					const apiError = isObject(piece.document) ? stringField(piece.document, 'error') : null;
					if (apiError !== null) throw fileError(source, `is an error from the Hugging Face API: ${shorten(sanitizeLine(apiError))}`);
					throw fileError(source, 'is JSON but not a Hugging Face daily papers list (an array of {"paper": {...}} items)');
				}
				count++;
				read(piece.item, piece.index + 1);
				if (performance.now() >= deadline || papers.length >= enough) break;
			}
			return done;
		},
	};
}

function readItem(item: JsonObject, paper: JsonObject, source: string): Paper | null {
	const rawId = stringField(paper, 'id');
	const upvotes = paper.upvotes;
	const authors = Array.isArray(paper.authors) ? paper.authors : [];
	const published = stringField(paper, 'publishedAt') ?? stringField(item, 'publishedAt');
	return buildRecord({
		title: stringField(paper, 'title') ?? stringField(item, 'title') ?? '',
		abstract: stringField(paper, 'summary') ?? stringField(item, 'summary') ?? '',
		authors: authors.flatMap((author: unknown) => {
			const name = isObject(author) ? stringField(author, 'name') : typeof author === 'string' ? author : null;
			return name === null ? [] : [name];
		}),
		published: published === null ? null : isoDay(published),
		arxivId: rawId === null ? null : normalizeArxivId(rawId),
		// A count as a whole number, at least 0; null when the item has none (no field, or not a number).
		upvotes: typeof upvotes === 'number' && Number.isFinite(upvotes) ? Math.max(0, Math.floor(upvotes)) : null,
		source,
	});
}

const HF_ITEM_KEY = /"paper"\s*:\s*\{/;

/**
 * A cheap look at the start of a text (the first kilobytes are enough): a JSON array whose first item is
 * a `{"paper": {...}}` object, or an empty array (a day without papers).
 */
export function looksLikeHfApi(text: string): boolean {
	let index = skipJsonSpace(text, text.startsWith('\uFEFF') ? 1 : 0);
	if (text[index] !== '[') return false;
	index = skipJsonSpace(text, index + 1);
	if (text[index] === ']') return skipJsonSpace(text, index + 1) === text.length;
	if (text[index] !== '{') return false;
	return HF_ITEM_KEY.test(text.slice(index, index + 8192));
}

function skipJsonSpace(text: string, from: number): number {
	let index = from;
	while (index < text.length && (text[index] === ' ' || text[index] === '\t' || text[index] === '\n' || text[index] === '\r')) index++;
	return index;
}
