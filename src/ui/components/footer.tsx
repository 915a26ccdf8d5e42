import {Box} from 'ink';
import {footerLine, type FooterProps} from '../frame/lines.js';
import {Line} from './spans.js';

export type {FooterProps};

/** Position in the list, then a message or the key hints: frame/lines.ts's footerLine. */
export function Footer(props: FooterProps) {
	return (
		<Box width={props.width} height={1} overflow="hidden">
			<Line line={footerLine(props)} />
		</Box>
	);
}
