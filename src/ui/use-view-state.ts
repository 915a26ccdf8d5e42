import {useCallback, useRef, useState} from 'react';
import {reduce} from './reducer.js';
import type {Action, ViewState} from './view-state.js';

/**
 * The view reducer, with the latest state readable at once: keys that arrive faster than frames
 * (a paste, a held key) each see the state the previous one left, not the last rendered one.
 */
export function useViewState(initial: () => ViewState): [ViewState, (action: Action) => void, () => ViewState] {
	const ref = useRef<ViewState | null>(null);
	ref.current ??= initial();
	const [, setVersion] = useState(0);
	const dispatch = useCallback((action: Action) => {
		const next = reduce(ref.current!, action);
		if (next === ref.current) return;
		ref.current = next;
		setVersion((version) => version + 1);
	}, []);
	const latest = useCallback(() => ref.current!, []);
	return [ref.current, dispatch, latest];
}
