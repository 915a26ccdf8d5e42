import {formatIsoDate, inferYear, type PageDate} from './dates.js';
import {arxivIdFromUrl} from './arxiv-id.js';
import {arxivIdFromLinks, extractLinks} from './links.js';
import {isChrome, namesTrending, readHeader, readMetaLine, searchOfUrl, type MetaLine} from './page-kinds.js';
import {readPageLine} from './page-lines.js';
import {paperId, type Paper, type ParseResult, type ParseWarning} from './paper.js';
import {shownAbstract, shownLine} from '../text/latex.js';
import {sanitize} from '../text/sanitize.js';
import {iterateLines, type ListingInput} from '../text/lines.js';

/** Options for reading a listing. */
export interface ListingOptions {
	/** File name recorded in each Paper and warning ("-" for standard input). */
	source: string;
	/** Year for dates printed without one. */
	year?: number;
	/** "Today", for inferring missing years; defaults to now. */
	today?: Date;
}

/** A run of text lines (a title, a paragraph, an organisation), or a line of metadata. */
type Unit =
	| {kind: 'text'; line: number; text: string; heading: number; link: string | null; lines: number}
	/** A URL alone, between blocks, that is not a link of the page's own. */
	| {kind: 'url'; line: number; url: string}
	| {kind: 'meta'; line: number; meta: MetaLine; link: string | null};

/** A URL in text, without the punctuation that ends the sentence after it. */
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/\S*?(?=[.,;:!?)\]"'”’]*(?:\s|$))/gi;
const LETTER = /\p{L}/u;
const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;
/** Longest text still taken as a title; longer ones are abstract paragraphs. */
const MAX_TITLE_LENGTH = 300;
/** A line that is an item of its own: a bullet, or a link numbered by a text browser. */
const ITEM = /^(?:[*+•-]\s|\[\d{1,5}\])/;
/** A tool's header keys that give the day the page was saved. */
const SAVED_KEYS = new Set(['retrieved', 'captured', 'clipped', 'saved', 'saved at', 'created', 'date']);
/** Where the page's own links go (a paper's page, the login behind a vote, an organisation, an avatar): a target written on a line of its own. */
const SITE_LINK = /^https?:\/\/(?:[\w-]+\.)*(?:huggingface|hf)\.co(?:\/(?:papers\/|login|avatars\/|front\/|v1\/|[\w.-]+\/?(?:[?#]|$))|\/?$)/i;
/** A capture tool's header and front matter are within the first lines. */
const HEADER_LINES = 60;

/**
 * Parses the text of a Hugging Face papers page: copied from the browser, or saved by a markdown or
 * text-dump tool (page-lines.ts reads their markup). A string, or UTF-8 bytes, maybe in chunks.
 * Tolerates CRLF/CR line ends, a BOM, trailing spaces, missing page chrome and missing metadata;
 * blocks it cannot read are skipped with a warning.
 */
export function parseHfPage(input: ListingInput, options: ListingOptions): ParseResult {
	const parser = createHfPageParser(input, options);
	parser.run(Infinity);
	return {papers: parser.papers, warnings: parser.warnings};
}

/** A parse that can be run a slice at a time: the reader shows the first papers while it goes on. */
export interface ListingParser {
	/** The papers parsed so far, in listing order (the array grows). */
	readonly papers: Paper[];
	readonly warnings: ParseWarning[];
	/** A listing of this kind can hold no papers and still be good (an arXiv feed on a weekend). */
	readonly mayBeEmpty?: boolean;
	/** The listing was an HTML page, read for its text. */
	readonly html?: boolean;
	/**
	 * Parses until the end (true), until the clock (performance.now()) passes `deadline`, or until
	 * there are at least `enough` papers (false).
	 */
	run(deadline: number, enough?: number): boolean;
}

/** How many units the parser reads between two looks at the clock. */
const UNITS_PER_STEP = 64;

/** The same parse as `parseHfPage`, one slice at a time. */
export function createHfPageParser(input: ListingInput, options: ListingOptions): ListingParser {
	const papers: Paper[] = [];
	const warnings: ParseWarning[] = [];
	const steps = parseSteps(input, options, papers, warnings);
	let done = false;
	return {
		papers,
		warnings,
		run(deadline, enough = Infinity) {
			while (!done) {
				done = steps.next().done === true;
				if (performance.now() >= deadline || papers.length >= enough) break;
			}
			return done;
		},
	};
}

/** What the page says of itself: from a front matter or tool header, and its headings. */
interface PageFacts {
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
function* toUnits(input: ListingInput, facts: PageFacts, started: () => boolean, warn: (line: number, message: string) => void): Generator<Unit, void, undefined> {
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
		if (line.bare && text !== null && (goesOn || !SITE_LINK.test(line.link!))) {
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

/** A paper being read: its title, the paragraphs of its abstract, what its metadata said. */
interface Pending {
	title: string;
	line: number;
	heading: number;
	link: string | null;
	abstract: string[];
	/** Metadata has been read after the abstract: the next text starts another paper. */
	closed: boolean;
	authorCount: number | null;
	date: PageDate | null;
	/** Upvotes shown before the title; null when the page showed none there. */
	votes: number | null;
	/** The count after the date (upvotes in a browser copy, where none come before the title). */
	dateCount: number | null;
	links: string[];
	/** A repository's star count was shown (the trending list). */
	starred: boolean;
	organization: string | null;
}

function* parseSteps(input: ListingInput, options: ListingOptions, papers: Paper[], warnings: ParseWarning[]): Generator<void, void, undefined> {
	const facts: PageFacts = {search: null, trending: false, saved: null};
	let pending: Pending | null = null;
	const warn = (line: number, message: string) => warnings.push({source: options.source, line, message});
	const units = toUnits(input, facts, () => papers.length > 0 || pending !== null, warn);
	const today = () => facts.saved ?? options.today ?? new Date();
	/** Upvotes seen before a title, for the paper that follows. */
	let votes: number | null = null;

	const finish = () => {
		const paper = pending;
		pending = null;
		if (paper === null) return;
		const abstract = paper.abstract.join('\n\n');
		const prose = readsAsProse(abstract);
		const built = prose ? buildPaper(paper, abstract, facts.trending, options, today()) : null;
		if (built !== null) {
			papers.push(built);
		} else if (prose) {
			warn(paper.line, `title is empty once its LaTeX is read, skipped: "${shorten(paper.title)}"`);
		} else if (paper.heading === 1 || paper.heading === 2) {
			// A heading of the page ("# Daily Papers"), not a paper's.
		} else if (abstract === '') {
			warn(paper.line, `title without an abstract, skipped: "${shorten(paper.title)}"`);
		} else {
			warn(paper.line, `text that does not read as a paper's abstract, skipped: "${shorten(paper.title)}"`);
		}
	};
	const start = (unit: Extract<Unit, {kind: 'text'}>) => {
		if (unit.text.length > MAX_TITLE_LENGTH || !/\p{L}/u.test(unit.text)) {
			warn(unit.line, `text without a title before it, skipped: "${shorten(unit.text)}"`);
			return;
		}
		pending = {title: unit.text, line: unit.line, heading: unit.heading, link: unit.link, abstract: [], closed: false, authorCount: null, date: null, votes, dateCount: null, links: [], starred: false, organization: null};
		votes = null;
	};

	let next = units.next();
	for (let count = 1; next.done !== true; count++) {
		if (count % UNITS_PER_STEP === 0) yield;
		const unit = next.value;
		next = units.next(); // one unit of lookahead: a paragraph followed by metadata belongs to the abstract
		const following = next.done === true ? null : next.value;
		if (unit.kind === 'meta') {
			readMetaUnit(unit);
			continue;
		}
		if (unit.kind === 'url') {
			// After an abstract, a paragraph of it; after a title alone, its body is a link: not a paper.
			const current = pending as Pending | null;
			if (current !== null && !current.closed && current.abstract.length > 0) current.abstract.push(unit.url);
			else if (current !== null && current.abstract.length === 0) finish();
			continue;
		}
		const text = unit; // its lines are collapsed already, and joined by one space
		const current = pending as Pending | null;
		if (current === null) start(text);
		else if (current.closed || text.heading > 0 || otherPaper(current.link, text.link)) {
			finish();
			start(text);
		} else if (isOrganisation(text, following, current)) {
			current.organization = text.text; // shown instead of "N authors": not the abstract's
		} else if (current.abstract.length === 0 || following?.kind === 'meta' || !looksLikeTitle(text.text)) {
			current.abstract.push(text.text);
		} else {
			// A paper without metadata ended; this text is the next title.
			finish();
			start(text);
		}
	}
	finish();

	function readMetaUnit(unit: Extract<Unit, {kind: 'meta'}>): void {
		const {meta} = unit;
		if (meta.kind !== 'stars' && pending?.date != null) finish(); // a paper's metadata ends with its date
		const current = pending as Pending | null;
		if (meta.kind === 'votes') {
			if (current !== null && !current.closed && current.abstract.length === 0 && current.votes === null) {
				current.votes = meta.count; // shown after the title, before the abstract
				return;
			}
			// Upvotes come before a title: what is being read has ended.
			if (current !== null) finish();
			votes = meta.count;
			return;
		}
		if (current === null) {
			if (meta.kind === 'date' && papers.length === 0) return; // the page's own date ("Nov 25")
			if (meta.kind !== 'separator') warn(unit.line, 'metadata block without a paper before it, skipped');
			return;
		}
		current.closed = true;
		if (meta.kind === 'authors') current.authorCount = meta.count;
		else if (meta.kind === 'date') {
			current.date = meta.date;
			current.dateCount = meta.count;
		} else if (meta.kind === 'stars') {
			current.starred = true;
			if (unit.link !== null && /^https?:\/\//.test(unit.link)) current.links.push(unit.link);
		}
	}
}

/** The arXiv id a paper link names ("https://huggingface.co/papers/2606.00683", or "/papers/…" as a page saved with its own paths has it), else null. */
function paperOfLink(link: string | null): string | null {
	if (link === null) return null;
	return arxivIdFromUrl(link.startsWith('/papers/') ? `https://huggingface.co${link}` : link);
}

/** Both texts link to a paper's page, and not the same one. */
function otherPaper(link: string | null, other: string | null): boolean {
	const paper = paperOfLink(link);
	const otherPaper = paperOfLink(other);
	return paper !== null && otherPaper !== null && paper !== otherPaper;
}

/**
 * An organisation's name shown where "N authors" would be: a short name, alone on its line, that is not
 * a sentence, with a separator or a date after it (or linking to the organisation's page).
 */
function isOrganisation(unit: Extract<Unit, {kind: 'text'}>, following: Unit | null, paper: Pending): boolean {
	if (paper.abstract.length === 0 || unit.lines > 1 || unit.text.length > 80 || /[.!?:;,]$|:\/\//.test(unit.text)) return false;
	if (unit.text.split(' ').length > 10) return false;
	if (unit.link !== null && /^https?:\/\/(?:www\.)?huggingface\.co\/(?!papers\/|login)[\w.-]+\/?$/.test(unit.link)) return true;
	return following?.kind === 'meta' && (following.meta.kind === 'separator' || following.meta.kind === 'date');
}

/** An abstract (or a trending summary) reads as sentences: it ends as one does, or runs to several words; a link or a label does not. */
function readsAsProse(text: string): boolean {
	const bare = text.includes('://') ? text.replace(URL_IN_TEXT, ' ') : text;
	if (endsAsSentence(bare)) return LETTER.test(bare);
	WORD.lastIndex = 0;
	let words = 0;
	while (words < 8 && WORD.test(bare)) words++;
	return words >= 8;
}

/** The text ends as a sentence does: `.`, `!`, `?` or `…`, maybe inside quotes or brackets (read from the end: a pattern anchored at the end is tried at every full stop). */
function endsAsSentence(text: string): boolean {
	let end = text.length - 1;
	while (end >= 0 && CLOSERS.includes(text[end]!)) end--;
	return end >= 0 && '.!?…'.includes(text[end]!);
}

const CLOSERS = '"\'”’)] ';

function looksLikeTitle(text: string): boolean {
	return text.length <= MAX_TITLE_LENGTH && !/[.!?]\s.*\.$/.test(text);
}

function buildPaper(pending: Pending, written: string, trending: boolean, options: ListingOptions, today: Date): Paper | null {
	const title = shownLine(pending.title);
	if (title === '') return null;
	const abstract = shownAbstract(written);
	const links = [...extractLinks(abstract), ...pending.links.filter((link) => !abstract.includes(link))];
	let published: string | null = null;
	let yearInferred = false;
	const date = pending.date;
	if (date) {
		yearInferred = date.year === null;
		const year = date.year ?? inferYear(date.month, date.day, today, options.year);
		published = formatIsoDate(year, date.month, date.day);
	}
	// The trending list shows no votes, and a summary for an abstract (so does a paper with a repository's stars and no date).
	const summary = trending || (date === null && pending.starred);
	return {
		id: paperId(pending.title), // as written: the arXiv copy's id is its title's before decoding too
		title,
		abstract,
		authorCount: pending.authorCount,
		authors: [],
		organization: pending.organization === null ? null : shownLine(pending.organization),
		published,
		yearInferred,
		upvotes: pending.votes ?? pending.dateCount ?? (summary ? null : 0),
		abstractKind: summary ? 'summary' : 'abstract',
		links,
		arxivId: paperOfLink(pending.link) ?? arxivIdFromLinks(links),
		source: options.source,
	};
}

/** A title cut short for a warning message. */
function shorten(title: string): string {
	const characters = [...title]; // whole code points: never half a surrogate pair
	return characters.length <= 60 ? title : `${characters.slice(0, 59).join('')}…`;
}
