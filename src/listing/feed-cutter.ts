/**
 * A feed's text cut, as it arrives, into its entries (Atom `<entry>`s, the root's children; RSS 2.0
 * `<item>`s, in the first `<channel>`; RSS 1.0 `<item>`s, the root's children; any prefix) and the rest,
 * the skeleton: the text with each entry cut out replaced by an empty element on the same line. So an
 * entry is held only until it is read, and the skeleton, small for any feed, is checked whole at the end.
 *
 * It follows the tags as xml-cut.ts does (names, quoted attribute values, matching end tags, nothing
 * outside the root) and finds text that is no beginning of a well-formed document; the XML validator says
 * what is wrong with it (feed-stream.ts).
 */
import {localName} from './xml.js';
import {beginsWith, delimited, END_TAG, END_TAG_BEGINNING, START_TAG, START_TAG_BEGINNING} from './xml-cut.js';
import type {FeedKind} from './feed-entries.js';

/** A whole entry's text, where it starts (a character offset in the document) and its line. */
export interface EntryText {
	text: string;
	start: number;
	line: number;
}

const NOT_SPACE = /[^ \t\r\n]/;

export class FeedCutter {
	/** The text not let go of yet, from offset `base` of the document. */
	private buffer = '';
	private base = 0;
	/** Where the next piece starts (an offset in the document). */
	private position = 0;
	private readonly open: string[] = [];
	private rootClosed = false;
	/** RSS 2.0: where the first `<channel>` is. */
	private channel: 'before' | 'in' | 'after' = 'before';
	/** The entry being read: where its start tag begins (-1: none), its name, its depth. */
	private entryStart = -1;
	private entryDepth = 0;
	private readonly skeleton: string[] = [];
	/** How far the skeleton reaches into the document. */
	private skeletonEnd = 0;
	/** A line number known at an offset. */
	private lineAtOffset = {offset: 0, line: 1};
	/** Where the next CR in the buffer is (Infinity: none), as found from `from`. */
	private cr = {from: Infinity, at: Infinity};
	/** The root's start tag as written ("" until read). */
	rootTag = '';
	rootName = '';
	/** Where the text turned out to be no beginning of a well-formed document. */
	malformedAt = -1;

	/** `whole`: whether an entry's text, cut out, is well-formed (else the document is malformed there). */
	constructor(
		private readonly kind: FeedKind,
		private readonly whole: (entry: string) => boolean,
	) {}

	/** The text held (scanned for bounds by the caller, from offsets relative to it). */
	get text(): string {
		return this.buffer;
	}

	/** The offset of `text` in the document. */
	get offset(): number {
		return this.base;
	}

	get length(): number {
		return this.base + this.buffer.length;
	}

	add(text: string): void {
		this.buffer += text;
		this.cr = {from: Infinity, at: Infinity};
	}

	/**
	 * The entries whole in the text so far, cut out; null when the text is no beginning of a well-formed
	 * document (see `malformedAt`). Stops before a piece the text ends inside of: the rest of it comes with
	 * the next text, or never (the document is cut short; the skeleton shows how).
	 */
	cut(): EntryText[] | null {
		const entries: EntryText[] = [];
		const text = this.buffer;
		const base = this.base;
		let index = this.position - base;
		const fail = (at: number) => {
			this.malformedAt = base + at;
			return null;
		};
		while (index < text.length) {
			if (text.charCodeAt(index) !== 0x3c) {
				const next = text.indexOf('<', index);
				const end = next === -1 ? text.length : next;
				if (this.open.length === 0 && NOT_SPACE.test(text.slice(index, end))) return fail(index); // text outside the root
				index = end;
				continue;
			}
			let end: number;
			if (text.startsWith('<!--', index)) {
				end = delimited(text, index, '<!--', '-->');
			} else if (text.startsWith('<![CDATA[', index)) {
				if (this.open.length === 0) return fail(index);
				end = delimited(text, index, '<![CDATA[', ']]>');
			} else if (text.startsWith('<?', index)) {
				end = delimited(text, index, '<?', '?>');
			} else if (text.startsWith('</', index)) {
				END_TAG.lastIndex = index;
				const tag = END_TAG.exec(text);
				if (tag !== null) {
					end = END_TAG.lastIndex;
					const depth = this.open.length;
					if (this.open.pop() !== tag[1]) return fail(index);
					if (depth === 1) this.rootClosed = true;
					if (depth === 2 && this.kind === 'rss' && this.channel === 'in') this.channel = 'after';
					if (depth === this.entryDepth && this.entryStart !== -1) {
						if (!this.take(entries, end)) return fail(this.entryStart - base);
					}
				} else {
					END_TAG_BEGINNING.lastIndex = index;
					if (!END_TAG_BEGINNING.test(text)) return fail(index);
					end = -1;
				}
			} else if (text.startsWith('<!', index)) {
				if (!beginsWith(text, index, '<!--') && !beginsWith(text, index, '<![CDATA[')) return fail(index);
				end = -1;
			} else {
				START_TAG.lastIndex = index;
				const tag = START_TAG.exec(text);
				if (tag !== null) {
					end = START_TAG.lastIndex;
					if (this.rootClosed) return fail(index); // a second root
					const name = tag[1]!;
					const empty = tag[2] === '/';
					const depth = this.open.length;
					if (depth === 0) {
						this.rootTag = text.slice(index, end);
						this.rootName = name;
						if (empty) this.rootClosed = true;
					}
					if (!empty) this.open.push(name);
					if (this.entryStart === -1 && this.isEntry(depth, localName(name))) {
						this.entryStart = base + index;
						this.entryDepth = depth + 1;
						if (empty && !this.take(entries, end)) return fail(index);
					} else if (depth === 1 && this.kind === 'rss' && this.channel === 'before' && localName(name) === 'channel') {
						this.channel = empty ? 'after' : 'in';
					}
				} else {
					START_TAG_BEGINNING.lastIndex = index;
					if (!START_TAG_BEGINNING.test(text)) return fail(index);
					end = -1;
				}
			}
			if (end === -1) break; // the rest comes with the next text (or never: the document is cut short)
			index = end;
		}
		this.position = base + index;
		return entries;
	}

	private isEntry(depth: number, name: string): boolean {
		if (this.kind === 'rss') return depth === 2 && this.channel === 'in' && name === 'item';
		return depth === 1 && name === (this.kind === 'atom' ? 'entry' : 'item');
	}

	/** Cuts out the entry that ends at `end` (an offset in the buffer); false when its text is not well-formed. */
	private take(entries: EntryText[], end: number): boolean {
		const start = this.entryStart - this.base;
		const text = this.buffer.slice(start, end);
		if (!this.whole(text)) return false;
		const line = this.lineAt(this.entryStart);
		this.skeleton.push(`${this.buffer.slice(this.skeletonEnd - this.base, start)}${text.replace(/[^\r\n]+/g, '')}<${nameOf(text)}/>`);
		if (this.skeleton.length >= 1024) this.skeleton.splice(0, this.skeleton.length, this.skeleton.join('')); // one string, not thousands
		this.skeletonEnd = this.base + end;
		entries.push({text, start: this.entryStart, line});
		this.entryStart = -1;
		this.entryDepth = 0;
		return true;
	}

	/**
	 * Lets go of the text before `keep` (an offset in the document) and before what is still to be cut;
	 * gives how far the held text moved (to subtract from offsets in it).
	 */
	compact(keep: number): number {
		let to = Math.min(this.entryStart === -1 ? this.position : this.entryStart, keep);
		if (to > this.base && to === this.length && this.buffer.charCodeAt(to - this.base - 1) === 0x0d) to--; // a CR, maybe of a CRLF
		if (to <= this.base) return 0;
		if (to > this.skeletonEnd) {
			this.skeleton.push(this.buffer.slice(this.skeletonEnd - this.base, to - this.base));
			this.skeletonEnd = to;
		}
		return this.drop(to);
	}

	/** Lets go of the text before `to` whatever it is (a malformed document, only scanned for bounds to its end). */
	drop(to: number): number {
		if (this.lineAtOffset.offset < to) this.lineAt(to);
		const moved = to - this.base;
		this.buffer = this.buffer.slice(moved);
		this.cr = {from: Infinity, at: Infinity};
		this.base = to;
		return moved;
	}

	/** The skeleton so far, then the text held after it as it is (at the end: the whole skeleton). */
	document(): string {
		return this.skeleton.join('') + this.buffer.slice(Math.max(0, this.skeletonEnd - this.base));
	}

	/** The 1-based line of an offset in the held text (a CR ends a line, as in xml.ts's lineLookup). */
	lineAt(offset: number): number {
		const known = this.lineAtOffset;
		const from = Math.min(known.offset, offset) - this.base;
		const to = Math.max(known.offset, offset) - this.base;
		const breaks = lineBreaks(this.buffer, from, to, this.cr);
		this.lineAtOffset = {offset, line: offset >= known.offset ? known.line + breaks : known.line - breaks};
		return this.lineAtOffset.line;
	}
}

/** The line ends in text[from, to): LFs, and CRs not followed by an LF (`cr`: where the next CR was found, reused while it is ahead). */
function lineBreaks(text: string, from: number, to: number, cr: {from: number; at: number}): number {
	let count = 0;
	for (let index = text.indexOf('\n', from); index !== -1 && index < to; index = text.indexOf('\n', index + 1)) count++;
	if (from < cr.from || from > cr.at) cr.at = text.indexOf('\r', from);
	for (; cr.at !== -1 && cr.at < to; cr.at = text.indexOf('\r', cr.at + 1)) {
		if (text.charCodeAt(cr.at + 1) !== 0x0a) count++;
	}
	if (cr.at === -1) cr.at = Infinity; // none ahead
	cr.from = to; // the next CR from here on is at cr.at
	return count;
}

/** The qualified name of the element an entry's text starts with. */
function nameOf(text: string): string {
	return /^<([^\s/>]+)/.exec(text)?.[1] ?? 'entry';
}
