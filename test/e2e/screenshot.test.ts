// `npm run screenshot` (scripts/screenshot.mjs): the reader's screen, colours and all, as an SVG. The
// conversion is checked on made-up escapes; the script itself is run on the built CLI in tmux, to a temp
// file, and its SVG must be XML that holds the very rows the terminal showed.
import {execFile} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {XMLValidator} from 'fast-xml-parser';
import {afterEach, describe, expect, it} from 'vitest';
import {paletteColor, screenCells, screenSvg, xmlText} from '../../scripts/screenshot.mjs';
import {assertBuilt, CLI_PATH, FIXTURE, makeTempDir, removeTempDirs, REPO_ROOT, runCli} from './cli.js';
import {tmuxMissingReason} from './tmux.js';

const SCRIPT = join(REPO_ROOT, 'scripts', 'screenshot.mjs');
const QUERY = 'lnguage modl';

afterEach(removeTempDirs);

/** What XML makes of escaped text. */
function unescapeXml(text: string): string {
	return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

/** Each row of the SVG as text: its <tspan>s, which cover the row's cells in order, joined. */
function svgRows(svg: string): string[] {
	return [...svg.matchAll(/<text\b[^>]*>(.*?)<\/text>/g)].map((row) =>
		[...row[1]!.matchAll(/<tspan\b[^>]*>(.*?)<\/tspan>/g)].map((span) => unescapeXml(span[1]!)).join(''),
	);
}

function expectValidXml(svg: string): void {
	expect(XMLValidator.validate(svg)).toBe(true);
}

describe('the screenshot conversion', () => {
	it('maps the 256 colours: the theme, the 6x6x6 cube and the greys', () => {
		expect(paletteColor(1)).toMatch(/^#[0-9a-f]{6}$/);
		expect(paletteColor(16)).toBe('#000000');
		expect(paletteColor(196)).toBe('#ff0000');
		expect(paletteColor(231)).toBe('#ffffff');
		expect(paletteColor(232)).toBe('#080808');
		expect(paletteColor(255)).toBe('#eeeeee');
	});

	it('escapes text for XML and drops what XML cannot hold', () => {
		expect(xmlText('a<b & "c">\u0001\u001b\ud800')).toBe('a&lt;b &amp; &quot;c&quot;&gt;');
	});

	it('gives a wide character two cells, and keeps truecolor, 256 colours, bold, dim and inverse', async () => {
		const escaped = '\x1b[38;2;1;2;3m界\x1b[0mx\x1b[1mB\x1b[0m\x1b[2mD\x1b[0m\x1b[7mI\x1b[0m\x1b[38;5;196mR\x1b[0m\n<&>';
		const screen = await screenCells(escaped, 20, 2);
		const [first, second] = screen;
		expect(first!.map((cell) => [cell.x, cell.width, cell.chars])).toEqual([
			[0, 2, '界'], [2, 1, 'x'], [3, 1, 'B'], [4, 1, 'D'], [5, 1, 'I'], [6, 1, 'R'],
			...Array.from({length: 13}, (_, index) => [7 + index, 1, ' ']),
		]);
		expect(second!.map((cell) => cell.chars).join('').trimEnd()).toBe('<&>');
		expect(first![0]!.style.fg).toBe('#010203');
		expect(first![2]!.style.bold).toBe(true);
		expect(first![3]!.style.dim).toBe(true);
		// Inverse: the default colours swapped.
		expect(first![4]!.style.bg).not.toBeNull();
		expect(first![5]!.style.fg).toBe('#ff0000');
		const svg = screenSvg(screen, 20, 2);
		expectValidXml(svg);
		expect(svg).toContain('font-family="ui-monospace');
		expect(svg).toContain('monospace"');
		expect(svgRows(svg)).toEqual(['界xBDIR', '<&>']);
		// The wide character's run spans two cells ("x" one), and "x" starts two cells in.
		const wide = /<tspan x="([\d.]+)" textLength="([\d.]+)"[^>]*>界<\/tspan><tspan x="([\d.]+)" textLength="([\d.]+)"/.exec(svg);
		expect(wide).not.toBeNull();
		const [, wideX, wideLength, nextX, nextLength] = wide!.map(Number);
		expect(wideLength).toBeCloseTo(2 * nextLength!);
		expect(nextX! - wideX!).toBeCloseTo(wideLength!);
		expect(svg).toContain('font-weight="bold"');
		expect(svg).toMatch(/fill-opacity="0\.\d+"/);
	});
});

describe.skipIf(tmuxMissingReason !== null)('npm run screenshot', () => {
	it(
		'writes an SVG of the reader (filtered, papers read, a favorite) that holds every row of the screen',
		async () => {
			assertBuilt();
			const directory = makeTempDir('papers-screenshot-test-');
			const out = join(directory, 'shot.svg');
			const text = join(directory, 'shot.txt');
			await new Promise<void>((resolve, reject) => {
				execFile(
					process.execPath,
					[SCRIPT, '--out', out, '--text', text, '--size', '120x32', '--cli', CLI_PATH],
					{cwd: REPO_ROOT, timeout: 90_000},
					(error, _stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve()),
				);
			});
			const svg = readFileSync(out, 'utf8');
			const screen = readFileSync(text, 'utf8').replace(/\n$/, '').split('\n');
			expectValidXml(svg);
			expect(svg).toContain('data-cols="120" data-rows="32"');

			// The state the script promises: the filter kept, two papers read, one favorite, list and detail.
			expect(screen[0]).toContain(`filter: ${QUERY}`);
			expect(screen[0]).toMatch(/Unread 61\b/);
			expect(screen[0]).toMatch(/Favorites 1\b/);
			expect(screen.some((row) => row.includes('★'))).toBe(true);
			expect(screen.filter((row) => row.includes('│')).length).toBeGreaterThan(20);

			// The SVG's rows are the terminal's rows, character for character.
			const rows = svgRows(svg);
			expect(rows).toHaveLength(32);
			expect(rows.map((row) => row.trimEnd())).toEqual([...screen, ...Array<string>(32 - screen.length).fill('')].map((row) => row.trimEnd()));

			// And the list shows the best matches, as `papers list --query` ranks them.
			const listed = await runCli(['list', FIXTURE, '--query', QUERY, '--json'], {env: {XDG_DATA_HOME: makeTempDir()}});
			expect(listed.code).toBe(0);
			const titles = (JSON.parse(listed.stdout) as {papers: Array<{title: string}>}).papers.map((paper) => paper.title);
			for (const [index, title] of titles.slice(0, 5).entries()) {
				const row = rows[index + 1]!;
				expect(row.slice(3, 3 + 20)).toBe(title.slice(0, 20));
			}
		},
		120_000,
	);
});
