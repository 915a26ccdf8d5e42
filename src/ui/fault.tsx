import {useInput} from 'ink';
import {useState} from 'react';
import type {Fault} from '../test-hooks.js';

/**
 * TEST-ONLY (src/test-hooks.ts): fault injection for the crash tests. With PAPERS_FAULT set, the key `!`
 * makes the reader fail the way a bug would: `render` throws while React renders, `uncaught` throws from
 * a timer, `rejection` leaves a promise rejected. Without PAPERS_FAULT nothing of this is rendered.
 */

/** Fails as `fault` says on the key `!`. */
export function FaultOnKey({fault}: {fault: Fault}) {
	const [failing, setFailing] = useState(false);
	useInput((input) => {
		if (input !== '!') return;
		const error = new Error(`injected fault (PAPERS_FAULT=${fault})`);
		if (fault === 'render') setFailing(true);
		else if (fault === 'uncaught') {
			setTimeout(() => {
				throw error;
			}, 0);
		} else void Promise.reject(error);
	});
	if (failing) throw new Error('injected fault (PAPERS_FAULT=render)');
	return null;
}
