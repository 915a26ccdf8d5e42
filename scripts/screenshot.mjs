// `npm run screenshot`: the built reader in tmux on the bundled listing (its state in a throw-away
// directory), put in a state that shows the product (some papers read, a favorite, a filter with its
// highlights, list and detail side by side), captured with its colours and written as an SVG.
//
//   node scripts/screenshot.mjs [--out FILE] [--text FILE] [--size COLSxROWS] [--cli FILE]
//
// --out   the SVG (default docs/screenshot.svg)
// --text  also write the plain screen (capture-pane -p) of the same moment
// --size  the terminal (default 120x32)
// --cli   the CLI to run (default dist/cli.js: run `npm run build` first; `npm run screenshot` does)
//
// The escape sequences are interpreted by @xterm/headless (xterm.js without a renderer) into a cell
// buffer; every row is one <text> of <tspan>s, one per run of cells of one style, each placed at its
// column and stretched to its cells (textLength), so the grid holds whatever the font.
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import xterm from '@xterm/headless';
import unicode11 from '@xterm/addon-unicode11';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WAIT_MS = 30_000;

// ---------------------------------------------------------------------------------------------------
// The terminal session.

/** A private tmux server (its own socket and config) running one command. */
class Session {
	constructor(directory, width, height, command, env) {
		this.socket = join(directory, 'tmux.sock');
		const config = join(directory, 'tmux.conf');
		writeFileSync(
			config,
			['set -g default-terminal "xterm-256color"', 'set -g status off', 'set -g escape-time 0', 'set -g remain-on-exit on', ''].join('\n'),
		);
		this.env = env;
		this.tmux(['-f', config, 'new-session', '-d', '-s', 'screenshot', '-x', String(width), '-y', String(height), '-c', directory, command]);
	}

	tmux(args) {
		return execFileSync('tmux', ['-u', '-S', this.socket, ...args], {env: this.env, encoding: 'utf8', timeout: 10_000});
	}

	capture(escapes = false) {
		return this.tmux(['capture-pane', '-p', '-t', 'screenshot', ...(escapes ? ['-e'] : [])]).replace(/\n$/, '');
	}

	/** Key names (Enter, Escape) as keys; {literal} as typed text. */
	send(...keys) {
		for (const key of keys) {
			if (typeof key === 'string') this.tmux(['send-keys', '-t', 'screenshot', key]);
			else this.tmux(['send-keys', '-t', 'screenshot', '-l', '--', key.literal]);
		}
	}

	display(format) {
		return this.tmux(['display-message', '-p', '-t', 'screenshot', format]).trim();
	}

	/** Polls the screen until test(screen) holds; fails with the screen when it never does or the command exits. */
	async waitFor(what, test) {
		const deadline = Date.now() + WAIT_MS;
		for (;;) {
			const screen = this.capture();
			if (test(screen)) return screen;
			if (this.display('#{pane_dead}') === '1' || Date.now() > deadline) {
				throw new Error(`screenshot: the reader never showed ${what}\n----- screen -----\n${screen}\n------------------`);
			}
			await sleep(50);
		}
	}

	/** Waits until the reader reads keys: its terminal in raw mode. */
	async waitForRawMode() {
		const tty = this.display('#{pane_tty}');
		await this.waitFor('its keys (raw mode)', () => {
			const settings = spawnSync('stty', ['-a', '-F', tty], {encoding: 'utf8'}).stdout ?? '';
			return /(?:^|\s)-icanon\b/.test(settings) && /(?:^|\s)-echo\b/.test(settings);
		});
	}

	/** Waits until two captures 300 ms apart are the same (the last frame drawn). */
	async settle() {
		let previous = this.capture(true);
		for (let tries = 0; tries < 50; tries++) {
			await sleep(300);
			const screen = this.capture(true);
			if (screen === previous) return;
			previous = screen;
		}
	}

	kill() {
		try {
			this.tmux(['kill-server']);
		} catch {
			// Already gone.
		}
	}
}

function sleep(ms) {
	return new Promise((done) => setTimeout(done, ms));
}

/** The counts in the header: "2 Unread 61". */
function count(screen, label) {
	const match = new RegExp(`\\d ${label} (\\d+)`).exec(screen);
	return match === null ? null : Number(match[1]);
}

/** Runs the reader and drives it; returns the screen with escapes and without. */
async function captureReader({cli, width, height}) {
	const directory = realpathSync(mkdtempSync(join(tmpdir(), 'papers-screenshot-')));
	const env = {
		PATH: process.env.PATH ?? '/usr/bin:/bin',
		HOME: directory,
		XDG_CONFIG_HOME: join(directory, 'config'),
		XDG_DATA_HOME: join(directory, 'data'),
		XDG_CACHE_HOME: join(directory, 'cache'),
		TERM: 'xterm-256color',
		LANG: 'C.UTF-8',
		LC_ALL: 'C.UTF-8',
		TZ: 'UTC',
	};
	const command = `exec ${[process.execPath, cli].map(shellQuote).join(' ')}`;
	const session = new Session(directory, width, height, command, env);
	try {
		// The empty library: the reader opens on the bundled listing, all of it unread.
		const screen = await session.waitFor('the bundled listing', (text) => count(text, 'Unread') !== null && count(text, 'Unread') > 0);
		const unread = count(screen, 'Unread');
		await session.waitForRawMode();
		// A filter with a typo or two: the matches are highlighted, best match first.
		session.send({literal: '/'});
		await session.waitFor('the filter box', (text) => text.includes('type to filter'));
		session.send({literal: 'lnguage modl'}, 'Enter');
		await session.waitFor('the filter kept', (text) => text.includes('filter: lnguage modl') && !text.includes('type to filter'));
		// The first two matches read (r marks the paper and moves on), the third a favorite.
		session.send({literal: 'r'});
		await session.waitFor('a paper read', (text) => count(text, 'Unread') === unread - 1);
		session.send({literal: 'r'});
		await session.waitFor('two papers read', (text) => count(text, 'Unread') === unread - 2);
		session.send({literal: 'f'});
		await session.waitFor('a favorite', (text) => count(text, 'Favorites') === 1);
		await session.settle();
		const escaped = session.capture(true);
		const plain = session.capture();
		session.send({literal: 'q'});
		await session.waitFor('the reader quit', () => session.display('#{pane_dead}') === '1').catch(() => {});
		return {escaped, plain, width, height};
	} finally {
		session.kill();
		rmSync(directory, {recursive: true, force: true});
	}
}

function shellQuote(word) {
	return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

// ---------------------------------------------------------------------------------------------------
// Escape sequences to cells, cells to SVG.

/** The terminal's colours: a dark theme (One Dark-like) for the 16 ANSI colours and the defaults. */
const THEME = {
	foreground: '#d4d4d4',
	background: '#1e1e1e',
	ansi: [
		'#000000', '#cd3131', '#0dbc79', '#e5e510', '#2472c8', '#bc3fbc', '#11a8cd', '#e5e5e5',
		'#666666', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#ffffff',
	],
};

/** The xterm 256-colour palette: the theme's 16, the 6x6x6 cube, the 24 greys. */
export function paletteColor(index) {
	if (index < 16) return THEME.ansi[index];
	if (index < 232) {
		const level = (value) => (value === 0 ? 0 : 55 + value * 40);
		const n = index - 16;
		return rgb(level(Math.floor(n / 36)), level(Math.floor(n / 6) % 6), level(n % 6));
	}
	const grey = 8 + (index - 232) * 10;
	return rgb(grey, grey, grey);
}

function rgb(red, green, blue) {
	return `#${[red, green, blue].map((value) => value.toString(16).padStart(2, '0')).join('')}`;
}

/** A cell's colour (null: the default), from its mode: palette (16/256) or RGB. */
function cellColor(cell, which) {
	if (which === 'fg' ? cell.isFgDefault() : cell.isBgDefault()) return null;
	const value = which === 'fg' ? cell.getFgColor() : cell.getBgColor();
	if (which === 'fg' ? cell.isFgRGB() : cell.isBgRGB()) return rgb((value >> 16) & 255, (value >> 8) & 255, value & 255);
	return paletteColor(value);
}

/** What a cell looks like, resolved to colours (inverse swapped, dim as opacity). */
function cellStyle(cell) {
	let fg = cellColor(cell, 'fg');
	let bg = cellColor(cell, 'bg');
	// Bold text in one of the 8 basic colours shows in its bright variant, as xterm draws it.
	if (cell.isBold() && cell.isFgPalette() && cell.getFgColor() < 8) fg = THEME.ansi[cell.getFgColor() + 8];
	if (cell.isInverse()) [fg, bg] = [bg ?? THEME.background, fg ?? THEME.foreground];
	return {
		fg: fg ?? THEME.foreground,
		bg,
		bold: cell.isBold() !== 0,
		dim: cell.isDim() !== 0,
		italic: cell.isItalic() !== 0,
		underline: cell.isUnderline() !== 0,
		strike: cell.isStrikethrough() !== 0,
		invisible: cell.isInvisible() !== 0,
	};
}

function sameStyle(a, b) {
	return Object.keys(a).every((key) => a[key] === b[key]);
}

/** Feeds the captured screen (capture-pane -e: rows separated by newlines) to a headless xterm. */
export async function screenCells(escaped, width, height) {
	const terminal = new xterm.Terminal({cols: width, rows: height, allowProposedApi: true, scrollback: 0});
	// Wide characters (CJK, emoji) take two cells, by the Unicode 11 tables as tmux and most terminals do.
	terminal.loadAddon(new unicode11.Unicode11Addon());
	terminal.unicode.activeVersion = '11';
	const rows = escaped.split('\n').slice(0, height);
	await new Promise((done) => terminal.write(rows.join('\r\n'), done));
	const buffer = terminal.buffer.active;
	const screen = [];
	for (let y = 0; y < height; y++) {
		const line = buffer.getLine(buffer.viewportY + y);
		const cells = [];
		for (let x = 0; x < width; x++) {
			const cell = line?.getCell(x);
			if (cell === undefined) break;
			// The second half of a wide character: its first half covers it.
			if (cell.getWidth() === 0) continue;
			cells.push({x, width: cell.getWidth(), chars: cell.getChars() || ' ', style: cellStyle(cell)});
		}
		screen.push(cells);
	}
	terminal.dispose();
	return screen;
}

/** Text for XML: escaped, and without the characters XML 1.0 cannot hold. */
export function xmlText(text) {
	return (
		text
			// eslint-disable-next-line no-control-regex -- the control characters are what is taken out
			.replace(/[\0-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
			.replace(/&/g, '&amp;')
			.replace(/</g, '&lt;')
			.replace(/>/g, '&gt;')
			.replace(/"/g, '&quot;')
	);
}

const FONT_SIZE = 14;
const CELL_WIDTH = 8.4; // 0.6em: the advance of the usual monospace fonts
const CELL_HEIGHT = 17;
const PADDING = 16;
const TITLE_BAR = 28;
const FONT = `ui-monospace, 'SFMono-Regular', 'Cascadia Mono', Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace`;

const fixed = (value) => String(Math.round(value * 100) / 100);

/** The runs of one row: consecutive cells of one style (a wide character is a run of its own). */
function runs(cells) {
	// Blank default cells at the end of the row draw nothing.
	let end = cells.length;
	while (end > 0 && cells[end - 1].chars === ' ' && cells[end - 1].style.bg === null && !cells[end - 1].style.underline) end--;
	const result = [];
	for (const cell of cells.slice(0, end)) {
		const last = result.at(-1);
		if (last !== undefined && cell.width === 1 && last.wide === false && sameStyle(last.style, cell.style)) {
			last.text += cell.chars;
			last.cells += 1;
		} else {
			result.push({x: cell.x, cells: cell.width, text: cell.chars, style: cell.style, wide: cell.width > 1});
		}
	}
	return result;
}

/** The SVG of a screen of cells (screenCells()). */
export function screenSvg(screen, width, height) {
	const svgWidth = PADDING * 2 + width * CELL_WIDTH;
	const svgHeight = TITLE_BAR + PADDING * 2 + height * CELL_HEIGHT;
	const left = PADDING;
	const top = TITLE_BAR + PADDING;
	const out = [];
	out.push(
		`<svg xmlns="http://www.w3.org/2000/svg" width="${fixed(svgWidth)}" height="${svgHeight}" viewBox="0 0 ${fixed(svgWidth)} ${svgHeight}" ` +
			`font-family="${FONT}" font-size="${FONT_SIZE}" xml:space="preserve" data-cols="${width}" data-rows="${height}">`,
	);
	out.push(`<title>papers: the reader on the bundled listing, filtered for "lnguage modl"</title>`);
	out.push(`<rect width="100%" height="100%" rx="8" fill="${THEME.background}"/>`);
	out.push(['#ff5f56', '#ffbd2e', '#27c93f'].map((colour, index) => `<circle cx="${20 + index * 20}" cy="16" r="6" fill="${colour}"/>`).join(''));
	// Backgrounds first, then the text over them.
	out.push('<g shape-rendering="crispEdges">');
	screen.forEach((cells, y) => {
		for (const run of runs(cells)) {
			if (run.style.bg === null) continue;
			out.push(
				`<rect x="${fixed(left + run.x * CELL_WIDTH)}" y="${top + y * CELL_HEIGHT}" width="${fixed(run.cells * CELL_WIDTH)}" height="${CELL_HEIGHT}" fill="${run.style.bg}"/>`,
			);
		}
	});
	out.push('</g>');
	screen.forEach((cells, y) => {
		const spans = runs(cells).map((run) => {
			const {style} = run;
			const attributes = [`x="${fixed(left + run.x * CELL_WIDTH)}"`, `textLength="${fixed(run.cells * CELL_WIDTH)}"`, 'lengthAdjust="spacingAndGlyphs"'];
			if (style.fg !== THEME.foreground) attributes.push(`fill="${style.fg}"`);
			if (style.bold) attributes.push('font-weight="bold"');
			if (style.italic) attributes.push('font-style="italic"');
			if (style.dim) attributes.push('fill-opacity="0.6"');
			const decorations = [style.underline ? 'underline' : '', style.strike ? 'line-through' : ''].filter(Boolean);
			if (decorations.length > 0) attributes.push(`text-decoration="${decorations.join(' ')}"`);
			const text = style.invisible ? ' '.repeat(run.cells) : run.text;
			return `<tspan ${attributes.join(' ')}>${xmlText(text)}</tspan>`;
		});
		// The baseline sits ~3/4 down the cell.
		out.push(`<text y="${fixed(top + y * CELL_HEIGHT + CELL_HEIGHT * 0.75)}" fill="${THEME.foreground}">${spans.join('')}</text>`);
	});
	out.push('</svg>');
	return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------

async function main() {
	const {values} = parseArgs({
		options: {
			out: {type: 'string', default: join(ROOT, 'docs', 'screenshot.svg')},
			text: {type: 'string'},
			size: {type: 'string', default: '120x32'},
			cli: {type: 'string', default: join(ROOT, 'dist', 'cli.js')},
		},
	});
	const size = /^(\d+)x(\d+)$/.exec(values.size);
	if (size === null) throw new Error(`screenshot: --size is COLSxROWS (120x32), not ${values.size}`);
	const width = Number(size[1]);
	const height = Number(size[2]);
	if (spawnSync('tmux', ['-V']).error) throw new Error('screenshot: tmux is not installed (apt-get install tmux)');
	const {escaped, plain} = await captureReader({cli: resolve(values.cli), width, height});
	const svg = screenSvg(await screenCells(escaped, width, height), width, height);
	mkdirSync(dirname(resolve(values.out)), {recursive: true});
	writeFileSync(values.out, svg);
	if (values.text !== undefined) writeFileSync(values.text, `${plain}\n`);
	console.log(`screenshot: ${values.out} (${width}x${height}, ${Buffer.byteLength(svg)} bytes)`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	main().catch((error) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
