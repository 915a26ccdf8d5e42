/**
 * Runs `work` in slices on the main thread, between keys and frames, until it returns true; `work` is
 * given the time (performance.now()) its slice should end by. Slices are queued with setImmediate. React
 * queues its rendering the same way, so the render of a key read between two slices would wait behind
 * the next slice: a slice that finds a key arrived since it was queued queues itself again instead,
 * letting the key's frame go first. Returns a function that stops the work.
 */
export function runInSlices(work: (deadline: number) => boolean, sliceMs: number, lastInputAt: () => number): () => void {
	let queuedAt = performance.now();
	let timer: NodeJS.Immediate | undefined;
	const step = () => {
		timer = undefined;
		if (lastInputAt() < queuedAt && work(performance.now() + sliceMs)) return;
		queuedAt = performance.now();
		timer = setImmediate(step);
	};
	timer = setImmediate(step);
	return () => {
		if (timer !== undefined) clearImmediate(timer);
	};
}
