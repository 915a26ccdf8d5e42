/**
 * What the reader draws, as data: styled text in the nesting Ink's <Text> elements have. The components
 * render these spans with Ink (components/spans.tsx); the first frame, written before Ink has loaded
 * (early-frame.ts), writes the same spans as Ink would (ansi.ts). Nothing here imports Ink or React.
 */
import {cellWidth} from '../../text/width.js';

/** The colours the reader uses (Ink's named colours). */
export type Color = 'cyan' | 'yellow' | 'green' | 'magenta' | 'blue' | 'red';

/** The props of an Ink <Text> that the reader uses. */
export interface Style {
	color?: Color;
	bold?: boolean;
	dimColor?: boolean;
	underline?: boolean;
	inverse?: boolean;
}

/** Text, or styled text around more spans (a <Text> inside a <Text>). */
export type Span = string | StyledSpan;

export interface StyledSpan {
	style: Style;
	children: readonly Span[];
}

/** A span with a style (none: a <Text> without props, which draws as its children). */
export function styled(style: Style, ...children: Span[]): StyledSpan {
	return {style, children};
}

/** One line of the frame: the outermost <Text> (cut to its box, never wrapped). */
export type LineSpan = StyledSpan;

/** A line of plain text in one style. */
export const line = (style: Style, text: string): LineSpan => ({style, children: text === '' ? [] : [text]});

/** The text of spans, without styles. */
export function plainText(spans: readonly Span[]): string {
	let text = '';
	for (const span of spans) text += typeof span === 'string' ? span : plainText(span.children);
	return text;
}

/** The columns spans take. */
export function spansWidth(spans: readonly Span[]): number {
	return cellWidth(plainText(spans));
}

/** Code points of text, each with its columns (a character of no width joins the one before it). */
function cells(text: string): Array<{text: string; width: number}> {
	const result: Array<{text: string; width: number}> = [];
	for (const character of text) {
		const width = cellWidth(character);
		const last = result.at(-1);
		if (width === 0 && last !== undefined) last.text += character;
		else result.push({text: character, width});
	}
	return result;
}

/** The first `width` columns of spans (a wide character that would straddle the edge is left out). */
export function clipSpans(spans: readonly Span[], width: number): Span[] {
	let room = Math.max(0, width);
	const clip = (list: readonly Span[]): Span[] => {
		const kept: Span[] = [];
		for (const span of list) {
			if (room <= 0) break;
			if (typeof span !== 'string') {
				const children = clip(span.children);
				if (children.length > 0) kept.push({style: span.style, children});
				continue;
			}
			const text = span;
			if (cellWidth(text) <= room) {
				kept.push(text);
				room -= cellWidth(text);
				continue;
			}
			let cut = '';
			for (const cell of cells(text)) {
				if (cell.width > room) {
					room = 0;
					break;
				}
				cut += cell.text;
				room -= cell.width;
			}
			if (cut !== '') kept.push(cut);
		}
		return kept;
	};
	return clip(spans);
}

/** The last `width` columns of spans, starting with "…" when cut (Ink's wrap="truncate-start"). */
export function clipStart(spans: readonly Span[], width: number): Span[] {
	const total = spansWidth(spans);
	if (total <= width) return [...spans];
	if (width <= 0) return [];
	let skip = total - (width - 1);
	const drop = (list: readonly Span[]): Span[] => {
		const kept: Span[] = [];
		for (const span of list) {
			if (skip <= 0) {
				kept.push(span);
				continue;
			}
			if (typeof span !== 'string') {
				const children = drop(span.children);
				if (children.length > 0) kept.push({style: span.style, children});
				continue;
			}
			let rest = '';
			for (const cell of cells(span)) {
				if (skip > 0) skip -= cell.width;
				else rest += cell.text;
			}
			if (rest !== '') kept.push(rest);
		}
		return kept;
	};
	return ['…', ...drop(spans)];
}
