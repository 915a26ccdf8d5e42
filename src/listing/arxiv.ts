/**
 * arXiv's feeds, told apart by their root element:
 *
 * - Atom (`<feed>`): the API's answers (export.arxiv.org/api/query), in the layout of any year (the Atom
 *   namespace as the default one or on a prefix, the arxiv and opensearch namespaces declared on the root
 *   or on each element), the API's error answers (one entry whose id is http://arxiv.org/api/errors#...),
 *   and the daily Atom feed (rss.arxiv.org/atom/<category>: ids "oai:arXiv.org:<id>", a summary that
 *   starts "arXiv:<id> Announce Type: new Abstract:", authors in one `<dc:creator>`).
 * - RSS 2.0 (`<rss>`): the daily feed (rss.arxiv.org/rss/<category>), an `<item>` per announced paper;
 *   an empty channel on weekends and holidays.
 * - RSS 1.0 (`<rdf:RDF>`): the daily feed as export.arxiv.org/rss wrote it until 2024: titles ending
 *   "(arXiv:<id>v1 [hep-ex])", the abstract and the authors as escaped HTML, the date on the channel.
 *
 * Every item becomes a Paper through buildRecord (records.ts), so titles, abstracts and author names are
 * sanitised as the page parser's are, and titles and abstracts show their LaTeX decoded (see records.ts).
 *
 * A feed cut short (a download that stopped mid-document; xml-cut.ts) keeps the entries that are whole
 * before the cut, with one warning saying where the document ends early, as the page parser keeps the
 * papers before a cut. Text that is malformed before its end is refused as any malformed feed is.
 */
import {fileError, shorten} from '../errors.js';
import {type Paper, type ParseResult, type ParseWarning} from './paper.js';
import {arxivIdNamedBy, normalizeArxivId} from './arxiv-id.js';
import {buildRecord, isoDay, splitAuthors, type RecordFields} from './records.js';
import {
	checkWellFormed,
	childNamed,
	childrenNamed,
	childText,
	htmlFragmentText,
	isElement,
	lineLookup,
	localName,
	parseXml,
	readProlog,
	textOf,
	type XmlElement,
} from './xml.js';
import {readCut} from './xml-cut.js';
import {markupProblem} from './xml-bounds.js';
import {sanitizeLine} from '../text/sanitize.js';
import {shownLine} from '../text/latex.js';

/** The kind of feed a root element names: `<feed>` is Atom, `<rss>` and `<rdf:RDF>` are RSS; null for anything else. */
function kindOfRoot(root: string): 'atom' | 'rss' | null {
	const name = localName(root);
	if (name === 'feed') return 'atom';
	return name === 'rss' || name === 'RDF' ? 'rss' : null;
}

/**
 * A cheap look at the root element (the first kilobytes of a file are enough): 'atom' for `<feed>`,
 * 'rss' for `<rss>` or `<rdf:RDF>`, null for anything else. A byte-order mark, an XML declaration,
 * comments, processing instructions and a DOCTYPE may come first.
 */
export function feedKind(text: string): 'atom' | 'rss' | null {
	const {root} = readProlog(text);
	return root === null ? null : kindOfRoot(root);
}

/** True for the beginning of an XML document that ends before its root element's start tag is whole (a feed cut short there). */
export function endsBeforeRoot(text: string): boolean {
	return readCut(text.startsWith('\uFEFF') ? text.slice(1) : text)?.rootStarted === false;
}

interface Context {
	source: string;
	papers: Paper[];
	warnings: ParseWarning[];
	lineOf: (offset: number) => number;
	/** Where the elements open at a cut start: those are not whole. */
	open: ReadonlySet<number>;
	/** What the feed's entries (or items) were where the text ends. */
	ending: Ending;
}

interface Ending {
	/** "entry" or "item". */
	kind: string;
	/** The whole ones. */
	count: number;
	/** The one cut off by the end of the text, or null. */
	cut: XmlElement | null;
}

/**
 * Reads an arXiv Atom or RSS feed. A feed without entries or items (a weekend's RSS) gives no papers and
 * no error. Throws an InputError naming the file when the text is not XML, not well-formed, XML of another
 * kind, declares a DOCTYPE or an entity (never done by arXiv; refused so that no entity declaration is read),
 * is out of bounds (too many attributes on an element, elements, nesting; xml-bounds.ts), or is an
 * error answer of the arXiv API (its message is given). An entry without a title is skipped with a
 * warning giving its line. Text that ends before the document does gives the entries whole before the
 * cut, a last warning "document ends early at line N: ...", and `endsEarly`.
 */
export function parseArxivFeed(text: string, options: {source: string}): ParseResult {
	const {source} = options;
	const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
	const {root} = readProlog(body);
	const kind = root === null ? null : kindOfRoot(root);
	if (kind === null) {
		if (endsBeforeRoot(body)) return cutShort(body, source, 'before its root element');
		if (root === null) throw fileError(source, 'is not XML (an arXiv Atom or RSS feed was expected)');
		throw fileError(source, `is XML, but its root element is <${shorten(sanitizeLine(root))}>, not an arXiv Atom feed (<feed>) or RSS feed (<rss>, <rdf:RDF>)`);
	}
	const entryKind = kind === 'atom' ? 'entry' : 'item';
	const problem = markupProblem(body);
	if (problem !== null) throw fileError(source, problem.kind === 'declaration' ? problem.message : `${problem.message} (line ${lineLookup(body)(problem.offset)})`);
	const part = wholePart(body, source);
	if (part === null) return cutShort(body, source, `before its first ${entryKind}`);
	let nodes;
	try {
		nodes = parseXml(part.text);
	} catch (error) {
		throw fileError(source, `cannot be read as XML (${shorten(sanitizeLine(error instanceof Error ? error.message : String(error)))})`);
	}
	const element = nodes.find(isElement);
	if (element === undefined) throw fileError(source, 'has no root element');
	const context: Context = {source, papers: [], warnings: [], lineOf: lineLookup(body), open: part.open, ending: {kind: entryKind, count: 0, cut: null}};
	if (element.name === 'feed') readAtom(element, context);
	else if (element.name === 'rss') readRss(element, context);
	else readRdf(element, context);
	if (part.text === body) return {papers: context.papers, warnings: context.warnings};
	return cutShort(body, source, endingText(context), context);
}

/**
 * The part of a feed's text to read: all of it when it is well-formed; when it is a well-formed document
 * cut short, its whole part (xml-cut.ts) with where the elements open at the cut start; null when the cut
 * came before the root's start tag was whole. Throws an InputError when it is neither.
 */
function wholePart(body: string, source: string): {text: string; open: ReadonlySet<number>} | null {
	const problem = checkWellFormed(body);
	if (problem === null) return {text: body, open: new Set()};
	const cut = readCut(body);
	if (cut === null || (cut.rootStarted && checkWellFormed(cut.closed) !== null)) {
		throw fileError(source, `is not well-formed XML (line ${problem.line}: ${shorten(sanitizeLine(problem.message))})`);
	}
	return cut.rootStarted ? {text: cut.closed, open: new Set(cut.open.map((element) => element.start))} : null;
}

/** A feed cut short: the papers whole before the cut, and a last warning naming the line where the text ends. */
function cutShort(body: string, source: string, where: string, read: Pick<ParseResult, 'papers' | 'warnings'> = {papers: [], warnings: []}): ParseResult {
	const line = lineLookup(body)(Math.max(0, body.length - 1));
	return {papers: read.papers, warnings: [...read.warnings, {source, line, message: `document ends early at line ${line}: ${where}`}], endsEarly: true};
}

function isWhole(context: Context, element: XmlElement): boolean {
	return element.start === null || !context.open.has(element.start);
}

/** The parent's children with this name that are whole; one cut off by the end of the text is noted in the context's ending. */
function wholeChildren(context: Context, parent: XmlElement, name: string): XmlElement[] {
	const all = childrenNamed(parent, name);
	const whole = all.filter((element) => isWhole(context, element));
	context.ending = {kind: context.ending.kind, count: whole.length, cut: whole.length < all.length ? all.at(-1)! : null};
	return whole;
}

/** Where the entries stop: "in entry 3 ("Title"), which is skipped", "after entry 2", "before its first item". */
function endingText(context: Context): string {
	const {kind, count, cut} = context.ending;
	if (cut === null) return count === 0 ? `before its first ${kind}` : `after ${kind} ${count}`;
	const titleElement = childNamed(cut, 'title');
	const title = titleElement === null || !isWhole(context, titleElement) ? '' : shorten(shownLine(sanitizeLine(textOf(titleElement))));
	return `in ${kind} ${count + 1}${title === '' ? '' : ` ("${title}")`}, which is skipped`;
}

/** Adds the paper an element describes, or a warning with the element's line when it has no title. */
function add(context: Context, element: XmlElement, kind: string, number: number, fields: Omit<RecordFields, 'source' | 'upvotes'>): void {
	const paper = buildRecord({...fields, upvotes: null, source: context.source}); // arXiv counts no upvotes
	if (paper === null) {
		warn(context, element, `${kind} ${number} has no title, skipped`);
	} else {
		context.papers.push(paper);
	}
}

function warn(context: Context, element: XmlElement, message: string): void {
	context.warnings.push({source: context.source, line: element.start === null ? null : context.lineOf(element.start), message});
}

const API_ERROR_ID = /^https?:\/\/(?:export\.)?arxiv\.org\/api\/errors/i;

function isApiError(entry: XmlElement): boolean {
	return API_ERROR_ID.test(childText(entry, 'id').trim());
}

function apiErrorMessage(entry: XmlElement): string {
	const message = sanitizeLine(childText(entry, 'summary')) || sanitizeLine(childText(entry, 'id'));
	return shorten(message);
}

function readAtom(feed: XmlElement, context: Context): void {
	const entries = wholeChildren(context, feed, 'entry');
	const errors = entries.filter(isApiError);
	if (errors.length > 0 && errors.length === entries.length) {
		throw fileError(context.source, `is an error answer from the arXiv API: ${apiErrorMessage(errors[0]!)}`);
	}
	entries.forEach((entry, index) => {
		if (isApiError(entry)) {
			warn(context, entry, `entry ${index + 1} is an error from the arXiv API, skipped: ${apiErrorMessage(entry)}`);
			return;
		}
		const announcement = splitAnnouncement(childText(entry, 'summary') || childText(entry, 'content'));
		const alternate = childrenNamed(entry, 'link').find((link) => (link.attributes.rel ?? 'alternate') === 'alternate');
		const authorElements = childrenNamed(entry, 'author');
		add(context, entry, 'entry', index + 1, {
			title: childText(entry, 'title'),
			abstract: announcement.abstract,
			authors: authorElements.length > 0 ? authorElements.map((author) => childText(author, 'name')) : creators(entry, (text) => text),
			published: isoDay(childText(entry, 'published')) ?? isoDay(childText(entry, 'updated')),
			arxivId: arxivIdNamedBy(childText(entry, 'id')) ?? announcement.arxivId ?? arxivIdNamedBy(alternate?.attributes.href ?? ''),
		});
	});
}

function readRss(rss: XmlElement, context: Context): void {
	const channel = childNamed(rss, 'channel');
	if (channel === null) {
		if (context.open.size > 0) return; // cut before it
		throw fileError(context.source, 'is an RSS feed without a <channel>');
	}
	wholeChildren(context, channel, 'item').forEach((item, index) => {
		const announcement = splitAnnouncement(childText(item, 'description'));
		add(context, item, 'item', index + 1, {
			title: childText(item, 'title'),
			abstract: announcement.abstract,
			authors: creators(item, (text) => text),
			published: isoDay(childText(item, 'pubDate')) ?? isoDay(childText(item, 'date')),
			arxivId: announcement.arxivId ?? arxivIdNamedBy(childText(item, 'link')) ?? arxivIdNamedBy(childText(item, 'guid')),
		});
	});
}

/** RSS 1.0: the items are the root's children; the abstract and the authors are HTML. */
function readRdf(rdf: XmlElement, context: Context): void {
	const channel = childNamed(rdf, 'channel');
	const channelDay = channel === null ? null : isoDay(childText(channel, 'date'));
	wholeChildren(context, rdf, 'item').forEach((item, index) => {
		const {title, arxivId} = splitRdfTitle(childText(item, 'title'));
		add(context, item, 'item', index + 1, {
			title,
			abstract: htmlFragmentText(childText(item, 'description')),
			authors: creators(item, htmlFragmentText),
			published: isoDay(childText(item, 'date')) ?? channelDay,
			arxivId: arxivId ?? arxivIdNamedBy(item.attributes.about ?? '') ?? arxivIdNamedBy(childText(item, 'link')),
		});
	});
}

/** The names in an element's `<dc:creator>`s (one name each, or "A, B and C" in one). */
function creators(element: XmlElement, toText: (text: string) => string): string[] {
	return childrenNamed(element, 'creator').flatMap((creator) => splitAuthors(toText(textOf(creator))));
}

const ANNOUNCEMENT = /^\s*arXiv:(\S+)\s+Announce Type:\s*[\w-]+/i;
const ABSTRACT_LABEL = /^\s*Abstract:[ \t]*/i;

/**
 * A daily feed's description, "arXiv:2411.01234v1 Announce Type: new \nAbstract: We ...", as the arXiv id
 * and the abstract; other text is all abstract.
 */
export function splitAnnouncement(description: string): {arxivId: string | null; abstract: string} {
	const announcement = ANNOUNCEMENT.exec(description);
	const rest = announcement === null ? description : description.slice(announcement[0].length);
	const label = ABSTRACT_LABEL.exec(rest);
	return {
		arxivId: announcement?.[1] === undefined ? null : normalizeArxivId(announcement[1]),
		abstract: label === null ? rest : rest.slice(label[0].length),
	};
}

const RDF_TITLE = /^([\s\S]*?)\.?\s*\(arXiv:([^\s)]+)[^)]*\)\s*$/;

/** An RSS 1.0 title, "Title. (arXiv:1805.08875v1 [hep-ex] UPDATED)", as the title and the arXiv id. */
export function splitRdfTitle(raw: string): {title: string; arxivId: string | null} {
	const match = RDF_TITLE.exec(raw);
	if (match === null) return {title: raw, arxivId: null};
	return {title: match[1] ?? '', arxivId: normalizeArxivId(match[2] ?? '')};
}
