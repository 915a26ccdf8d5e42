/**
 * A saved papers page as units for the page parser (hf-page.ts): runs of text lines (a title, a
 * paragraph, an organisation) and metadata lines, with the page's own text taken out: front matter and
 * a capture tool's header (read for what they say of the page: its search, whether it is the trending
 * list, the day it was saved), navigation and labels, a search echo, markup lines.
 */
import {isChrome, namesTrending, readHeader, readMetaLine, searchOfUrl, type MetaLine} from './page-kinds.js';
import {readPageLine} from './page-lines.js';
import {sanitize} from '../text/sanitize.js';
import {iterateLines, MAX_LINE_BYTES, OVERLONG_LINE, type ListingInput} from '../text/lines.js';

/** A run of text lines (a title, a paragraph, an organisation), or a line of metadata. */
export type Unit =
	| {kind: 'text'; line: number; text: string; heading: number; link: string | null; lines: number}
	/** A URL alone, between blocks, that is not a link of the page's own. */
	| {kind: 'url'; line: number; url: string}
	| {kind: 'meta'; line: number; meta: MetaLine; link: string | null};

/** A line that is an item of its own: a bullet, or a link numbered by a text browser. */
const ITEM = /^(?:[*+•-]\s|\[\d{1,5}\])/;
/** A tool's header keys that give the day the page was saved. */
const SAVED_KEYS = new Set(['retrieved', 'captured', 'clipped', 'saved', 'saved at', 'created', 'date']);
/** Where the page's own links go (a paper's page, the login behind a vote, an organisation, an avatar): a target written on a line of its own. */
const SITE_LINK = /^https?:\/\/(?:[\w-]+\.)*(?:huggingface|hf)\.co(?:\/(?:papers\/|login|avatars\/|front\/|v1\/|[\w.-]+\/?(?:[?#]|$))|\/?$)/i;
/** A capture tool's header and front matter are within the first lines. */
const HEADER_LINES = 60;

/** What the page says of itself: from a front matter or tool header, and its headings. */
export interface PageFacts {
	/** The search the page shows: a line that only echoes it is not a paper. */
	search: string | null;
	/** The trending list: its papers carry a one-line summary for an abstract. */
	trending: boolean;
	/** The day the page was saved, where the tool wrote it: dates printed without a year are read from it. */
	saved: Date | null;
}

/**
 * The page's units: runs of text lines, and metadata lines; chrome, markup and front matter go.
 * `started` tells whether a paper has been read yet (a tool's header only comes before).
 */
export function* toUnits(input: ListingInput, facts: PageFacts, started: () => boolean, warn: (line: number, message: string) => void): Generator<Unit, void, undefined> {
	let text: Extract<Unit, {kind: 'text'}> | null = null;
	let number = 0;
	let frontMatter: 'maybe' | 'inside' | 'no' = 'maybe';
	/** The line before ended in a hard wrap (`\` or `\\`): the paragraph goes on. */
	let wrapped = false;
	const learn = (key: string, value: string) => {
		if (key.startsWith('url') || key === 'source') facts.search ??= searchOfUrl(value);
		if ((key.startsWith('url') || key.includes('title')) && namesTrending(value)) facts.trending = true;
		if (SAVED_KEYS.has(key) && /^\d{4}-\d{2}-\d{2}\b/.test(value)) {
			const saved = new Date(value.slice(0, 10));
			if (!Number.isNaN(saved.getTime())) facts.saved ??= saved;
		}
	};
	for (const raw of iterateLines(input)) {
		number++;
		if (raw === OVERLONG_LINE) {
			warn(number, `line longer than ${MAX_LINE_BYTES >> 20} MiB, skipped`);
			if (text !== null) yield text;
			text = null;
			continue;
		}
		const clean = sanitize(raw).trim();
		if (clean === '' && text === null && /\S/.test(raw)) warn(number, 'line has no readable text, skipped');
		if (frontMatter !== 'no' && clean !== '') {
			// YAML front matter: "---" first, "key: value" lines, "---" (or "...") again.
			if (frontMatter === 'maybe' && clean === '---') {
				frontMatter = 'inside';
				continue;
			}
			if (frontMatter === 'inside' && number <= HEADER_LINES) {
				if (clean === '---' || clean === '...') frontMatter = 'no';
				else {
					const header = readHeader(clean);
					if (header) learn(header.key, header.value);
				}
				continue;
			}
			frontMatter = 'no';
		}
		const line = readPageLine(clean);
		const goesOn = wrapped;
		wrapped = clean.endsWith('\\');
		if (line.bare && text !== null && text.heading === 0 && (goesOn || !SITE_LINK.test(line.link!))) {
			// A URL alone inside a paragraph (a wrapped abstract), not the target of a link of the page.
			text.text += ` ${line.link}`;
			continue;
		}
		if (line.text === '' || line.comments) {
			if (line.link !== null && text !== null && text.link === null) text.link = line.link; // a URL on its own line after the link text
			if (text !== null) yield text;
			else if (line.bare && !SITE_LINK.test(line.link!)) yield {kind: 'url', line: number, url: line.link!};
			text = null;
			if (line.text === '') continue;
		}
		const meta = line.heading === 0 ? readMetaLine(line.text) : null;
		const prelude = number <= HEADER_LINES && !started();
		const header = prelude && meta === null ? readHeader(line.text) : null;
		if (header) learn(header.key, header.value);
		if (line.heading > 0 && namesTrending(line.text) && !started()) facts.trending = true;
		// A label of the page stands alone: a line going on with a paragraph ("… on downstream / tasks") is not one.
		const alone = text === null || text.heading > 0 || line.heading > 0 || line.link !== null || ITEM.test(clean);
		const chrome = alone && (isChrome(line.text) || isSearchEcho(line.text, facts.search));
		if (meta !== null || header !== null || chrome || line.heading > 0) {
			if (text !== null) yield text;
			text = null;
			if (meta !== null) for (const each of meta) yield {kind: 'meta', line: number, meta: each, link: line.link};
			// A heading is a unit of its own line; it is held only for a URL line after it (its link's target).
			else if (line.heading > 0 && header === null && !chrome) text = {kind: 'text', line: number, text: line.text, heading: line.heading, link: line.link, lines: 1};
			continue;
		}
		if (text?.heading) {
			yield text;
			text = null;
		}
		if (text === null) text = {kind: 'text', line: number, text: line.text, heading: 0, link: line.link, lines: 1};
		else {
			text.text += ` ${line.text}`;
			text.lines++;
			if (line.link !== null) text.link ??= line.link;
		}
	}
	if (text !== null) yield text;
}

function isSearchEcho(text: string, search: string | null): boolean {
	if (search === null) return false;
	const bare = text.replace(/^["“'](.*)["”']$/, '$1').toLowerCase();
	return bare === search.toLowerCase();
}

