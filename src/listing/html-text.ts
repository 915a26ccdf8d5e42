/**
 * A papers page saved from a browser as HTML, turned into the text a browser copy of it would give, for
 * the page parser: what is shown, with a blank line between blocks, headings marked `#`, and the page's
 * title and address as front matter. htmlparser2 reads the HTML (a streaming, forgiving parser, the one
 * cheerio is built on): no DOM is built, and malformed markup is read as browsers read it.
 *
 * A paper's link (`/papers/2606.00683`) is written on a line of its own after the link's text, as
 * note-taking exports write links, so that the paper keeps its arXiv id.
 */
import {Parser} from 'htmlparser2';

/** Elements whose content is never shown, or never a paper's (the site's navigation and footer). */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'canvas', 'select', 'button', 'textarea', 'nav', 'footer']);
/** Elements that start and end a block of text. */
const BLOCKS = new Set([
	'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table',
	'thead', 'tbody', 'tr', 'td', 'th', 'blockquote', 'pre', 'figure', 'figcaption', 'form', 'fieldset', 'address', 'details', 'summary', 'hr',
	'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'time',
]);
const HEADING = /^h([1-6])$/;
const PAPER_PATH = /^(?:https?:\/\/(?:www\.)?huggingface\.co)?\/papers\/(\d{4}\.\d{4,5})\/?$/;

/** The visible text of an HTML page, block by block, as page text. */
export function htmlToPageText(html: string): string {
	const out: string[] = [];
	let line = '';
	let hidden = 0;
	let title = '';
	let inTitle = false;
	let address: string | null = null;
	const links: (string | null)[] = [];
	/** For each open element: whether it hides what is inside it. */
	const hides: boolean[] = [];
	const endBlock = () => {
		const text = line.replace(/\s+/g, ' ').trim();
		if (text !== '') out.push(text, '');
		line = '';
	};
	const parser = new Parser(
		{
			onopentag(name, attributes) {
				if (name === 'title') inTitle = true;
				if (name === 'link' && attributes.rel === 'canonical' && attributes.href) address ??= attributes.href;
				if (name === 'meta' && attributes.property === 'og:url' && attributes.content) address ??= attributes.content;
				const hiding = HIDDEN.has(name) || attributes.hidden !== undefined || attributes['aria-hidden'] === 'true';
				hides.push(hiding);
				if (hiding) hidden++;
				if (hidden > 0) return;
				if (name === 'br') {
					line += '\n';
					return;
				}
				if (BLOCKS.has(name)) endBlock();
				const heading = HEADING.exec(name);
				if (heading) line += `${'#'.repeat(Number(heading[1]))} `;
				if (name === 'a') {
					line += ' '; // links sit apart (menus, counts after a date), as a browser lays them out
					const paper = PAPER_PATH.exec(attributes.href ?? '');
					links.push(paper ? `https://huggingface.co/papers/${paper[1]}` : null);
				}
			},
			ontext(text) {
				if (inTitle) title += text;
				if (hidden === 0) line += text;
			},
			onclosetag(name) {
				if (name === 'title') inTitle = false;
				if (hides.pop() === true) {
					hidden--;
					return;
				}
				if (hidden > 0) return;
				if (name === 'a') {
					line += ' ';
					const link = links.pop();
					if (link) {
						endBlock();
						if (out.at(-1) === '') out.pop(); // the URL right under the link's text, as its target
						out.push(link, '');
					}
				}
				if (BLOCKS.has(name)) endBlock();
			},
		},
		{decodeEntities: true, lowerCaseTags: true},
	);
	parser.end(html);
	endBlock();
	const front = ['---', `title: ${title.replace(/\s+/g, ' ').trim()}`, ...(address === null ? [] : [`url: ${address}`]), '---', ''];
	return [...front, ...out.flatMap((block) => block.split('\n').map((part) => part.trim()))].join('\n');
}
