/**
 * Days in the reader: `[` and `]` narrow the view to a day (view state, in the reducer), fetching the
 * day's Daily Papers in the background past either end; `0` goes back to all days; `F` fetches the
 * latest Daily Papers. Fetches never block keys: their papers join the list when they arrive (once the
 * listing itself is read), and a failure is a message in the footer. Also counts the new papers ("12 new").
 */
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {countFrom, daysOf, stepDay} from '../library/days.js';
import {describeFetchFailure, type FetchDay, type FetchedDay} from '../library/fetch-day.js';
import type {Paper} from '../listing/paper.js';
import type {PaperMarks} from '../state/marks.js';
import {keysFor, type Command} from './keymap.js';
import type {Action, ViewState} from './view-state.js';

/** What the days need from the reader. */
export interface DaysOptions {
	state: ViewState;
	latest: () => ViewState;
	dispatch: (action: Action) => void;
	/** Fetches a day's Daily Papers; without it, `[` and `]` stay within the days the papers have. */
	fetchDay?: FetchDay | undefined;
	/** The marks of papers that arrive. */
	readMarks: (papers: readonly Paper[]) => ReadonlyMap<string, PaperMarks>;
	/** The sources (`Paper.source`) of the papers that are new since the last session, if counted. */
	newSources?: ReadonlySet<string> | undefined;
	/** Today (YYYY-MM-DD): no day after it is fetched. */
	today: () => string;
}

/** What the reader shows of the days. */
export interface Days {
	/** Runs a day command; false for any other command. */
	run: (command: Command) => boolean;
	/** What is being fetched, with a spinner ("⠋ fetching 2024-10-26…"), or null. */
	busy: string | null;
	/** Papers new since the last session, or null when not counted. */
	newCount: number | null;
}

const SPINNER = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏';
const SPIN_MS = 120;

/** `null` stands for the latest Daily Papers in the list of fetches under way. */
const label = (day: string | null) => day ?? 'latest';
const plural = (count: number) => `${count} paper${count === 1 ? '' : 's'}`;

export function useDays({state, latest, dispatch, fetchDay, readMarks, newSources, today}: DaysOptions): Days {
	const [fetching, setFetching] = useState<ReadonlyArray<string | null>>([]);
	/** The fetches under way, as keys see them (faster than frames). */
	const inFlight = useRef(new Set<string | null>());
	const [tick, setTick] = useState(0);
	/** Fetched papers waiting for the listing to be read (papers join the list only after it). */
	const waiting = useRef<Array<{fetched: FetchedDay; message: string}>>([]);
	const mounted = useRef(true);
	useEffect(() => {
		mounted.current = true;
		return () => {
			mounted.current = false;
		};
	}, []);

	const deliver = useCallback(() => {
		if (latest().loading) return;
		for (const {fetched, message} of waiting.current.splice(0)) {
			dispatch({type: 'papers-added', papers: fetched.papers, marks: readMarks(fetched.papers)});
			dispatch({type: 'message', text: message});
		}
	}, [latest, dispatch, readMarks]);

	// Papers fetched while the listing was still read join once it is.
	useEffect(deliver, [deliver, state.loading]);

	useEffect(() => {
		if (fetching.length === 0) return;
		const timer = setInterval(() => setTick((value) => value + 1), SPIN_MS);
		return () => clearInterval(timer);
	}, [fetching.length]);

	const start = useCallback(
		(day: string | null) => {
			if (fetchDay === undefined) return dispatch({type: 'message', text: 'fetching is not available here'});
			if (inFlight.current.has(day)) return;
			inFlight.current.add(day);
			setFetching([...inFlight.current]);
			const what = day === null ? 'the latest Daily Papers' : `the Daily Papers of ${day}`;
			fetchDay(day).then(
				(fetched) => {
					if (!mounted.current) return;
					inFlight.current.delete(day);
					setFetching([...inFlight.current]);
					const count = fetched.papers.length === 0 ? `no papers in ${what}` : `${plural(fetched.papers.length)} from ${what}${day === null ? ` (${fetched.day})` : ''}`;
					waiting.current.push({fetched, message: fetched.warning === null ? count : `${count}; ${fetched.warning}`});
					deliver();
				},
				(error: unknown) => {
					if (!mounted.current) return;
					inFlight.current.delete(day);
					setFetching([...inFlight.current]);
					dispatch({type: 'message', text: describeFetchFailure(what, error)});
				},
			);
		},
		[fetchDay, dispatch, deliver],
	);

	const run = (command: Command): boolean => {
		switch (command) {
			case 'all-days':
				dispatch({type: 'set-day', day: null});
				return true;
			case 'fetch-latest':
				start(null);
				return true;
			case 'day-previous':
			case 'day-next': {
				const current = latest();
				const step = stepDay(daysOf(current.papers), current.day, command === 'day-next' ? 1 : -1, today());
				if (step.type === 'none') {
					dispatch({type: 'message', text: `${step.newest} is the newest day: ${keysFor('fetch-latest')} fetches the latest Daily Papers`});
					return true;
				}
				dispatch({type: 'set-day', day: step.day});
				if (step.type === 'fetch') {
					if (fetchDay === undefined) dispatch({type: 'message', text: `no papers on ${step.day}`});
					else start(step.day);
				}
				return true;
			}
			default:
				return false;
		}
	};

	const newCount = useMemo(() => (newSources === undefined ? null : countFrom(state.papers, newSources)), [state.papers, newSources]);
	const busy = fetching.length === 0 ? null : `${SPINNER[tick % SPINNER.length]} fetching ${fetching.map(label).join(', ')}…`;
	return {run, busy, newCount};
}
