import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {feedKind, parseArxivFeed, splitAnnouncement, splitRdfTitle} from '../../src/listing/arxiv.js';
import {parseHfApi} from '../../src/listing/hf-api.js';
import {mergePapers, paperId, type Paper, type ParseResult} from '../../src/listing/paper.js';
import {UNSAFE_CHARACTER} from '../../src/text/sanitize.js';
import {feedInputError} from '../helpers/feed.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const ATOM = fixture('arxiv-atom.xml');
const ATOM_PREFIXED = fixture('arxiv-atom-prefixed.xml');
const ATOM_ERROR = fixture('arxiv-atom-error.xml');
const RSS = fixture('arxiv-rss.xml');
const RSS_EMPTY = fixture('arxiv-rss-empty.xml');
const RDF = fixture('arxiv-rdf.xml');
const API = fixture('hf-api-daily-papers.json');

const parse = (text: string, source = 'feed.xml'): ParseResult => parseArxivFeed(text, {source});
const withoutSource = (papers: Paper[]) => papers.map(({source: _source, ...rest}) => rest);

describe('feedKind', () => {
	it.each([
		['the classic API answer', ATOM, 'atom'],
		['the prefixed API answer', ATOM_PREFIXED, 'atom'],
		['an API error answer', ATOM_ERROR, 'atom'],
		['the RSS 2.0 feed', RSS, 'rss'],
		['an empty RSS feed', RSS_EMPTY, 'rss'],
		['the RSS 1.0 feed', RDF, 'rss'],
		['the RSS 1.0 feed up to its root element’s name', RDF.slice(0, RDF.indexOf('<rdf:RDF') + 8), 'rss'],
		['a bare root', '<feed/>', 'atom'],
		['a byte-order mark, white space, comments and processing instructions first', '\uFEFF \r\n<?xml version="1.0"?><!-- a > comment --><?xml-stylesheet href="a.xsl"?>\n<rss version="2.0">', 'rss'],
		['a DOCTYPE with an internal subset first', '<!DOCTYPE rss [<!ENTITY a "x>y">]><rss>', 'rss'],
	] as const)('reads %s', (_name, text, kind) => {
		expect(feedKind(text)).toBe(kind);
	});

	it.each([
		['HTML', '<!DOCTYPE html><html><body>'],
		['another XML document', '<?xml version="1.0"?><OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">'],
		['a root that only starts like a feed', '<feedback>'],
		['RSS in capitals', '<RSS>'],
		['page text', 'Daily Papers\n\n<feed> is a word here'],
		['JSON', '[{"paper": {}}]'],
		['a comment that does not end', '<!-- <feed>'],
		['a declaration that does not end', '<?xml version="1.0"'],
		['nothing', ''],
		['only white space', ' \n\t'],
	])('says null to %s', (_name, text) => {
		expect(feedKind(text)).toBeNull();
	});
});

describe('parseArxivFeed on an API answer (Atom)', () => {
	const {papers, warnings} = parse(ATOM, 'atom.xml');

	it('reads its 5 entries without warnings', () => {
		expect(papers.map((paper) => paper.arxivId)).toEqual(['2410.17243', 'quant-ph/0210005', '0808.0631', '0710.2073', 'hep-th/9901001']);
		expect(warnings).toEqual([]);
	});

	it('reads the first entry whole: the title unwrapped, the first line’s indent and the wrapping gone', () => {
		const title = 'Breaking the Memory Barrier: Near Infinite Batch Size Scaling for Contrastive Loss';
		expect(papers[0]).toEqual({
			id: paperId(title),
			title,
			abstract: expect.stringMatching(/^Contrastive loss is a powerful approach for representation learning, where larger batch sizes .* comparable speed\. The code will be made publicly available\.$/) as string,
			authorCount: 9,
			authors: ['Zesen Cheng', 'Hang Zhang', 'Kehan Li', 'Sicong Leng', 'Zhiqiang Hu', 'Fei Wu', 'Deli Zhao', 'Xin Li', 'Lidong Bing'],
			published: '2024-10-22',
			yearInferred: false,
			upvotes: null,
			abstractKind: 'abstract',
			organization: null,
			links: ['https://arxiv.org/abs/2410.17243'],
			arxivId: '2410.17243',
			source: 'atom.xml',
		});
		expect(papers[0]?.abstract).not.toMatch(/\n|\s\s/);
	});

	it('takes the version off new and old ids, and dates a paper by its first version', () => {
		expect(papers[3]).toMatchObject({arxivId: '0710.2073', published: '2007-10-10', links: ['https://arxiv.org/abs/0710.2073']});
		expect(papers[4]).toMatchObject({arxivId: 'hep-th/9901001', published: '1999-01-01'});
	});

	it('decodes entities and LaTeX, and takes the id from the title as written', () => {
		expect(papers[4]?.title).toBe("Schrödinger Bridges & Optimal Transport: α-Divergences <and> the 'Entropic' Limit");
		expect(papers[4]?.id).toBe(paperId('Schr\\"{o}dinger Bridges & {\\em Optimal} Transport: $\\alpha$-Divergences <and> the \'Entropic\' Limit'));
		expect(papers[4]?.id).toBe(paperId("Schrödinger Bridges & em Optimal Transport: alpha-Divergences and the 'Entropic' Limit"));
		expect(papers[3]?.title).toBe('On coincidence of Alday-Maldacena-regularized σ-model and Nambu-Goto areas of minimal surfaces');
		expect(papers[3]?.id).toBe(paperId('On coincidence of Alday-Maldacena-regularized $σ$-model and Nambu-Goto areas of minimal surfaces'));
		expect(papers[3]?.abstract).toMatch(/^For the σ-model and Nambu-Goto actions/);
		expect(papers[2]?.abstract).toBe("Comment on ``The 2005 Neyman Lecture: Dynamic Indeterminism in Science'' [arXiv:0808.0620]");
		expect(papers[4]?.authors).toEqual(['Jürgen Müller', "Aoife O'Neil"]);
	});

	it('starts a paragraph where a line is indented, and finds the links of the abstract', () => {
		expect(papers[4]?.abstract).toBe(
			'We revisit the Schrödinger problem & its relation to optimal transport when the reference measure is not Gaussian, and show that the α-divergence between bridges obeys D_α < ϵ⁻¹ uniformly.\n\n' +
				'In a second part we compare the "entropic" and the \'static\' formulations numerically; code is at https://github.com/example-lab/sb-ot.',
		);
		expect(papers[4]?.links).toEqual(['https://arxiv.org/abs/hep-th/9901001', 'https://github.com/example-lab/sb-ot']);
	});

	it('gives no entry an id from an arXiv reference in its abstract', () => {
		expect(papers[2]?.arxivId).toBe('0808.0631');
	});

	it('reads the prefixed layout of today’s API (CDATA, character references) to the same papers', () => {
		const prefixed = parse(ATOM_PREFIXED, 'prefixed.xml');
		expect(prefixed.warnings).toEqual([]);
		expect(withoutSource(prefixed.papers)).toEqual(withoutSource(papers));
	});

	it('reads the same papers whatever the prefixes, and with namespaces declared on each element', () => {
		const renamed = ATOM.replaceAll('arxiv:', 'ax:').replaceAll('xmlns:ax=', 'xmlns:ax=');
		expect(withoutSource(parse(renamed).papers)).toEqual(withoutSource(papers));
		const eachElement = ATOM.replace('<feed xmlns="http://www.w3.org/2005/Atom">', '<a:feed xmlns:a="http://www.w3.org/2005/Atom">')
			.replace('</feed>', '</a:feed>')
			.replaceAll('<entry>', '<a:entry xmlns:a="http://www.w3.org/2005/Atom">')
			.replaceAll('</entry>', '</a:entry>');
		expect(withoutSource(parse(eachElement).papers)).toEqual(withoutSource(papers));
	});

	it('reads the same papers with CRLF line ends and a byte-order mark', () => {
		expect(withoutSource(parse(`\uFEFF${ATOM.replaceAll('\n', '\r\n')}`).papers)).toEqual(withoutSource(papers));
	});

	it('reads a pretty-printed summary (indented as a whole) as one paragraph', () => {
		const text = '<feed><entry><id>http://arxiv.org/abs/1210.7708v1</id><title>Landau--Kolmogorov inequality revisited</title><summary>\n        The Landau-Kolmogorov problem consists of\n        finding...\n    </summary></entry></feed>';
		expect(parse(text).papers[0]?.abstract).toBe('The Landau-Kolmogorov problem consists of finding...');
	});

	it('reads an entry of the daily Atom feed (oai id, announcement in the summary, authors in dc:creator)', () => {
		const text = `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<entry><id>oai:arXiv.org:2203.01250v3</id><title>Mass concentration in rescaled first order integral functionals</title>
<updated>2024-02-23T16:08:30.942190+00:00</updated><link href="https://arxiv.org/abs/2203.01250" rel="alternate" type="text/html"/>
<summary>arXiv:2203.01250v3 Announce Type: replace-cross 
Abstract: We consider first order local minimization problems.</summary>
<category term="math.AP"/><published>2024-08-23T00:00:00-04:00</published><arxiv:announce_type>replace-cross</arxiv:announce_type>
<dc:creator>Antonin Monteil, Paul Pegon</dc:creator></entry></feed>`;
		expect(parse(text).papers[0]).toMatchObject({
			arxivId: '2203.01250',
			abstract: 'We consider first order local minimization problems.',
			authors: ['Antonin Monteil', 'Paul Pegon'],
			authorCount: 2,
			published: '2024-08-23',
		});
	});

	it('reads an Atom feed without entries as no papers and no warnings', () => {
		expect(parse('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>ArXiv Query</title></feed>')).toEqual({papers: [], warnings: []});
	});

	it('skips an entry without a title with a warning giving its line, and keeps the rest', () => {
		const text = ATOM.replace('<title>Quantum information science and complex quantum systems</title>', '<title> \u001B[2J </title>');
		const {papers: kept, warnings: skipped} = parse(text);
		expect(kept.map((paper) => paper.arxivId)).toEqual(['2410.17243', '0808.0631', '0710.2073', 'hep-th/9901001']);
		const line = ATOM.split('\n').findIndex((row) => row.includes('quant-ph/0210005v1</id>'));
		expect(skipped).toEqual([{source: 'feed.xml', line, message: 'entry 2 has no title, skipped'}]);
	});

	it('keeps an entry whose id is not an arXiv one, without an arXiv id', () => {
		const {papers: kept} = parse('<feed><entry><id>tag:example.org,2024:1</id><title>Elsewhere</title><summary>S.</summary></entry></feed>');
		expect(kept[0]).toMatchObject({title: 'Elsewhere', arxivId: null, links: []});
	});
});

describe('parseArxivFeed on API errors', () => {
	it('turns an error answer into an InputError with its message', () => {
		expect(feedInputError(ATOM_ERROR).message).toBe('feed.xml: is an error answer from the arXiv API: incorrect id format for 1234.12345');
	});

	it('sanitises the message', () => {
		const hostile = ATOM_ERROR.replace('incorrect id format for 1234.12345', 'bad \u001B]52;c;ZXZpbA==\u0007query &#x1b;[2J');
		const {message} = feedInputError(hostile);
		expect(message).toBe('feed.xml: is an error answer from the arXiv API: bad query [2J');
		expect(message).not.toMatch(UNSAFE_CHARACTER);
	});

	it('skips an error entry among papers with a warning', () => {
		const errorEntry = ATOM_ERROR.slice(ATOM_ERROR.indexOf('<entry'), ATOM_ERROR.indexOf('</entry>') + '</entry>'.length);
		const text = ATOM.replace('</feed>', `${errorEntry}\n</feed>`);
		const {papers, warnings} = parse(text);
		expect(papers).toHaveLength(5);
		expect(warnings).toHaveLength(1);
		expect(warnings[0]?.message).toBe('entry 6 is an error from the arXiv API, skipped: incorrect id format for 1234.12345');
		expect(warnings[0]?.line).toBeGreaterThan(100);
	});
});

describe('parseArxivFeed on the daily RSS feed', () => {
	const {papers, warnings} = parse(RSS, 'rss.xml');

	it('reads its 5 items without warnings', () => {
		expect(papers.map((paper) => paper.arxivId)).toEqual(['2410.16251', '2410.18533', '2410.18693', '2203.01250', '2410.19876']);
		expect(warnings).toEqual([]);
	});

	it('reads an item whole: the abstract after "Abstract:", the authors split, the day of pubDate in UTC', () => {
		const title = 'Can Knowledge Editing Really Correct Hallucinations?';
		expect(papers[0]).toEqual({
			id: paperId(title),
			title,
			abstract: expect.stringMatching(/^Large Language Models \(LLMs\) suffer from hallucinations, .* progress in the field of knowledge editing\.$/) as string,
			authorCount: 5,
			authors: ['Baixiang Huang', 'Canyu Chen', 'Xiongxiao Xu', 'Ali Payani', 'Kai Shu'],
			published: '2024-10-25',
			yearInferred: false,
			upvotes: null,
			abstractKind: 'abstract',
			organization: null,
			links: ['https://arxiv.org/abs/2410.16251'],
			arxivId: '2410.16251',
			source: 'rss.xml',
		});
	});

	it('reads a description in a CDATA section as written', () => {
		expect(papers[1]?.abstract).toMatch(/^Long-context models\(LCMs\) have shown great potential .* the model's original capabilities on other tasks/);
		expect(papers[1]?.abstract).not.toContain('Announce Type');
	});

	it('decodes entities and LaTeX (keeping math it cannot show), splits paragraphs and authors', () => {
		expect(papers[2]?.abstract).toContain('utilizes "small-size" (e.g., 7B) open-source models');
		expect(papers[3]?.abstract).toMatch(/^We consider first order local minimization problems of the form \$\\min \\int_\{\\mathbb\{R\}\^N\}f\(u,\\nabla u\)\$/);
		expect(papers[4]?.title).toBe("Gröbner Bases & Sparse Attention: When k < n Heads Aren't Enough");
		expect(papers[4]?.abstract.split('\n\n')).toEqual([
			'We show that sparse attention with k < n heads cannot represent the reduced Gröbner basis of a zero-dimensional ideal & give a construction with n heads. Code: https://github.com/example-lab/groebner-attention.',
			"A second paragraph relates the result to linear attention and to O(n²) 'dense' baselines.",
		]);
		expect(papers[4]?.authors).toEqual(['Li Wei', 'Ana Gómez (Universidad de Chile, Santiago)', "Tom O'Brien"]);
		expect(papers[4]?.links).toEqual(['https://arxiv.org/abs/2410.19876', 'https://github.com/example-lab/groebner-attention']);
	});

	it('reads an empty feed (a weekend) as no papers and no warnings', () => {
		expect(parse(RSS_EMPTY)).toEqual({papers: [], warnings: []});
	});

	it('takes the id from the link or the guid when the description has none, and the date from dc:date without a pubDate', () => {
		const text = `<rss xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<item><title>One</title><link>https://arxiv.org/abs/2411.01234</link><description>Plain abstract.</description></item>
<item><title>Two</title><guid>oai:arXiv.org:2411.05678v2</guid><description>Abstract: Labelled.</description><dc:date>2024-11-08T01:00:00-05:00</dc:date></item>
<item><title>Three</title><description>No id anywhere.</description><pubDate>not a date</pubDate></item>
</channel></rss>`;
		expect(parse(text).papers.map((paper) => [paper.arxivId, paper.abstract, paper.published])).toEqual([
			['2411.01234', 'Plain abstract.', null],
			['2411.05678', 'Labelled.', '2024-11-08'],
			[null, 'No id anywhere.', null],
		]);
	});

	it('refuses an RSS document without a channel', () => {
		expect(feedInputError('<rss version="2.0"><item><title>x</title></item></rss>').message).toBe('feed.xml: is an RSS feed without a <channel>');
	});
});

describe('parseArxivFeed on the RSS 1.0 feed', () => {
	const {papers, warnings} = parse(RDF, 'rdf.xml');

	it('reads its 3 items: titles without the "(arXiv:...)" ending, the date of the channel in UTC', () => {
		expect(warnings).toEqual([]);
		expect(papers.map((paper) => [paper.title, paper.arxivId, paper.published])).toEqual([
			['Measurement of Transverse Single Spin Asymmetries', '1805.08875', '2018-05-24'],
			['Recent Top quark results from the Tevatron', '1805.09166', '2018-05-24'],
			['New Perspective on Hybrid Mesons', '1805.06430', '2018-05-24'],
		]);
	});

	it('reads the HTML abstract and author lists as text', () => {
		expect(papers[0]?.abstract).toMatch(/^In 2015 the first collisions between polarized protons .* range of 2\.6<η<4\. Within this kinematic range, .* to those in p\+A production\.$/);
		expect(papers[0]?.abstract).toContain('of $\\sqrt{s_{NN}}=200$ GeV'); // math it cannot show, as written
		expect(papers[0]?.abstract).toContain('A_N, has been measured in π⁰');
		expect(papers[1]?.abstract).toBe('We present recent measurements');
		expect(papers[0]?.authors).toEqual(['Christopher Dilks (STAR Collaboration)']);
		expect(papers[2]?.authors).toEqual(['Shu-Sheng Xu', 'Zhu-Fang Cui', 'Lei Chang', 'Joannis Papavassiliou', 'Craig D. Roberts', 'Hong-Shi Zong']);
	});

	it('splits such titles', () => {
		expect(splitRdfTitle('New Perspective on Hybrid Mesons. (arXiv:1805.06430v2 [nucl-th] UPDATED)')).toEqual({title: 'New Perspective on Hybrid Mesons', arxivId: '1805.06430'});
		expect(splitRdfTitle('Why? (arXiv:hep-th/9901001v1 [hep-th])')).toEqual({title: 'Why?', arxivId: 'hep-th/9901001'});
		expect(splitRdfTitle('A plain title')).toEqual({title: 'A plain title', arxivId: null});
	});

	it('shows an abstract that is not well-formed HTML as it is', () => {
		const text = RDF.replace('&lt;p&gt;We present recent measurements\n&lt;/p&gt;', 'We present a &lt; b &lt;i&gt;measurement');
		expect(parse(text).papers[1]?.abstract).toBe('We present a < b <i>measurement');
	});
});

describe('splitAnnouncement', () => {
	it.each([
		['arXiv:2411.01234v1 Announce Type: new \nAbstract: We study.', '2411.01234', 'We study.'],
		['arXiv:2203.01250v3 Announce Type: replace-cross Abstract: Text', '2203.01250', 'Text'],
		['arXiv:hep-th/9901001v2 Announce Type: cross \nAbstract: Old id.', 'hep-th/9901001', 'Old id.'],
		['Abstract: Only the label.', null, 'Only the label.'],
		['An abstract that mentions arXiv:2411.01234 later.', null, 'An abstract that mentions arXiv:2411.01234 later.'],
	])('splits %j', (description, arxivId, abstract) => {
		expect(splitAnnouncement(description)).toEqual({arxivId, abstract});
	});
});

describe('ids shared across listings', () => {
	it('gives each paper the same id and arXiv id from the API JSON, the Atom answer and the RSS feed', () => {
		const api = parseHfApi(API, {source: 'api.json'}).papers;
		const others = [...parse(ATOM).papers, ...parse(RSS).papers];
		expect(api.length).toBe(4);
		for (const paper of api) {
			const same = others.filter((other) => other.arxivId === paper.arxivId);
			expect(same.length).toBe(1);
			expect(same[0]?.id).toBe(paper.id);
			expect(same[0]?.title).toBe(paper.title);
		}
	});

	it('gives feed papers no upvotes (null, not 0), so merged with the API copy they keep its count', () => {
		for (const feed of [ATOM, ATOM_PREFIXED, RSS, RDF]) expect(parse(feed).papers.map((paper) => paper.upvotes).every((upvotes) => upvotes === null)).toBe(true);
		const api = parseHfApi(API, {source: 'api.json'}).papers;
		const merged = mergePapers([api, parse(ATOM).papers]);
		for (const paper of api) expect(merged.find((each) => each.id === paper.id)?.upvotes).toBe(paper.upvotes);
		expect(api.every((paper) => typeof paper.upvotes === 'number')).toBe(true);
	});
});

describe('parseArxivFeed on what is not a usable feed', () => {
	it.each([
		['page text', 'Daily Papers\n\nA Title', 'feed.xml: is not XML (an arXiv Atom or RSS feed was expected)'],
		['JSON', API, 'feed.xml: is not XML (an arXiv Atom or RSS feed was expected)'],
		['an empty text', '', 'feed.xml: is not XML (an arXiv Atom or RSS feed was expected)'],
		['HTML', '<!DOCTYPE html>\n<html><head><title>arXiv</title></head></html>', 'feed.xml: is XML, but its root element is <html>, not an arXiv Atom feed (<feed>) or RSS feed (<rss>, <rdf:RDF>)'],
		['another XML document', '<?xml version="1.0"?><OAI-PMH><ListRecords/></OAI-PMH>', 'feed.xml: is XML, but its root element is <OAI-PMH>, not an arXiv'],
		['mismatched tags', '<feed>\n<entry>\n<title>x</title>\n</feed>', "feed.xml: is not well-formed XML (line 4: Expected closing tag 'entry'"],
		['two roots', '<feed></feed><feed></feed>', 'feed.xml: is not well-formed XML (line 1: Multiple possible root nodes found.)'],
	])('refuses %s with an InputError saying so', (_name, text, message) => {
		expect(feedInputError(text).message.startsWith(message)).toBe(true);
	});

	it('reads a feed cut short up to the cut, with a warning, instead of refusing it (feed-truncation.test.ts)', () => {
		const {papers, warnings, endsEarly} = parse(ATOM.slice(0, 3000));
		expect(papers).toEqual([]);
		expect(endsEarly).toBe(true);
		expect(warnings).toEqual([{source: 'feed.xml', line: 40, message: 'document ends early at line 40: in entry 1 ("Breaking the Memory Barrier: Near Infinite Batch Size Scali…"), which is skipped'}]);
		expect(parse(RSS.slice(0, RSS.length - 10))).toMatchObject({papers: parse(RSS).papers, endsEarly: true});
	});

	it('sanitises what the XML checker quotes from the input', () => {
		const {message} = feedInputError('<feed>\n<entry>\u001B]0;x\u0007</entry\u009B2J>\n</feed>');
		expect(message).toMatch(/^feed\.xml: is not well-formed XML \(line 2: /);
		expect(message).not.toMatch(UNSAFE_CHARACTER);
	});

	it('refuses elements nested too deep with an InputError', () => {
		const deep = `<feed><entry><title>${'<b>'.repeat(500)}x${'</b>'.repeat(500)}</title></entry></feed>`;
		expect(feedInputError(deep).message).toBe('feed.xml: nests elements deeper than 100, which no arXiv feed does (line 1)');
	});
});

describe('entity expansion (billion laughs)', () => {
	const laughs = (name: string) =>
		[
			'<!DOCTYPE lolz [',
			' <!ENTITY lol "lol">',
			...Array.from({length: 9}, (_unused, level) => ` <!ENTITY lol${level + 1} "${`&lol${level === 0 ? '' : level};`.repeat(10)}">`),
			` <!ENTITY big "${'x'.repeat(900)}">`,
			']>',
		].join('\n') + `<${name}>`;

	it('refuses a DOCTYPE of recursive entities at once, before parsing', () => {
		const started = performance.now();
		const text = `<?xml version="1.0"?>\n${laughs('feed')}<entry><title>&lol9;${'&big;'.repeat(10_000)}</title></entry></feed>`;
		expect(feedInputError(text).message).toBe('feed.xml: declares a DOCTYPE, which arXiv feeds never do (its entity declarations are not read)');
		expect(feedKind(text)).toBe('atom');
		expect(performance.now() - started).toBeLessThan(500);
	});

	it('refuses a DOCTYPE hidden inside an element, where the XML parser would still read it', () => {
		const started = performance.now();
		const text = `<rss><channel>${laughs('x')}</x><item><title>&lol9;${'&big;'.repeat(10_000)}</title></item></channel></rss>`;
		expect(feedInputError(text).message).toContain('declares a DOCTYPE');
		expect(performance.now() - started).toBeLessThan(500);
	});

	it('does not expand entities declared inside an escaped HTML description (RSS 1.0)', () => {
		const started = performance.now();
		const escaped = `&lt;!DOCTYPE x [&lt;!ENTITY big "${'x'.repeat(900)}"&gt;]&gt;&lt;p&gt;${'&amp;big;'.repeat(2000)}&lt;/p&gt;`;
		const text = RDF.replace('&lt;p&gt;We present recent measurements\n&lt;/p&gt;', escaped);
		const {papers} = parse(text);
		expect(papers[1]?.abstract.length).toBeLessThan(20_000);
		expect(papers[1]?.abstract).toContain('&big;&big;');
		expect(papers[1]?.abstract).not.toContain('x'.repeat(901));
		expect(performance.now() - started).toBeLessThan(1000);
	});

	it('leaves undeclared entities as text', () => {
		const {papers} = parse('<feed><entry><title>A &unknown; B &eacute;</title></entry></feed>');
		expect(papers[0]?.title).toBe('A &unknown; B &eacute;');
	});
});
