import {memo, useMemo} from 'react';
import {paperRowLine, titleRanges, type PaperRowProps} from '../frame/lines.js';
import {Line} from './spans.js';

export type {PaperRowProps};

/** One paper in the list: unread marker, star, title (cut to fit), upvotes and date (frame/lines.ts's paperRowLine). */
export const PaperRow = memo(function PaperRow(props: PaperRowProps) {
	// Only the rows on screen are rendered, so only their highlights are ever computed.
	const ranges = useMemo(() => titleRanges(props.query, props.paper.title), [props.query, props.paper.title]);
	return <Line line={paperRowLine(props, ranges)} />;
});
