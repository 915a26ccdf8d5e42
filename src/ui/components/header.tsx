import {Box} from 'ink';
import {headerLine, type HeaderProps} from '../frame/lines.js';
import {Line} from './spans.js';

export type {HeaderProps};

/** Views with their counts, the sort, and the filter (an input box while typing): frame/lines.ts's headerLine. */
export function Header(props: HeaderProps) {
	return (
		<Box width={props.width} height={1} overflow="hidden">
			<Line line={headerLine(props)} />
		</Box>
	);
}
