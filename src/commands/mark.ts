import {InputError} from '../errors.js';
import type {Flag} from '../state/marks.js';
import type {CommandContext} from './context.js';
import {setCommandMarks} from './papers-with-marks.js';

/**
 * What `papers mark` sets: one flag to one value on every paper named (a MarkChange, src/state/marks.ts,
 * with the same value for each paper).
 */
export interface MarkSetting {
	flag: Flag;
	value: boolean;
}

const ID = /^[0-9a-f]{12}$/;

/** `papers mark (--read | --unread | --favorite | --unfavorite) ID...`. */
export async function markCommand(ids: readonly string[], setting: MarkSetting, context: CommandContext): Promise<number> {
	if (ids.length === 0) throw new InputError('mark: name at least one paper id (as `papers list` shows them)');
	const invalid = ids.filter((id) => !ID.test(id));
	if (invalid.length > 0) {
		throw new InputError(`mark: not a paper id: ${invalid.join(', ')} (ids are 12 hex digits, as \`papers list\` shows them)`);
	}
	const unique = [...new Set(ids)];
	const store = await setCommandMarks(setting.flag, unique, setting.value, context);
	if (!store.writable) throw new InputError(`mark: ${store.path}: the marks could not be saved (see above)`);
	const what = setting.flag === 'read' ? (setting.value ? 'read' : 'unread') : setting.value ? 'favorite' : 'not favorite';
	context.stdout(`marked ${unique.length} paper${unique.length === 1 ? '' : 's'} ${what}\n`);
	return 0;
}
