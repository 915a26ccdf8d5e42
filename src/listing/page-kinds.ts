/**
 * What a line of a papers page is, once its markup is off (page-lines.ts): part of a paper's metadata
 * ("3 authors", "·", "Feb 17, 2022 14", an upvote count before a title, GitHub stars), the page's own
 * chrome (navigation, headings, the tool's header), or text (a title, an abstract, an organisation).
 *
 * Precision comes first: text that is the page's and not a paper's is named here, so that it never
 * becomes one.
 */
import {parsePageDate, type PageDate} from './dates.js';

/** A line of metadata. */
export type MetaLine =
	| {kind: 'authors'; count: number}
	| {kind: 'separator'}
	/** A date, maybe followed by a count (upvotes in a browser copy, comments where votes come before the title). */
	| {kind: 'date'; date: PageDate; count: number | null}
	/** A count alone: the upvotes of the paper whose title follows ("-" for none). */
	| {kind: 'votes'; count: number}
	/** A repository's star count, as the trending list shows it ("GitHub 11.3k"). */
	| {kind: 'stars'; stars: string};

const AUTHORS = /^[•·*-]?\s*(\d{1,5})\s+authors?$/i;
const SEPARATOR = /^[·•|]$/;
const DATE_WITH_COUNT = /^(.*\S)\s+(\d{1,6})$/;
const VOTES = /^(?:upvotes?\s*:?\s*)?(?:\d{1,6}|[-–—])$/i;
/** What a page may print before a paper's date. */
const DATE_PREFIX = /^(?:published|submitted|added)(?:\s+on)?\s+/i;
const STARS = /^(?:(?:LINK:\s*)?(?:GitHub|★|Stars?)\s*:?\s*(\d+(?:\.\d+)?[kKmM]?)|(\d+(?:\.\d+)?[kKmM]))$/;
/** Longest metadata line ("• 1234 authors", "September 30, 2024 12345"). */
const MAX_META = 40;

/** The metadata a line holds, or null when it holds none. */
export function readMeta(text: string): MetaLine | null {
	if (text.length > MAX_META || text === '') return null;
	const authors = AUTHORS.exec(text);
	if (authors) return {kind: 'authors', count: Number(authors[1])};
	if (SEPARATOR.test(text)) return {kind: 'separator'};
	if (VOTES.test(text)) return {kind: 'votes', count: Number(/\d+/.exec(text)?.[0] ?? 0)};
	const dated = DATE_PREFIX.test(text) ? text.replace(DATE_PREFIX, '') : text;
	if (dated !== text) return readMeta(dated);
	const date = parsePageDate(text);
	if (date) return {kind: 'date', date, count: null};
	const split = DATE_WITH_COUNT.exec(text);
	const prefixDate = split ? parsePageDate(split[1]!) : null;
	if (prefixDate) return {kind: 'date', date: prefixDate, count: Number(split![2])};
	const stars = STARS.exec(text);
	if (stars) return {kind: 'stars', stars: (stars[1] ?? stars[2])!};
	return null;
}

/**
 * The metadata a line holds, in order, where every part of it is metadata: one part, or several joined by
 * separators as a page laid out in one line prints them ("3 authors · Feb 17, 2022", "· Sep 9").
 * Null when the line holds anything else.
 */
export function readMetaLine(text: string): MetaLine[] | null {
	if (text.length > MAX_META_LINE) return null;
	if (!text.includes('·') && !text.includes('•')) {
		const meta = readMeta(text);
		return meta === null ? null : [meta];
	}
	if (SEPARATOR.test(text)) return [{kind: 'separator'}];
	if (AUTHORS.test(text)) return [{kind: 'authors', count: Number(AUTHORS.exec(text)![1])}]; // "• 2 authors": a bullet, not a separator
	const metas: MetaLine[] = [];
	let date: Extract<MetaLine, {kind: 'date'}> | null = null;
	for (const [index, part] of text.split(SEPARATORS).entries()) {
		if (index > 0) metas.push({kind: 'separator'});
		if (part === '') continue;
		const meta = readMeta(part);
		if (meta === null) return null; // a part that is not metadata: the line is text
		// A count after the date on its line is the date's, as in "Feb 17, 2022 14".
		if (meta.kind === 'votes' && date !== null && date.count === null) date.count = meta.count;
		else metas.push(meta);
		date = meta.kind === 'date' ? meta : null;
	}
	return metas;
}

const SEPARATORS = /\s*[·•]\s*/;
/** Longest line of metadata parts ("Published on September 30, 2024 · 1234 authors · 56"). */
const MAX_META_LINE = 100;

/** The page's own labels: navigation, menus, the newsletter box, the footer. Compared in lower case. */
const CHROME_LABELS = new Set([
	'new',
	'get trending papers in your email inbox!',
	'get trending papers in your email inbox once a day!',
	'subscribe',
	'daily papers',
	'byak and the research community',
	'by ak and the research community',
	'daily',
	'weekly',
	'monthly',
	'trending papers',
	'hugging face',
	'models',
	'datasets',
	'spaces',
	'community',
	'docs',
	'enterprise',
	'pricing',
	'log in',
	'login',
	'sign up',
	'papers',
	'collections',
	'posts',
	'search',
	'submit',
	'previous',
	'next',
	'view all',
	'load more',
	'system theme',
	'company',
	'tos',
	'privacy',
	'about',
	'jobs',
	'careers',
	'website',
	'blog',
	'learn',
	'forum',
	'service status',
	'changelog',
	'huggingchat',
	'tasks',
	'inference endpoints',
	'references',
	'visible links',
	'visible links:',
	'hidden links',
	'hidden links:',
	'markdown content:',
	'skip to content',
	'menu',
	'toggle navigation',
	'upvote',
	'join the discussion',
	'add to collection',
	'view arxiv page',
	'view pdf',
	'trending',
	'recent',
	'relevance',
	'most recent',
	'most upvoted',
	'hugging face papers',
	'search papers',
	'github',
]);
const CHROME_PATTERNS = [
	/^(?:daily|weekly|monthly)(?:\s*[-/|·•,]?\s*(?:daily|weekly|monthly))+$/i,
	/^submitted by/i,
	/^\d[\d,]*\s+(?:results?|papers?)$/i,
	/^(?:showing|results)\s+\d/i,
	/^sort(?:ed)? by\b/i,
	/^(?:search |showing )?results for\b/i,
	/^page \d+(?: of \d+)?$/i,
	/^(?:©|copyright)\s/i,
	/^hugging face'?s? logo\b/i,
];
/** The key of a capture tool's header line ("URL Source: …", "Page Title: …", "retrieved: …"). */
const HEADER_KEY =
	/^(title|url|url source|source|page title|markdown content|published time|retrieved|captured|clipped|saved|saved at|created|date|author|tags|description|site|site name|status ?code|transport|command|completeness|language|word count|excerpt)\s*:\s*(.*)$/i;

/** The longest line of the page's own (labels and patterns are short; abstracts are not). */
const MAX_CHROME = 120;

/** True for a line that is the page's own: a navigation label, a menu, a footer line. */
export function isChrome(text: string): boolean {
	if (text.length > MAX_CHROME) return false;
	return CHROME_LABELS.has(text.toLowerCase()) || CHROME_PATTERNS.some((pattern) => pattern.test(text));
}

/** A capture tool's header line, split into its key (lower case) and value; null when the line is not one. */
export function readHeader(text: string): {key: string; value: string} | null {
	const match = HEADER_KEY.exec(text);
	return match ? {key: match[1]!.toLowerCase(), value: match[2]!.trim().replace(/^(["'])(.*)\1$/, '$2')} : null; // YAML may quote a value
}

/** The search a page URL shows ("…/papers?q=source%20citations" → "source citations"), else null. */
export function searchOfUrl(value: string): string | null {
	try {
		const query = new URL(value).searchParams.get('q');
		return query === null || query.trim() === '' ? null : query.trim();
	} catch {
		return null;
	}
}

/** The page is the trending list (summaries for abstracts), as its title, heading or address says. */
export function namesTrending(text: string): boolean {
	return /\btrending papers\b/i.test(text) || /\/papers\/trending\b/i.test(text);
}
