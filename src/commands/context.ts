import type {LoadOptions} from '../listing/load.js';
import type {StoreOptions} from '../state/store.js';

/** What a command needs from the outside world; tests pass their own. */
export interface CommandContext {
	/**
	 * Writes to standard output. It may return false, as a stream's write does, when the text was queued
	 * rather than written (a pipe to a slower reader): a command writing much then waits for `drained`.
	 */
	stdout: (text: string) => unknown;
	stderr: (text: string) => void;
	/** Resolves once queued output has been written; standard output's 'drain' when absent. */
	drained?: () => Promise<void>;
	/** Terminal width for tables. */
	columns: number;
	/** Indent JSON output (when a person reads it in a terminal). */
	pretty: boolean;
	load: LoadOptions;
	store: StoreOptions;
	/** The library's directory (src/library): $XDG_DATA_HOME/papers/library by default. */
	library: string;
}
