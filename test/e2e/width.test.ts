// The reader in a real terminal (tmux) on titles and abstracts whose width is easy to get wrong: zero-width
// spaces and joiners, emoji joined into one (a family, the rainbow flag), Devanagari and Tamil with their
// vowel signs and conjuncts. The frame must fit the terminal, the date column stay whole, the divider between
// list and detail stay in one column, and the help's scroll hint stay on one line.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {cellWidth} from '../../src/text/width.js';
import {assertBuilt, CLI_PATH, makeTempDir, makeTempHome, removeTempDirs} from './cli.js';
import {shellQuote, startTmux, tmuxMissingReason, tmuxVersion, type TmuxSession} from './tmux.js';

const WAIT_MS = 30_000;
const DATE = '2024-10-01';
const FAMILY = '👨\u200D👩\u200D👧\u200D👦';
const RAINBOW = '🏳\uFE0F\u200D🌈';

const TITLES = [
	'Zero\u200Bwidth\u200Bspaces in a title about sparse attention',
	'Joined\u200Dby\u200Djoiners: a study of \u200Dtokenisers',
	`Families ${FAMILY} and flags ${RAINBOW} in emoji-rich social media text`,
	'हिन्दी और தமிழ் भाषा मॉडल for Indic retrieval',
	'தமிழ் உரை வகைப்பாடு with हिन्दी transfer',
	'Plain title for comparison of columns',
];
const ABSTRACT = `We study ${FAMILY} ${FAMILY} ${RAINBOW} ${RAINBOW} families and flags, हिन्दी and தமிழ் text, zero\u200Bwidth\u200Bspaces and joiners\u200D. `.repeat(8);

/** An arXiv Atom answer with the titles above, all of DATE. */
function listing(): string {
	const entries = TITLES.map(
		(title, index) =>
			`<entry><id>http://arxiv.org/abs/2410.0000${index + 1}v1</id><published>${DATE}T00:00:00Z</published><title>${title}</title>` +
			`<summary>${ABSTRACT}</summary><author><name>A. Author</name></author></entry>`,
	);
	return `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n${entries.join('\n')}\n</feed>\n`;
}

interface Size {
	width: number;
	height: number;
}

if (tmuxMissingReason !== null) console.warn(`Skipping the width end-to-end tests: ${tmuxMissingReason}`);

describe.skipIf(tmuxMissingReason !== null)(`unusual characters in a real terminal (${tmuxVersion ?? 'no tmux'})`, {timeout: 120_000}, () => {
	let file: string;
	let tmux: TmuxSession | undefined;

	beforeAll(() => {
		assertBuilt();
		file = join(makeTempDir(), 'unusual.xml');
		writeFileSync(file, listing());
	});

	afterEach(async () => {
		await tmux?.kill();
		tmux = undefined;
	});

	afterAll(() => {
		removeTempDirs();
	});

	/** The reader at `size`, once it has drawn its first frame and takes keys; the screen, wrapped lines joined. */
	async function open(size: Size): Promise<{session: TmuxSession; lines: string[]}> {
		tmux = await startTmux({...size, command: ['node', CLI_PATH, file], env: {XDG_CONFIG_HOME: makeTempHome()}});
		const session = tmux;
		await session.waitFor(new RegExp(`^1/${TITLES.length}\\b`, 'm'), WAIT_MS);
		await session.waitForRawMode(WAIT_MS);
		const screen = await session.capture({joinWrapped: true});
		const lines = screen.split('\n');
		const context = `----- screen -----\n${screen}\n------------------`;
		expect(lines.length, context).toBeLessThanOrEqual(size.height);
		for (const line of lines) expect(cellWidth(line), `${JSON.stringify(line)}\n${context}`).toBeLessThanOrEqual(size.width);
		expect(lines[0], context).toMatch(/^ 1 All 6 /);
		return {session, lines};
	}

	it.each([
		{width: 120, height: 35},
		{width: 100, height: 16},
		{width: 60, height: 16},
	])('at $width x $height: the header first, every date whole, the divider straight', async (size) => {
		const {lines} = await open(size);
		const context = `----- screen -----\n${lines.join('\n')}\n------------------`;
		const footer = lines.findIndex((line) => /^1\/6\b/.test(line));
		const body = lines.slice(1, footer);
		const rows = body.filter((line) => line.startsWith('●'));
		expect(rows, context).toHaveLength(TITLES.length);
		const split = size.width >= 90;
		for (const row of rows) expect(split ? row.split('│')[0]!.trimEnd() : row, context).toMatch(new RegExp(` ${DATE}$`));
		if (split) {
			// One column for the divider on every line of the body, list rows and empty rows alike.
			const columns = new Set(body.map((line) => cellWidth(line.slice(0, line.indexOf('│')))));
			expect(body.every((line) => line.includes('│')), context).toBe(true);
			expect([...columns], context).toEqual([Math.floor(size.width * 0.45)]);
		}
	});

	it('at 20x5, the help scrolls with its hint on one line, above the footer', async () => {
		const {session} = await open({width: 20, height: 5});
		await session.sendKeys('?');
		const screen = await session.waitFor(/^Keys/m, WAIT_MS);
		const lines = (await session.capture({joinWrapped: true})).split('\n');
		const hint = lines.findIndex((line) => line.startsWith('↓ '));
		expect(hint, screen).toBeGreaterThan(0);
		expect(lines[hint], screen).toMatch(/^↓ \d+ more \(j\/k/);
		expect(lines[hint + 1], screen).toMatch(/^1\/6\b/);
		for (const line of lines) expect(cellWidth(line), screen).toBeLessThanOrEqual(20);
	});

	it('measures these titles as the terminal draws them (the cursor after printing each)', async () => {
		for (const text of ['हिन्दी और தமிழ் भाषा मॉडल', 'க்ஷ क्ष', '👨👩👧👦 🏳🌈', 'Zerowidth e\u0301']) {
			tmux = await startTmux({width: 80, height: 5, command: `printf '%s' ${shellQuote(text)}; sleep 30`});
			await tmux.waitFor((screen) => screen.trim() !== '', WAIT_MS);
			const cursor = Number((await tmux.tmux(['display-message', '-p', '-t', tmux.name, '#{cursor_x}'])).trim());
			expect(cursor, text).toBe(cellWidth(text));
			await tmux.kill();
		}
	});
});
