import {useInput} from 'ink';
import {useState} from 'react';

/**
 * Fault injection for the crash tests: with PAPERS_FAULT set, the key `!` makes the reader fail the way
 * a bug would: `render` throws while React renders, `uncaught` throws from a timer, `rejection` leaves
 * a promise rejected. Without PAPERS_FAULT nothing of this is rendered.
 */
export type Fault = 'render' | 'uncaught' | 'rejection';

/** The fault asked for in the environment, if any. */
export function faultFromEnvironment(value = process.env.PAPERS_FAULT): Fault | null {
	return value === 'render' || value === 'uncaught' || value === 'rejection' ? value : null;
}

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
