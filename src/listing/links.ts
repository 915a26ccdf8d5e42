/**
 * Links in text: the URLs of an abstract, with or without a scheme, normalised to https; and the arXiv id
 * such links name (read by arxiv-id.ts, as everywhere else).
 */
import {arxivIdFromUrl} from './arxiv-id.js';

// A URL with a scheme, or a bare host with a known top-level domain followed by a path.
const URL_PATTERN =
	/\bhttps?:\/\/[^\s<>"'`]+|\b(?:www\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|org|io|ai|net|edu|dev|page|me|app|info|co|cn|uk|de|fr|jp)\/[^\s<>"'`]*/gi;
// Cheap test first: a scheme, or a dotted name followed by a slash.
const MAYBE_URL = /:\/\/|[a-z0-9]\.[a-z]{2,}\//i;

/** URLs in the text, with or without a scheme, normalised to https, in order, without duplicates. */
export function extractLinks(text: string): string[] {
	const links: string[] = [];
	if (!text.includes('/') || !MAYBE_URL.test(text)) return links; // every URL pattern has a slash
	for (const match of text.matchAll(URL_PATTERN)) {
		const raw = trimTrailing(match[0]);
		const normalised = normaliseUrl(raw);
		if (normalised !== null && !links.includes(normalised)) links.push(normalised);
	}
	return links;
}

/** Drops punctuation that ends the sentence, keeping "(...)" inside a URL (Wikipedia style). */
function trimTrailing(url: string): string {
	let result = url;
	for (;;) {
		const last = result.at(-1);
		if (last === undefined) return result;
		if ('.,;:!?]}\'"'.includes(last) || (last === ')' && countOf(result, '(') < countOf(result, ')'))) {
			result = result.slice(0, -1);
		} else {
			return result;
		}
	}
}

function countOf(text: string, character: string): number {
	return text.split(character).length - 1;
}

function normaliseUrl(raw: string): string | null {
	const withScheme = /^https?:\/\//i.test(raw) ? raw.replace(/^http:/i, 'https:') : `https://${raw}`;
	try {
		const url = new URL(withScheme);
		if (url.username || url.password || !url.hostname.includes('.')) return null;
		return url.href;
	} catch {
		return null;
	}
}

/** The arXiv id named by the first link that names one (an arXiv or Hugging Face paper page, see arxivIdFromUrl), else null. */
export function arxivIdFromLinks(links: readonly string[]): string | null {
	for (const link of links) {
		const id = arxivIdFromUrl(link);
		if (id !== null) return id;
	}
	return null;
}
