import {Text} from 'ink';
import type {Segment} from '../../text/wrap.js';

/** Text segments with the words the filter matched highlighted. */
export function Highlighted({segments}: {segments: readonly Segment[]}) {
	return (
		<>
			{segments.map((segment, index) =>
				segment.highlight ? (
					<Text key={index} color="yellow" bold underline>
						{segment.text}
					</Text>
				) : (
					segment.text
				),
			)}
		</>
	);
}
