/**
 * What the listing formats other than page text (the Hugging Face API's JSON, arXiv's Atom and RSS feeds)
 * share on the way to Paper records: the unwrapping of hard-wrapped titles and abstracts, dates, author
 * lists, and the record itself. arXiv ids are read in arxiv-id.ts.
 *
 * Titles and abstracts are shown with their LaTeX decoded (`Schr\"{o}dinger` as Schrödinger, `\emph{x}`
 * as x, `$\alpha$` as α; math that cannot be shown stays as written: see decodeLatex). The id is derived
 * from the title as the listing writes it, before decoding: normalizeTitle reads LaTeX accents as letters
 * itself, and keeps the rest of the LaTeX as it always has, so the arXiv copy of a paper (`$\alpha$`)
 * and the Hugging Face copy (the site drops `$ \ { }`: "alpha") keep one id, and marks stored under
 * ids from before keep working.
 */
import {arxivAbsUrl} from './arxiv-id.js';
import {extractLinks} from './links.js';
import {paperId, type Paper} from './paper.js';
import {shownAbstract, shownLine} from '../text/latex.js';
import {collapseWhiteSpace, sanitize, sanitizeLine} from '../text/sanitize.js';

const CARRIAGE_RETURN = /\r\n?/g;

/** Text with every line end a line feed (the sanitiser removes carriage returns, which would join two words). */
function lineFeeds(text: string): string {
	return text.includes('\r') ? text.replace(CARRIAGE_RETURN, '\n') : text;
}

/** A title as one line: sanitised, every line break and run of white space made one space. */
export function unwrapTitle(raw: string): string {
	return sanitizeLine(lineFeeds(raw));
}

const NOT_BLANK = /\S/;
const INDENTED = /^[ \t]/;
const INDENTATION = /^[ \t]*/;

/**
 * An abstract as the reader shows it: paragraphs separated by a blank line, each on one line.
 *
 * arXiv's rule for abstracts (help/prep): "Carriage returns will be stripped unless they are followed by
 * leading white spaces", so a line that starts with white space starts a paragraph, and any other line
 * break is where the text was wrapped (the API wraps abstracts at 80 columns, and indents the first line).
 * A blank line also ends a paragraph, as on the Hugging Face page. Text that starts on the line after its
 * opening tag, indented as a whole (pretty-printed XML), loses that common indentation first.
 */
export function unwrapAbstract(raw: string): string {
	let lines = sanitize(lineFeeds(raw)).split('\n');
	if (lines.length > 1 && !NOT_BLANK.test(lines[0] ?? '')) lines = dedent(lines);
	const paragraphs: string[] = [];
	let current: string[] = [];
	const flush = () => {
		const paragraph = collapseWhiteSpace(current.join(' '));
		if (paragraph !== '') paragraphs.push(paragraph);
		current = [];
	};
	lines.forEach((line, index) => {
		if (!NOT_BLANK.test(line)) {
			flush();
			return;
		}
		if (index > 0 && INDENTED.test(line)) flush();
		current.push(line);
	});
	flush();
	return paragraphs.join('\n\n');
}

/** The lines without the indentation they all share. */
function dedent(lines: string[]): string[] {
	let common = Infinity;
	for (const line of lines) {
		if (NOT_BLANK.test(line)) common = Math.min(common, INDENTATION.exec(line)?.[0].length ?? 0);
	}
	return common === Infinity || common === 0 ? lines : lines.map((line) => line.slice(common));
}

/**
 * Author names from one string: "A, B, C", "A, B and C", "A and B". Commas inside parentheses
 * ("Jane Doe (University of X, Y)") do not split.
 */
export function splitAuthors(raw: string): string[] {
	const names: string[] = [];
	let depth = 0;
	let start = 0;
	const text = sanitizeLine(lineFeeds(raw));
	const take = (end: number) => {
		for (const part of text.slice(start, end).split(/\s+and\s+/)) {
			const name = part.replace(/^and\s+/, '').trim();
			if (name !== '') names.push(name);
		}
		start = end + 1;
	};
	for (let index = 0; index < text.length; index++) {
		const character = text[index];
		if (character === '(') depth++;
		else if (character === ')') depth = Math.max(0, depth - 1);
		else if ((character === ',' || character === ';') && depth === 0) take(index);
	}
	take(text.length);
	return names;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const RFC_822_DATE = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{2}|\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,3})?$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** RFC 822's zone names, in minutes east of UTC. */
const ZONES: Record<string, number> = {UT: 0, UTC: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420};

/**
 * "YYYY-MM-DD" (the day in UTC) of an ISO 8601 date ("2024-10-22T17:59:30.000Z", "2007-02-27T16:02:02-05:00",
 * "2024-10-22") or an RFC 822 one ("Mon, 22 Sep 2025 00:00:00 -0400"); null when it is neither or no such day.
 */
export function isoDay(raw: string): string | null {
	const text = raw.trim();
	const iso = ISO_DATE.exec(text);
	if (iso) {
		const [, year = '', month = '', day = '', hours, minutes, seconds, zone] = iso;
		return utcDay(Number(year), Number(month), Number(day), hours, minutes, seconds, zone === undefined ? 0 : zoneOffset(zone));
	}
	const rfc = RFC_822_DATE.exec(text);
	if (rfc) {
		const [, day = '', monthName = '', yearText = '', hours, minutes, seconds, zone] = rfc;
		const month = MONTHS.indexOf(monthName.toLowerCase()) + 1;
		const offset = zone === undefined ? 0 : zoneOffset(zone);
		if (month === 0 || offset === null) return null;
		const year = yearText.length === 2 ? 1900 + Number(yearText) + (Number(yearText) < 50 ? 100 : 0) : Number(yearText);
		return utcDay(year, month, Number(day), hours, minutes, seconds, offset);
	}
	return null;
}

function zoneOffset(zone: string): number | null {
	const named = ZONES[zone.toUpperCase()];
	if (named !== undefined) return named;
	const match = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
	if (!match) return null;
	return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

function utcDay(year: number, month: number, day: number, hours: string | undefined, minutes: string | undefined, seconds: string | undefined, offset: number | null): string | null {
	if (offset === null || month < 1 || month > 12 || day < 1 || day > 31) return null;
	const local = new Date(Date.UTC(year, month - 1, day));
	if (local.getUTCMonth() !== month - 1 || local.getUTCDate() !== day) return null; // Feb 30
	const [h, m, s] = [Number(hours ?? 0), Number(minutes ?? 0), Number(seconds ?? 0)];
	if (h > 23 || m > 59 || s > 60) return null;
	const utc = new Date(Date.UTC(year, month - 1, day, h, m - offset, s));
	return utc.toISOString().slice(0, 10);
}

/** What a listing says about one paper, before it is made a record. */
export interface RecordFields {
	/** As the listing has it (wrapped, unsanitised). */
	title: string;
	abstract: string;
	authors: readonly string[];
	/** "YYYY-MM-DD" or null. */
	published: string | null;
	/** An arXiv id without version, already checked (normalizeArxivId), or null. */
	arxivId: string | null;
	/** Null when the listing has no upvotes (arXiv feeds). */
	upvotes: number | null;
	source: string;
}

/**
 * A Paper record: the title unwrapped and the abstract in paragraphs (both sanitised, their LaTeX
 * decoded), the id from the title as written (so that the same paper has the same id in every listing),
 * the paper's own arXiv page and then the links found in the abstract. Null when the title is empty once
 * sanitised and decoded.
 */
export function buildRecord(fields: RecordFields): Paper | null {
	const written = unwrapTitle(fields.title);
	const title = shownLine(written);
	if (title === '') return null;
	const abstract = shownAbstract(unwrapAbstract(fields.abstract));
	const authors = fields.authors.map(unwrapTitle).filter((name) => name !== '');
	// An arXiv link in the abstract may name another paper ("a comment on arXiv:0808.0620"): the id comes
	// from the listing's own field for it, or there is none.
	const {arxivId} = fields;
	const found = extractLinks(abstract);
	const own = arxivId === null ? null : arxivAbsUrl(arxivId);
	const links = own === null ? found : [own, ...found.filter((link) => link !== own)];
	return {
		id: paperId(written),
		title,
		abstract,
		authorCount: authors.length > 0 ? authors.length : null,
		authors,
		published: fields.published,
		yearInferred: false,
		upvotes: fields.upvotes,
		abstractKind: 'abstract',
		organization: null,
		links,
		arxivId,
		source: fields.source,
	};
}
