import {cellWidth} from './width.js';
import type {Range} from '../search/highlight.js';

/** A run of text with one style. */
export interface Segment {
	text: string;
	highlight: boolean;
}

/** One screen line: its segments. */
export type Line = Segment[];

/** Made on first use: the first Intl.Segmenter takes 10-20 ms (the reader's first frame needs none). */
let segmenter: Intl.Segmenter | undefined;
const graphemes = {segment: (text: string) => (segmenter ??= new Intl.Segmenter('en', {granularity: 'grapheme'})).segment(text)};
const PRINTABLE_ASCII = /^[\u0020-\u007E]*$/;

/** Cuts text to at most `width` terminal columns, ending with "…" when it was cut. */
export function truncateToWidth(text: string, width: number): string {
	if (width <= 0) return '';
	if (text.length <= width && cellWidth(text) <= width) return text;
	// Printable ASCII: a character is a grapheme of one column.
	if (PRINTABLE_ASCII.test(text)) return `${text.slice(0, width - 1)}…`;
	let used = 0;
	let result = '';
	for (const {segment} of graphemes.segment(text)) {
		const cell = cellWidth(segment);
		if (used + cell > width - 1) break;
		result += segment;
		used += cell;
	}
	return `${result}…`;
}

/** Pads text with spaces to exactly `width` columns (cutting it first when longer). */
export function fitToWidth(text: string, width: number): string {
	const cut = truncateToWidth(text, width);
	return cut + ' '.repeat(Math.max(0, width - cellWidth(cut)));
}

/** Splits `text` into segments, highlighting the characters inside `ranges` (inclusive [start, end]). */
export function highlightSegments(text: string, ranges: readonly Range[], offset = 0): Segment[] {
	if (ranges.length === 0) return text === '' ? [] : [{text, highlight: false}];
	const marked = new Uint8Array(text.length);
	for (const [start, end] of ranges) {
		for (let index = Math.max(0, start - offset); index <= Math.min(text.length - 1, end - offset); index++) marked[index] = 1;
	}
	const segments: Segment[] = [];
	let start = 0;
	for (let index = 1; index <= text.length; index++) {
		if (index === text.length || marked[index] !== marked[start]) {
			segments.push({text: text.slice(start, index), highlight: marked[start] === 1});
			start = index;
		}
	}
	return segments;
}

interface Word {
	text: string;
	/** Offset of the word in the original text. */
	start: number;
}

/**
 * Word-wraps text to `width` columns, keeping highlight ranges (offsets into `text`).
 * Blank lines in the text stay paragraph breaks; a word longer than a line is broken.
 */
export function wrapText(text: string, width: number, ranges: readonly Range[] = []): Line[] {
	const lines: Line[] = [];
	const safeWidth = Math.max(1, width);
	const paragraphs = text.split(/\n\s*\n/);
	let paragraphStart = 0;
	for (const [number, paragraph] of paragraphs.entries()) {
		const offset = text.indexOf(paragraph, paragraphStart);
		paragraphStart = offset + paragraph.length;
		if (number > 0) lines.push([]);
		for (const line of wrapWords(words(paragraph, offset), safeWidth)) {
			lines.push(lineSegments(text, line, ranges));
		}
	}
	return lines;
}

function words(paragraph: string, offset: number): Word[] {
	const result: Word[] = [];
	for (const match of paragraph.matchAll(/\S+/g)) result.push({text: match[0], start: offset + match.index});
	return result;
}

/** Lines as [start, end) offsets into the text. */
function wrapWords(list: Word[], width: number): Array<[number, number]> {
	const lines: Array<[number, number]> = [];
	let lineStart = -1;
	let lineEnd = -1;
	let used = 0;
	for (const word of list) {
		const wordWidth = cellWidth(word.text);
		if (lineStart !== -1 && used + 1 + wordWidth <= width) {
			lineEnd = word.start + word.text.length;
			used += 1 + wordWidth;
			continue;
		}
		if (lineStart !== -1) lines.push([lineStart, lineEnd]);
		if (wordWidth <= width) {
			lineStart = word.start;
			lineEnd = word.start + word.text.length;
			used = wordWidth;
			continue;
		}
		// A word wider than the line: break it at grapheme boundaries.
		let pieceStart = word.start;
		let pieceWidth = 0;
		let position = word.start;
		for (const {segment} of graphemes.segment(word.text)) {
			const cell = cellWidth(segment);
			if (pieceWidth + cell > width && pieceWidth > 0) {
				lines.push([pieceStart, position]);
				pieceStart = position;
				pieceWidth = 0;
			}
			pieceWidth += cell;
			position += segment.length;
		}
		lineStart = pieceStart;
		lineEnd = position;
		used = pieceWidth;
	}
	if (lineStart !== -1) lines.push([lineStart, lineEnd]);
	return lines;
}

function lineSegments(text: string, [start, end]: [number, number], ranges: readonly Range[]): Line {
	const content = text.slice(start, end).replace(/\s+/g, ' ');
	// White space was collapsed only where the text had runs of it; offsets stay right for single spaces.
	if (content.length !== end - start) return [{text: content, highlight: false}];
	return highlightSegments(content, ranges, start);
}
