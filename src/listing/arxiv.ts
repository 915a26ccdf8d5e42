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
 *
 * A feed is read entry by entry as it arrives (feed-stream.ts); an entry becomes a Paper in feed-entries.ts.
 */
import {kindOfRoot} from './feed-entries.js';
import {createFeedParser} from './feed-stream.js';
import {type ParseResult} from './paper.js';
import {readProlog} from './xml.js';
import {readCut} from './xml-cut.js';

export {splitAnnouncement, splitRdfTitle} from './feed-entries.js';

/**
 * A cheap look at the root element (the first kilobytes of a file are enough): 'atom' for `<feed>`,
 * 'rss' for `<rss>` or `<rdf:RDF>`, null for anything else. A byte-order mark, an XML declaration,
 * comments, processing instructions and a DOCTYPE may come first.
 */
export function feedKind(text: string): 'atom' | 'rss' | null {
	const {root} = readProlog(text);
	const kind = root === null ? null : kindOfRoot(root);
	return kind === 'rdf' ? 'rss' : kind;
}

/** True for the beginning of an XML document that ends before its root element's start tag is whole (a feed cut short there). */
export function endsBeforeRoot(text: string): boolean {
	return readCut(text.startsWith('\uFEFF') ? text.slice(1) : text)?.rootStarted === false;
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
	const parser = createFeedParser([text], options);
	parser.run(Infinity);
	const {papers, warnings} = parser;
	return parser.endsEarly ? {papers, warnings, endsEarly: true} : {papers, warnings};
}
