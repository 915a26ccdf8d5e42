import {Box, Text, useApp, useInput, type Key} from 'ink';
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import type {FetchDay} from '../library/fetch-day.js';
import type {Loading} from '../listing/load.js';
import type {Paper} from '../listing/paper.js';
import {matchRanges} from '../search/highlight.js';
import {createSearcher, type Searcher} from '../search/search.js';
import type {MarkChange, PaperMarks} from '../state/marks.js';
import {sanitizeLine} from '../text/sanitize.js';
import {DetailPane} from './components/detail-pane.js';
import {Footer} from './components/footer.js';
import {Header} from './components/header.js';
import {HELP_LINES, HelpOverlay} from './components/help-overlay.js';
import {PaperList} from './components/paper-list.js';
import {runCommand, type Effect} from './commands.js';
import {detailLines} from './detail-lines.js';
import {editFilter} from './filter-editor.js';
import {commandFor, type Command} from './keymap.js';
import {splitKeypresses} from './keypress.js';
import {computeLayout} from './layout.js';
import {useDays} from './use-days.js';
import {useForYou} from './use-for-you.js';
import {useIndexing, useLoading} from './use-loading.js';
import {useSearch} from './use-search.js';
import {useTerminalSize} from './use-terminal-size.js';
import {useViewState} from './use-view-state.js';
import {detailPaneWidth, footerProps, headerProps} from './frame/frame.js';
import {detailMaxScroll} from './frame/lines.js';
import {flagsOf, initialState, searchPending, selectedPaper, type StartOptions} from './view-state.js';

/** What the reader needs from outside: the papers, their marks, and where changes and links go. */
export interface AppProps {
	papers: readonly Paper[];
	marks: ReadonlyMap<string, PaperMarks>;
	/** Persists a mark change (after the frame is drawn). */
	writeMarks: (change: MarkChange) => void;
	/** Opens a URL in the browser; rejects when it cannot. */
	openUrl: (url: string) => Promise<void>;
	/** Builds the search index (defaults to the words of title, authors and abstract). */
	makeSearcher?: (papers: readonly Paper[]) => Searcher;
	/** The view and filter to start with. */
	start?: StartOptions;
	/** The listing still being read, when `papers` are only its first papers. */
	loading?: Pick<Loading, 'papers' | 'run'>;
	/** Tells the reader when another process changed marks, and of warnings to show (returns an unsubscribe). */
	subscribe?: (listener: ReaderListener) => () => void;
	/** The marks of papers that arrive while the listing is read. */
	readMarks?: (papers: readonly Paper[]) => ReadonlyMap<string, PaperMarks>;
	/** Fetches a day's Daily Papers in the background (`[`/`]` past either end, `F`). */
	fetchDay?: FetchDay;
	/** The sources of the papers new since the last session: the header counts them ("12 new"). */
	newSources?: ReadonlySet<string>;
	/** Today (YYYY-MM-DD); the UTC date by default. */
	today?: () => string;
}

/** What the world outside tells a running reader. */
export interface ReaderListener {
	/** Marks changed in the store (another reader wrote): read them again. */
	marksChanged: () => void;
	/** A message for the footer. */
	notice: (text: string) => void;
}

const NO_MARKS = () => new Map<string, PaperMarks>();
const UTC_TODAY = () => new Date().toISOString().slice(0, 10);

/** The reader: header, list and detail, footer; every key goes through the keymap to the reducer. */
export function App({papers, marks, writeMarks, openUrl, makeSearcher = createSearcher, start, loading, readMarks = NO_MARKS, subscribe, fetchDay, newSources, today = UTC_TODAY}: AppProps) {
	const {exit} = useApp();
	const {columns, rows} = useTerminalSize();
	const layout = computeLayout(columns, rows);
	const [state, dispatch, latest] = useViewState(() => initialState(papers, marks, layout.bodyHeight, {...start, loading: loading !== undefined}));
	const days = useDays({state, latest, dispatch, fetchDay, readMarks, newSources, today});
	// One index for the reader's whole run: it grows with the list as the listing is read.
	const [searcher] = useState(() => makeSearcher(papers));
	/** When the last key arrived: work in slices lets its frame be drawn first. */
	const lastInputAt = useRef(0);
	const lastInput = useCallback(() => lastInputAt.current, []);
	const forYou = useForYou({state, latest, dispatch, lastInputAt: lastInput});

	useIndexing(searcher, state.papers, lastInputAt);

	useEffect(() => {
		dispatch({type: 'resize', listHeight: layout.bodyHeight});
	}, [dispatch, layout.bodyHeight]);

	const finishSearch = useSearch({state, latest, dispatch, searcher, lastInputAt});
	useLoading({loading, latest, dispatch, searcher, readMarks, lastInputAt});

	useEffect(() => {
		if (subscribe === undefined) return;
		return subscribe({
			marksChanged: () => dispatch({type: 'marks-reloaded', marks: readMarks(latest().papers)}),
			notice: (text) => dispatch({type: 'message', text: sanitizeLine(text)}),
		});
	}, [subscribe, readMarks, latest, dispatch]);

	const paper = selectedPaper(state);
	const detailWidth = detailPaneWidth(layout);
	const selectedMatched = paper !== undefined && state.hits?.has(state.visible[state.selected]!) === true;
	const ranges = useMemo(() => (paper !== undefined && selectedMatched ? matchRanges(state.hitsQuery, paper) : undefined), [paper, selectedMatched, state.hitsQuery]);
	const why = forYou.why;
	const lines = useMemo(
		() => (paper === undefined ? [] : detailLines(paper, flagsOf(state, paper.id), ranges, detailWidth, why)),
		// Flags are read through `state`; the marks are what they depend on.
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[paper, state.marks, ranges, detailWidth, why],
	);
	const maxScroll = detailMaxScroll(lines, layout.bodyHeight);

	const run = (command: Command) => {
		const {actions, effects} = runCommand(latest(), command, {bodyHeight: layout.bodyHeight, maxScroll});
		for (const effect of effects) perform(effect);
		for (const action of actions) dispatch(action);
	};

	const perform = (effect: Effect) => {
		switch (effect.type) {
			case 'write-marks':
				return writeMarks(effect.change);
			case 'open-url':
				return void openUrl(effect.url).catch((error: unknown) => {
					dispatch({type: 'message', text: `could not open (${error instanceof Error ? error.message : String(error)}): ${effect.url}`});
				});
			case 'exit':
				return exit();
			case 'more-like-this':
				return forYou.moreLikeThis();
			case 'days':
				return void days.run(effect.command);
		}
	};

	const edit = (input: string, key: Key) => {
		const result = editFilter(latest().query, input, key);
		switch (result.type) {
			case 'text':
				return dispatch({type: 'filter-input', query: result.query});
			case 'accept':
				// Keys after Enter act on the list the filter shows: finish a search still under way first.
				if (searchPending(latest())) finishSearch();
				return dispatch({type: 'filter-accept'});
			case 'clear':
				return dispatch({type: 'filter-clear'});
			case 'move':
				return dispatch({type: 'move', delta: result.delta});
			case 'quit':
				return exit();
			case 'none':
				return;
		}
	};

	const press = (input: string, key: Key) => {
		const current = latest();
		if (current.filtering) return edit(input, key);
		const command = commandFor(input, key);
		if (current.help) {
			const helpMax = Math.max(0, HELP_LINES - (layout.bodyHeight - 1));
			if (command === 'down' || command === 'up') return dispatch({type: 'scroll-help', delta: command === 'down' ? 1 : -1, max: helpMax});
			return dispatch({type: 'help', open: false});
		}
		if (command !== undefined) run(command);
	};

	// One owner for every key: the filter box while it is open, the keymap otherwise. Keys that arrive
	// together ("/lnguage\rjj") are taken one at a time, each by whoever owns the keys at that moment.
	useInput((input, key) => {
		lastInputAt.current = performance.now();
		for (const [single, singleKey] of splitKeypresses(input, key)) press(single, singleKey);
	});

	const showDetail = layout.mode === 'split' || state.focus === 'detail';
	const showList = layout.mode === 'split' || state.focus === 'list';
	return (
		<Box flexDirection="column" width={layout.columns} height={layout.height}>
			<Header {...headerProps(state, layout, days.newCount)} />
			<Box height={layout.bodyHeight} flexDirection="row">
				{state.help ? (
					<HelpOverlay width={layout.columns} height={layout.bodyHeight} scroll={state.helpScroll} />
				) : (
					<>
						{showList ? <PaperList state={state} width={layout.listWidth} height={layout.bodyHeight} /> : null}
						{layout.mode === 'split' ? <Separator height={layout.bodyHeight} /> : null}
						{showDetail ? (
							<Box paddingLeft={1}>
								<DetailPane lines={lines} scroll={Math.min(state.detailScroll, maxScroll)} width={detailWidth} height={layout.bodyHeight} focused={state.focus === 'detail'} />
							</Box>
						) : null}
					</>
				)}
			</Box>
			<Footer {...footerProps(state, layout, [days.busy, forYou.status].filter((part) => part !== null).join(' · ') || null)} />
		</Box>
	);
}

function Separator({height}: {height: number}) {
	return <Text dimColor>{Array.from({length: height}, () => '│').join('\n')}</Text>;
}

