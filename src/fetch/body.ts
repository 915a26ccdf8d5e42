// Reads an HTTP response's body with a size limit: a server that sends (or announces) more than a listing
// could ever be is refused before its body fills memory. Content-Length is checked before reading; a body
// without one (or lying about it, or compressed) is counted as it streams and cancelled past the limit.

/**
 * The most a fetched listing may be: 64 MiB. A day's Daily Papers is well under 1 MB and 200 arXiv
 * entries about 1 MB, so this is generous; the process holds at most this much of a body.
 */
export const FETCH_LIMIT_BYTES = 64 * 1024 * 1024;

/** A body over the limit (announced or counted). */
export class BodyTooLargeError extends Error {
	constructor(readonly limit: number) {
		super(`the body is over the ${formatBytes(limit)} limit`);
	}
}

/** "64 MiB" for whole MiB, else bytes ("1500 bytes"). */
export function formatBytes(bytes: number): string {
	const mib = 1024 * 1024;
	return bytes % mib === 0 ? `${bytes / mib} MiB` : `${bytes} bytes`;
}

/** The Content-Length a response announces, when it is a plain number. */
export function announcedLength(headers: Headers): number | null {
	const text = headers.get('content-length');
	if (text === null || !/^\s*\d+\s*$/.test(text)) return null;
	return Number(text);
}

/** Cancels a body not to be read (the connection is closed instead of drained). */
export async function discardBody(response: Response): Promise<void> {
	try {
		await response.body?.cancel();
	} catch {
		// Already errored or closed: nothing left to read.
	}
}

/**
 * The body as text (UTF-8, a byte order mark dropped, as `response.text()`), or a BodyTooLargeError
 * when it announces or reaches more than `limit` bytes; the rest is then never read.
 */
export async function readBodyLimited(response: Response, limit: number = FETCH_LIMIT_BYTES): Promise<string> {
	const announced = announcedLength(response.headers);
	if (announced !== null && announced > limit) {
		await discardBody(response);
		throw new BodyTooLargeError(limit);
	}
	if (response.body === null) return '';
	const reader = response.body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const {done, value} = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > limit) {
			chunks.length = 0;
			await reader.cancel().catch(() => {});
			throw new BodyTooLargeError(limit);
		}
		chunks.push(value);
	}
	return new TextDecoder().decode(Buffer.concat(chunks, total));
}
