/**
 * One line of a saved papers page, read whatever wrote it: a browser copy (plain text, as is), or a
 * capture by a markdown or text-dump tool. The markup those tools add is taken off and what it said is
 * kept as hints: inline links `[text](url)` and images `[![alt](img)Org](url)`, reference links
 * `[text][31]` (with `[` and `][31]` on lines of their own when the link held a block), link URLs on a
 * line of their own after the link text, quotes `> `, headings `#`..`######`, bullets `* ` and `- `, emphasis `**x**`,
 * markdown escapes, hard wraps kept as a trailing `\` or `\\`, and `\ ` for a space.
 *
 * A line of the browser copy has none of this, and takes the fast path unchanged.
 */

import {collapseWhiteSpace} from '../text/sanitize.js';

/** What one line of a page says once its markup is off. */
export interface PageLine {
	/** The visible text, white space collapsed; '' when the line held only markup or nothing. */
	text: string;
	/** The heading level (`###` → 3), 0 when the line is not a heading. */
	heading: number;
	/** The line held only markup (a rule, a link's `[` or `](url)`, a reference definition, an image, a URL): a break. */
	markup: boolean;
	/** The URL the line's text links to when the whole line is one link; a line holding only a URL gives it here, with empty text. */
	link: string | null;
	/** The line's text was a link to a comment thread (`#community`): a count of comments, not of votes. */
	comments: boolean;
	/** The line is a URL alone (given in `link`). */
	bare: boolean;
}

// Anything a capture tool writes: brackets, a backslash, emphasis, a URL, or at the start a bullet, a
// quote, a rule or a heading mark. Abstract lines seldom have any, and are long: one quick scan.
const MAYBE_MARKUP = /[[\]\\]|\*\*|__|:\/\//;
const MAYBE_MARKUP_AT_START = /^(?:[-+*>]\s|[-=*_]{3}|#|>$|<!--)/; // apart: an anchored branch in one alternation is tried at every position
const RULE = /^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|(?:=\s*){3,})$/;
const URL_ONLY = /^<?(https?:\/\/[^\s<>[\]]+)>?$/i;
/** An HTML comment a markdown tool left (`<!-- saved by … -->`). */
const COMMENT = /^<!--.*-->$/;
const REFERENCE_DEFINITION = /^\[[^\]]{1,40}\]:\s*\S+/;
const LYNX_REFERENCE = /^\d{1,5}\.\s+https?:\/\/\S+$/i;
/** A quoted block's marks ("> ", "> > "), as some clippers quote an excerpt. */
const BLOCKQUOTE = /^(?:>(?:\s+|$))+/;
const HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?$/;
const BULLET = /^[*+-]\s+(?=\S)/;
const IMAGE = /!\[[^[\]]*\](?:\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+"[^"]*")?\)|\[[^[\]]*\])/g;
// [text](url "title"), the URL maybe holding one level of parentheses; the text holds no brackets.
const INLINE_LINK = /\[([^[\]]*)\]\(\s*([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+"[^"]*")?\s*\)/g;
const REFERENCE_LINK = /\[([^[\]]*)\]\[[^[\]]{0,40}\]/g;
/** A link's end whose start is on an earlier line: `](url)` or `][31]`, at the end of the line. */
const LINK_TAIL = /\](?:\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+"[^"]*")?\)|\[[^[\]]{0,40}\])\s*$/;
/** Lynx numbers each link before its text: "[12]Title", "[30]-", and after a date, "May 29[35]6". */
const LYNX_NUMBER = /(^|\s)\[\d{1,5}\](?=\S)/g;
const LYNX_NUMBER_AFTER_DIGIT = /(\d)\[\d{1,5}\](?=\d)/g;
const STRONG = /(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g;
const MARKDOWN_ESCAPE = /\\([[\]*#!|<>+`_-])/g;
const ESCAPED_SPACE = /\\(?=\s)/g;
const TRAILING_BACKSLASHES = /\s*\\{1,2}$/;

/** A line as it reads, with no markup (an object literal: spreading a template into each line costs more than the line). */
function plain(text: string, markup = false, link: string | null = null): PageLine {
	return {text, heading: 0, markup, link, comments: false, bare: link !== null};
}

/** Reads one line (already sanitised) of a saved page. */
export function readPageLine(line: string): PageLine {
	const trimmed = line.trim();
	if (!MAYBE_MARKUP.test(trimmed) && !MAYBE_MARKUP_AT_START.test(trimmed)) return plain(collapseWhiteSpace(trimmed));
	if (RULE.test(trimmed) || COMMENT.test(trimmed) || REFERENCE_DEFINITION.test(trimmed) || LYNX_REFERENCE.test(trimmed)) return plain('', true);
	const url = URL_ONLY.exec(trimmed);
	if (url) return plain('', true, url[1]!);

	// Each step only where its mark is: abstract lines are long, and most hold a URL or a backslash at most.
	let text = trimmed.startsWith('>') ? trimmed.replace(BLOCKQUOTE, '') : trimmed;
	if (text.endsWith('\\')) text = text.replace(TRAILING_BACKSLASHES, '');
	let heading = 0;
	const headed = text.startsWith('#') ? HEADING.exec(text) : null;
	if (headed) {
		heading = headed[1]!.length;
		text = headed[2]!;
	}
	const links: {text: string; url: string}[] = [];
	let comments = false;
	const imageless = text.includes('![') ? text.replace(IMAGE, '') : text;
	let fragment = imageless !== text; // an image leaves no text of its own
	text = imageless;
	// Innermost links first: `[![alt](img)Org](url)` is an image, then a link.
	for (let before = '', depth = 0; before !== text && depth < 4 && (text.includes('](') || text.includes('][')); depth++) {
		before = text;
		text = text.replace(INLINE_LINK, (_match, inner: string, target: string, offset: number, whole: string) => {
			if (/#community$/.test(target) && /^\s*\d+\s*$/.test(inner)) {
				comments = true;
				return '';
			}
			links.push({text: inner.trim(), url: target});
			return spaced(whole, offset, inner);
		});
		text = text.replace(REFERENCE_LINK, (_match, inner: string, offset: number, whole: string) => spaced(whole, offset, inner));
	}
	const tail = text.includes(']') ? LINK_TAIL.exec(text) : null;
	if (tail) {
		const target = /\]\(\s*(\S+?)(?:\s+"[^"]*")?\s*\)/.exec(tail[0])?.[1];
		if (target !== undefined) links.push({text: '', url: target});
		text = text.slice(0, tail.index);
		fragment = true;
	}
	if (text.startsWith('[') && !text.includes(']')) {
		text = text.slice(1);
		fragment = true;
	}
	// What is left of "[- ![](avatar)\\" or "- ![](avatar)": a bullet with nothing after it.
	if (fragment && /^\s*[-*+]?\s*$/.test(text)) text = '';
	if (text.includes('**') || text.includes('__')) text = text.replace(STRONG, '$2');
	if (text.includes('[')) text = text.replace(LYNX_NUMBER, '$1').replace(LYNX_NUMBER_AFTER_DIGIT, '$1 ');
	const bulleted = text.trimStart();
	if (BULLET.test(bulleted)) text = bulleted.replace(BULLET, '');
	else if (heading === 0) {
		const inner = HEADING.exec(bulleted); // "[### Title" once the link's "[" is off
		if (inner) {
			heading = inner[1]!.length;
			text = inner[2]!;
		}
	}
	text = unescape(text);
	if (text === ']' || text === '[') text = '';
	const whole = links.find((link) => (link.text === '' ? fragment : unescape(link.text) === text));
	return {text, heading, markup: text === '', link: whole?.url ?? null, comments, bare: false};
}

/** Text with markdown escapes and runs of white space undone. */
function unescape(text: string): string {
	return collapseWhiteSpace(text.includes('\\') ? text.replace(MARKDOWN_ESCAPE, '$1').replace(ESCAPED_SPACE, ' ') : text);
}

/** A link's text put in its place, apart from a digit just before it ("May 29[6](…)" is not "May 296"). */
function spaced(whole: string, offset: number, inner: string): string {
	return offset > 0 && /\d/.test(whole[offset - 1]!) && /^\d/.test(inner) ? ` ${inner}` : inner;
}
