/* eslint-disable no-control-regex -- finding control characters in the output is what these tests do */
// Hostile listing text, end to end: a listing whose titles, abstracts, metadata lines and page chrome
// are full of escape sequences (OSC 52, OSC 0, OSC 8, CSI, DCS, SOS, PM, APC), C1 controls, BEL, NUL
// and bidi controls (test/helpers/hostile.ts) goes through the built CLI, and the bytes it writes are
// checked: to a pipe (`papers parse`, `papers list`) and to a real terminal (the reader and `papers list`
// in tmux, every byte recorded with tmux pipe-pane from before the command starts). The visible words
// must arrive.
import {spawn} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {assertBuilt, CLI_PATH, cliEnvironment, makeTempHome, removeTempDirs, REPO_ROOT, runCli} from './cli.js';
import {hostileBytesProblems, hostileListing, NO_CSI, PAYLOADS, type CsiFilter, type HostileListing, type HostilePaper} from '../helpers/hostile.js';
import {shellQuote, startTmux, tmuxMissingReason, tmuxVersion, type TmuxSession} from './tmux.js';

const WAIT_MS = 30_000;
const WIDTH = 120;
const HEIGHT = 35;
/** The shell prints this, then waits for Enter: the recording starts in between. */
const READY = 'READY-TO-RECORD';

/**
 * The CSI sequences the reader writes, found by recording it (as this test does) on the bundled listing
 * and on this one with Ink 6 at 120x35, and nothing else:
 * - `?1049h` / `?1049l`: the alternate screen, entered and left by the reader (run-reader.tsx);
 * - `?25l` / `?25h`: the cursor hidden while Ink draws, shown again on the way out;
 * - `?2026h` / `?2026l`: synchronized output, around each frame (Ink does it in a terminal);
 * - `2K`, `1A`, `G`: Ink's eraseLines, which takes the previous frame away before the next;
 * - SGR (`m`) with one parameter, for the styles of the reader's components: bold 1/22, dim 2/22,
 *   underline 4/24, inverse 7/27, green 32, yellow 33, blue 34, cyan 36, default colour 39.
 * - `H`: the cursor home, twice at the start: before and after the first frame, written before Ink loads
 *   (src/ui/early-frame.ts), so that Ink's first frame is written over it; the test counts them.
 * Ink also has a CSI 2J (clearTerminal, `ESC[2J ESC[3J ESC[H`), written only when the previous frame was
 * as tall as the terminal: the reader's frames are one row shorter (layout.ts), so it never comes here;
 * the reader erases (2J) only when Ink's first frame is not the early one (a resize meanwhile). Any 2J, 3J
 * or third H in these recordings came from the listing.
 */
const READER_MODES = new Set(['?1049h', '?1049l', '?25l', '?25h', '?2026h', '?2026l']);
const READER_SGR = new Set(['1', '22', '2', '4', '24', '7', '27', '32', '33', '34', '36', '39']);
const READER_CSI: CsiFilter = (sequence) => {
	const body = sequence.slice(2);
	if (READER_MODES.has(body) || body === '2K' || body === '1A' || body === 'G' || body === 'H') return true;
	return body.endsWith('m') && READER_SGR.has(body.slice(0, -1));
};

const SGR = /\u001B\[[0-9;]*m/g;

if (tmuxMissingReason !== null) console.warn(`Skipping the hostile-text tests in a terminal: ${tmuxMissingReason}`);

/** Output and exit of a CLI run, as bytes. */
interface ByteResult {
	stdout: Buffer;
	stderr: Buffer;
	code: number | null;
}

/** Runs `node dist/cli.js ...args` with stdout and stderr as pipes, keeping the bytes as written. */
function runCliBytes(args: readonly string[], home: string): Promise<ByteResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CLI_PATH, ...args], {cwd: REPO_ROOT, env: cliEnvironment({XDG_CONFIG_HOME: home}), stdio: ['ignore', 'pipe', 'pipe']});
		const stdout: Buffer[] = [];
		const stderr: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), WAIT_MS);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr), code});
		});
	});
}

/** Every string in a JSON value, with where it is. */
function* strings(value: unknown, path = '$'): Generator<[string, string]> {
	if (typeof value === 'string') yield [path, value];
	else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* strings(item, `${path}[${index}]`);
	else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* strings(item, `${path}.${key}`);
}

/**
 * JSON escapes C0 controls (an ESC is written `\u001b`), so its bytes alone would not show one: every
 * string in it must be free of controls (line feeds only between an abstract's paragraphs) and bidi controls.
 */
function jsonProblems(json: unknown): string[] {
	const problems: string[] = [];
	for (const [path, text] of strings(json)) {
		const found = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u.exec(text) ?? (path.endsWith('.abstract') ? null : /\n/.exec(text));
		if (found) problems.push(`${path} holds ${JSON.stringify(found[0])}: ${JSON.stringify(text.slice(0, 80))}`);
	}
	return problems;
}

describe('hostile listing text', {timeout: 120_000}, () => {
	let listing: HostileListing;
	let directory: string;
	let file: string;
	let hostile: HostilePaper[];

	beforeAll(() => {
		assertBuilt();
		listing = hostileListing();
		hostile = [...listing.before, ...listing.after];
		// Its own directory: the helpers' temp directories go after each test.
		directory = mkdtempSync(join(realpathSync(tmpdir()), 'papers-hostile-'));
		file = join(directory, 'hostile.txt');
		writeFileSync(file, listing.bytes);
	});

	afterAll(() => {
		if (directory !== undefined) rmSync(directory, {recursive: true, force: true});
	});

	afterEach(() => removeTempDirs());

	it('the listing is hostile, and papers reads it as the visible words', async () => {
		// Every payload is in the file as written, in its 7-bit or 8-bit form, and so are NUL and non-UTF-8 bytes.
		for (const payload of PAYLOADS) expect(listing.bytes.includes(Buffer.from(payload)), JSON.stringify(payload)).toBe(true);
		expect(listing.bytes.includes(0)).toBe(true);
		expect(listing.bytes.includes(Buffer.from([0x9b, 0x32, 0x4a]))).toBe(true);

		const result = await runCli(['parse', file, '--json'], {env: {XDG_CONFIG_HOME: makeTempHome()}});
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const parsed = JSON.parse(result.stdout) as {papers: Array<Record<string, unknown>>; warnings: Array<{message: string}>};
		expect(parsed.papers).toHaveLength(listing.count);
		const byTitle = new Map(parsed.papers.map((paper) => [paper.title, paper]));
		for (const paper of hostile) {
			const read = byTitle.get(paper.title);
			expect(read, paper.title).toBeDefined();
			expect(read).toMatchObject({authorCount: paper.authorCount, published: paper.published, upvotes: paper.upvotes, links: [paper.link]});
			expect((read!.abstract as string).startsWith(paper.abstractStart), String(read!.abstract)).toBe(true);
		}
		expect(parsed.warnings.map((warning) => warning.message)).toEqual(['title without an abstract, skipped: "Orphan title without an abstract"']);
	});

	describe('written to a pipe', () => {
		it.each([
			['parse', false],
			['parse', true],
			['list', false],
			['list', true],
		])('papers %s (--json: %s): no escape sequence, control or bidi character in stdout or stderr; every title arrives', async (command, json) => {
			const result = await runCliBytes([command, file, ...(json ? ['--json'] : [])], makeTempHome());
			expect(result.code).toBe(0);
			expect(hostileBytesProblems(result.stdout, NO_CSI)).toEqual([]);
			expect(hostileBytesProblems(result.stderr, NO_CSI)).toEqual([]);
			const stdout = result.stdout.toString('utf8');
			if (json) {
				const parsed = JSON.parse(stdout) as {papers: Array<{title: string}>};
				expect(jsonProblems(parsed)).toEqual([]);
				expect(parsed.papers.map((paper) => paper.title)).toEqual(expect.arrayContaining(hostile.map((paper) => paper.title)));
				expect(parsed.papers).toHaveLength(listing.count);
			} else {
				// The table: a header and one row a paper, each hostile title whole at the end of its row.
				const lines = stdout.replace(/\n$/, '').split('\n');
				expect(lines).toHaveLength(1 + listing.count);
				for (const paper of hostile) expect(lines.some((line) => line.endsWith(`  ${paper.title}`)), paper.title).toBe(true);
				expect(result.stderr.toString('utf8')).toContain('skipped: "Orphan title without an abstract"');
			}
		});
	});

	describe('file names', () => {
		// A file name can hold escape sequences and line breaks too: `papers DIR` reads names nobody typed.
		const name = 'b\u001B]0;owned\u0007\u202E\u009B2J\nnext.txt';
		const shown = 'b\\u001b]0;owned\\u0007\\u202e\\u009b2J\\u000anext.txt';

		it('papers DIR (stdout a pipe): a file skipped for want of papers is named with escapes, on one line', async () => {
			const listings = join(directory, 'listings');
			mkdirSync(listings);
			writeFileSync(join(listings, 'a.txt'), listing.bytes);
			writeFileSync(join(listings, name), 'nothing to read here\n');
			const result = await runCliBytes([listings], makeTempHome());
			expect(result.code).toBe(0);
			expect(hostileBytesProblems(result.stdout, NO_CSI)).toEqual([]);
			expect(hostileBytesProblems(result.stderr, NO_CSI)).toEqual([]);
			const warning = result.stderr.toString('utf8').split('\n').find((line) => line.includes('skipped: no papers found'));
			expect(warning).toBe(`papers: warning: ${join(listings, shown)}: skipped: no papers found in it (1 unreadable block)`);
		});

		it('papers parse: the error for such a file, and each paper\'s source, name it with escapes', async () => {
			const bad = join(directory, name);
			writeFileSync(bad, 'nothing to read here\n');
			const failed = await runCliBytes(['parse', bad], makeTempHome());
			expect(failed.code).toBe(2);
			expect(hostileBytesProblems(failed.stderr, NO_CSI)).toEqual([]);
			expect(failed.stderr.toString('utf8')).toBe(`papers: ${join(directory, shown)}: no papers found in it (1 unreadable block)\n`);

			const good = join(directory, `good-${name}`);
			writeFileSync(good, listing.bytes);
			const parsed = await runCliBytes(['parse', good, '--json'], makeTempHome());
			expect(parsed.code).toBe(0);
			expect(hostileBytesProblems(parsed.stdout, NO_CSI)).toEqual([]);
			const json = JSON.parse(parsed.stdout.toString('utf8')) as {papers: Array<{source: string}>; warnings: Array<{source: string}>};
			expect(jsonProblems(json)).toEqual([]);
			expect(new Set([...json.papers, ...json.warnings].map((item) => item.source))).toEqual(new Set([join(directory, `good-${shown}`)]));
		});
	});

	describe.skipIf(tmuxMissingReason !== null)(`in a terminal (${tmuxVersion ?? 'no tmux'})`, () => {
		let tmux: TmuxSession | undefined;

		afterEach(async () => {
			await tmux?.kill();
			tmux = undefined;
		});

		/**
		 * Starts `command` in a 120x35 pane behind a shell that waits for Enter, starts recording the pane's
		 * output, then lets the command run.
		 */
		async function startRecorded(command: string, record: string): Promise<TmuxSession> {
			tmux = await startTmux({
				width: WIDTH,
				height: HEIGHT,
				command: `echo ${READY}; read -r go; ${command}; echo "exit=$?"; read -r line`,
				env: {XDG_CONFIG_HOME: makeTempHome()},
			});
			await tmux.waitFor(READY, WAIT_MS);
			await tmux.recordOutput(record);
			await tmux.sendKeys('Enter');
			return tmux;
		}

		/** Waits for the command's exit status, stops recording, and returns every byte recorded and the screen. */
		async function finishRecording(session: TmuxSession, record: string): Promise<{bytes: Buffer; screen: string}> {
			const screen = await session.waitFor(/^exit=\d+$/m, WAIT_MS);
			expect(screen).toMatch(/^exit=0$/m);
			await session.stopRecording();
			// cat copies the bytes in order: once the exit line is in the file, all before it is too.
			const deadline = Date.now() + WAIT_MS;
			while (!(existsSync(record) && readFileSync(record).includes('exit=0'))) {
				if (Date.now() > deadline) throw new Error(`the recording ${record} never got the exit line`);
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
			return {bytes: readFileSync(record), screen: await session.capture({joinWrapped: true})};
		}

		/** The footer's position: "12/111". */
		const at = (position: number) => (screen: string) => new RegExp(`^${position}/${listing.count}\\b`, 'm').test(screen);

		it('the reader: open, move, detail, help, a mark named in the footer, filter, quit; only the renderer’s own sequences reach the terminal, and the words do', async () => {
			const record = join(directory, 'reader.bytes');
			const session = await startRecorded(`node ${shellQuote(relative(REPO_ROOT, CLI_PATH))} ${shellQuote(file)}`, record);

			// The list: the hostile titles as words, the first paper's detail beside them.
			let screen = await session.waitFor((text) => at(1)(text) && text.includes(`1 All ${listing.count}`), WAIT_MS);
			await session.waitForRawMode(WAIT_MS);
			screen = await session.capture();
			const rows = screen.split('\n').slice(1, HEIGHT - 2);
			for (const [index, paper] of listing.before.slice(0, HEIGHT - 4).entries()) {
				expect(rows[index], screen).toContain(`●  ${paper.title.slice(0, 24)}`);
			}
			const first = listing.before[0]!;
			expect(screen).toContain(first.title);
			expect(screen).toContain(`${first.authorCount} authors · ${first.published} · ▲ ${first.upvotes} · unread · arXiv:2401.00001`);
			expect(screen).toContain(first.link);
			expect(screen).toContain(first.abstractStart);

			// Moving through the papers: down, to the last one (NUL and raw bytes in it), back to the first.
			await session.sendKeys('j', 'j', 'j');
			screen = await session.waitFor(at(4), WAIT_MS);
			expect(screen).toContain(listing.before[3]!.title);
			await session.sendKeys('G');
			screen = await session.waitFor(at(listing.count), WAIT_MS);
			const last = listing.after.at(-1)!;
			expect(screen).toContain(last.title);
			expect(screen).toContain(last.abstractStart);
			for (const paper of listing.after) expect(screen).toContain(paper.title.slice(0, 24));
			await session.sendKeys('PageUp', 'g');
			screen = await session.waitFor(at(1), WAIT_MS);

			// The detail (Enter): the selected row is underlined rather than in reverse video (as tmux redraws it:
			// `ESC[0;4m`); h goes back.
			const selectedRow = async () => (await session.capture({escapes: true})).split('\n').find((line) => line.replace(SGR, '').includes(first.title.slice(0, 24)));
			await session.sendKeys('Enter');
			await expect.poll(selectedRow, {timeout: WAIT_MS}).toMatch(/^\u001B\[(?:\d+;)*4(?:;\d+)*m/);
			await session.sendKeys('j', 'k', 'h');
			await expect.poll(selectedRow, {timeout: WAIT_MS}).toMatch(/^\u001B\[(?:\d+;)*7(?:;\d+)*m/);

			// The help, closed by any key.
			await session.sendKeys('?');
			await session.waitFor(/^Keys \(any key closes this help\)/m, WAIT_MS);
			await session.sendKeys('x');
			screen = await session.waitFor((text) => !text.includes('any key closes this help') && text.includes(first.title.slice(0, 24)), WAIT_MS);

			// The footer names the paper just marked (its hostile title); u takes the mark back.
			await session.sendKeys('f');
			screen = await session.waitFor((text) => /^1\/\d+ ★ favorite: /m.test(text), WAIT_MS);
			expect(screen).toContain(`★ favorite: ${first.title.slice(0, 24)}`);
			await session.sendKeys('u');
			await session.waitFor(/^1\/\d+ undone/m, WAIT_MS);

			// A filter typed word by word: the hostile title with that word first, its match highlighted.
			const caracal = listing.before[2]!;
			const expected = await runCli(['list', file, '--query', 'caracal', '--json'], {env: {XDG_CONFIG_HOME: makeTempHome()}});
			const matching = (JSON.parse(expected.stdout) as {papers: Array<{title: string}>}).papers;
			expect(matching[0]?.title).toBe(caracal.title);
			await session.sendKeys('/');
			await session.waitFor('type to filter', WAIT_MS);
			await session.sendKeys('caracal');
			screen = await session.waitFor((text) => new RegExp(`^1/${matching.length}\\b`, 'm').test(text) && text.split('\n')[1]!.includes(caracal.title.slice(0, 24)), WAIT_MS);
			await session.sendKeys('Enter');
			screen = await session.waitFor((text) => text.split('\n')[0]!.includes('filter: caracal'), WAIT_MS);
			expect(screen).toContain(caracal.title);
			await session.sendKeys('q');

			const {bytes, screen: after} = await finishRecording(session, record);
			// The warning printed after the reader names the hostile orphan title by its words.
			expect(after).toContain('skipped: "Orphan title without an abstract"');
			// The recording has the reader in it, from its first byte to its last.
			const text = bytes.toString('utf8');
			expect(text).toContain('\u001B[?1049h');
			expect(text).toContain('\u001B[?1049l');
			expect(text.replace(SGR, '')).toContain(first.title);
			expect(text.replace(SGR, '')).toContain(caracal.title.slice(0, 24));
			// The filter's match highlighted (yellow, bold, underlined) in the hostile title.
			expect(text).toMatch(/(?:\u001B\[(?:1|4|33)m){3}Caracal/);
			expect(hostileBytesProblems(bytes, READER_CSI)).toEqual([]);
			expect(bytes.toString('latin1').split('\u001B[H').length - 1).toBe(2); // the early frame's, no other
		});

		it('papers list in a terminal: plain text with the titles, nothing a terminal would act on', async () => {
			const record = join(directory, 'list.bytes');
			const session = await startRecorded(`node ${shellQuote(relative(REPO_ROOT, CLI_PATH))} list ${shellQuote(file)}`, record);
			const {bytes} = await finishRecording(session, record);
			const all = await session.capture({history: true, joinWrapped: true});
			for (const paper of hostile) expect(all).toContain(`  ${paper.title}\n`);
			expect(all).toContain('skipped: "Orphan title without an abstract"');
			expect(bytes.toString('utf8')).toContain(listing.after.at(-1)!.title);
			expect(hostileBytesProblems(bytes, NO_CSI)).toEqual([]);
		});
	});
});
