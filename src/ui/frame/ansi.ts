/**
 * Lines of styled spans written as Ink writes them, byte for byte, without loading Ink: each <Text>'s
 * style applied as Ink applies it (chalk, in the order of Ink's Text: dim, colour, bold, underline,
 * inverse; an inner closing code reopened by the outer style, as chalk does), the result cut into styled
 * cells on a grid the size of the frame (Ink's output.js, with our patch for characters of no width), and
 * each row written as @alcalzone/ansi-tokenize writes it: the codes that change from one cell to the next,
 * the row's styles closed at its end, trailing blanks trimmed. Only the plain SGR codes the reader's styles
 * use are handled. test/ui/early-frame.test.tsx checks it against Ink's own frames.
 */
import {cellWidth} from '../../text/width.js';
import type {Color, LineSpan, Span, Style} from './spans.js';

const ESC = '\u001B';
const sgr = (code: number) => `${ESC}[${code}m`;

/** Open and close codes (ansi-styles). */
const COLOR_CODES: Record<Color, number> = {red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36};
const BOLD = [1, 22] as const;
const DIM = [2, 22] as const;
const UNDERLINE = [4, 24] as const;
const INVERSE = [7, 27] as const;

/** chalk's applyStyle for one style: closing codes inside reopened, then the text enclosed. */
function chalk(text: string, [open, close]: readonly [number, number]): string {
	if (text === '') return text;
	const openCode = sgr(open);
	const closeCode = sgr(close);
	const inner = text.includes(ESC) ? text.replaceAll(closeCode, closeCode + openCode) : text;
	return openCode + inner + closeCode;
}

/** Ink's Text transform: its styles applied in Ink's order. */
function applyStyle(text: string, style: Style): string {
	let styledText = text;
	if (style.dimColor) styledText = chalk(styledText, DIM);
	if (style.color !== undefined) styledText = chalk(styledText, [COLOR_CODES[style.color], 39]);
	if (style.bold) styledText = chalk(styledText, BOLD);
	if (style.underline) styledText = chalk(styledText, UNDERLINE);
	if (style.inverse) styledText = chalk(styledText, INVERSE);
	return styledText;
}

/** Ink's squashTextNodes: the children's text, each styled child transformed once it has text. */
function squash(spans: readonly Span[], colors: boolean): string {
	let text = '';
	for (const span of spans) {
		if (typeof span === 'string') {
			text += span;
			continue;
		}
		const inner = squash(span.children, colors);
		text += inner.length > 0 && colors ? applyStyle(inner, span.style) : inner;
	}
	return text;
}

/** A line as Ink's <Text> writes it into the frame (its own style applied last). */
export function lineText(line: LineSpan, colors: boolean): string {
	const text = squash(line.children, colors);
	return colors ? applyStyle(text, line.style) : text;
}

/** One code of a cell's style, with the code that ends it. */
interface Code {
	code: string;
	endCode: string;
}

const END_CODES = new Set([22, 23, 24, 27, 29, 39, 49].map(sgr));
const RESET = sgr(0);

function endCodeOf(number: number): string {
	if (number === 1 || number === 2) return sgr(22);
	if (number === 3) return sgr(23);
	if (number === 4) return sgr(24);
	if (number === 7) return sgr(27);
	if (number === 9) return sgr(29);
	if ((number >= 30 && number <= 37) || (number >= 90 && number <= 97)) return sgr(39);
	if ((number >= 40 && number <= 47) || (number >= 100 && number <= 107)) return sgr(49);
	return RESET;
}

const isIntensity = (code: Code) => code.code === sgr(1) || code.code === sgr(2);

/** ansi-tokenize's reduceAnsiCodesIncremental. */
function reduce(codes: readonly Code[], added: readonly Code[]): Code[] {
	let result = [...codes];
	for (const code of added) {
		if (code.code === RESET) result = [];
		else if (END_CODES.has(code.code)) result = result.filter((kept) => kept.endCode !== code.code);
		else if (isIntensity(code)) {
			if (!result.some((kept) => kept.code === code.code && kept.endCode === code.endCode)) result.push(code);
		} else {
			result = result.filter((kept) => kept.endCode !== code.endCode);
			result.push(code);
		}
	}
	return result;
}

/** ansi-tokenize's diffAnsiCodes: the codes that turn style `from` into style `to`. */
function diff(from: readonly Code[], to: readonly Code[]): Code[] {
	const endCodesInTo = new Set(to.map((code) => code.endCode));
	const startCodesInTo = new Set(to.map((code) => code.code));
	const startCodesInFrom = new Set(from.map((code) => code.code));
	const undone = from.filter((code) => (isIntensity(code) ? !startCodesInTo.has(code.code) : !endCodesInTo.has(code.endCode)));
	return [...undo(undone), ...to.filter((code) => !startCodesInFrom.has(code.code))];
}

function undo(codes: readonly Code[]): Code[] {
	return reduce([], codes)
		.reverse()
		.map((code) => ({...code, code: code.endCode}));
}

const codesText = (codes: readonly Code[]) => [...new Set(codes.map((code) => code.code))].join('');

interface Cell {
	value: string;
	styles: readonly Code[];
}

/** The style of a blank cell (one array for all: cells of the same style share theirs). */
const NO_STYLES: readonly Code[] = [];
const SGR = new RegExp(`${ESC}\\[(\\d+)m`, 'y');

/** A frame of `width` x `height` cells, written into as Ink's output.js does. */
export class Frame {
	private readonly rows: Cell[][];

	constructor(
		readonly width: number,
		readonly height: number,
	) {
		this.rows = Array.from({length: height}, () => Array.from({length: width}, () => ({value: ' ', styles: NO_STYLES})));
	}

	/** Writes a line of text (with SGR codes) at column x of row y. */
	write(x: number, y: number, text: string): void {
		const row = this.rows[y];
		if (row === undefined || text === '') return;
		let styles: readonly Code[] = NO_STYLES;
		let offset = x;
		let at = 0;
		while (at < text.length) {
			SGR.lastIndex = at;
			const code = SGR.exec(text);
			if (code !== null) {
				styles = reduce(styles, [{code: code[0], endCode: endCodeOf(Number(code[1]))}]);
				at = SGR.lastIndex;
				continue;
			}
			const next = text.indexOf(ESC, at);
			const plain = text.slice(at, next === -1 ? text.length : next);
			at += plain.length;
			// By code point, not by grapheme as Ink: the same characters in the same cells, the same text
			// written (a cluster's characters of no width join its first cell, the others follow it), and no
			// Intl.Segmenter to load (its first use takes 10-20 ms).
			for (const segment of plain) {
				const width = cellWidth(segment);
				if (width === 0) {
					// A character of no width joins the cell before it (scripts/ink-patches.mjs).
					const previous = offset > x ? row[offset - 1] : undefined;
					if (previous !== undefined) row[offset - 1] = {...previous, value: previous.value + segment};
					continue;
				}
				row[offset] = {value: segment, styles};
				for (let filler = 1; filler < width; filler++) row[offset + filler] = {value: '', styles};
				offset += width;
			}
		}
	}

	/** The frame as Ink writes it: rows of codes and characters, trailing blanks trimmed, joined by newlines. */
	toString(): string {
		return this.rows.map((row) => rowText(row.filter((cell) => cell !== undefined)).trimEnd()).join('\n');
	}
}

/** ansi-tokenize's styledCharsToString. */
function rowText(cells: readonly Cell[]): string {
	let text = '';
	for (let index = 0; index < cells.length; index++) {
		const cell = cells[index]!;
		const previous = index === 0 ? NO_STYLES : cells[index - 1]!.styles;
		if (index === 0) text += codesText(cell.styles);
		else if (cell.styles !== previous) text += codesText(diff(previous, cell.styles));
		text += cell.value;
		if (index === cells.length - 1) text += codesText(diff(cell.styles, NO_STYLES));
	}
	return text;
}
