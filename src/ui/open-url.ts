import type {Paper} from '../listing/paper.js';

/** The page to open for a paper: its arXiv abstract when the id is known, else an arXiv title search. */
export function paperUrl(paper: Pick<Paper, 'arxivId' | 'title'>): string {
	// New ids (2410.17243) and old ones (hep-th/9901001, math.PR/0601001).
	if (paper.arxivId !== null && /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})$/.test(paper.arxivId)) return `https://arxiv.org/abs/${paper.arxivId}`;
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
