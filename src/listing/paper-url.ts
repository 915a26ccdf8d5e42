/** A paper's address on the web, and the check that a URL from a listing is safe to open (the reader's `o`, the exports). */
import {arxivAbsUrl} from './arxiv-id.js';
import type {Paper} from './paper.js';

/** The page to open for a paper: its arXiv abstract when the id is an arXiv id (new or old style), else an arXiv title search. */
export function paperUrl(paper: Pick<Paper, 'arxivId' | 'title'>): string {
	const abstractPage = paper.arxivId === null ? null : arxivAbsUrl(paper.arxivId);
	if (abstractPage !== null) return abstractPage;
	const query = new URLSearchParams({query: paper.title, searchtype: 'title'});
	return `https://arxiv.org/search/?${query.toString()}`;
}

/** A URL that is safe to hand to a browser: http(s), no credentials, a real host. Null otherwise. */
export function safeUrl(text: string): URL | null {
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return null;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
	if (url.username !== '' || url.password !== '') return null;
	if (!/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i.test(url.hostname)) return null;
	return url;
}
