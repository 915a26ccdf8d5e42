import {Box, Text, useApp} from 'ink';
import {useCallback, useEffect, useRef, useState} from 'react';
import type {FetchDay} from '../library/fetch-day.js';
import type {Loading} from '../listing/load.js';
import type {Paper} from '../listing/paper.js';
import {createSearcher, type Searcher} from '../search/search.js';
import type {MarkChange, PaperMarks} from '../state/marks.js';
import {sanitizeLine} from '../text/sanitize.js';
import {DetailPane} from './components/detail-pane.js';
import {Footer} from './components/footer.js';
import {Header} from './components/header.js';
import {HelpOverlay} from './components/help-overlay.js';
import {PaperList} from './components/paper-list.js';
import {computeLayout} from './layout.js';
import {useDays} from './use-days.js';
import {useDetail} from './use-detail.js';
import {useForYou} from './use-for-you.js';
import {useKeys} from './use-keys.js';
import {useIndexing, useLoading} from './use-loading.js';
import {useSearch} from './use-search.js';
import {useTerminalSize} from './use-terminal-size.js';
import {useViewState} from './use-view-state.js';
import {detailPaneWidth, footerProps, headerProps} from './frame/frame.js';
import {initialState, type StartOptions} from './view-state.js';

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

/** The reader: header, list and detail, footer, composed from hooks that each own one part of its work. */
export function App({papers, marks, writeMarks, openUrl, makeSearcher = createSearcher, start, loading, readMarks = NO_MARKS, subscribe, fetchDay, newSources, today = UTC_TODAY}: AppProps) {
	const {exit} = useApp();
	const {columns, rows} = useTerminalSize();
	const layout = computeLayout(columns, rows);
	const [state, dispatch, latest] = useViewState(() => initialState(papers, marks, layout.bodyHeight, {...start, loading: loading !== undefined}));
	// One index for the reader's whole run: it grows with the list as the listing is read.
	const [searcher] = useState(() => makeSearcher(papers));
	const lastInputAt = useRef(0);
	const lastInput = useCallback(() => lastInputAt.current, []);
	const days = useDays({state, latest, dispatch, fetchDay, readMarks, newSources, today});
	const forYou = useForYou({state, latest, dispatch, lastInputAt: lastInput});
	useIndexing(searcher, state.papers, lastInputAt);
	const finishSearch = useSearch({state, latest, dispatch, searcher, lastInputAt});
	useLoading({loading, latest, dispatch, searcher, readMarks, lastInputAt});
	useEffect(() => dispatch({type: 'resize', listHeight: layout.bodyHeight}), [dispatch, layout.bodyHeight]);
	useEffect(() => {
		if (subscribe === undefined) return;
		return subscribe({
			marksChanged: () => dispatch({type: 'marks-reloaded', marks: readMarks(latest().papers)}),
			notice: (text) => dispatch({type: 'message', text: sanitizeLine(text)}),
		});
	}, [subscribe, readMarks, latest, dispatch]);
	const detailWidth = detailPaneWidth(layout);
	const lines = useDetail(state, dispatch, detailWidth, forYou.why);
	useKeys({latest, dispatch, exit, writeMarks, openUrl, moreLikeThis: forYou.moreLikeThis, runDays: (command) => void days.run(command), finishSearch, lastInputAt});

	const split = layout.mode === 'split';
	const body = state.help ? (
		<HelpOverlay width={layout.columns} height={layout.bodyHeight} scroll={state.helpScroll} />
	) : (
		<>
			{split || state.focus === 'list' ? <PaperList state={state} width={layout.listWidth} height={layout.bodyHeight} /> : null}
			{split ? <Text dimColor>{Array.from({length: layout.bodyHeight}, () => '│').join('\n')}</Text> : null}
			{split || state.focus === 'detail' ? (
				<Box paddingLeft={1}>
					<DetailPane lines={lines} scroll={state.detailScroll} width={detailWidth} height={layout.bodyHeight} focused={state.focus === 'detail'} />
				</Box>
			) : null}
		</>
	);
	return (
		<Box flexDirection="column" width={layout.columns} height={layout.height}>
			<Header {...headerProps(state, layout, days.newCount)} />
			<Box height={layout.bodyHeight} flexDirection="row">
				{body}
			</Box>
			<Footer {...footerProps(state, layout, [days.busy, forYou.status].filter((part) => part !== null).join(' · ') || null)} />
		</Box>
	);
}
