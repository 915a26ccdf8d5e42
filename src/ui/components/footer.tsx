import {Box, Text} from 'ink';
import {footerHints} from '../keymap.js';

/** Props of the footer line. */
export interface FooterProps {
	position: number;
	total: number;
	message: string | null;
	/** Work under way in the background ("⠋ fetching 2024-10-26…"), shown before the message or hints. */
	busy?: string | null;
	filtering: boolean;
	width: number;
}

const HINTS = footerHints().join(' · ');
const FILTER_HINTS = 'type to filter · Enter keep · Esc clear';

/** Position in the list, then a message or the key hints. */
export function Footer({position, total, message, busy = null, filtering, width}: FooterProps) {
	const where = `${total === 0 ? 0 : position + 1}/${total}`;
	return (
		<Box width={width} height={1} overflow="hidden">
			<Box flexShrink={0} marginRight={1}>
				<Text bold>{where}</Text>
			</Box>
			{busy === null ? null : (
				<Box flexShrink={0} marginRight={1}>
					<Text color="cyan">{busy}</Text>
				</Box>
			)}
			{message === null ? (
				<Text dimColor wrap="truncate">
					{filtering ? FILTER_HINTS : HINTS}
				</Text>
			) : (
				<Text color="green" wrap="truncate">
					{message}
				</Text>
			)}
		</Box>
	);
}
