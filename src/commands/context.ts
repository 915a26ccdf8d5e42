import type {LoadOptions} from '../listing/load.js';
import type {StoreOptions} from '../state/store.js';

/** What a command needs from the outside world; tests pass their own. */
export interface CommandContext {
	stdout: (text: string) => void;
	stderr: (text: string) => void;
	/** Terminal width for tables. */
	columns: number;
	load: LoadOptions;
	store: StoreOptions;
}
