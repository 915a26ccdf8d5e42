/**
 * The real seed page (a browser copy of a Hugging Face papers page) written again as the tools people
 * save pages with write it: markdown with inline links (firecrawl, Jina Reader, web clippers), markdown
 * with reference links (html2text, lynx/w3m-style dumps), link URLs on lines of their own (note-taking
 * exports), with front matter or a tool's header, headings, bullets and arXiv hard wraps. The papers
 * are the seed's; only the form changes, so every form must parse to the seed's papers.
 */
import type {Paper} from '../../src/listing/paper.js';

export type CaptureForm = 'inline' | 'reference' | 'own-line-urls' | 'plain';

export interface CaptureOptions {
	form: CaptureForm;
	/** Front matter or a tool header at the top. */
	header: 'none' | 'front-matter' | 'jina' | 'papers-with-code';
	/** Abstracts hard-wrapped at 80 columns, each line ending in `\\` (or `\`). */
	wrap: 'none' | 'double' | 'single';
	/** The heading level before titles (0: none). */
	heading: 0 | 2 | 3 | 4;
	/** Blank lines between the elements (note-taking exports often drop them). */
	blankLines: boolean;
	/** Comment counts after the dates. */
	comments: boolean;
	/** The page's search, echoed in the page. */
	search: string | null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The date as the page prints it ("Feb 17, 2022", "Nov 25" when the year was not printed). */
export function pageDate(paper: Paper): string | null {
	if (paper.published === null) return null;
	const [year, month, day] = paper.published.split('-').map(Number) as [number, number, number];
	return `${MONTHS[month - 1]} ${day}${paper.yearInferred ? '' : `, ${year}`}`;
}

/** A stand-in arXiv id per paper (the seed page carries none): its position. */
const idOf = (index: number) => `2401.${String(10_000 + index)}`;

function wrapped(paragraph: string, wrap: CaptureOptions['wrap']): string[] {
	if (wrap === 'none') return [paragraph];
	const lines: string[] = [];
	let line = '';
	for (const word of paragraph.split(' ')) {
		if (line !== '' && line.length + word.length + 1 > 80) {
			lines.push(line);
			line = word;
		} else line = line === '' ? word : `${line} ${word}`;
	}
	lines.push(line);
	const mark = wrap === 'double' ? '\\\\' : '\\';
	return lines.map((text, index) => (index < lines.length - 1 ? `${text}${mark}` : text));
}

/** Writes the seed's papers (in order) as a capture in the given form. */
export function renderCapture(papers: readonly Paper[], options: CaptureOptions): string {
	const references: string[] = [];
	const link = (text: string, url: string): string[] => {
		if (options.form === 'inline') return [`[${text}](${url})`];
		if (options.form === 'reference') {
			references.push(url);
			return [`[${text}][${references.length}]`];
		}
		if (options.form === 'own-line-urls') return [text, url];
		return [text];
	};
	/** A link around a block (a heading or paragraphs): `[` and `](url)` on lines of their own, or around the text. */
	const blockLink = (lines: string[], url: string): string[] => {
		if (options.form === 'plain') return lines;
		if (options.form === 'own-line-urls') return [...lines, url];
		if (options.form === 'reference') {
			references.push(url);
			return ['[', '', ...lines, '', `][${references.length}]`];
		}
		const last = lines.length - 1;
		return lines.map((line, index) => `${index === 0 ? '[' : ''}${line}${index === last ? `](${url})` : ''}`);
	};
	const blocks: string[][] = [];
	blocks.push(...header(options));
	blocks.push(['new'], ['Get trending papers in your email inbox!'], link('Subscribe', 'https://huggingface.co/login?next=%2Fpapers'));
	blocks.push([options.form === 'plain' ? 'Daily Papers' : '# Daily Papers']);
	if (options.search !== null) blocks.push([options.search]);
	blocks.push(['Nov 25']);
	papers.forEach((paper, index) => {
		const page = `https://huggingface.co/papers/${idOf(index)}`;
		const date = pageDate(paper);
		// A browser copy prints the upvotes after the date; the captured pages print them before the title.
		if (options.form !== 'plain') blocks.push(link((paper.upvotes ?? 0) > 0 ? String(paper.upvotes) : '-', `https://huggingface.co/login?next=%2Fpapers%2F${idOf(index)}`));
		const heading = options.heading > 0 ? `${'#'.repeat(options.heading)} ` : '';
		if (options.form === 'inline') blocks.push([`${heading}[${paper.title}](${page})`]);
		else blocks.push(blockLink([`${heading}${paper.title}`], page));
		const paragraphs = paper.abstract.split('\n\n').map((paragraph) => wrapped(paragraph, options.wrap));
		const abstractLines = paragraphs.flatMap((lines, index) => (index === 0 ? lines : ['', ...lines]));
		blocks.push(blockLink(abstractLines, page));
		if (date === null) return;
		if (paper.authorCount !== null) blocks.push(options.form === 'plain' ? [`* ${paper.authorCount} authors`] : link(`- ${paper.authorCount} authors`, page));
		blocks.push(['·']);
		const count = options.comments ? 1 + (index % 9) : null;
		if (options.form === 'plain') blocks.push([(paper.upvotes ?? 0) > 0 ? `${date} ${paper.upvotes}` : date]);
		else if (count === null) blocks.push([date]);
		else if (options.form === 'inline') blocks.push([`${date}[${count}](${page}#community)`]);
		else if (options.form === 'reference') blocks.push([`${date} ${link(` ${count}`, `${page}#community`)[0]}`]);
		else blocks.push([date, String(count), `${page}#community`]);
	});
	blocks.push(link('Previous', 'https://huggingface.co/papers?p=1'), ['System theme'], link('Models', 'https://huggingface.co/models'));
	const separator = options.blankLines ? '\n\n' : '\n';
	let text = blocks.map((lines) => lines.join('\n')).join(separator);
	if (references.length > 0) text += `\n\n${references.map((url, index) => `   [${index + 1}]: ${url}`).join('\n')}\n`;
	return text;
}

function header(options: CaptureOptions): string[][] {
	const url = `https://huggingface.co/papers${options.search === null ? '' : `?q=${encodeURIComponent(options.search)}`}`;
	switch (options.header) {
		case 'front-matter':
			return [['---', `url: ${url}`, 'retrieved: 2026-11-26', 'title: Daily Papers - Hugging Face', '---']];
		case 'jina':
			return [['Title: Daily Papers - Hugging Face'], [`URL Source: ${url}`], ['Markdown Content:']];
		case 'papers-with-code':
			return [['# What is Papers with Code?', `**URL:** ${url}`, '**Page Title:** Daily Papers - Hugging Face', '--------------------']];
		default:
			return [];
	}
}

const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The seed's papers as a papers page saved from a browser ("Save page as…, HTML only"). */
export function renderHtml(papers: readonly Paper[]): string {
	const cards = papers.map((paper, index) => {
		const date = pageDate(paper);
		const meta =
			date === null
				? ''
				: `<div class="flex"><ul><li><img src="/avatars/a.svg" alt=""></li></ul>${paper.authorCount === null ? '' : `<div>${paper.authorCount} authors</div>`}<span>·</span><time>${date}</time><a href="/papers/${idOf(index)}#community"><svg><path d="M1"/></svg>${1 + (index % 9)}</a></div>`;
		const paragraphs = paper.abstract
			.split('\n\n')
			.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
			.join('\n');
		return `<article>
<div class="vote"><button><svg></svg></button><div class="count">${(paper.upvotes ?? 0) > 0 ? paper.upvotes : '-'}</div></div>
<h3><a href="/papers/${idOf(index)}">${escapeHtml(paper.title)}</a></h3>
<a href="/papers/${idOf(index)}">${paragraphs}</a>
${meta}
</article>`;
	});
	return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Daily Papers - Hugging Face</title>
<link rel="canonical" href="https://huggingface.co/papers">
<script>window.__DATA__ = {"papers": "not text"};</script><style>.vote { display: flex }</style></head>
<body><header><nav><a href="/">Hugging Face</a><ul><li><a href="/models">Models</a></li><li><a href="/datasets">Datasets</a></li><li><a href="/spaces">Spaces</a></li></ul></nav></header>
<main><div>new</div><div>Get trending papers in your email inbox!</div><a href="/login">Subscribe</a>
<h1>Daily Papers</h1><h2>by <a href="/akhaliq">AK</a> and the research community</h2><div><a>Daily</a><a>Weekly</a><a>Monthly</a></div>
<div>Nov 25</div>
${cards.join('\n')}
</main><footer><a href="/">System theme</a><a href="/privacy">Privacy</a></footer><noscript>Enable JavaScript</noscript></body></html>`;
}

/** Text wrapped at 76 columns and indented, as a text browser's dump writes paragraphs. */
function dumpWrap(text: string, indent = '   '): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line !== '' && line.length + word.length + 1 > 76) {
			lines.push(indent + line);
			line = word;
		} else line = line === '' ? word : `${line} ${word}`;
	}
	lines.push(indent + line);
	return lines;
}

/**
 * The seed's papers as `lynx -dump` writes the page: every link numbered before its text ("[31]Title",
 * "May 29[35]6"), paragraphs wrapped and indented, menus as bullets, the link list at the end.
 */
export function renderLynxDump(papers: readonly Paper[]): string {
	let link = 30;
	const next = () => `[${link++}]`;
	const lines = [
		"   [1]Hugging Face's logo Hugging Face",
		'     * [2]Models',
		'     * [3]Datasets',
		'     * [4]Spaces',
		'',
		'   new',
		'',
		'   Get trending papers in your email inbox!',
		'',
		'   [25]Subscribe',
		'',
		'Daily Papers',
		'',
		'   by [26]AK and the research community',
		'     * [27]Daily',
		'     * [28]Weekly',
		'     * [29]Monthly',
		'',
		'   Nov 25',
		'',
	];
	papers.forEach((paper, index) => {
		lines.push(`   ${next()}${(paper.upvotes ?? 0) > 0 ? paper.upvotes : '-'}`, ...dumpWrap(`${next()}${paper.title}`), '');
		for (const paragraph of paper.abstract.split('\n\n')) lines.push(...dumpWrap(`${next()}${paragraph}`), '');
		const date = pageDate(paper);
		if (date === null) return;
		lines.push(paper.authorCount === null ? `   ${next()}[org-logo] Some University` : `     * ${next()}${paper.authorCount} authors`, '   ·', `   ${date}${next()}${1 + (index % 5)}`, '');
	});
	lines.push('References', '', ...Array.from({length: link}, (_unused, index) => `   ${index + 1}. https://huggingface.co/links/${index}`));
	return lines.join('\n');
}
