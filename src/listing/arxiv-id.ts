/**
 * arXiv ids: the one rule for what an id is, where one is named (a URL, an OAI identifier, an "arXiv:"
 * reference) and which page it has. The parsers, the export and the reader's "open" all read ids here,
 * so an id one of them takes is an id all of them take.
 *
 * New-style ids are "YYMM.NNNN" (2007-2014) or "YYMM.NNNNN" (from 2015); old-style ones (before 2007) are
 * an archive, maybe a subject class, and seven digits: "hep-th/9901001", "math.AG/0601001",
 * "cond-mat/0102536". Either may end in a version ("v2"), which is dropped: a paper has one id.
 *
 * An id is taken from a URL only when the URL's host is arXiv's own (arxiv.org, www.arxiv.org,
 * export.arxiv.org) or a Hugging Face paper page (huggingface.co/papers/<id>, hf.co/papers/<id>: those
 * pages are keyed by the arXiv id). "https://evil.com/arxiv.org/abs/2403.00003" names none.
 */

const NEW_STYLE = String.raw`\d{4}\.\d{4,5}`;
const OLD_STYLE = String.raw`[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{7}`;
const ID = new RegExp(`^(?:${NEW_STYLE}|${OLD_STYLE})$`);
const VERSION = /v\d+$/;

/** arXiv's pages, by path: the id and what may follow it. */
const ARXIV_PATH = new RegExp(`^/(?:abs|pdf|html)/((?:${NEW_STYLE}|${OLD_STYLE})(?:v\\d+)?)(?:\\.pdf|/.*)?$`);
const HUGGING_FACE_PATH = new RegExp(`^/papers/(${NEW_STYLE})/?$`);
const ARXIV_HOSTS = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org']);
const HUGGING_FACE_HOSTS = new Set(['huggingface.co', 'hf.co']);

/** "oai:arXiv.org:2411.01234v1" (the feeds' guids) or "arXiv:0808.0620", as a whole. */
const REFERENCE = /^(?:oai:arxiv\.org:|arxiv:)/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** The arXiv id without its version ("2410.17243v1" → "2410.17243", "hep-th/9901001v2" → "hep-th/9901001"); null when it is not one. */
export function normalizeArxivId(raw: string): string | null {
	const id = raw.trim().replace(/^arxiv:/i, '').replace(VERSION, '');
	return ID.test(id) ? id : null;
}

/**
 * The arXiv id a URL names, without its version: an arXiv abstract, PDF or HTML page
 * ("https://arxiv.org/abs/2410.17243v1", "arxiv.org/pdf/hep-th/9901001v2") or a Hugging Face paper page
 * ("https://huggingface.co/papers/2606.00683"), http or https, the scheme optional. Null for any other
 * URL or host, and for text that is not a URL.
 */
export function arxivIdFromUrl(text: string): string | null {
	const trimmed = text.trim();
	let url: URL;
	try {
		url = new URL(SCHEME.test(trimmed) ? trimmed : `https://${trimmed}`);
	} catch {
		return null;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
	if (ARXIV_HOSTS.has(url.hostname)) {
		const match = ARXIV_PATH.exec(url.pathname);
		return match?.[1] === undefined ? null : normalizeArxivId(match[1]);
	}
	if (HUGGING_FACE_HOSTS.has(url.hostname)) {
		// New-style ids only: the pages began after them.
		return HUGGING_FACE_PATH.exec(url.pathname)?.[1] ?? null;
	}
	return null;
}

/** The arXiv id of an OAI identifier ("oai:arXiv.org:2411.01234v1") or a reference ("arXiv:0808.0620"), the whole text; else null. */
export function arxivIdFromReference(text: string): string | null {
	const trimmed = text.trim();
	const prefix = REFERENCE.exec(trimmed);
	return prefix === null ? null : normalizeArxivId(trimmed.slice(prefix[0].length));
}

/** The arXiv id a feed's identifier names (the whole text): a URL (arxivIdFromUrl), an OAI identifier or an "arXiv:" reference; else null. */
export function arxivIdNamedBy(text: string): string | null {
	return arxivIdFromReference(text) ?? arxivIdFromUrl(text);
}

/** The abstract page of an arXiv id ("https://arxiv.org/abs/hep-th/9901001"), its version dropped; null when it is not an id. */
export function arxivAbsUrl(raw: string): string | null {
	const id = normalizeArxivId(raw);
	return id === null ? null : `https://arxiv.org/abs/${id}`;
}
