/**
 * The lines of the reader's frame, as styled spans cut to their width: the header, a list row, the list's
 * empty message, the detail pane, the footer. The components draw them with Ink; the first frame
 * (early-frame.ts) writes them before Ink has loaded. Pure: no Ink, no React.
 */
import type {Paper} from '../../listing/paper.js';
import type {Range} from '../../search/highlight.js';
import type {PaperMarks} from '../../state/marks.js';
import {fitToWidth, highlightSegments, truncateToWidth, wrapText, type Segment} from '../../text/wrap.js';
import type {DetailLine} from '../detail-lines.js';
import {filterHints, footerHints, keysFor, type Command} from '../keymap.js';
import {flagsOf, type Counts, type ReaderView, type Sort, type ViewState} from '../view-state.js';
import {clipSpans, clipStart, line, spansWidth, styled, type LineSpan, type Span, type Style} from './spans.js';

/** What the header shows. */
export interface HeaderProps {
	counts: Counts;
	/** More papers are coming: counts are shown as "so far…". */
	loading?: boolean;
	view: ReaderView;
	sort: Sort;
	query: string;
	filtering: boolean;
	/** The list does not show the query's results yet. */
	searching?: boolean;
	/** The day the view is narrowed to, or null for all days. */
	day?: string | null;
	/** Papers new since the last session, or null when not counted. */
	newCount?: number | null;
	/** The title of the paper "more like this" shows papers like, or null. */
	like?: string | null;
	width: number;
}

const VIEWS: Array<{view: ReaderView; command: Command; label: string; short: string; count: keyof Counts}> = [
	{view: 'all', command: 'view-all', label: 'All', short: 'All', count: 'all'},
	{view: 'unread', command: 'view-unread', label: 'Unread', short: 'Unread', count: 'unread'},
	{view: 'favorites', command: 'view-favorites', label: 'Favorites', short: 'Fav', count: 'favorites'},
];
/** Below this width the header uses short labels. */
const COMPACT_WIDTH = 90;

const SORT_LABELS: Record<Sort, string> = {listing: 'listing order', upvotes: 'upvotes', date: 'date', title: 'title', 'for-you': 'for you'};

/** A part of a line that can be cut to fit, with the space after it. */
interface Part {
	spans: Span[];
	/** Cut to the room left (the rest of the line comes first), or kept whole. */
	shrinks: 'end' | 'start' | false;
	/** Columns of space after it. */
	gap: number;
}

/**
 * Lays parts out on one line of `width` columns: the parts that cannot shrink keep their width, those that
 * can share what is left, in order (each may take all of it but one column for each later shrinking
 * part); the line is cut at its width.
 */
function layParts(parts: readonly Part[], width: number): Span[] {
	const fixed = parts.reduce((sum, part) => sum + part.gap + (part.shrinks === false ? spansWidth(part.spans) : 0), 0);
	let room = width - fixed;
	const spans: Span[] = [];
	for (const [index, part] of parts.entries()) {
		let content = part.spans;
		if (part.shrinks !== false) {
			const later = parts.slice(index + 1).filter((other) => other.shrinks !== false).length;
			const fits = Math.max(0, Math.min(spansWidth(content), room - later));
			content = part.shrinks === 'start' ? clipStart(content, fits) : truncateSpans(content, fits);
			room -= spansWidth(content);
		}
		spans.push(...content);
		if (part.gap > 0) spans.push(' '.repeat(part.gap));
	}
	return clipSpans(spans, width);
}

/** Spans of one style cut to `width` columns with "…" (Ink's wrap="truncate"). */
function truncateSpans(spans: readonly Span[], width: number): Span[] {
	if (spansWidth(spans) <= width) return [...spans];
	if (width <= 0) return [];
	const [first] = spans;
	if (spans.length === 1 && first !== undefined && typeof first !== 'string' && first.children.every((child) => typeof child === 'string')) {
		return [styled(first.style, truncateToWidth(first.children.join(''), width))];
	}
	return [...clipSpans(spans, width - 1), '…'];
}

/** The header: views with their counts, the sort, and the filter (an input box while typing). */
export function headerLine({counts, loading = false, view, sort, query, filtering, searching = false, day = null, newCount = null, like = null, width}: HeaderProps): LineSpan {
	const sortLabel = sort === 'listing' && query.trim() !== '' ? 'best match' : SORT_LABELS[sort];
	const compact = width < COMPACT_WIDTH;
	const views: Span[] = [];
	for (const [index, entry] of VIEWS.entries()) {
		if (index > 0) views.push(styled({dimColor: true}, ' · '));
		const chosen = entry.view === view;
		views.push(styled({bold: chosen, inverse: chosen}, ` ${keysFor(entry.command)} ${compact ? entry.short : entry.label} ${counts[entry.count]}${loading ? '…' : ''} `));
	}
	// A narrow header names the sort only when the user chose one: the filter needs the room.
	views.push(like === null ? styled({dimColor: true}, compact ? ` ${sort === 'listing' ? '' : sortLabel} ` : `  sort: ${sortLabel}  `) : ' ');
	const parts: Part[] = [{spans: views, shrinks: false, gap: 0}];
	if (like !== null) parts.push({spans: [styled({color: 'magenta'}, `like: ${like}`)], shrinks: 'end', gap: 1});
	if (day !== null) parts.push({spans: [styled({color: 'magenta', bold: true}, compact ? day : `day ${day}`)], shrinks: false, gap: 1});
	if (newCount !== null && newCount !== 0) parts.push({spans: [styled({color: 'green'}, `${newCount} new`)], shrinks: false, gap: 1});
	// Shown before the filter so that a long query cannot push it off the line.
	if (searching) parts.push({spans: [styled({color: 'cyan'}, 'searching…')], shrinks: false, gap: 1});
	if (filtering) {
		const box: Span[] = [styled({color: 'yellow'}, '/'), query, styled({inverse: true}, ' ')];
		if (query === '') box.push(styled({dimColor: true}, ' type to filter'));
		parts.push({spans: box, shrinks: 'start', gap: 0});
	} else if (query.trim() !== '') {
		parts.push({spans: [styled({color: 'yellow'}, `filter: ${query}`)], shrinks: 'end', gap: 0});
	}
	return styled({}, ...layParts(parts, width));
}

/** What the footer shows. */
export interface FooterProps {
	position: number;
	total: number;
	message: string | null;
	/** Work under way in the background ("⠋ fetching 2024-10-26…"), shown before the message or hints. */
	busy?: string | null;
	filtering: boolean;
	width: number;
}

const HINTS = footerHints().join(' · ');
const FILTER_HINTS = filterHints().join(' · ');

/** The footer: the position in the list, then a message or the key hints. */
export function footerLine({position, total, message, busy = null, filtering, width}: FooterProps): LineSpan {
	const parts: Part[] = [{spans: [styled({bold: true}, `${total === 0 ? 0 : position + 1}/${total}`)], shrinks: false, gap: 1}];
	if (busy !== null) parts.push({spans: [styled({color: 'cyan'}, busy)], shrinks: false, gap: 1});
	const text = message === null ? styled({dimColor: true}, filtering ? FILTER_HINTS : HINTS) : styled({color: 'green'}, message);
	parts.push({spans: [text], shrinks: 'end', gap: 0});
	return styled({}, ...layParts(parts, width));
}

/** What one list row shows. */
export interface PaperRowProps {
	paper: Paper;
	flags: PaperMarks;
	width: number;
	selected: boolean;
	/** The list has the focus (the selection is shown in reverse video). */
	focused: boolean;
	/** The query whose matches are highlighted in the title ('' for none). */
	query: string;
	upvoteWidth: number;
}

/**
 * One paper in the list: unread marker, star, title (cut to fit), upvotes (blank without any) and date;
 * `ranges`: the title's characters the query matched (search/highlight.ts).
 */
export function paperRowLine({paper, flags, width, selected, focused, upvoteWidth}: PaperRowProps, ranges: readonly Range[]): LineSpan {
	const showDate = width >= 40;
	const tail = ` ${(paper.upvotes === null ? '' : String(paper.upvotes)).padStart(upvoteWidth)}${showDate ? ` ${(paper.published ?? '').padEnd(10)}` : ''}`;
	const titleWidth = Math.max(1, width - 3 - tail.length);
	const title = fitToWidth(paper.title, titleWidth);
	const spans: Span[] = [styled({color: 'cyan'}, flags.read ? ' ' : '●'), styled({color: 'yellow'}, flags.favorite ? '★' : ' '), ' '];
	spans.push(...highlighted(highlightSegments(title, ranges)), styled({dimColor: true}, tail));
	return styled({inverse: selected && focused, underline: selected && !focused, dimColor: flags.read && !selected}, ...clipSpans(spans, width));
}

/** Text segments with the words the filter matched highlighted. */
export function highlighted(segments: readonly Segment[]): Span[] {
	return segments.map((segment) => (segment.highlight ? styled({color: 'yellow', bold: true, underline: true}, segment.text) : segment.text));
}

/** The list window: the rows that fit, or why there are none (its lines). */
export type ListWindow = {rows: PaperRowProps[]; empty: null} | {rows: null; empty: LineSpan[]};

/** The rows of the list window (only these are rendered), or its message when the view is empty. */
export function listWindow(state: ViewState, width: number, height: number): ListWindow {
	if (state.visible.length === 0) {
		const message = emptyMessage(state);
		return {rows: null, empty: wrapText(message, width).map((segments) => line({dimColor: true}, segments.map((segment) => segment.text).join('')))};
	}
	const shown = state.visible.slice(state.top, state.top + height);
	let maxUpvotes = 0;
	for (const index of shown) maxUpvotes = Math.max(maxUpvotes, state.papers[index]!.upvotes ?? 0);
	const upvoteWidth = Math.max(2, String(maxUpvotes).length);
	const rows = shown.map((index, row) => {
		const paper = state.papers[index]!;
		return {
			paper,
			flags: flagsOf(state, paper.id),
			width,
			selected: state.top + row === state.selected,
			focused: state.focus === 'list',
			query: state.hits?.has(index) ? state.hitsQuery : '',
			upvoteWidth,
		};
	});
	return {rows, empty: null};
}

function emptyMessage(state: ViewState): string {
	if (state.query.trim() !== '') return state.hits === null || state.loading ? 'searching…' : `no paper matches "${state.query}"`;
	if (state.loading) return 'reading the listing…';
	if (state.day !== null && state.counts.all === 0) return `nothing on ${state.day} yet (${keysFor('all-days')}: all days)`;
	if (state.view === 'unread') return `all read: nothing new here (${keysFor('view-all')} shows all papers)`;
	if (state.view === 'favorites') return `no favorites yet (${keysFor('toggle-favorite')} marks one)`;
	return 'no papers';
}

const DETAIL_STYLE: Record<DetailLine['kind'], Style> = {
	title: {bold: true},
	meta: {dimColor: true},
	why: {color: 'magenta'},
	link: {color: 'blue'},
	text: {},
	blank: {},
};

/** How far the detail pane scrolls: its last line at the bottom of the pane. */
export function detailMaxScroll(lines: number, height: number): number {
	return Math.max(0, lines - height);
}

/** The detail pane's lines on screen: the visible slice of the paper's lines, with a scroll indicator. */
export function detailPaneLines(lines: readonly DetailLine[], scroll: number, width: number, height: number, focused: boolean): LineSpan[] {
	const shown = lines.slice(scroll, scroll + height);
	const more = lines.length > scroll + height;
	return shown.map((detail, index) => {
		if (index === shown.length - 1 && more) {
			return line({dimColor: true}, truncateToWidth(`↓ ${lines.length - scroll - height + 1} more lines${focused ? ` (${keysFor(['down', 'up'])} scroll)` : ` (${keysFor('focus-toggle')} to scroll)`}`, width));
		}
		return styled(DETAIL_STYLE[detail.kind], ...(detail.segments.length === 0 ? [' '] : clipSpans(highlighted(detail.segments), width)));
	});
}

const count = (value: number) => value.toLocaleString('en-US');

/** The footer's "for you: reading N/M papers…" while the for-you features are built (use-for-you.ts). */
export function readingStatus(done: number, total: number): string {
	return `for you: reading ${count(done)}/${count(total)} papers…`;
}
