/**
 * The page parser: a Hugging Face papers page, as a browser copies it or a tool saves it, into papers.
 * page-lines.ts takes each line's markup off, page-units.ts groups lines into units and takes the page's
 * own text out; here units become papers: a title, an abstract that reads as prose, the metadata after it
 * (authors or an organisation, the date, a count) and the upvotes before it.
 */
import {shorten} from '../errors.js';
import {formatIsoDate, inferYear, type PageDate} from './dates.js';
import {arxivIdFromUrl} from './arxiv-id.js';
import {arxivIdFromLinks, extractLinks} from './links.js';
import {toUnits, type PageFacts, type Unit} from './page-units.js';
import {paperId, type Paper, type ParseResult, type ParseWarning} from './paper.js';
import {shownAbstract, shownLine} from '../text/latex.js';
import {type ListingInput} from '../text/lines.js';

/** Options for reading a listing. */
export interface ListingOptions {
	/** File name recorded in each Paper and warning ("-" for standard input). */
	source: string;
	/** Year for dates printed without one. */
	year?: number;
	/** "Today", for inferring missing years; defaults to now. */
	today?: Date;
}

/** A URL in text, without the punctuation that ends the sentence after it. */
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/\S*?(?=[.,;:!?)\]"'”’]*(?:\s|$))/gi;
const LETTER = /\p{L}/u;
const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;
/** Longest text still taken as a title; longer ones are abstract paragraphs. */
const MAX_TITLE_LENGTH = 300;

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
		} else if (current.abstract.length === 0 && following?.kind === 'text' && following.heading === 0 && isBareTitle(text.text)) {
			// A title, then another title with its abstract after it: the first has no body (skipped, with a
			// warning), and the paper after it keeps its own title.
			finish();
			start(text);
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

/** Text that can only be a title, never a paragraph: short, and not ending as a sentence or a clause does. */
function isBareTitle(text: string): boolean {
	return text.length <= 200 && !endsAsSentence(text) && !/[:;,]$/.test(text) && text.split(' ').length <= 30;
}

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
