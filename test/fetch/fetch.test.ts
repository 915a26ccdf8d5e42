import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {fileError, InputError} from '../../src/errors.js';
import {cachePath, fetchListing, type FetchRequest} from '../../src/fetch/fetch.js';
import {hang, hangMidBody, respond, startServer, type TestServer} from '../helpers/http-server.js';

const GOOD = JSON.stringify([{paper: {id: '2410.17243', title: 'A paper'}}]);

/** A listing is a JSON array here: enough to tell good bodies from garbage. */
function request(url: string): FetchRequest {
	return {
		url: new URL(url),
		cacheName: 'test-listing',
		validate: (body) => {
			let data: unknown;
			try {
				data = JSON.parse(body);
			} catch {
				throw fileError(url, 'is not JSON');
			}
			if (!Array.isArray(data)) throw fileError(url, 'is not an array');
		},
	};
}

let server: TestServer | undefined;
let cacheDirectory: string;

beforeEach(() => {
	cacheDirectory = mkdtempSync(join(tmpdir(), 'papers-cache-'));
});

afterEach(async () => {
	await server?.close();
	server = undefined;
	rmSync(cacheDirectory, {recursive: true, force: true});
});

const fast = () => ({cacheDirectory, timeoutMs: 300, retryDelayMs: 10});

describe('fetchListing against a real server on 127.0.0.1', () => {
	it('returns a good body and caches it; the cache serves it when the server later fails', async () => {
		let failing = false;
		server = await startServer({
			'/list': (incoming, response) => (failing ? respond(500, 'oops')(incoming, response) : respond(200, GOOD)(incoming, response)),
		});
		const first = await fetchListing(request(`${server.base}/list?date=2024-10-25`), fast());
		expect(first).toMatchObject({body: GOOD, warning: null});
		expect(readFileSync(first.path, 'utf8')).toBe(GOOD);
		failing = true;
		const second = await fetchListing(request(`${server.base}/list?date=2024-10-25`), fast());
		expect(second.body).toBe(GOOD);
		expect(second.warning).toMatch(/^using the copy cached \d{4}-\d\d-\d\d \d\d:\d\d UTC: could not fetch http:\/\/127\.0\.0\.1:\d+\/list\?date=2024-10-25: the server failed \(HTTP 500 Internal Server Error\) \(cache: /);
		expect(second.warning).toContain(first.path);
		expect(server.hits.get('/list')).toBe(3); // one good, then a 500 and its retry
	});

	it('a 500 is retried once, then is a clear error when nothing is cached', async () => {
		server = await startServer({'/list': respond(500, 'oops')});
		const failed = fetchListing(request(`${server.base}/list`), fast());
		await expect(failed).rejects.toThrow(InputError);
		await expect(fetchListing(request(`${server.base}/list`), fast())).rejects.toThrow(/the server failed \(HTTP 500 Internal Server Error\); no cached copy to fall back on/);
		expect(server.hits.get('/list')).toBe(4);
	});

	it('a 404 is not retried, and says the server refused', async () => {
		server = await startServer({});
		await expect(fetchListing(request(`${server.base}/missing`), fast())).rejects.toThrow(/the server refused \(HTTP 404 Not Found\)/);
		expect(server.hits.get('/missing')).toBe(1);
	});

	it('a server that never answers times out, twice, and falls back on the cache', async () => {
		server = await startServer({'/list': hang});
		const path = cachePath(cacheDirectory, request(`${server.base}/list`));
		mkdirSync(cacheDirectory, {recursive: true});
		writeFileSync(path, GOOD);
		const started = performance.now();
		const result = await fetchListing(request(`${server.base}/list`), fast());
		expect(performance.now() - started).toBeLessThan(5000); // two attempts of 300 ms, not forever
		expect(result.body).toBe(GOOD);
		expect(result.warning).toMatch(/^using the copy cached .*: timed out \(cache: /);
		expect(server.hits.get('/list')).toBe(2);
	});

	it('a body that stops half-way times out too', async () => {
		server = await startServer({'/list': hangMidBody('[{"paper":')});
		await expect(fetchListing(request(`${server.base}/list`), fast())).rejects.toThrow(/timed out/);
	});

	it('garbage with a 200 is not cached over a good copy, and says what was wrong', async () => {
		server = await startServer({'/list': respond(200, '<html>rate limited</html>', 'text/html')});
		const path = cachePath(cacheDirectory, request(`${server.base}/list`));
		mkdirSync(cacheDirectory, {recursive: true});
		writeFileSync(path, GOOD);
		const result = await fetchListing(request(`${server.base}/list`), fast());
		expect(result.body).toBe(GOOD);
		expect(result.warning).toMatch(/the server sent something that is not a listing: .*is not JSON/);
		expect(readFileSync(path, 'utf8')).toBe(GOOD);
		expect(server.hits.get('/list')).toBe(1); // a bad body is not retried
	});

	it('no network at all (a closed port) is a clear error without a cache', async () => {
		const closed = await startServer({});
		const base = closed.base;
		await closed.close();
		await expect(fetchListing(request(`${base}/list`), fast())).rejects.toThrow(/could not fetch .*: ECONNREFUSED; no cached copy to fall back on/);
	});

	it('a body over the limit with a Content-Length is refused before it is read: not retried, not cached, the cache kept', async () => {
		const limited = {...fast(), timeoutMs: 5000, maxBytes: 100};
		// It announces 200 bytes and sends 20: only a check of the Content-Length ends this before the timeout.
		server = await startServer({'/list': hangMidBody('[{"paper": "x"}, {"p')});
		const path = cachePath(cacheDirectory, request(`${server.base}/list`));
		const started = performance.now();
		await expect(fetchListing(request(`${server.base}/list`), limited)).rejects.toThrow(/could not fetch .*\/list: the body is over the 100 bytes limit; no cached copy/);
		expect(performance.now() - started).toBeLessThan(1000);
		expect(existsSync(path)).toBe(false);
		expect(server.hits.get('/list')).toBe(1);
		mkdirSync(cacheDirectory, {recursive: true});
		writeFileSync(path, GOOD);
		const result = await fetchListing(request(`${server.base}/list`), limited);
		expect(result.body).toBe(GOOD);
		expect(result.warning).toMatch(/: the body is over the 100 bytes limit \(cache: /);
		expect(readFileSync(path, 'utf8')).toBe(GOOD);
	});

	it('a streamed body without a Content-Length is cut at the limit', async () => {
		let closed = false;
		server = await startServer({
			'/list': (incoming, response) => {
				response.writeHead(200, {'content-type': 'application/json'}); // chunked: no Content-Length
				const timer = setInterval(() => response.write('["x",'.repeat(100)), 5);
				response.on('close', () => {
					closed = true;
					clearInterval(timer);
				});
			},
		});
		await expect(fetchListing(request(`${server.base}/list`), {...fast(), timeoutMs: 5000, maxBytes: 10_000})).rejects.toThrow(/the body is over the 10000 bytes limit/);
		await expect.poll(() => closed).toBe(true); // the server saw the connection go
		expect(existsSync(cachePath(cacheDirectory, request(`${server.base}/list`)))).toBe(false);
	});

	it('a compressed body is counted as it unpacks, not by its Content-Length', async () => {
		const packed = gzipSync(Buffer.alloc(1_000_000, '['));
		server = await startServer({
			'/list': (_incoming, response) => {
				response.writeHead(200, {'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(packed.length)});
				response.end(packed);
			},
		});
		expect(packed.length).toBeLessThan(10_000);
		await expect(fetchListing(request(`${server.base}/list`), {...fast(), maxBytes: 10_000})).rejects.toThrow(/the body is over the 10000 bytes limit/);
	});

	it('a body at the limit is read whole', async () => {
		server = await startServer({'/list': respond(200, GOOD)});
		const result = await fetchListing(request(`${server.base}/list`), {...fast(), maxBytes: Buffer.byteLength(GOOD)});
		expect(result).toMatchObject({body: GOOD, warning: null});
	});

	it('keeps one cache file per URL', async () => {
		server = await startServer({'/list': respond(200, GOOD)});
		const a = await fetchListing(request(`${server.base}/list?date=2024-10-25`), fast());
		const b = await fetchListing(request(`${server.base}/list?date=2024-10-26`), fast());
		expect(a.path).not.toBe(b.path);
		expect(existsSync(a.path) && existsSync(b.path)).toBe(true);
	});
});
