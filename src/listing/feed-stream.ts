/**
 * An arXiv feed read entry by entry as its chunks arrive (arxiv.ts describes the feeds), so that a large
 * one is never held whole, as text or as a tree: each chunk is scanned for the bounds (xml-bounds.ts),
 * then cut into entries (feed-cutter.ts), each checked and parsed on its own, wrapped in the root's start
 * tag. What is left, the skeleton, is checked whole at the end as the whole document was: malformed, cut
 * short (xml-cut.ts: the whole entries kept, one warning), an RSS feed without a channel. Everything is
 * checked before the first entry of the last chunk is read, so a feed of one chunk (a fetched body, standard
 * input, a file under 1 MB) is refused before any of its papers are given.
 */
import {StringDecoder} from 'node:string_decoder';
import {fileError, shorten} from '../errors.js';
import {apiErrorMessage, entryFields, isApiError, kindOfRoot, type FeedKind} from './feed-entries.js';
import {FeedCutter} from './feed-cutter.js';
import type {ListingParser} from './hf-page.js';
import {type Paper, type ParseWarning} from './paper.js';
import {buildRecord, isoDay} from './records.js';
import {checkWellFormed, childNamed, childrenNamed, childText, isElement, lineLookup, parseXml, readProlog, textOf, type XmlElement, type XmlNode} from './xml.js';
import {scanBounds, startBounds, type MarkupProblem} from './xml-bounds.js';
import {readCut} from './xml-cut.js';
import {sanitizeLine} from '../text/sanitize.js';
import {shownLine} from '../text/latex.js';

/** A feed's parser: `endsEarly` once the text turned out to end before the document does. */
export interface FeedParser extends ListingParser {
	readonly endsEarly: boolean;
	readonly mayBeEmpty: boolean;
}

/** Reads a feed from its text (a string, or UTF-8 bytes in chunks), a slice of entries at a time. */
export function createFeedParser(input: Iterable<Uint8Array | string>, options: {source: string}): FeedParser {
	const papers: Paper[] = [];
	const warnings: ParseWarning[] = [];
	const state = {endsEarly: false};
	const steps = readFeed(input, options.source, papers, warnings, state);
	let done = false;
	return {
		papers,
		warnings,
		get endsEarly() {
			return state.endsEarly;
		},
		get mayBeEmpty() {
			return !state.endsEarly; // an empty feed is a day without papers, not a broken file (unless cut short)
		},
		run(deadline, enough = Infinity) {
			while (!done) {
				done = steps.next().done === true;
				if (performance.now() >= deadline || papers.length >= enough) break;
			}
			return done;
		},
	};
}

/**
 * Text is decoded and cut this much at a time: a piece this small is a string in V8's young generation,
 * short-lived garbage, even two bytes a character (a 1 MB string goes to the old one, collected late).
 */
const PIECE_BYTES = 64 * 1024;

/**
 * The text of the chunks in pieces, a byte order mark dropped, each with whether it is the last and how
 * many characters of its chunk are still to come (so that the element budget counts the whole chunk).
 */
function* texts(input: Iterable<Uint8Array | string>): Generator<{text: string; last: boolean; ahead: number}, void, undefined> {
	const decoder = new StringDecoder('utf8');
	let first = true;
	const strip = (text: string) => {
		if (!first || text === '') return text;
		first = false;
		return text.startsWith('\uFEFF') ? text.slice(1) : text;
	};
	let held: {text: string; ahead: number} | null = null;
	for (const chunk of input) {
		let ahead = typeof chunk === 'string' ? 0 : utf16Length(chunk);
		for (let at = 0; at < chunk.length; at += PIECE_BYTES) {
			const piece = typeof chunk === 'string' ? chunk : decoder.write(chunk.subarray(at, at + PIECE_BYTES));
			ahead = Math.max(0, ahead - piece.length);
			const text = strip(piece);
			if (text === '') continue;
			if (held !== null) yield {...held, last: false};
			held = {text, ahead};
			if (typeof chunk === 'string') break;
		}
	}
	yield {text: (held?.text ?? '') + strip(decoder.end()), last: true, ahead: 0};
}

/** The characters (UTF-16 code units) UTF-8 bytes decode to. */
function utf16Length(bytes: Uint8Array): number {
	let length = 0;
	for (const byte of bytes) {
		if ((byte & 0xc0) !== 0x80) length++;
		if (byte >= 0xf0) length++;
	}
	return length;
}

function* readFeed(input: Iterable<Uint8Array | string>, source: string, papers: Paper[], warnings: ParseWarning[], state: {endsEarly: boolean}): Generator<void, void, undefined> {
	const chunks = texts(input);
	let {text, last, ahead} = chunks.next().value!;
	const more = () => {
		const chunk = chunks.next().value!;
		last = chunk.last;
		ahead = chunk.ahead;
		return chunk.text;
	};
	// The prolog, up to the whole name of the root element.
	while (!last && !rootNamed(text)) text += more();
	const {root} = readProlog(text);
	const kind = root === null ? null : kindOfRoot(root);
	if (kind === null) {
		while (!last) text += more();
		if (readCut(text)?.rootStarted === false) {
			state.endsEarly = true;
			warnings.push(cutWarning(text, source, 'before its root element'));
			return;
		}
		if (root === null) throw fileError(source, 'is not XML (an arXiv Atom or RSS feed was expected)');
		throw fileError(source, `is XML, but its root element is <${shorten(sanitizeLine(root))}>, not an arXiv Atom feed (<feed>) or RSS feed (<rss>, <rdf:RDF>)`);
	}
	const entryKind = kind === 'atom' ? 'entry' : 'item';
	const wrap = (entry: string): string => `${cutter.rootTag.replace(/[\r\n]/g, ' ')}${entry}</${cutter.rootName}>`;
	const cutter: FeedCutter = new FeedCutter(kind, (entry) => checkWellFormed(wrap(entry)) === null);
	const bounds = startBounds();
	const boundsError = (problem: MarkupProblem) =>
		fileError(source, problem.kind === 'declaration' ? problem.message : `${problem.message} (line ${cutter.lineAt(cutter.offset + problem.offset)})`);
	cutter.add(text);
	text = '';
	let count = 0;
	/** API errors among the first entries, warned of only once an entry is not one (all errors: an error answer). */
	let errors: ParseWarning[] | null = [];
	let firstError = '';
	let channelDay: string | null | undefined;
	let ending: string | null = null;
	for (;;) {
		const problem = scanBounds(bounds, cutter.text, cutter.length + ahead, last);
		if (problem !== null) throw boundsError(problem);
		const entries = cutter.cut();
		if (entries === null) {
			// Bounds passed later in the document are said first, as when it was scanned whole.
			const wrong = checkWellFormed(cutter.document());
			const line = cutter.lineAt(cutter.malformedAt);
			for (;;) {
				bounds.next -= cutter.drop(cutter.offset + bounds.next);
				const later = scanBounds(bounds, cutter.text, cutter.length + ahead, last);
				if (later !== null) throw boundsError(later);
				if (last) break;
				cutter.add(more());
			}
			throw notWellFormed(source, wrong ?? {line, message: 'unexpected markup'});
		}
		if (last) ending = endOf(cutter.document(), kind, source);
		else bounds.next -= cutter.compact(cutter.offset + bounds.next);
		for (const entry of entries) {
			const element = parseEntry(wrap(entry.text), source);
			count++;
			if (kind === 'atom' && isApiError(element)) {
				const message = apiErrorMessage(element);
				if (count === 1) firstError = message;
				(errors ?? warnings).push({source, line: entry.line, message: `entry ${count} is an error from the arXiv API, skipped: ${message}`});
				continue;
			}
			if (errors !== null) warnings.push(...errors);
			errors = null;
			if (kind === 'rdf' && channelDay === undefined) channelDay = rdfChannelDay(cutter.document());
			const paper = buildRecord({...entryFields(kind, element, channelDay ?? null), upvotes: null, source}); // arXiv counts no upvotes
			if (paper === null) warnings.push({source, line: entry.line, message: `${entryKind} ${count} has no title, skipped`});
			else papers.push(detached(paper));
			yield;
		}
		if (last) break;
		cutter.add(more());
	}
	if (errors !== null && errors.length > 0) throw fileError(source, `is an error answer from the arXiv API: ${firstError}`);
	if (errors !== null) warnings.push(...errors);
	if (ending !== null) {
		state.endsEarly = true;
		warnings.push(cutWarning(cutter.document(), source, ending));
	}
}

/**
 * The paper with its strings copied: a field that is a slice of the entry's text (V8 keeps a slice of 13
 * characters or more as a view of its parent) would keep the whole entry alive with the paper.
 */
function detached(paper: Paper): Paper {
	const own = (text: string) => (text.length < 13 ? text : ` ${text}`.slice(1));
	const ownOrNull = (text: string | null) => (text === null ? null : own(text));
	return {...paper, title: own(paper.title), abstract: own(paper.abstract), authors: paper.authors.map(own), links: paper.links.map(own), arxivId: ownOrNull(paper.arxivId), published: ownOrNull(paper.published)};
}

/** The text holds the root element's whole name (or a prolog that will never end, which is no feed). */
function rootNamed(text: string): boolean {
	const {root} = readProlog(text);
	return root !== null && readProlog(`${text}x`).root === root;
}

function notWellFormed(source: string, problem: {line: number; message: string}) {
	return fileError(source, `is not well-formed XML (line ${problem.line}: ${shorten(sanitizeLine(problem.message))})`);
}

/** An entry's element, from its text wrapped in the root's start tag (checked to be well-formed). */
function parseEntry(wrapped: string, source: string): XmlElement {
	let nodes: XmlNode[];
	try {
		nodes = parseXml(wrapped);
	} catch (error) {
		throw fileError(source, `cannot be read as XML (${shorten(sanitizeLine(error instanceof Error ? error.message : String(error)))})`);
	}
	const entry = nodes.find(isElement)?.children.find(isElement);
	if (entry === undefined) throw fileError(source, 'cannot be read as XML (an entry went missing)');
	return entry;
}

/** The date on an RSS 1.0 feed's channel, from the skeleton read so far. */
function rdfChannelDay(skeleton: string): string | null {
	const closed = readCut(skeleton)?.closed ?? skeleton;
	if (checkWellFormed(closed) !== null) return null;
	try {
		const root = parseXml(closed).find(isElement);
		const channel = root === undefined ? null : childNamed(root, 'channel');
		return channel === null ? null : isoDay(childText(channel, 'date'));
	} catch {
		return null; // the skeleton is checked at the end
	}
}

/** A feed cut short: the last warning, naming the line where the text ends. */
function cutWarning(document: string, source: string, where: string): ParseWarning {
	const line = lineLookup(document)(Math.max(0, document.length - 1));
	return {source, line, message: `document ends early at line ${line}: ${where}`};
}

/**
 * The skeleton of the whole document checked as the whole document was: null when it is whole, else where
 * its entries stop ("in entry 3 ("Title"), which is skipped", "after entry 2", "before its first item").
 * Throws an InputError when it is malformed, or an RSS feed without a channel.
 */
function endOf(skeleton: string, kind: FeedKind, source: string): string | null {
	const entryKind = kind === 'atom' ? 'entry' : 'item';
	let text = skeleton;
	let open = new Set<number>();
	const problem = checkWellFormed(skeleton);
	if (problem !== null) {
		const cut = readCut(skeleton);
		if (cut === null || (cut.rootStarted && checkWellFormed(cut.closed) !== null)) throw notWellFormed(source, problem);
		if (!cut.rootStarted) return `before its first ${entryKind}`;
		text = cut.closed;
		open = new Set(cut.open.map((element) => element.start));
	}
	let root: XmlElement | undefined;
	try {
		root = parseXml(text).find(isElement);
	} catch (error) {
		throw fileError(source, `cannot be read as XML (${shorten(sanitizeLine(error instanceof Error ? error.message : String(error)))})`);
	}
	if (root === undefined) throw fileError(source, 'has no root element');
	let parent: XmlElement | null = root;
	if (kind === 'rss') {
		parent = childNamed(root, 'channel');
		if (parent === null && open.size === 0) throw fileError(source, 'is an RSS feed without a <channel>');
	}
	if (text === skeleton) return null;
	const isWhole = (element: XmlElement) => element.start === null || !open.has(element.start);
	const all = parent === null ? [] : childrenNamed(parent, entryKind);
	const whole = all.filter(isWhole).length;
	const cut = whole < all.length ? all.at(-1)! : null;
	if (cut === null) return whole === 0 ? `before its first ${entryKind}` : `after ${entryKind} ${whole}`;
	const titleElement = childNamed(cut, 'title');
	const title = titleElement === null || !isWhole(titleElement) ? '' : shorten(shownLine(sanitizeLine(textOf(titleElement))));
	return `in ${entryKind} ${whole + 1}${title === '' ? '' : ` ("${title}")`}, which is skipped`;
}
