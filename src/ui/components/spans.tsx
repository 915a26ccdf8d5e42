import {Text} from 'ink';
import type {LineSpan, Span} from '../frame/spans.js';

/** Spans as Ink text: a styled span is a <Text> with its style around its children. */
export function Spans({spans}: {spans: readonly Span[]}) {
	return <>{spans.map((span, index) => (typeof span === 'string' ? span : <Text key={index} {...span.style}><Spans spans={span.children} /></Text>))}</>;
}

/** One line of the frame (already cut to its width by frame/lines.ts). */
export function Line({line}: {line: LineSpan}) {
	return (
		<Text {...line.style} wrap="truncate">
			<Spans spans={line.children} />
		</Text>
	);
}
