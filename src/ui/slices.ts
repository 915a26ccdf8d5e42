/**
 * Runs `work` in slices on the main thread, between keys and frames, until it returns true; `work` is
 * given the time (performance.now()) its slice should end by. Slices are queued with setImmediate. React
 * queues its rendering the same way, so the render of a key read between two slices would wait behind
 * the next slice: a slice that finds a key arrived since it was queued queues itself again instead,
 * letting the key's frame go first. Background work (`quietMs` > 0) waits until no key has come for that
 * long, so that keys typed in a row each find the main thread free. Returns a function that stops the work.
 */
export function runInSlices(work: (deadline: number) => boolean, sliceMs: number, lastInputAt: () => number, quietMs = 0): () => void {
	let queuedAt = performance.now();
	let timer: NodeJS.Immediate | undefined;
	let waiting: NodeJS.Timeout | undefined;
	const step = () => {
		timer = undefined;
		const now = performance.now();
		const quietIn = lastInputAt() + quietMs - now;
		if (quietIn > 0) {
			waiting = setTimeout(step, quietIn);
			return;
		}
		if (lastInputAt() < queuedAt && work(now + sliceMs)) return;
		queuedAt = performance.now();
		timer = setImmediate(step);
	};
	timer = setImmediate(step);
	return () => {
		if (timer !== undefined) clearImmediate(timer);
		clearTimeout(waiting);
	};
}
