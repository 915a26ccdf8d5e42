import {InputError} from '../errors.js';
import {fetchListing, progressIndicator, type FetchOptions, type FetchRequest} from '../fetch/fetch.js';
import {parseArxivFeed} from '../listing/arxiv.js';
import {parseHfApi} from '../listing/hf-api.js';
import type {ListingFormat, MemoryListing} from '../listing/load.js';

export const DEFAULT_API_BASE = 'https://huggingface.co';
export const DEFAULT_ARXIV_BASE = 'https://export.arxiv.org';
/** How many of a category's newest papers `fetch --arxiv` asks for. */
const ARXIV_MAX_RESULTS = 200;

/** What `papers fetch` was asked for. */
export interface FetchFlags {
	date?: string | undefined;
	apiBase?: string | undefined;
	arxiv?: string | undefined;
	arxivBase?: string | undefined;
}

/** A fetched listing, ready for the loader, and the warning when it is the cached copy. */
export interface FetchedListing {
	listing: MemoryListing;
	format: ListingFormat;
	warning: string | null;
}

function baseUrl(text: string, flag: string): URL {
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new InputError(`${flag} must be an http(s) URL, got ${text}`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError(`${flag} must be an http(s) URL, got ${text}`);
	if (!url.pathname.endsWith('/')) url.pathname += '/';
	return url;
}

/** The request for a day's Hugging Face Daily Papers (the latest day without a date). */
export function dailyPapersRequest(flags: FetchFlags): FetchRequest {
	const url = new URL('api/daily_papers', baseUrl(flags.apiBase ?? DEFAULT_API_BASE, '--api-base'));
	if (flags.date !== undefined) url.searchParams.set('date', flags.date);
	return {
		url,
		cacheName: `hf-daily-papers-${flags.date ?? 'latest'}`,
		validate: (body) => void parseHfApi(body, {source: url.href}),
	};
}

/** The request for the newest papers of an arXiv category, from the arXiv API (an Atom feed). */
export function arxivRequest(flags: FetchFlags & {arxiv: string}): FetchRequest {
	if (!/^[a-z-]+(?:\.[A-Za-z-]+)?$/.test(flags.arxiv)) throw new InputError(`--arxiv must be an arXiv category such as cs.LG or hep-th, got ${flags.arxiv}`);
	const url = new URL('api/query', baseUrl(flags.arxivBase ?? DEFAULT_ARXIV_BASE, '--arxiv-base'));
	url.searchParams.set('search_query', `cat:${flags.arxiv}`);
	url.searchParams.set('sortBy', 'submittedDate');
	url.searchParams.set('sortOrder', 'descending');
	url.searchParams.set('max_results', String(ARXIV_MAX_RESULTS));
	return {
		url,
		cacheName: `arxiv-${flags.arxiv}`,
		validate: (body) => void parseArxivFeed(body, {source: url.href}),
	};
}

/** `papers fetch`: gets the listing (or its cached copy); the caller opens the reader or prints it. */
export async function fetchCommand(rest: readonly string[], flags: FetchFlags, options: FetchOptions = {}): Promise<FetchedListing> {
	if (rest.length > 0) throw new InputError(`fetch takes no files (got ${rest.join(' ')}); use --date, --arxiv`);
	if (flags.arxiv === undefined && flags.arxivBase !== undefined) throw new InputError('--arxiv-base goes with --arxiv CATEGORY');
	if (flags.arxiv !== undefined && (flags.date !== undefined || flags.apiBase !== undefined)) throw new InputError('--date and --api-base are for the Daily Papers, not --arxiv');
	const request = flags.arxiv === undefined ? dailyPapersRequest(flags) : arxivRequest({...flags, arxiv: flags.arxiv});
	const fetched = await fetchListing(request, {onProgress: progressIndicator(), ...options});
	return {
		listing: {name: request.url.href, bytes: Buffer.from(fetched.body, 'utf8')},
		format: flags.arxiv === undefined ? 'hf-api' : 'arxiv',
		warning: fetched.warning,
	};
}
