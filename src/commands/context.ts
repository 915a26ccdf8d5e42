import type {LoadOptions} from '../listing/load.js';
import type {StoreOptions} from '../state/store.js';

/** What a command needs from the outside world; tests pass their own. */
export interface CommandContext {
	stdout: (text: string) => void;
	stderr: (text: string) => void;
	/** Terminal width for tables. */
	columns: number;
	/** Indent JSON output (when a person reads it in a terminal). */
	pretty: boolean;
	load: LoadOptions;
	store: StoreOptions;
}
