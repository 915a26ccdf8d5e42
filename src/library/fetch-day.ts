/**
 * Fetching a day's Daily Papers from inside the reader: the same request as `papers fetch --date`, kept
 * in the library under the day's name, read by the loader as a listing in memory.
 */
import {join} from 'node:path';
import {dailyPapersRequest} from '../commands/fetch.js';
import {InputError} from '../errors.js';
import {fetchListing} from '../fetch/fetch.js';
import {loadListings} from '../listing/load.js';
import type {Paper} from '../listing/paper.js';
import {dailyPapersDay, dailyPapersName, keepInLibrary} from './library.js';

/** A day's Daily Papers, fetched. */
export interface FetchedDay {
	day: string;
	papers: readonly Paper[];
	/** Something to tell (the cached copy was used, the library could not keep it), or null. */
	warning: string | null;
}

/** Fetches a day's Daily Papers (null: the latest); rejects with an Error saying why it could not. */
export type FetchDay = (day: string | null) => Promise<FetchedDay>;

/** Where the reader's fetches go. */
export interface DayFetcherOptions {
	/** The library's directory: fetched listings are kept there. */
	library: string;
	/** The Hugging Face server (`--api-base`). */
	apiBase?: string | undefined;
	/** How long one attempt may take (ms). */
	timeoutMs?: number | undefined;
}

/** The reader's fetcher, and how many of its fetches are under way. */
export type DayFetcher = FetchDay & {pending: () => number};

/** The reader's fetcher: gets the day's listing, keeps it in the library, reads its papers. */
export function createDayFetcher(options: DayFetcherOptions): DayFetcher {
	let pending = 0;
	const fetchDay: FetchDay = async (day) => {
		pending++;
		try {
			return await fetchAndKeep(day, options);
		} finally {
			pending--;
		}
	};
	return Object.assign(fetchDay, {pending: () => pending});
}

async function fetchAndKeep(day: string | null, {library, apiBase, timeoutMs}: DayFetcherOptions): Promise<FetchedDay> {
	const request = dailyPapersRequest({date: day ?? undefined, apiBase});
	const fetched = await fetchListing(request, {timeoutMs});
	const bytes = Buffer.from(fetched.body, 'utf8');
	const name = dailyPapersName(day ?? dailyPapersDay(fetched.body));
	const warnings = [fetched.warning, keepInLibrary(library, name, bytes)].filter((warning) => warning !== null);
	// Named as the library's file: the papers' day comes from that name.
	const {papers} = await loadListings([{name: join(library, name), bytes}], {format: 'hf-api'});
	return {day: name.slice('hf-daily-'.length, -'.json'.length), papers, warning: warnings.length === 0 ? null : warnings.join('; ')};
}

/** Network failures: the reader says it is offline. */
const OFFLINE = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ECONNRESET|ETIMEDOUT|timed out|fetch failed/;

/** What the footer says when a fetch failed. */
export function describeFetchFailure(what: string, error: unknown): string {
	const message = error instanceof InputError || error instanceof Error ? error.message : String(error);
	const offline = OFFLINE.exec(message);
	return offline === null ? `${what} not fetched: ${message}` : `offline (${offline[0]}): ${what} not fetched`;
}
