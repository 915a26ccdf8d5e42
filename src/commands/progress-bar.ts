// The progress bar of `papers fetch --from --to` on stderr, when stderr is a terminal:
//   papers ███████░░░░░░░░░░░░░  3/10  2024-10-23  ETA 7s
// one line redrawn in place, fitted to the terminal's width (a wrapped line cannot be redrawn), cleared
// when the run ends. Nothing at all when stderr is not a terminal (a log gets the summary instead), as git
// and npm do.

/** What the bar shows. */
export interface ProgressState {
	/** Days done (fetched) so far. */
	done: number;
	/** Days to fetch in all. */
	total: number;
	/** The day being fetched now, or null between days. */
	day: string | null;
	/** Time left (ms), or null while unknown. */
	etaMs: number | null;
}

/** "7s", "1m05s", "2h03m": a duration rounded up to the second. */
export function formatDuration(ms: number): string {
	const seconds = Math.max(0, Math.ceil(ms / 1000));
	if (seconds < 60) return `${seconds}s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
	return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/**
 * The time left: each day still to fetch takes what the days so far took on average, and never less
 * than the pause between requests (`intervalMs`); before the first day is done, the pause alone.
 */
export function estimateRemainingMs(state: {done: number; total: number; elapsedMs: number; intervalMs: number}): number {
	const perDay = state.done === 0 ? state.intervalMs : Math.max(state.intervalMs, state.elapsedMs / state.done);
	return Math.max(0, state.total - state.done) * perDay;
}

/** The bar's line for a terminal `columns` wide: it always fits in `columns - 1` cells (ASCII and block characters only). */
export function formatProgress(state: ProgressState, columns: number): string {
	const width = String(state.total).length;
	const count = `${String(state.done).padStart(width)}/${state.total}`;
	const tail = [count, state.day ?? '', state.etaMs === null ? '' : `ETA ${formatDuration(state.etaMs)}`].filter((part) => part !== '').join('  ');
	const room = Math.max(1, columns - 1);
	const barWidth = Math.min(30, room - tail.length - 2);
	if (barWidth < 5) return tail.length <= room ? tail : tail.slice(0, room);
	const filled = state.total === 0 ? barWidth : Math.floor((barWidth * Math.min(state.done, state.total)) / state.total);
	return `${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}  ${tail}`;
}

/** The bar on a stream: `update` redraws it, `clear` takes it off the line (before any other output). */
export interface ProgressBar {
	update(state: ProgressState): void;
	clear(): void;
}

/** A bar on `stream` when it is a terminal; one that draws nothing otherwise. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar {
	if (stream.isTTY !== true) return {update: () => {}, clear: () => {}};
	let shown = false;
	return {
		update(state) {
			stream.write(`\r\u001B[2K${formatProgress(state, stream.columns ?? 80)}`);
			shown = true;
		},
		clear() {
			if (shown) stream.write('\r\u001B[2K');
			shown = false;
		},
	};
}
