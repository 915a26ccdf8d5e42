/**
 * A linear look at a feed's markup before the XML validator and parser see it: it refuses declarations
 * (`<!DOCTYPE`, `<!ENTITY`, ... in any letter case, wherever they stand in the markup) and documents
 * that would cost far more to parse than their size suggests (too many attributes on one element, too
 * many elements, nesting too deep). The validator and parser take seconds and a gigabyte on a 12 MB
 * element with a million attributes; this scan takes milliseconds and holds nothing.
 *
 * Comments, CDATA sections, processing instructions and quoted attribute values are skipped whole, so
 * `<!DOCTYPE` written in them, or as escaped text (`&lt;!DOCTYPE`), is text and not refused. A document cut
 * short is scanned up to its end: what is unfinished there is not counted against it. A document read in
 * chunks is scanned as they come (scanBounds), each chunk before anything in it is parsed.
 */
import {delimited} from './xml-cut.js';

/** Attributes on one element: arXiv's feeds use at most a handful. */
export const MAX_ATTRIBUTES = 256;
/** Elements in any document; larger documents may have one per `CHARACTERS_PER_ELEMENT` characters
 * (arXiv's have one per ~100; a list of short author names, `<author><name>A. Bc</name></author>`, one per ~16). */
export const BASE_ELEMENTS = 100_000;
export const CHARACTERS_PER_ELEMENT = 16;
/** Nesting depth, as fast-xml-parser allows (arXiv's feeds nest four deep). */
export const MAX_DEPTH = 100;

/** Why a document is refused, and where (a character offset). */
export interface MarkupProblem {
	offset: number;
	message: string;
	/** A declaration (said as it always was, without a line), or a bound passed. */
	kind: 'declaration' | 'bound';
}

const DECLARATION = /^<!([A-Za-z]+)/;

/** Null when the markup is within the bounds and declares nothing, else the first problem. */
export function markupProblem(text: string): MarkupProblem | null {
	return scanBounds(startBounds(), text, text.length, true);
}

/** A scan of a document that arrives in pieces: what it has counted, and where in the text it goes on. */
export interface BoundsScan {
	elements: number;
	depth: number;
	/** Where the next piece of markup is looked for (an offset in the text the scan is given). */
	next: number;
}

export function startBounds(): BoundsScan {
	return {elements: 0, depth: 0, next: 0};
}

/**
 * Scans the text from `scan.next` as `markupProblem` does; `length` is the document's length the element
 * budget is figured from. Unless `final`, it stops before markup the text may end inside of (within 16
 * characters of its end, or unfinished), leaving `scan.next` there for when more text has come.
 */
export function scanBounds(scan: BoundsScan, text: string, length: number, final: boolean): MarkupProblem | null {
	const maxElements = BASE_ELEMENTS + Math.floor(length / CHARACTERS_PER_ELEMENT);
	let index = text.indexOf('<', scan.next);
	while (index !== -1) {
		if (!final && index + 16 > text.length) break;
		let end: number;
		if (text.startsWith('<!--', index)) {
			end = delimited(text, index, '<!--', '-->');
		} else if (text.startsWith('<![CDATA[', index)) {
			end = delimited(text, index, '<![CDATA[', ']]>');
		} else if (text.startsWith('<?', index)) {
			end = delimited(text, index, '<?', '?>');
		} else if (text.startsWith('<!', index)) {
			const keyword = DECLARATION.exec(text.slice(index, index + 16))?.[1]?.toUpperCase();
			if (keyword === 'DOCTYPE') return {offset: index, message: 'declares a DOCTYPE, which arXiv feeds never do (its entity declarations are not read)', kind: 'declaration'};
			if (keyword !== undefined) return {offset: index, message: `holds a declaration (<!${keyword}), which arXiv feeds never do (it is not read)`, kind: 'declaration'};
			end = index + 2; // not markup the validator accepts: it says so
		} else if (text.startsWith('</', index)) {
			const tag = scanTag(text, index + 2);
			if (tag.end !== -1) scan.depth = Math.max(0, scan.depth - 1);
			end = tag.end;
		} else {
			const tag = scanTag(text, index + 1);
			if (tag.attributes > MAX_ATTRIBUTES) {
				return {offset: index, message: `has an element with more than ${MAX_ATTRIBUTES} attributes, which no arXiv feed has`, kind: 'bound'};
			}
			if (tag.end !== -1 || final) {
				if (++scan.elements > maxElements) {
					return {offset: index, message: `has more than ${maxElements.toLocaleString('en-US')} elements (one per ${CHARACTERS_PER_ELEMENT} characters past ${BASE_ELEMENTS.toLocaleString('en-US')}), far more than an arXiv feed of its size`, kind: 'bound'};
				}
				if (!tag.empty && ++scan.depth > MAX_DEPTH) return {offset: index, message: `nests elements deeper than ${MAX_DEPTH}, which no arXiv feed does`, kind: 'bound'};
			}
			end = tag.end;
		}
		if (end === -1) {
			// Cut short inside it: the rest comes with the next text, or never.
			scan.next = final ? text.length : index;
			return null;
		}
		index = text.indexOf('<', end);
	}
	scan.next = index === -1 ? text.length : index;
	return null;
}

/**
 * A start or end tag from after its "<" (or "</"): its attributes (each is a name, "=" and a quoted value, so the "="
 * outside quotes count them), whether it closes itself, and the offset after its ">" (-1 when the text
 * ends first). Stops at a "<" outside quotes: the tag is malformed, and the validator says where.
 */
function scanTag(text: string, from: number): {attributes: number; empty: boolean; end: number} {
	let attributes = 0;
	let quote = 0;
	for (let index = from; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (quote !== 0) {
			if (code === quote) quote = 0;
		} else if (code === 0x22 || code === 0x27) {
			quote = code;
		} else if (code === 0x3d) {
			if (++attributes > MAX_ATTRIBUTES) return {attributes, empty: false, end: index};
		} else if (code === 0x3e) {
			return {attributes, empty: text.charCodeAt(index - 1) === 0x2f, end: index + 1};
		} else if (code === 0x3c) {
			return {attributes, empty: false, end: index};
		}
	}
	return {attributes, empty: false, end: -1};
}
