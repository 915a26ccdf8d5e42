/**
 * XML for the feed parsers: fast-xml-parser's output as a small tree of elements (local names, without
 * namespace prefixes) and text, in document order, and a look at the prolog that finds the root element
 * without parsing the document.
 *
 * Elements are matched by local name whatever their prefix or namespace declarations (`<atom:title>`,
 * `<title xmlns="http://www.w3.org/2005/Atom">` and `<title>` under a default namespace are all
 * `title`): arXiv's feeds have been written in several such layouts, and none of them uses one local name
 * for two things where the parsers look.
 */
import {XMLParser, XMLValidator, type X2jOptions} from 'fast-xml-parser';

export interface XmlElement {
	/** The local name (no prefix). */
	name: string;
	/** Attributes by local name, entity references decoded. */
	attributes: Record<string, string>;
	children: XmlNode[];
	/** Where the element starts in the text (a character offset), when known. */
	start: number | null;
}

/** An element, or text (entity and character references decoded, CDATA as written). */
export type XmlNode = XmlElement | string;

/**
 * Entity handling: the five XML entities, character references and the common HTML names are decoded.
 * Documents with a DOCTYPE are refused before parsing (see `hasDoctype`, xml-bounds.ts), so no entity can be declared;
 * these limits stand behind that in case one gets through.
 */
const PARSER_OPTIONS: Partial<X2jOptions> = {
	preserveOrder: true,
	ignoreAttributes: false,
	attributeNamePrefix: '',
	removeNSPrefix: true,
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: false,
	ignoreDeclaration: true,
	ignorePiTags: true,
	htmlEntities: true,
	processEntities: {enabled: true, maxEntityCount: 16, maxEntitySize: 1024, maxExpandedLength: 65_536},
	captureMetaData: true,
	unpairedTags: ['br', 'hr', 'img', 'wbr'],
};

let parser: XMLParser | undefined;

const METADATA = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** A problem that makes the text unreadable as XML, with its line. */
export interface XmlProblem {
	line: number;
	message: string;
}

/** Null when the text is well-formed XML, else the first problem. */
export function checkWellFormed(text: string, unpairedTags: string[] = []): XmlProblem | null {
	const result = XMLValidator.validate(text, {unpairedTags});
	return result === true ? null : {line: result.err.line, message: result.err.msg};
}

/**
 * The elements and text of a well-formed document (check it first with `checkWellFormed`). Throws when the
 * document nests elements deeper than 100 or its entities expand past the limits.
 */
export function parseXml(text: string): XmlNode[] {
	parser ??= new XMLParser(PARSER_OPTIONS); // one for all: a feed's entries are parsed one at a time
	const parsed: unknown = parser.parse(text);
	return Array.isArray(parsed) ? toNodes(parsed) : [];
}

/** fast-xml-parser's ordered output ([{tag: [children], ":@": {attributes}}, {"#text": "..."}]) as XmlNodes. */
function toNodes(raw: unknown[]): XmlNode[] {
	const nodes: XmlNode[] = [];
	for (const item of raw) {
		if (typeof item !== 'object' || item === null) continue;
		const record = item as Record<string, unknown>;
		for (const key of Object.keys(record)) {
			const value = record[key];
			if (key === ':@') continue;
			if (key === '#text') {
				if (typeof value === 'string' || typeof value === 'number') nodes.push(String(value));
				continue;
			}
			if (!Array.isArray(value)) continue;
			const metadata = (record as Record<symbol, unknown>)[METADATA] as {startIndex?: unknown} | undefined;
			nodes.push({
				name: key,
				attributes: toAttributes(record[':@']),
				children: toNodes(value),
				start: typeof metadata?.startIndex === 'number' ? metadata.startIndex : null,
			});
		}
	}
	return nodes;
}

function toAttributes(raw: unknown): Record<string, string> {
	const attributes: Record<string, string> = {};
	if (typeof raw !== 'object' || raw === null) return attributes;
	for (const [name, value] of Object.entries(raw)) {
		if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') attributes[name] = String(value);
	}
	return attributes;
}

export function isElement(node: XmlNode): node is XmlElement {
	return typeof node !== 'string';
}

/** The child elements with this local name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
	return element.children.filter((child): child is XmlElement => isElement(child) && child.name === name);
}

/** The first child element with this local name, or null. */
export function childNamed(element: XmlElement, name: string): XmlElement | null {
	for (const child of element.children) if (isElement(child) && child.name === name) return child;
	return null;
}

/** All the text in a node and its descendants, in document order. */
export function textOf(node: XmlNode | null): string {
	if (node === null) return '';
	if (!isElement(node)) return node;
	let text = '';
	for (const child of node.children) text += textOf(child);
	return text;
}

/** The text of the first child element with this local name ("" when there is none). */
export function childText(element: XmlElement, name: string): string {
	return textOf(childNamed(element, name));
}

/** An HTML fragment (an old arXiv RSS description or author list) as text: tags dropped, paragraphs kept apart. */
export function htmlFragmentText(html: string): string {
	const wrapped = `<fragment>${html}</fragment>`;
	if (!html.includes('<') || hasDoctype(html) || checkWellFormed(wrapped, PARSER_OPTIONS.unpairedTags) !== null) return html;
	try {
		const [root] = parseXml(wrapped);
		return root === undefined ? html : blockText(root);
	} catch {
		return html; // nested too deep: the text as it is
	}
}

const BLOCKS = new Set(['p', 'div', 'br', 'li', 'blockquote']);

function blockText(node: XmlNode): string {
	if (!isElement(node)) return node;
	const inner = node.children.map(blockText).join('');
	return BLOCKS.has(node.name.toLowerCase()) ? `\n\n${inner}\n\n` : inner;
}

/** What comes before the root element. */
export interface Prolog {
	/** The root element's qualified name ("feed", "atom:feed", "rdf:RDF"); null when the text does not start as XML does. */
	root: string | null;
	/** A DOCTYPE declaration came before it. */
	doctype: boolean;
}

/**
 * Reads the prolog (byte-order mark, XML declaration, processing instructions, comments, a DOCTYPE and
 * white space) up to the root element's name; reads no further, so a document's first kilobytes are
 * enough. A prolog cut short gives a null root.
 */
export function readProlog(text: string): Prolog {
	let index = text.startsWith('\uFEFF') ? 1 : 0;
	let doctype = false;
	for (;;) {
		while (index < text.length && isXmlSpace(text.charCodeAt(index))) index++;
		if (text.startsWith('<?', index)) {
			const end = text.indexOf('?>', index + 2);
			if (end === -1) return {root: null, doctype};
			index = end + 2;
		} else if (text.startsWith('<!--', index)) {
			const end = text.indexOf('-->', index + 4);
			if (end === -1) return {root: null, doctype};
			index = end + 3;
		} else if (text.slice(index, index + 9).toUpperCase() === '<!DOCTYPE') {
			doctype = true;
			const end = doctypeEnd(text, index + 9);
			if (end === -1) return {root: null, doctype};
			index = end + 1;
		} else if (text[index] === '<') {
			let end = index + 1;
			while (end < text.length && isNameCharacter(text.charCodeAt(end))) end++;
			return {root: end > index + 1 ? text.slice(index + 1, end) : null, doctype};
		} else {
			return {root: null, doctype};
		}
	}
}

/** The ">" that ends a DOCTYPE declaration, past its internal subset ("[...]") and quoted literals; -1 when none. */
function doctypeEnd(text: string, from: number): number {
	let depth = 0;
	let quote: string | null = null;
	for (let index = from; index < text.length; index++) {
		const character = text[index];
		if (quote !== null) {
			if (character === quote) quote = null;
		} else if (character === '"' || character === "'") {
			quote = character;
		} else if (character === '[') {
			depth++;
		} else if (character === ']') {
			depth = Math.max(0, depth - 1);
		} else if (character === '>' && depth === 0) {
			return index;
		}
	}
	return -1;
}

function isXmlSpace(code: number): boolean {
	return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Characters of an XML name (with its prefix): letters, digits, ".", "-", "_", ":" and anything past ASCII. */
function isNameCharacter(code: number): boolean {
	return (
		(code >= 0x61 && code <= 0x7a) ||
		(code >= 0x41 && code <= 0x5a) ||
		(code >= 0x30 && code <= 0x39) ||
		code === 0x2e ||
		code === 0x2d ||
		code === 0x5f ||
		code === 0x3a ||
		code > 0x7f
	);
}

/** The name without its namespace prefix. */
export function localName(qualified: string): string {
	return qualified.slice(qualified.lastIndexOf(':') + 1);
}

/**
 * True when the text holds `<!DOCTYPE` or `<!ENTITY` anywhere, in any letter case (fast-xml-parser reads a
 * DOCTYPE even inside an element). Text-level: feeds are scanned markup-aware by xml-bounds.ts.
 */
export function hasDoctype(text: string): boolean {
	return /<!(?:doctype|entity)/i.test(text);
}

/** The 1-based line of a character offset in the text; the line starts are found on the first call. */
export function lineLookup(text: string): (offset: number) => number {
	let starts: number[] | null = null;
	return (offset) => {
		if (starts === null) {
			starts = [0];
			for (let index = 0; index < text.length; index++) {
				const code = text.charCodeAt(index);
				if (code === 0x0a || (code === 0x0d && text.charCodeAt(index + 1) !== 0x0a)) starts.push(index + 1);
			}
		}
		let low = 0;
		let high = starts.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			if ((starts[middle] ?? 0) <= offset) low = middle;
			else high = middle - 1;
		}
		return low + 1;
	};
}
