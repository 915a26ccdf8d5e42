import {Box, Text} from 'ink';
import type {Counts, Sort, View} from '../view-state.js';

/** Props of the header line. */
export interface HeaderProps {
	counts: Counts;
	/** More papers are coming: counts are shown as "so far…". */
	loading?: boolean;
	view: View;
	sort: Sort;
	query: string;
	filtering: boolean;
	/** The list does not show the query's results yet. */
	searching?: boolean;
	/** The day the view is narrowed to, or null for all days. */
	day?: string | null;
	/** Papers new since the last session, or null when not counted. */
	newCount?: number | null;
	/** The title of the paper "more like this" shows papers like, or null. */
	like?: string | null;
	width: number;
}

const VIEWS: Array<{view: View; key: string; label: string; short: string; count: keyof Counts}> = [
	{view: 'all', key: '1', label: 'All', short: 'All', count: 'all'},
	{view: 'unread', key: '2', label: 'Unread', short: 'Unread', count: 'unread'},
	{view: 'favorites', key: '3', label: 'Favorites', short: 'Fav', count: 'favorites'},
];
/** Below this width the header uses short labels. */
const COMPACT_WIDTH = 90;

const SORT_LABELS: Record<Sort, string> = {listing: 'listing order', upvotes: 'upvotes', date: 'date', title: 'title', 'for-you': 'for you'};

/** Views with their counts, the sort, and the filter (an input box while typing). */
export function Header({counts, loading = false, view, sort, query, filtering, searching = false, day = null, newCount = null, like = null, width}: HeaderProps) {
	const sortLabel = sort === 'listing' && query.trim() !== '' ? 'best match' : SORT_LABELS[sort];
	const compact = width < COMPACT_WIDTH;
	return (
		<Box width={width} height={1} overflow="hidden">
			<Box flexShrink={0}>
				{VIEWS.map((entry, index) => (
					<Text key={entry.view}>
						{index > 0 ? <Text dimColor> · </Text> : null}
						<Text bold={entry.view === view} inverse={entry.view === view}>
							{` ${entry.key} ${compact ? entry.short : entry.label} ${counts[entry.count]}${loading ? '…' : ''} `}
						</Text>
					</Text>
				))}
				{/* A narrow header names the sort only when the user chose one: the filter needs the room. */}
				{like === null ? <Text dimColor>{compact ? ` ${sort === 'listing' ? '' : sortLabel} ` : `  sort: ${sortLabel}  `}</Text> : <Text> </Text>}
			</Box>
			{like === null ? null : (
				<Box flexShrink={1} marginRight={1}>
					<Text color="magenta" wrap="truncate">{`like: ${like}`}</Text>
				</Box>
			)}
			{day === null ? null : (
				<Box flexShrink={0} marginRight={1}>
					<Text color="magenta" bold>
						{compact ? day : `day ${day}`}
					</Text>
				</Box>
			)}
			{newCount === null || newCount === 0 ? null : (
				<Box flexShrink={0} marginRight={1}>
					<Text color="green">{`${newCount} new`}</Text>
				</Box>
			)}
			{/* Shown before the filter so that a long query cannot push it off the line. */}
			{searching ? (
				<Box flexShrink={0} marginRight={1}>
					<Text color="cyan">searching…</Text>
				</Box>
			) : null}
			{filtering ? (
				<Text wrap="truncate-start">
					<Text color="yellow">/</Text>
					{query}
					<Text inverse> </Text>
					{query === '' ? <Text dimColor> type to filter</Text> : null}
				</Text>
			) : query.trim() === '' ? null : (
				<Text color="yellow" wrap="truncate">{`filter: ${query}`}</Text>
			)}
		</Box>
	);
}
