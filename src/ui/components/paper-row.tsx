import {Text} from 'ink';
import {memo, useMemo} from 'react';
import type {Paper} from '../../listing/paper.js';
import {matchRanges} from '../../search/highlight.js';
import {fitToWidth, highlightSegments} from '../../text/wrap.js';
import type {Flags} from '../view-state.js';
import {Highlighted} from './highlighted.js';

/** Props of one list row. */
export interface PaperRowProps {
	paper: Paper;
	flags: Flags;
	width: number;
	selected: boolean;
	/** The list has the focus (the selection is shown in reverse video). */
	focused: boolean;
	/** The query whose matches are highlighted in the title ('' for none). */
	query: string;
	upvoteWidth: number;
}

/** One paper in the list: unread marker, star, title (cut to fit), upvotes (blank without any) and date. */
export const PaperRow = memo(function PaperRow({paper, flags, width, selected, focused, query, upvoteWidth}: PaperRowProps) {
	// Only the rows on screen are rendered, so only their highlights are ever computed.
	const titleRanges = useMemo(() => (query === '' ? [] : matchRanges(query, {title: paper.title, abstract: ''}).title), [query, paper.title]);
	const showDate = width >= 40;
	const tail = ` ${(paper.upvotes === null ? '' : String(paper.upvotes)).padStart(upvoteWidth)}${showDate ? ` ${(paper.published ?? '').padEnd(10)}` : ''}`;
	const titleWidth = Math.max(1, width - 3 - tail.length);
	const title = fitToWidth(paper.title, titleWidth);
	const segments = highlightSegments(title, titleRanges);
	return (
		<Text inverse={selected && focused} underline={selected && !focused} dimColor={flags.read && !selected} wrap="truncate">
			<Text color="cyan">{flags.read ? ' ' : '●'}</Text>
			<Text color="yellow">{flags.favorite ? '★' : ' '}</Text> <Highlighted segments={segments} />
			<Text dimColor>{tail}</Text>
		</Text>
	);
});
