// A real HTTP server on 127.0.0.1 for the fetch tests: each path answers in its own way (a fixture, a
// server error, garbage, a hang), and every request is counted.
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo, Socket} from 'node:net';

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface TestServer {
	/** http://127.0.0.1:PORT */
	base: string;
	/** Requests seen, by path (without the query). */
	hits: Map<string, number>;
	/** The full URLs requested, in order. */
	urls: string[];
	close(): Promise<void>;
}

/** Answers `status` with `body`. */
export function respond(status: number, body: string | Buffer, type = 'application/json'): Handler {
	return (_request, response) => {
		response.writeHead(status, {'content-type': type});
		response.end(body);
	};
}

/** Never answers (the client must time out). */
export const hang: Handler = () => {};

/** Sends the headers and part of the body, then stops. */
export function hangMidBody(part: string): Handler {
	return (_request, response) => {
		response.writeHead(200, {'content-type': 'application/json', 'content-length': String(part.length * 10)});
		response.write(part);
	};
}

/** What a streaming handler has sent, and whether the client hung up before the end. */
export interface StreamState {
	sent: number;
	cutShort: boolean;
}

/**
 * Sends `total` bytes of `[` (never a listing) a megabyte at a time, as fast as the client reads them, with
 * a Content-Length or without (chunked); `state` says how far it got.
 */
export function stream(total: number, withLength: boolean, state: StreamState): Handler {
	const chunk = Buffer.alloc(1024 * 1024, '[');
	return (_request, response) => {
		response.writeHead(200, {'content-type': 'application/json', ...(withLength ? {'content-length': String(total)} : {})});
		response.on('close', () => (state.cutShort = !response.writableFinished));
		const more = () => {
			while (state.sent < total && !response.destroyed) {
				const part = chunk.subarray(0, Math.min(chunk.length, total - state.sent));
				state.sent += part.length;
				if (!response.write(part)) return void response.once('drain', more);
			}
			if (!response.destroyed) response.end();
		};
		more();
	};
}

/** Starts a server answering each path with its handler (404 for others). */
export async function startServer(routes: Record<string, Handler>): Promise<TestServer> {
	const hits = new Map<string, number>();
	const urls: string[] = [];
	const sockets = new Set<Socket>();
	const server: Server = createServer((request, response) => {
		const path = new URL(request.url ?? '/', 'http://x').pathname;
		hits.set(path, (hits.get(path) ?? 0) + 1);
		urls.push(request.url ?? '');
		const handler = routes[path];
		if (handler === undefined) respond(404, 'not found', 'text/plain')(request, response);
		else handler(request, response);
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		base: `http://127.0.0.1:${port}`,
		hits,
		urls,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}
