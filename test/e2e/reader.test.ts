// The reader (`papers [FILE | -]...`) in a real terminal: the built CLI driven through tmux (see tmux.ts),
// at 120x35 (list and detail side by side) and 60x16 (one pane at a time), each test with its own
// throw-away state directory. Every key is sent only once the reader has drawn its frame and put the
// terminal in raw mode, and every check polls the screen (waitFor) rather than sleeping.
import {execFile} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {cellWidth} from '../../src/text/width.js';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {assertBuilt, CLI_PATH, FIXTURE, makeTempDir, makeTempHome, removeTempDirs, REPO_ROOT, runCli} from './cli.js';
import {generateListing} from '../../bench/generate.mjs';
import {shellQuote, startTmux, tmuxMissingReason, tmuxVersion, type TmuxSession} from './tmux.js';

/** `node dist/cli.js`, as run from the repository root (PAPERS_E2E_CLI names another build). */
const CLI = `node ${shellQuote(relative(REPO_ROOT, CLI_PATH))}`;
/** The bundled listing (63 papers), as named from the repository root. */
const LISTING = shellQuote(relative(REPO_ROOT, FIXTURE));
/** A line the shell prints before the reader starts: it must be on the screen again after the reader quits. */
const MARKER = 'BEFORE-MARKER';
/** Generous: the machine running the tests may be busy. */
const WAIT_MS = 30_000;
/** The footer's hints while the filter box has the keys. */
const FILTER_HINTS = 'type to filter';
const QUERY = 'lnguage modl';

interface Size {
	name: string;
	width: number;
	height: number;
}
const WIDE: Size = {name: '120x35', width: 120, height: 35};
const NARROW: Size = {name: '60x16', width: 60, height: 16};
const SIZES = [WIDE, NARROW];

/** The fields of a paper in `--json` output that these tests look at. */
interface JsonPaper {
	id: string;
	title: string;
	abstract: string;
	read?: boolean;
	favorite?: boolean;
}

if (tmuxMissingReason !== null) console.warn(`Skipping the reader's end-to-end tests: ${tmuxMissingReason}`);

/**
 * A /bin/sh command line that prints MARKER, runs `command` (the reader), then prints
 * `exit=STATUS tty=restored|changed` (whether the terminal settings, `stty -g`, are the ones it started
 * with), reads a line (so the terminal can be looked at while the shell still runs) and exits with the
 * reader's status.
 */
function inShell(command: string): string {
	return [
		`echo ${MARKER}`,
		'settings=$(stty -g)',
		command,
		'status=$?',
		'if [ "$(stty -g)" = "$settings" ]; then tty=restored; else tty=changed; fi',
		'echo "exit=$status tty=$tty"',
		'read -r line',
		'echo "typed:$line"',
		// tmux closes an exited pane's terminal on SIGCHLD and can drop output it had not read yet: the
		// shell stays a moment after its last line, so that the line is on the screen when it exits.
		'sleep 0.3',
		'exit $status',
	].join('; ');
}

/** The terminal settings of the pane, as `stty -a` prints them. */
async function paneSettings(session: TmuxSession): Promise<string> {
	const tty = (await session.tmux(['display-message', '-p', '-t', session.name, '#{pane_tty}'])).trim();
	return new Promise((resolve, reject) => {
		execFile('stty', ['-a', '-F', tty], {encoding: 'utf8', timeout: 10_000}, (error, stdout, stderr) => {
			if (error) reject(new Error(`stty -F ${tty} failed: ${stderr.trim() || error.message}`));
			else resolve(stdout);
		});
	});
}

/** Waits until the pane's terminal is in raw mode (no line editing, no echo): the reader is listening for keys. */
async function waitForRawMode(session: TmuxSession): Promise<void> {
	const deadline = Date.now() + WAIT_MS;
	let settings = '';
	while (Date.now() < deadline) {
		settings = await paneSettings(session);
		if (/(?:^|\s)-icanon\b/.test(settings) && /(?:^|\s)-echo\b/.test(settings)) return;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	throw new Error(`the terminal never went into raw mode:\n${settings}`);
}

/** Whether the pane shows the alternate screen, and whether its cursor is visible. */
async function screenModes(session: TmuxSession): Promise<{alternate: boolean; cursorVisible: boolean}> {
	const [alternate, cursor] = (await session.tmux(['display-message', '-p', '-t', session.name, '#{alternate_on} #{cursor_flag}'])).trim().split(' ');
	return {alternate: alternate === '1', cursorVisible: cursor === '1'};
}

/** What a screen of the reader shows in its header and footer. */
interface Frame {
	lines: string[];
	/** Counts of the header's views. */
	all: number | null;
	unread: number | null;
	favorites: number | null;
	/** Line of the footer ("12/63 ..."), or -1. */
	footerIndex: number;
	position: number | null;
	total: number | null;
}

function count(line: string, pattern: RegExp): number | null {
	const found = pattern.exec(line);
	return found === null ? null : Number(found[1]);
}

function frameOf(screen: string): Frame {
	const lines = screen.split('\n');
	const header = lines[0] ?? '';
	const footerIndex = lines.findIndex((line) => /^\d+\/\d+(?: |$)/.test(line));
	const footer = /^(\d+)\/(\d+)/.exec(lines[footerIndex] ?? '');
	return {
		lines,
		all: count(header, /\b1 All (\d+)\b/),
		unread: count(header, /\b2 Unread (\d+)\b/),
		favorites: count(header, /\b3 (?:Fav|Favorites) (\d+)\b/),
		footerIndex,
		position: footer === null ? null : Number(footer[1]),
		total: footer === null ? null : Number(footer[2]),
	};
}

/** The list's part of the rows between header and footer (left of the separator in the split layout). */
function listRows(screen: string): string[] {
	const {lines, footerIndex} = frameOf(screen);
	return lines.slice(1, footerIndex === -1 ? undefined : footerIndex).map((line) => line.split('│')[0]!);
}

/** The start of a title: what every list row shows of it at both sizes. */
function titleStart(paper: JsonPaper): string {
	return paper.title.slice(0, 20);
}

const ESC = '\u001B';
const SGR = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');
const STARTS_REVERSE = new RegExp(`^${ESC}\\[(?:\\d+;)*7(?:;\\d+)*m`);

/** The text of the list row in reverse video (the selected paper while the list has the focus), if any. */
async function selectedRow(session: TmuxSession): Promise<string | undefined> {
	const lines = (await session.capture({escapes: true})).split('\n');
	// Below the header, whose active view is in reverse video too.
	return lines.slice(1).find((line) => STARTS_REVERSE.test(line))?.replace(SGR, '').split('│')[0];
}

/** The list row showing `paper`, if any. */
function rowOf(screen: string, paper: JsonPaper): string | undefined {
	return listRows(screen).find((row) => row.includes(titleStart(paper)));
}

/** The view label of the Favorites count: short below 90 columns. */
function favoritesLabel(size: Size): string {
	return size.width < 90 ? 'Fav' : 'Favorites';
}

/**
 * Checks the whole screen, with lines the terminal wrapped joined again: no line wider than the terminal,
 * no more lines than it has, the header on the first line and the footer on the last-but-one or last.
 */
async function expectFrameFits(session: TmuxSession, size: Size): Promise<Frame> {
	const screen = await session.capture({joinWrapped: true});
	const frame = frameOf(screen);
	const context = `----- screen -----\n${screen}\n------------------`;
	expect(frame.lines.length, context).toBeLessThanOrEqual(size.height);
	for (const line of frame.lines) expect(cellWidth(line), `${JSON.stringify(line)}\n${context}`).toBeLessThanOrEqual(size.width);
	expect(frame.lines[0], context).toMatch(/^ 1 All \d+ /);
	expect([size.height - 2, size.height - 1], context).toContain(frame.footerIndex);
	return frame;
}

/**
 * Waits for the reader to end: exit status 0, the terminal settings as they were, the main screen back
 * (the marker the shell printed before the reader, then the status line, and nothing of the reader's frame),
 * the cursor visible, and a line typed afterwards echoed and read as a line, as the shell expects.
 */
async function expectQuitCleanly(session: TmuxSession): Promise<void> {
	const screen = await session.waitFor(/^exit=\d+ tty=\w+$/m, WAIT_MS);
	expect(screen.trimEnd().split('\n')).toEqual([MARKER, 'exit=0 tty=restored']);
	expect(await screenModes(session)).toEqual({alternate: false, cursorVisible: true});
	await session.sendKeys('typed after the reader', 'Enter');
	const after = await session.waitFor(/^typed:/m, WAIT_MS);
	expect(after.trimEnd().split('\n')).toEqual([MARKER, 'exit=0 tty=restored', 'typed after the reader', 'typed:typed after the reader']);
	expect(await session.waitForExit(WAIT_MS)).toBe(0);
}

/** The papers `papers list FIXTURE --FLAG --json` prints with this state directory. */
async function listed(home: string, flag: '--read' | '--favorites' | '--unread'): Promise<JsonPaper[]> {
	const result = await runCli(['list', FIXTURE, flag, '--json'], {env: {XDG_CONFIG_HOME: home}});
	expect(result.stderr).toBe('');
	expect(result.code).toBe(0);
	return (JSON.parse(result.stdout) as {papers: JsonPaper[]}).papers;
}

describe.skipIf(tmuxMissingReason !== null)(`the reader in a real terminal (${tmuxVersion ?? 'no tmux'})`, {timeout: 120_000}, () => {
	let papers: JsonPaper[];
	let tmux: TmuxSession | undefined;

	beforeAll(async () => {
		assertBuilt();
		const parsed = await runCli(['parse', FIXTURE, '--json'], {env: {XDG_CONFIG_HOME: makeTempHome()}});
		expect(parsed.code).toBe(0);
		papers = (JSON.parse(parsed.stdout) as {papers: JsonPaper[]}).papers;
		expect(papers).toHaveLength(63);
		// Every list row shows this much of its title, and it tells the papers apart.
		expect(new Set(papers.map(titleStart)).size).toBe(63);
	});

	afterEach(async () => {
		await tmux?.kill();
		tmux = undefined;
		removeTempDirs();
	});

	/**
	 * Starts `command` (the reader on the bundled listing by default) in a shell, waits until it has drawn
	 * its first frame and takes keys, and checks that frame.
	 */
	async function openReader(size: Size, home: string, command = CLI): Promise<TmuxSession> {
		tmux = await startTmux({width: size.width, height: size.height, command: inShell(command), env: {XDG_CONFIG_HOME: home}});
		const session = tmux;
		// The footer is the last line of a frame drawn: the rest is checked once the reader takes keys.
		const footerShown = (screen: string) => frameOf(screen).total === 63;
		await session.waitFor(footerShown, WAIT_MS);
		await waitForRawMode(session);
		// Every test starts from a whole frame: the header too, nothing cut or scrolled away.
		const frame = await expectFrameFits(session, size);
		expect(frame).toMatchObject({all: 63, position: 1, total: 63});
		expect(rowOf(frame.lines.join('\n'), papers[0]!)).toBeDefined();
		return session;
	}

	describe.each(SIZES)('at $name', (size) => {
		it('opens on the bundled listing: All 63, the first papers in order, 1/63, a frame that fits the terminal; q quits', async () => {
			const session = await openReader(size, makeTempHome());
			expect(await session.pane()).toMatchObject({width: size.width, height: size.height});
			expect(await screenModes(session)).toEqual({alternate: true, cursorVisible: false});
			const frame = await expectFrameFits(session, size);
			expect(frame).toMatchObject({all: 63, unread: 63, favorites: 0, position: 1, total: 63});
			expect(frame.lines[0]).toMatch(new RegExp(` 3 ${favoritesLabel(size)} 0\\b`));
			// The list fills the lines between header and footer with the papers from the first one on, unread.
			const rows = listRows(frame.lines.join('\n'));
			expect(rows.length).toBeGreaterThanOrEqual(size.height - 3);
			rows.forEach((row, index) => {
				expect(row).toContain(titleStart(papers[index]!));
				expect(row.startsWith('● ')).toBe(true);
			});
			await session.sendKeys('q');
			await expectQuitCleanly(session);
		});

		it('filters: / opens the box, "lnguage modl" finds language models, Enter keeps the filter, Esc clears it', async () => {
			const home = makeTempHome();
			const expected = await runCli(['list', FIXTURE, '--query', QUERY, '--json'], {env: {XDG_CONFIG_HOME: home}});
			const matching = (JSON.parse(expected.stdout) as {papers: JsonPaper[]}).papers;
			expect(matching.length).toBeGreaterThan(0);
			expect(matching.length).toBeLessThan(63);

			const session = await openReader(size, home);
			await session.sendKeys('/');
			await session.waitFor(FILTER_HINTS, WAIT_MS);
			await session.sendKeys(QUERY);
			// The same papers `papers list --query` finds, best first, typo and all.
			const filtered = await session.waitFor((screen) => {
				const {total} = frameOf(screen);
				return total === matching.length && rowOf(screen, matching[0]!) !== undefined;
			}, WAIT_MS);
			expect(listRows(filtered).some((row) => /Language Model/i.test(row)), filtered).toBe(true);
			// The wide header names the order; the narrow one leaves that room to the filter.
			if (size.width >= 90) expect(frameOf(filtered).lines[0]).toMatch(/best match/);
			await expectFrameFits(session, size);

			await session.sendKeys('Enter');
			const kept = await session.waitFor((screen) => /filter: l/.test(frameOf(screen).lines[0]!), WAIT_MS);
			expect(frameOf(kept)).toMatchObject({position: 1, total: matching.length});
			expect(kept).not.toContain(FILTER_HINTS);
			expect(frameOf(kept).lines[0]).toContain(`filter: ${QUERY}`);
			expect(await selectedRow(session)).toContain(titleStart(matching[0]!));
			// The list has the keys again: j moves in the filtered list.
			await session.sendKeys('j');
			await session.waitFor((screen) => frameOf(screen).position === 2 && frameOf(screen).total === matching.length, WAIT_MS);
			expect(await selectedRow(session)).toContain(titleStart(matching[1]!));

			// Esc clears the filter; the selected paper stays selected, now at its place in the whole listing.
			await session.sendKeys('Escape');
			const cleared = await session.waitFor((screen) => frameOf(screen).total === 63, WAIT_MS);
			expect(frameOf(cleared).lines[0]).not.toContain('filter:');
			expect(frameOf(cleared).position).toBe(papers.findIndex((paper) => paper.id === matching[1]!.id) + 1);
			expect(await selectedRow(session)).toContain(titleStart(matching[1]!));
			await expectFrameFits(session, size);
			await session.sendKeys('g');
			const first = await session.waitFor((screen) => frameOf(screen).position === 1, WAIT_MS);
			expect(frameOf(first)).toMatchObject({all: 63, position: 1, total: 63});
			expect(rowOf(first, papers[0]!)).toBeDefined();
			await session.sendKeys('q');
			await expectQuitCleanly(session);
		});

		it('finds a paper from two words remembered out of order, one half typed, and highlights them', async () => {
			const session = await openReader(size, makeTempHome());
			await session.sendKeys('/');
			await session.waitFor(FILTER_HINTS, WAIT_MS);
			await session.sendKeys('relu grokk');
			const benign = papers.find((paper) => paper.title.startsWith('Benign Overfitting and Grokking'))!;
			const found = await session.waitFor((screen) => frameOf(screen).position === 1 && listRows(screen)[0]!.includes(titleStart(benign)), WAIT_MS);
			expect(frameOf(found).total).toBeLessThan(63);
			// Each word's match is highlighted (underlined): "Grokk" as typed in the row, "ReLU" whole in the detail's title.
			const line = (await session.capture({escapes: true})).split('\n')[1]!;
			const underlined = (word: string) => new RegExp(`${ESC}\\[(?:[0-9]*;)*4(?:;[0-9]*)*m(?:${ESC}\\[[0-9;]*m)*${word}`);
			expect(line).toMatch(underlined('Grokk'));
			if (size === WIDE) expect(line).toMatch(underlined('ReLU'));
			await session.sendKeys('Escape');
			await session.waitFor((screen) => frameOf(screen).total === 63, WAIT_MS);
			await session.sendKeys('q');
			await expectQuitCleanly(session);
		});

		it('keys typed right after / go to the filter box, even before it is drawn', async () => {
			const session = await openReader(size, makeTempHome());
			// No wait between the two: the query may arrive before the reader has drawn the filter box.
			await session.sendKeys('/', QUERY);
			await session.waitFor((screen) => {
				const {total} = frameOf(screen);
				return total !== null && total < 63 && total > 0 && screen.includes(FILTER_HINTS);
			}, WAIT_MS);
			await session.sendKeys('Enter');
			const kept = await session.waitFor((screen) => /filter: /.test(frameOf(screen).lines[0]!), WAIT_MS);
			// All of the query went to the filter (no letter was taken for a command: `l` opens the detail).
			expect(frameOf(kept).lines[0]).toMatch(new RegExp(`filter: ${QUERY}\\b`));
			expect(listRows(kept).some((row) => row.startsWith('● ') && /Language Model/i.test(row)), kept).toBe(true);
			await session.sendKeys('q');
			await expectQuitCleanly(session);
		});

		it('r marks read and moves on, f marks a favorite; q quits; the marks are there on reopening and in `papers list`', async () => {
			const home = makeTempHome();
			const [first, second] = [papers[0]!, papers[1]!];
			let session = await openReader(size, home);

			await session.sendKeys('r');
			let screen = await session.waitFor((text) => frameOf(text).unread === 62 && frameOf(text).position === 2, WAIT_MS);
			expect(frameOf(screen)).toMatchObject({all: 63, unread: 62, favorites: 0, total: 63});
			expect(rowOf(screen, first)?.startsWith('  ')).toBe(true); // no ●: read

			await session.sendKeys('f');
			screen = await session.waitFor((text) => frameOf(text).favorites === 1, WAIT_MS);
			expect(frameOf(screen).lines[0]).toMatch(new RegExp(` 3 ${favoritesLabel(size)} 1\\b`));
			expect(rowOf(screen, second)?.startsWith('●★')).toBe(true);
			expect(rowOf(screen, first)?.startsWith('  ')).toBe(true);
			await expectFrameFits(session, size);

			await session.sendKeys('q');
			await expectQuitCleanly(session);

			// Exactly what was marked, as the scriptable commands see it.
			expect((await listed(home, '--read')).map((paper) => [paper.id, paper.read, paper.favorite])).toEqual([[first.id, true, false]]);
			expect((await listed(home, '--favorites')).map((paper) => [paper.id, paper.read, paper.favorite])).toEqual([[second.id, false, true]]);

			await tmux!.kill();
			session = await openReader(size, home);
			screen = await session.capture();
			expect(frameOf(screen)).toMatchObject({all: 63, unread: 62, favorites: 1, position: 1, total: 63});
			expect(rowOf(screen, first)?.startsWith('  ')).toBe(true);
			expect(rowOf(screen, second)?.startsWith('●★')).toBe(true);
			expect(rowOf(screen, papers[2]!)?.startsWith('● ')).toBe(true);
			await session.sendKeys('q');
			await expectQuitCleanly(session);
		});

		it('Ctrl-C quits cleanly, from the list and from the filter box', async () => {
			const home = makeTempHome();
			let session = await openReader(size, home);
			await session.sendKeys('C-c');
			await expectQuitCleanly(session);

			await tmux!.kill();
			session = await openReader(size, home);
			await session.sendKeys('/');
			await session.waitFor(FILTER_HINTS, WAIT_MS);
			await session.sendKeys('C-c');
			await expectQuitCleanly(session);
		});

		it('u undoes a mark; 2 shows only the unread papers', async () => {
			const home = makeTempHome();
			const [first, second] = [papers[0]!, papers[1]!];
			const session = await openReader(size, home);

			await session.sendKeys('r');
			await session.waitFor((screen) => frameOf(screen).unread === 62, WAIT_MS);
			await session.sendKeys('u');
			let screen = await session.waitFor((text) => frameOf(text).unread === 63, WAIT_MS);
			expect(rowOf(screen, first)?.startsWith('● ')).toBe(true);

			await session.sendKeys('g', 'r');
			screen = await session.waitFor((text) => frameOf(text).unread === 62 && frameOf(text).position === 2, WAIT_MS);
			expect(rowOf(screen, first)?.startsWith('  ')).toBe(true);
			await session.sendKeys('2');
			screen = await session.waitFor((text) => frameOf(text).total === 62, WAIT_MS);
			// The read paper is gone from the list; the list starts at the next one.
			expect(rowOf(screen, first)).toBeUndefined();
			expect(listRows(screen)[0]).toContain(titleStart(second));
			expect(listRows(screen).every((row) => row.startsWith('●'))).toBe(true);
			await expectFrameFits(session, size);

			await session.sendKeys('q');
			await expectQuitCleanly(session);
			expect((await listed(home, '--read')).map((paper) => paper.id)).toEqual([first.id]);
		});

		it('? shows the help, generated from the keymap; another key closes it', async () => {
			const session = await openReader(size, makeTempHome());
			await session.sendKeys('?');
			const help = await session.waitFor(/^Keys \(any key closes this help\)/m, WAIT_MS);
			expect(help).toMatch(/^j ↓ +next paper/m);
			expect(help).toMatch(/^\/ +filter: type words/m);
			expect(rowOf(help, papers[1]!)).toBeUndefined();
			await expectFrameFits(session, size);

			await session.sendKeys('x');
			const closed = await session.waitFor((screen) => rowOf(screen, papers[1]!) !== undefined, WAIT_MS);
			expect(closed).not.toContain('Keys (any key closes this help)');
			// The key that closed the help did nothing else.
			expect(frameOf(closed)).toMatchObject({position: 1, total: 63, unread: 63});
			await session.sendKeys('q');
			await expectQuitCleanly(session);
		});

		it('reads the listing from standard input (-) and the keys from the terminal', async () => {
			const session = await openReader(size, makeTempHome(), `cat ${LISTING} | ${CLI} -`);
			await expectFrameFits(session, size);
			await session.sendKeys('j');
			await session.waitFor((screen) => frameOf(screen).position === 2, WAIT_MS);
			await session.sendKeys('q');
			await expectQuitCleanly(session);
		});

		it('without a terminal (stdout a pipe) prints the plain list, as `papers list` does, and exits 0', async () => {
			const home = makeTempHome();
			const expected = await runCli(['list', FIXTURE], {env: {XDG_CONFIG_HOME: home}});
			expect(expected.code).toBe(0);
			tmux = await startTmux({
				width: size.width,
				height: size.height,
				command: `{ ${CLI} ${LISTING}; echo "exit=$?"; } | cat`,
				env: {XDG_CONFIG_HOME: home},
			});
			expect(await tmux.waitForExit(WAIT_MS)).toBe(0);
			const all = await tmux.capture({history: true, joinWrapped: true});
			expect(all).not.toMatch(/raw mode/i);
			const lines = all.replace(/\n+$/, '').split('\n');
			expect(lines.at(-1)).toBe('exit=0');
			expect(lines.slice(0, -1)).toEqual(expected.stdout.replace(/\n$/, '').split('\n'));
			expect(lines[0]).toMatch(/^RF\s+ID\b.*\bTITLE$/);
			expect(lines).toHaveLength(1 + 63 + 1);
		});
	});

	it('s reaches the for-you order (as `papers list --sort for-you`), with the why line; m shows the papers like one, m again goes back', async () => {
		const home = makeTempHome();
		expect((await runCli(['mark', '--favorite', papers[1]!.id, papers[7]!.id], {env: {XDG_CONFIG_HOME: home}})).code).toBe(0);
		const expected = await runCli(['list', FIXTURE, '--sort', 'for-you', '--json'], {env: {XDG_CONFIG_HOME: home}});
		expect(expected.code).toBe(0);
		const ranked = (JSON.parse(expected.stdout) as {papers: JsonPaper[]}).papers;
		const session = await openReader(WIDE, home);
		await session.sendKeys('s', 's', 's', 's');
		const top = ranked.slice(0, 5).map(titleStart);
		let screen = await session.waitFor((text) => frameOf(text).lines[0]!.includes('sort: for you') && top.every((title, index) => listRows(text)[index]?.includes(title)), WAIT_MS);
		// The first paper is selected: its detail says what pulled it up.
		expect(frameOf(screen).position).toBe(1);
		expect(screen).toMatch(/│ for you: \S/);
		await expectFrameFits(session, WIDE);

		await session.sendKeys('j', 'm');
		const liked = ranked[1]!;
		screen = await session.waitFor((text) => frameOf(text).lines[0]!.includes(`like: ${liked.title.slice(0, 20)}`), WAIT_MS);
		expect(listRows(screen)[0]).toContain(titleStart(liked));
		expect(frameOf(screen).position).toBe(1);
		await expectFrameFits(session, WIDE);
		await session.sendKeys('m');
		screen = await session.waitFor((text) => frameOf(text).lines[0]!.includes('sort: for you'), WAIT_MS);
		expect(listRows(screen)[1]).toContain(titleStart(liked));
		await session.sendKeys('q');
		await expectQuitCleanly(session);
	});

	it('at 60x16 Enter shows the paper alone (title, abstract); h goes back to the list', async () => {
		const [first, second] = [papers[0]!, papers[1]!];
		const abstractStart = first.abstract.split(/\s+/).slice(0, 5).join(' ');
		const session = await openReader(NARROW, makeTempHome());
		await session.sendKeys('Enter');
		const detail = await session.waitFor(abstractStart, WAIT_MS);
		expect(frameOf(detail)).toMatchObject({position: 1, total: 63});
		expect(detail).toContain(first.title.split(/\s+/).slice(0, 4).join(' '));
		// The paper alone: no list rows.
		expect(detail).not.toContain(titleStart(second));
		expect(listRows(detail).some((row) => row.startsWith('●'))).toBe(false);
		await expectFrameFits(session, NARROW);

		await session.sendKeys('h');
		const list = await session.waitFor((screen) => rowOf(screen, second) !== undefined, WAIT_MS);
		expect(list).not.toContain(abstractStart);
		expect(rowOf(list, first)?.startsWith('● ')).toBe(true);
		await expectFrameFits(session, NARROW);
		await session.sendKeys('q');
		await expectQuitCleanly(session);
	});

	it('a live resize from 120x35 to 60x16 and back lays the reader out again for the new size', async () => {
		const session = await openReader(WIDE, makeTempHome());
		await session.sendKeys('j');
		await session.waitFor((screen) => frameOf(screen).position === 2, WAIT_MS);
		expect(await session.capture()).toContain('│');

		await session.resize(NARROW.width, NARROW.height);
		const narrow = await session.waitFor((screen) => {
			const frame = frameOf(screen);
			return / 3 Fav 0\b/.test(frame.lines[0]!) && frame.position === 2 && frame.footerIndex >= NARROW.height - 2 && !screen.includes('│');
		}, WAIT_MS);
		expect(await session.pane()).toMatchObject({width: NARROW.width, height: NARROW.height});
		await expectFrameFits(session, NARROW);
		listRows(narrow).forEach((row, index) => expect(row).toContain(titleStart(papers[index]!)));

		await session.resize(WIDE.width, WIDE.height);
		await session.waitFor((screen) => {
			const frame = frameOf(screen);
			return / 3 Favorites 0\b/.test(frame.lines[0]!) && frame.position === 2 && frame.footerIndex >= WIDE.height - 2 && screen.includes('│');
		}, WAIT_MS);
		await expectFrameFits(session, WIDE);
		await session.sendKeys('q');
		await expectQuitCleanly(session);
	});
	it('opens a listing of 20,000 papers on its first papers, reads the rest while it runs, and filters all of them', async () => {
		const home = makeTempHome();
		const file = join(makeTempDir(), 'archive.txt');
		writeFileSync(file, generateListing(20_000));
		const expected = await runCli(['list', file, '--query', QUERY, '--json'], {env: {XDG_CONFIG_HOME: home}});
		const matching = (JSON.parse(expected.stdout) as {papers: JsonPaper[]}).papers;
		expect(matching.length).toBeGreaterThan(100);

		tmux = await startTmux({width: WIDE.width, height: WIDE.height, command: inShell(`${CLI} ${shellQuote(file)}`), env: {XDG_CONFIG_HOME: home}});
		const session = tmux;
		// The first frame counts the papers read so far, with "…": the listing is still being read.
		const early = await session.waitFor((screen) => frameOf(screen).all !== null, WAIT_MS);
		expect(frameOf(early).lines[0]).toMatch(/ 1 All \d+… /);
		expect(frameOf(early).all).toBeLessThan(20_000);
		// The keys work meanwhile, and the counts grow to the whole listing; the "…" goes once it is indexed too.
		await waitForRawMode(session);
		await session.sendKeys('j');
		const whole = await session.waitFor((screen) => frameOf(screen).all === 20_000 && frameOf(screen).total === 20_000 && !frameOf(screen).lines[0]!.includes('…'), WAIT_MS);
		expect(frameOf(whole).position).toBe(2);
		await expectFrameFits(session, WIDE);
		// The filter finds what `papers list --query` finds in the whole listing, best first.
		await session.sendKeys('/');
		await session.waitFor(FILTER_HINTS, WAIT_MS);
		await session.sendKeys(QUERY);
		const filtered = await session.waitFor((screen) => frameOf(screen).total === matching.length && rowOf(screen, matching[0]!) !== undefined, WAIT_MS);
		expect(frameOf(filtered).position).toBe(1);
		await session.sendKeys('Escape');
		await session.sendKeys('q');
		await expectQuitCleanly(session);
	});

	describe('while its first frame is up and Ink is not yet (PAPERS_TEST_READER_DELAY_MS holds Ink back)', () => {
		/** How long Ink is held back: long enough to act while only the early frame is up. */
		const DELAY_MS = 2000;
		const ENTER_EARLY_FRAME = `${ESC}[?1049h${ESC}[H${ESC}[?25l`;

		/** Starts the reader with Ink held back, recording what it writes; resolves once the early frame is on the screen. */
		async function openEarly(size: Size, home: string, output: string): Promise<TmuxSession> {
			// The shell waits a moment so that the recording has started when the reader writes.
			tmux = await startTmux({width: size.width, height: size.height, command: inShell(`sleep 0.5; ${CLI} ${LISTING}`), env: {XDG_CONFIG_HOME: home, PAPERS_TEST_READER_DELAY_MS: String(DELAY_MS)}});
			await tmux.recordOutput(output);
			await tmux.waitFor((screen) => frameOf(screen).total === 63, WAIT_MS);
			return tmux;
		}

		it('keys typed before Ink is up are kept: j j moves to 3/63; Ink writes the early frame again, unchanged', async () => {
			const output = join(makeTempDir(), 'output');
			const session = await openEarly(WIDE, makeTempHome(), output);
			// Raw mode from the start: the keys are not echoed onto the frame, they wait for Ink.
			await waitForRawMode(session);
			const before = await session.capture();
			await session.sendKeys('j', 'j');
			const early = await session.capture();
			expect(frameOf(early).position).toBe(1);
			expect(early).toBe(before);
			const moved = await session.waitFor((screen) => frameOf(screen).position === 3, WAIT_MS);
			expect(frameOf(moved)).toMatchObject({all: 63, total: 63});
			await expectFrameFits(session, WIDE);
			// The early frame as written, then Ink's first frame: the same bytes, the screen never erased.
			let written = '';
			let frame = '';
			const deadline = Date.now() + WAIT_MS;
			for (;;) {
				written = readFileSync(output, 'utf8');
				const start = written.indexOf(ENTER_EARLY_FRAME);
				const frameStart = start + ENTER_EARLY_FRAME.length;
				const frameEnd = start === -1 ? -1 : written.indexOf(`${ESC}[H`, frameStart);
				frame = frameEnd === -1 ? '' : written.slice(frameStart, frameEnd);
				if ((frame !== '' && written.includes(`${frame}\r\n`, frameEnd)) || Date.now() > deadline) break;
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			expect(frame).toMatch(/^.* 1 All 63 /);
			// Ink ends its frame with a newline (the terminal's \r\n); the early frame ends with the cursor sent home.
			expect(written.indexOf(`${frame}\r\n`)).toBeGreaterThan(written.indexOf(frame));
			expect(written).not.toContain(`${ESC}[2J`);
			await session.sendKeys('q');
			await expectQuitCleanly(session);
		});

		it('q and Ctrl-C typed before Ink is up quit, the terminal restored', async () => {
			for (const key of ['q', 'C-c']) {
				const session = await openEarly(NARROW, makeTempHome(), join(makeTempDir(), 'output'));
				await session.sendKeys(key);
				await expectQuitCleanly(session);
				await session.kill();
			}
		});

		it('a resize before Ink is up: Ink draws the new size over an erased screen', async () => {
			const session = await openEarly(WIDE, makeTempHome(), join(makeTempDir(), 'output'));
			expect(await session.capture()).toContain('│');
			await session.resize(NARROW.width, NARROW.height);
			await session.waitFor((screen) => / 3 Fav 0\b/.test(frameOf(screen).lines[0]!) && !screen.includes('│'), WAIT_MS);
			await expectFrameFits(session, NARROW);
			await session.sendKeys('q');
			await expectQuitCleanly(session);
		});
	});
});
