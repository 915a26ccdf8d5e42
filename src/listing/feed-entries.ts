/**
 * One entry of an arXiv feed (an Atom `<entry>`, an RSS 2.0 or 1.0 `<item>`) as the fields of a Paper, and
 * what marks an entry as an error of the arXiv API. The feed's layouts are described in arxiv.ts; the
 * feed is cut into entries in feed-cutter.ts and read in feed-stream.ts.
 */
import {shorten} from '../errors.js';
import {arxivIdNamedBy, normalizeArxivId} from './arxiv-id.js';
import {isoDay, splitAuthors, type RecordFields} from './records.js';
import {childrenNamed, childText, htmlFragmentText, localName, textOf, type XmlElement} from './xml.js';
import {sanitizeLine} from '../text/sanitize.js';

/** Atom (`<feed>`), RSS 2.0 (`<rss>`) or RSS 1.0 (`<rdf:RDF>`). */
export type FeedKind = 'atom' | 'rss' | 'rdf';

/** The kind of feed a root element names; null for anything else. */
export function kindOfRoot(root: string): FeedKind | null {
	const name = localName(root);
	if (name === 'feed') return 'atom';
	if (name === 'rss') return 'rss';
	return name === 'RDF' ? 'rdf' : null;
}

const API_ERROR_ID = /^https?:\/\/(?:export\.)?arxiv\.org\/api\/errors/i;

/** An Atom entry that is an error of the arXiv API (its id is http://arxiv.org/api/errors#...). */
export function isApiError(entry: XmlElement): boolean {
	return API_ERROR_ID.test(childText(entry, 'id').trim());
}

export function apiErrorMessage(entry: XmlElement): string {
	const message = sanitizeLine(childText(entry, 'summary')) || sanitizeLine(childText(entry, 'id'));
	return shorten(message);
}

export type EntryFields = Omit<RecordFields, 'source' | 'upvotes'>;

/** What an entry says of its paper; `channelDay` is an RSS 1.0 channel's date, for items without one. */
export function entryFields(kind: FeedKind, entry: XmlElement, channelDay: string | null): EntryFields {
	if (kind === 'atom') {
		const announcement = splitAnnouncement(childText(entry, 'summary') || childText(entry, 'content'));
		const alternate = childrenNamed(entry, 'link').find((link) => (link.attributes.rel ?? 'alternate') === 'alternate');
		const authorElements = childrenNamed(entry, 'author');
		return {
			title: childText(entry, 'title'),
			abstract: announcement.abstract,
			authors: authorElements.length > 0 ? authorElements.map((author) => childText(author, 'name')) : creators(entry, (text) => text),
			published: isoDay(childText(entry, 'published')) ?? isoDay(childText(entry, 'updated')),
			arxivId: arxivIdNamedBy(childText(entry, 'id')) ?? announcement.arxivId ?? arxivIdNamedBy(alternate?.attributes.href ?? ''),
		};
	}
	if (kind === 'rss') {
		const announcement = splitAnnouncement(childText(entry, 'description'));
		return {
			title: childText(entry, 'title'),
			abstract: announcement.abstract,
			authors: creators(entry, (text) => text),
			published: isoDay(childText(entry, 'pubDate')) ?? isoDay(childText(entry, 'date')),
			arxivId: announcement.arxivId ?? arxivIdNamedBy(childText(entry, 'link')) ?? arxivIdNamedBy(childText(entry, 'guid')),
		};
	}
	// RSS 1.0: the abstract and the authors are HTML.
	const {title, arxivId} = splitRdfTitle(childText(entry, 'title'));
	return {
		title,
		abstract: htmlFragmentText(childText(entry, 'description')),
		authors: creators(entry, htmlFragmentText),
		published: isoDay(childText(entry, 'date')) ?? channelDay,
		arxivId: arxivId ?? arxivIdNamedBy(entry.attributes.about ?? '') ?? arxivIdNamedBy(childText(entry, 'link')),
	};
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
