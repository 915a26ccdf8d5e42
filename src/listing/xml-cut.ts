/**
 * An XML document cut short, as a download that stopped mid-document leaves it: where its last whole
 * piece (a tag, comment, CDATA section, processing instruction or run of text) ends, which elements are
 * open there, and the text up to that point with those elements closed. The feed parser reads the
 * closed text and keeps what was whole before the cut, instead of refusing the whole file.
 *
 * Only a cut is read so: the text must be a beginning of some well-formed document. This scanner follows
 * the tags (names, quoted attribute values, matching end tags) and checks that the unfinished piece at the
 * end could go on into a tag, comment, section or reference; the caller then checks the closed text with
 * the XML validator, so malformed text before the cut is refused as it always was. The unfinished piece
 * is dropped: the rest of it is in the part of the document the text lacks.
 */

const S = '[ \\t\\r\\n]';
const NAME = '[A-Za-z_:\\u0080-\\uFFFF][\\w.:\\u0080-\\uFFFF-]*';
const ATTRIBUTE = `${NAME}${S}*=${S}*(?:"[^<"]*"|'[^<']*')`;
export const START_TAG = new RegExp(`<(${NAME})(?:${S}+${ATTRIBUTE})*${S}*(/?)>`, 'y');
export const END_TAG = new RegExp(`</(${NAME})${S}*>`, 'y');
/** What the text may end with where it cuts a start tag: a beginning of one, up to its ">". */
export const START_TAG_BEGINNING = new RegExp(`<(?:${NAME}(?:${S}+${ATTRIBUTE})*(?:${S}+${NAME}(?:${S}*(?:=${S}*(?:"[^<"]*|'[^<']*)?)?)?)?${S}*/?)?$`, 'y');
export const END_TAG_BEGINNING = new RegExp(`</(?:${NAME}${S}*)?$`, 'y');
/** A character or entity reference cut before its ";". */
const REFERENCE_BEGINNING = new RegExp(`^&(?:#(?:x[0-9A-Fa-f]*|[0-9]*)|${NAME})?$`);
const NOT_SPACE = /[^ \t\r\n]/;

/** An element open where the text ends. */
export interface OpenElement {
	/** The qualified name, as the start tag writes it ("atom:entry"). */
	name: string;
	/** Where its start tag begins (a character offset). */
	start: number;
}

/** What a text cut short holds whole. */
export interface CutDocument {
	/** The text up to the end of its last whole piece, the elements open there closed with end tags. */
	closed: string;
	/** The elements open there, outermost first (none when the cut came before the root's start tag was whole, or after its end tag). */
	open: OpenElement[];
	/** The root element's start tag is whole. */
	rootStarted: boolean;
}

/** Ends the markup that starts at `index` (its "<"): the offset after it, or -1 when the text ends first. */
export function delimited(text: string, index: number, opening: string, closing: string): number {
	const end = text.indexOf(closing, index + opening.length);
	return end === -1 ? -1 : end + closing.length;
}

/** True when the text from `index` to its end is the beginning of `markup`. */
export function beginsWith(text: string, index: number, markup: string): boolean {
	return text.length - index < markup.length && markup.startsWith(text.slice(index));
}

/**
 * The whole part of a text that is an XML document cut short. Null when it is not one: when its root
 * element is closed and nothing follows unfinished (it is complete, whatever else is wrong with it),
 * when it holds no markup, or when something in it is no beginning of a document (an end tag that
 * closes another element, text or a second element outside the root, an unfinished piece no document
 * could go on from, a DOCTYPE).
 */
export function readCut(text: string): CutDocument | null {
	const open: OpenElement[] = [];
	let index = 0;
	/** The end of the last whole piece. */
	let whole = 0;
	let unfinished = false;
	let markup = false;
	let rootStarted = false;
	let rootClosed = false;
	while (index < text.length) {
		if (text[index] !== '<') {
			const next = text.indexOf('<', index);
			const end = next === -1 ? text.length : next;
			if (open.length === 0 && NOT_SPACE.test(text.slice(index, end))) return null; // text outside the root
			if (next === -1) {
				const reference = text.lastIndexOf('&');
				if (reference >= index && !text.includes(';', reference)) {
					if (!REFERENCE_BEGINNING.test(text.slice(reference))) return null;
					unfinished = true;
					whole = reference;
				} else {
					whole = text.length;
				}
				break;
			}
			index = whole = end;
			continue;
		}
		markup = true;
		let end: number;
		if (text.startsWith('<!--', index)) {
			end = delimited(text, index, '<!--', '-->');
			// "--" may not stand in a comment: one that runs to the end of the text may hold it only as its last two characters.
			const dashes = text.indexOf('--', index + 4);
			if (end === -1 && dashes !== -1 && dashes !== text.length - 2) return null;
		} else if (text.startsWith('<![CDATA[', index)) {
			if (open.length === 0) return null;
			end = delimited(text, index, '<![CDATA[', ']]>');
		} else if (text.startsWith('<?', index)) {
			end = delimited(text, index, '<?', '?>');
		} else if (text.startsWith('</', index)) {
			END_TAG.lastIndex = index;
			const tag = END_TAG.exec(text);
			if (tag !== null) {
				if (open.pop()?.name !== tag[1]) return null;
				if (open.length === 0) rootClosed = true;
				end = END_TAG.lastIndex;
			} else {
				END_TAG_BEGINNING.lastIndex = index;
				if (!END_TAG_BEGINNING.test(text)) return null;
				end = -1;
			}
		} else if (text.startsWith('<!', index)) {
			if (!beginsWith(text, index, '<!--') && !beginsWith(text, index, '<![CDATA[')) return null; // a DOCTYPE, or no markup at all
			end = -1;
		} else {
			START_TAG.lastIndex = index;
			const tag = START_TAG.exec(text);
			if (tag !== null) {
				if (rootClosed) return null; // a second root
				rootStarted = true;
				if (tag[2] === '/') rootClosed ||= open.length === 0;
				else open.push({name: tag[1]!, start: index});
				end = START_TAG.lastIndex;
			} else {
				START_TAG_BEGINNING.lastIndex = index;
				if (!START_TAG_BEGINNING.test(text)) return null;
				end = -1;
			}
		}
		if (end === -1) {
			unfinished = true;
			break;
		}
		index = whole = end;
	}
	if (!markup) return null; // not XML
	if (rootClosed && !unfinished) return null; // complete
	const closers = open.map((element) => `</${element.name}>`).reverse();
	return {closed: text.slice(0, whole) + closers.join(''), open, rootStarted};
}
