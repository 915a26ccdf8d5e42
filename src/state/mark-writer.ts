import type {MarkChange} from './marks.js';
import type {MarkStore} from './store.js';

/** Writes marks after the current frame has been drawn, so that writing never blocks typing. */
export interface MarkWriter {
	write(change: MarkChange): void;
	/** Writes everything still queued, now (on quit). */
	flush(): void;
}

/** Queues changes and writes them on the next turn of the event loop; errors go to `onError`. */
export function createMarkWriter(store: Pick<MarkStore, 'set'>, onError: (error: unknown) => void): MarkWriter {
	let queue: MarkChange[] = [];
	let scheduled: NodeJS.Immediate | undefined;
	const flush = () => {
		if (scheduled !== undefined) clearImmediate(scheduled);
		scheduled = undefined;
		const pending = queue;
		queue = [];
		for (const change of pending) {
			for (const value of [true, false]) {
				const ids = change.entries.filter((entry) => entry.value === value).map((entry) => entry.id);
				if (ids.length === 0) continue;
				try {
					store.set(change.flag, ids, value);
				} catch (error) {
					onError(error);
				}
			}
		}
	};
	return {
		write(change) {
			queue.push(change);
			scheduled ??= setImmediate(flush);
		},
		flush,
	};
}
