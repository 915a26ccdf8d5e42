/**
 * Telling a listing's format from its first bytes: `{` or `[` that reads as JSON is the Hugging Face API's
 * answer, `<` an arXiv feed (or a papers page saved as HTML), anything else the text of a papers page.
 * open.ts asks once it has checked that the bytes are text.
 */
import {endsBeforeRoot, feedKind} from './arxiv.js';
import {fileError} from './file-name.js';
import {looksLikeHfApi} from './hf-api.js';

/** The listing formats papers reads. */
export const LISTING_FORMATS = ['hf-page', 'hf-api', 'arxiv'] as const;
/** hf-page: the text of a Hugging Face papers page; hf-api: its /api/daily_papers JSON; arxiv: an Atom or RSS feed. */
export type ListingFormat = (typeof LISTING_FORMATS)[number];

/** True when text that starts with "<" is an HTML page rather than XML. */
function looksLikeHtml(start: string): boolean {
	return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta[\s>]|title[\s>]|div[\s>]|p[\s>]|h[1-6][\s>]|article[\s>]|section[\s>]|main[\s>]|span[\s>]|a[\s>])/i.test(start.replace(/^\uFEFF/, ''));
}

/** A listing format, or a papers page saved as HTML (its text is read as page text). */
export type Detected = ListingFormat | 'html';

/**
 * The listing's format: the one asked for (but a papers page saved as HTML when `hf-page` is asked for
 * and the text is HTML), else the one its bytes show. `head` is the listing's first bytes, `first` its
 * first visible byte, `whole` reads all of it (for JSON that the first bytes cannot tell). Throws an
 * InputError naming the file for XML that is not a feed.
 */
export function detectFormat(file: string, head: Buffer, first: number, whole: () => Buffer, format: ListingFormat | undefined): Detected {
	if (format === 'hf-page' && first === 0x3c && looksLikeHtml(head.toString('utf8', 0, 4096))) return 'html';
	return format ?? formatOfBytes(file, head, first, whole);
}

/** The format the bytes show: JSON is the API's, XML a feed, anything else page text (a title may start with "["). */
function formatOfBytes(file: string, head: Buffer, first: number, whole: () => Buffer): Detected {
	if (first === 0x3c) {
		const start = head.toString('utf8', 0, 4096);
		if (feedKind(start) !== null) return 'arxiv';
		if (looksLikeHtml(start)) return 'html';
		if (endsBeforeRoot(start)) return 'arxiv'; // cut before its root: the parser says so
		// XML of another kind; not a saved page that opens with a comment or a link (`<https://…>`).
		const opening = start.replace(/^\uFEFF/, '').replace(/^\s*(?:<!--[\s\S]*?-->\s*)*/, '');
		if (/^<(?:\?xml|!doctype|[a-z][\w:.-]*[\s/>])/i.test(opening) && !/^<https?:/i.test(opening)) {
			throw fileError(file, 'is XML or HTML but not an arXiv Atom or RSS feed (papers reads Hugging Face pages and their API JSON, and arXiv feeds)');
		}
		return 'hf-page';
	}
	if (first !== 0x7b && first !== 0x5b) return 'hf-page';
	if (looksLikeHfApi(head.toString('utf8', 0, 4096))) return 'hf-api';
	try {
		JSON.parse(whole().toString('utf8').replace(/^\uFEFF/, ''));
		return 'hf-api'; // JSON of another shape: its parser says what is wrong with it
	} catch {
		return 'hf-page';
	}
}
