import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOCS = join(ROOT, 'docs');
const PAGES = [join(ROOT, 'README.md'), ...readdirSync(DOCS).filter((name) => name.endsWith('.md')).map((name) => join(DOCS, name))];

/** The targets of a page's Markdown links and images, code spans and blocks left out. */
function linkTargets(markdown: string): string[] {
	const prose = markdown.replaceAll(/```[\s\S]*?```/g, '').replaceAll(/`[^`\n]*`/g, '');
	return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1]!);
}

/** GitHub's anchors for a page's headings: lower case, punctuation dropped, spaces as hyphens. */
function anchors(markdown: string): Set<string> {
	const headings = markdown.replaceAll(/```[\s\S]*?```/g, '').match(/^#{1,6} .*$/gm) ?? [];
	return new Set(
		headings.map((heading) =>
			heading
				.replace(/^#+ /, '')
				.toLowerCase()
				.replaceAll(/[^\p{L}\p{N} _-]/gu, '')
				.replaceAll(' ', '-'),
		),
	);
}

describe('the README and docs/', () => {
	it('are there: the README links every page of docs/ and the screenshot', () => {
		const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
		const linked = new Set(linkTargets(readme).map((target) => target.split('#')[0]));
		for (const page of PAGES.slice(1)) expect(linked, relative(ROOT, page)).toContain(relative(ROOT, page));
		expect(linked).toContain('docs/screenshot.svg');
	});

	describe.each(PAGES.map((page) => ({page, name: relative(ROOT, page)})))('$name', ({page}) => {
		const markdown = readFileSync(page, 'utf8');
		const local = linkTargets(markdown).filter((target) => !/^[a-z]+:/i.test(target));

		it('has links that resolve: each relative file exists, and each #anchor is a heading of its page', () => {
			expect(local.length + (page.endsWith('README.md') ? 0 : 1)).toBeGreaterThan(0);
			for (const target of local) {
				const [path = '', anchor] = target.split('#');
				const file = path === '' ? page : resolve(dirname(page), decodeURIComponent(path));
				expect(existsSync(file), `${relative(ROOT, page)} links ${target}: no such file`).toBe(true);
				if (anchor !== undefined) {
					expect(file.endsWith('.md'), `${target}: an anchor into a file that is not Markdown`).toBe(true);
					expect(anchors(readFileSync(file, 'utf8')), `${relative(ROOT, page)} links ${target}: no such heading`).toContain(anchor);
				}
			}
		});
	});
});
