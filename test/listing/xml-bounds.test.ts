// The feed parser under hostile markup: declarations refused wherever they stand in the markup and in
// any letter case, the same characters read as text in CDATA, comments and escaped text; elements with
// too many attributes, too many elements and nesting too deep refused at once, with one line.
import {describe, expect, it} from 'vitest';
import {parseArxivFeed} from '../../src/listing/arxiv.js';
import {type ParseResult} from '../../src/listing/paper.js';
import {BASE_ELEMENTS, CHARACTERS_PER_ELEMENT, markupProblem, MAX_ATTRIBUTES} from '../../src/listing/xml-bounds.js';
import {feedInputError} from '../helpers/feed.js';

const parse = (text: string): ParseResult => parseArxivFeed(text, {source: 'feed.xml'});

const DOCTYPE_REFUSED = 'feed.xml: declares a DOCTYPE, which arXiv feeds never do (its entity declarations are not read)';

/** An Atom feed of one entry: `before` between the XML declaration and the root, `inside` in the feed, `title` as the title element's content. */
function feed({before = '', inside = '', title = 'A title', entry = ''} = {}): string {
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		before,
		'<feed xmlns="http://www.w3.org/2005/Atom">',
		inside,
		`<entry><id>http://arxiv.org/abs/2401.00001v1</id><title>${title}</title>${entry}<author><name>A. Author</name></author></entry>`,
		'</feed>',
		'',
	].join('\n');
}

describe('declarations in the markup', () => {
	it.each([
		['a DOCTYPE before the root', feed({before: '<!DOCTYPE feed>'}), DOCTYPE_REFUSED],
		['a lowercase DOCTYPE with entities before the root', feed({before: '<!doctype feed [<!ENTITY a "b">]>'}), DOCTYPE_REFUSED],
		['a lowercase DOCTYPE with entities inside the feed', feed({inside: '<!doctype x [<!ENTITY a "b">]>'}), DOCTYPE_REFUSED],
		['a mixed-case DOCTYPE inside an entry', feed({entry: '<!DocType x>'}), DOCTYPE_REFUSED],
		['a DOCTYPE inside a title', feed({title: 'A <!DOCTYPE x> title'}), DOCTYPE_REFUSED],
		['a DOCTYPE after a comment holding ">"', feed({inside: '<!-- a > b --><!DOCTYPE x>'}), DOCTYPE_REFUSED],
		['a DOCTYPE after the root', `${feed()}<!DOCTYPE x>`, DOCTYPE_REFUSED],
		['an ENTITY inside the feed', feed({inside: '<!ENTITY a "b">'}), 'feed.xml: holds a declaration (<!ENTITY), which arXiv feeds never do (it is not read)'],
		['a lowercase entity inside an entry', feed({entry: '<!entity a "b">'}), 'feed.xml: holds a declaration (<!ENTITY), which arXiv feeds never do (it is not read)'],
		['an ELEMENT declaration', feed({inside: '<!ELEMENT x ANY>'}), 'feed.xml: holds a declaration (<!ELEMENT), which arXiv feeds never do (it is not read)'],
		['a DOCTYPE in a feed cut short', feed({inside: '<!doctype x [<!ENTITY a "b">]>'}).slice(0, -30), DOCTYPE_REFUSED],
		['a DOCTYPE cut short', feed().slice(0, 150) + '<!doctype x [<!ENT', DOCTYPE_REFUSED],
	])('%s is refused with one line', (_name, text, message) => {
		expect(feedInputError(text).message).toBe(message);
	});

	it.each([
		['in a CDATA title', '<![CDATA[About <!DOCTYPE html> pages]]>', 'About <!DOCTYPE html> pages'],
		['in a lowercase CDATA title with an entity', '<![CDATA[<!doctype x [<!ENTITY a "b">]> parsing]]>', '<!doctype x [<!ENTITY a "b">]> parsing'],
		['as escaped text', 'About &lt;!DOCTYPE html&gt; pages', 'About <!DOCTYPE html> pages'],
		['as escaped text with an entity', '&lt;!doctype x [&lt;!ENTITY a "b"&gt;]&gt; parsing', '<!doctype x [<!ENTITY a "b">]> parsing'],
		['after a comment that holds one', '<!-- <!DOCTYPE x> -->Commented', 'Commented'],
	])('"<!DOCTYPE" %s is text, the title intact', (_name, title, expected) => {
		const {papers, warnings} = parse(feed({title}));
		expect(warnings).toEqual([]);
		expect(papers.map((paper) => paper.title)).toEqual([expected]);
	});

	it('"<!DOCTYPE" in a processing instruction, a comment or an attribute value is not a declaration', () => {
		const text = feed({inside: '<?note <!DOCTYPE x>?><!-- <!doctype y> -->', entry: '<category term="&lt;!DOCTYPE x&gt;" label="a > b"/>'});
		expect(parse(text).papers.map((paper) => paper.title)).toEqual(['A title']);
	});
});

describe('bounds on the work a document asks for', () => {
	const attributes = (count: number) => Array.from({length: count}, (_unused, index) => ` a${index}=""`).join('');

	it(`reads an element with ${MAX_ATTRIBUTES} attributes and refuses one with more, naming its line`, () => {
		expect(parse(feed({entry: `<x${attributes(MAX_ATTRIBUTES)}/>`})).papers).toHaveLength(1);
		expect(feedInputError(feed({entry: `<x${attributes(MAX_ATTRIBUTES + 1)}/>`})).message).toBe(
			`feed.xml: has an element with more than ${MAX_ATTRIBUTES} attributes, which no arXiv feed has (line 5)`,
		);
	});

	it('refuses an element with a million attributes at once', () => {
		const text = feed({title: `<b${attributes(1_000_000)}>x</b>`});
		const started = performance.now();
		expect(feedInputError(text).message).toMatch(/^feed\.xml: has an element with more than 256 attributes/);
		expect(performance.now() - started).toBeLessThan(1000);
	});

	it('refuses a document of more elements than its size allows, at once', () => {
		const text = feed({entry: '<a/>'.repeat(3_000_000)});
		const allowed = BASE_ELEMENTS + Math.floor(text.length / CHARACTERS_PER_ELEMENT);
		const started = performance.now();
		expect(feedInputError(text).message).toBe(
			`feed.xml: has more than ${allowed.toLocaleString('en-US')} elements (one per 16 characters past 100,000), far more than an arXiv feed of its size (line 5)`,
		);
		expect(performance.now() - started).toBeLessThan(1000);
		expect(markupProblem('<a/>'.repeat(BASE_ELEMENTS))).toBeNull();
	});

	it('reads an arXiv API answer of 2,000 entries with abstracts, each with 30 authors', () => {
		const authors = Array.from({length: 30}, (_unused, index) => `    <author>\n      <name>A. Author${index}</name>\n    </author>`).join('\n');
		const abstract = 'We study the problem. '.repeat(40);
		const entries = Array.from(
			{length: 2000},
			(_unused, index) =>
				`  <entry>\n    <id>http://arxiv.org/abs/2401.${String(index).padStart(5, '0')}v1</id>\n    <title>Paper ${index}</title>\n    <summary>${abstract}</summary>\n${authors}\n    <link href="http://arxiv.org/abs/2401.00001v1" rel="alternate" type="text/html"/>\n    <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>\n  </entry>`,
		);
		const text = `<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n${entries.join('\n')}\n</feed>\n`;
		expect(markupProblem(text)).toBeNull();
		const {papers} = parse(text);
		expect(papers).toHaveLength(2000);
		expect(papers[1999]?.authors).toHaveLength(30);
	}, 60_000);
});
