import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, renameSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import envPaths from 'env-paths';
import {InputError} from '../errors.js';
import {BodyTooLargeError, discardBody, FETCH_LIMIT_BYTES, readBodyLimited} from './body.js';

/**
 * Gets a listing over HTTP, with a copy kept in the user's cache directory: when the network or the
 * server fails (or sends something that is not a listing), the cached copy is used with a warning.
 */
export interface FetchRequest {
	url: URL;
	/** A readable start for the cache file's name ("hf-daily-papers-2024-10-25"). */
	cacheName: string;
	/** Throws (an InputError saying what is wrong) when a body is not a listing; the cache keeps only good ones. */
	validate: (body: string) => void;
}

export interface FetchOptions {
	/** The cache directory; by default $XDG_CACHE_HOME/papers. */
	cacheDirectory?: string;
	/** How long one attempt may take, headers and body (ms). */
	timeoutMs?: number;
	/** Wait before the one retry (ms). */
	retryDelayMs?: number;
	/** How that wait is done (a test's fake clock passes its own). */
	sleep?: (ms: number) => Promise<void>;
	/** The most a body may be (bytes); FETCH_LIMIT_BYTES by default. */
	maxBytes?: number;
	/** Told when an attempt starts and when everything is done (a progress indicator listens). */
	onProgress?: (event: {type: 'attempt'; attempt: number; url: URL} | {type: 'done'}) => void;
}

/** What a fetch gave: the body, and where it came from. */
export interface Fetched {
	body: string;
	/** The cache file holding the body. */
	path: string;
	/** Set when the body is the cached copy: why the network one was not used. */
	warning: string | null;
}

/** The directory fetched listings are cached in ($XDG_CACHE_HOME/papers on Linux). */
export function defaultCacheDirectory(): string {
	return envPaths('papers', {suffix: ''}).cache;
}

/** A failure worth one more attempt (the network, a timeout, a 5xx), or not (a 4xx, a bad body). */
class AttemptError extends Error {
	constructor(
		message: string,
		readonly retry: boolean,
	) {
		super(message);
	}
}

function describeNetworkError(error: unknown): string {
	const cause = (error as {cause?: {code?: string; message?: string}}).cause;
	if ((error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError') return 'timed out';
	return cause?.code ?? cause?.message ?? (error as Error).message;
}

async function attempt(request: FetchRequest, timeoutMs: number, maxBytes: number): Promise<string> {
	let response: Response;
	const signal = AbortSignal.timeout(timeoutMs);
	try {
		response = await fetch(request.url, {signal, headers: {accept: 'application/json, application/atom+xml, application/rss+xml, text/xml;q=0.9, */*;q=0.5'}, redirect: 'follow'});
	} catch (error) {
		throw new AttemptError(describeNetworkError(error), true);
	}
	if (!response.ok) {
		// An error page is not read: its size does not matter, and the status says what went wrong.
		await discardBody(response);
		const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
		throw new AttemptError(response.status >= 500 || response.status === 429 ? `the server failed (${status})` : `the server refused (${status})`, response.status >= 500 || response.status === 429);
	}
	let body: string;
	try {
		body = await readBodyLimited(response, maxBytes);
	} catch (error) {
		// Too large is not retried: the same server would send the same again.
		if (error instanceof BodyTooLargeError) throw new AttemptError(error.message, false);
		throw new AttemptError(`the body could not be read (${describeNetworkError(error)})`, true);
	}
	try {
		request.validate(body);
	} catch (error) {
		if (!(error instanceof InputError)) throw error;
		throw new AttemptError(`the server sent something that is not a listing: ${error.message}`, false);
	}
	return body;
}

/** `hf-daily-papers-2024-10-25-<8 hex digits of the URL's hash>.txt`: one file per URL. */
export function cachePath(directory: string, request: Pick<FetchRequest, 'url' | 'cacheName'>): string {
	const hash = createHash('sha256').update(request.url.href).digest('hex').slice(0, 8);
	const name = request.cacheName.replace(/[^\w.-]+/g, '-');
	return join(directory, `${name}-${hash}.cache`);
}

function writeCache(path: string, body: string): void {
	const temporary = `${path}.${process.pid}.tmp`;
	writeFileSync(temporary, body, {mode: 0o600});
	renameSync(temporary, path);
}

function readCache(path: string): {body: string; at: Date} | null {
	try {
		return {body: readFileSync(path, 'utf8'), at: statSync(path).mtime};
	} catch {
		return null;
	}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Fetches `request.url`: two attempts at most (a retry after a network error, a timeout or a 5xx), each
 * within the timeout; a body over the size limit is refused, not retried. A good body is cached and returned; otherwise the cached copy, with a warning;
 * with no cached copy, an InputError saying what failed.
 */
export async function fetchListing(request: FetchRequest, options: FetchOptions = {}): Promise<Fetched> {
	const directory = options.cacheDirectory ?? defaultCacheDirectory();
	const path = cachePath(directory, request);
	const timeoutMs = options.timeoutMs ?? 15_000;
	let failure: AttemptError | undefined;
	try {
		for (let number = 1; number <= 2; number++) {
			options.onProgress?.({type: 'attempt', attempt: number, url: request.url});
			try {
				const body = await attempt(request, timeoutMs, options.maxBytes ?? FETCH_LIMIT_BYTES);
				try {
					mkdirSync(directory, {recursive: true});
					writeCache(path, body);
				} catch {
					// A cache that cannot be written costs only the offline copy.
				}
				return {body, path, warning: null};
			} catch (error) {
				if (!(error instanceof AttemptError)) throw error;
				failure = error;
				if (!error.retry) break;
				if (number === 1) await (options.sleep ?? sleep)(options.retryDelayMs ?? 500);
			}
		}
	} finally {
		options.onProgress?.({type: 'done'});
	}
	const reason = `could not fetch ${request.url.href}: ${failure?.message ?? 'unknown error'}`;
	const cached = readCache(path);
	if (cached === null) throw new InputError(`${reason}; no cached copy to fall back on`);
	// What it means first: a footer shows only the start of it.
	const at = cached.at.toISOString().slice(0, 16).replace('T', ' ');
	return {body: cached.body, path, warning: `using the copy cached ${at} UTC: ${reason} (cache: ${path})`};
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A spinner on stderr while fetching, when stderr is a terminal: "⠋ fetching URL (attempt 2)". Nothing otherwise. */
export function progressIndicator(stream: NodeJS.WriteStream = process.stderr): FetchOptions['onProgress'] {
	if (stream.isTTY !== true) return undefined;
	let timer: NodeJS.Timeout | undefined;
	let frame = 0;
	let label = '';
	const draw = () => {
		// One line that fits: a line the terminal wraps cannot be redrawn in place.
		const room = Math.max(10, (stream.columns ?? 80) - 3);
		const shown = label.length > room ? `${label.slice(0, room - 1)}…` : label;
		stream.write(`\r\u001B[2K${FRAMES[frame++ % FRAMES.length]} ${shown}`);
	};
	return (event) => {
		if (event.type === 'attempt') {
			label = `fetching ${event.url.href}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}`;
			draw();
			timer ??= setInterval(draw, 80);
			return;
		}
		clearInterval(timer);
		timer = undefined;
		stream.write('\r\u001B[2K');
	};
}
