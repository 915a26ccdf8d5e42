import {memo, useMemo} from 'react';
import {matchRanges} from '../../search/highlight.js';
import {paperRowLine, type PaperRowProps} from '../frame/lines.js';
import {Line} from './spans.js';

export type {PaperRowProps};

/** One paper in the list: unread marker, star, title (cut to fit), upvotes and date (frame/lines.ts's paperRowLine). */
export const PaperRow = memo(function PaperRow(props: PaperRowProps) {
	// Only the rows on screen are rendered, so only their highlights are ever computed.
	const ranges = useMemo(() => (props.query === '' ? [] : matchRanges(props.query, {title: props.paper.title, abstract: ''}).title), [props.query, props.paper.title]);
	return <Line line={paperRowLine(props, ranges)} />;
});
