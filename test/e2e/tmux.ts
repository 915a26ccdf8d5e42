// Drives a command in a real terminal: a detached tmux session on a private server (its own socket,
// no user config), so tests never touch the user's tmux. Each session gets its own server, killed by kill().
import {execFile, spawnSync} from 'node:child_process';
import {rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {cliEnvironment, makeTempDir, REPO_ROOT} from './cli.js';

function probeTmux(): {version: string | null; reason: string | null} {
	const probe = spawnSync('tmux', ['-V'], {encoding: 'utf8'});
	// Only a missing tmux skips the tests; any other failure shows up as failing tests.
	if ((probe.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
		return {version: null, reason: 'tmux is not installed (apt-get install tmux; .ci/run installs it)'};
	}
	return {version: probe.status === 0 ? probe.stdout.trim() : null, reason: null};
}

const probe = probeTmux();
/** "tmux 3.3a", or null when it could not be told. */
export const tmuxVersion = probe.version;
/** Why tmux tests are skipped (tmux is not installed), or null. */
export const tmuxMissingReason = probe.reason;

/** How to start a session. */
export interface TmuxOptions {
	width: number;
	height: number;
	/**
	 * What runs in the pane. An array is run as is (no shell: `exec` of the quoted words), so the
	 * exit status and signals are the command's own; a string is a /bin/sh command line.
	 */
	command: string | readonly string[];
	/** Extra environment (XDG_CONFIG_HOME from makeTempHome(); a fresh temp one otherwise). */
	env?: Record<string, string | undefined>;
	/** Working directory; the repository root by default. */
	cwd?: string;
}

/** What capture() returns. */
export interface CaptureOptions {
	/** Keep escape sequences for colours and attributes (capture-pane -e). */
	escapes?: boolean;
	/** Include the scrollback above the visible screen (capture-pane -S -). */
	history?: boolean;
	/** Join lines the terminal wrapped, so a line wider than the pane shows as one long line (capture-pane -J). */
	joinWrapped?: boolean;
}

/** What waitFor() waits for: text on the screen, a pattern, or any test of the screen. */
export type ScreenCondition = string | RegExp | ((screen: string) => boolean);

/** Options of waitFor(); a bare number is the timeout. */
export interface WaitOptions extends CaptureOptions {
	timeoutMs?: number;
}

/** A key sent as literal text even if it looks like a key name ("Enter"). */
export interface LiteralKey {
	literal: string;
}

/** Marks text to be typed as is, never read as a key name. */
export function literal(text: string): LiteralKey {
	return {literal: text};
}

// tmux key names; anything else is typed literally (send-keys -l).
const NAMED_KEY =
	/^(?:(?:[CMS]-)+\S+|Enter|Escape|Tab|BTab|BSpace|Space|Up|Down|Left|Right|Home|End|PageUp|PageDown|PgUp|PgDn|PPage|NPage|IC|DC|Insert|Delete|F(?:[1-9]|1[0-2]))$/;

const POLL_MS = 50;
/** How long the screen is still read after the command exited, for output tmux had not read yet. */
const EXIT_GRACE_MS = 1000;
const DEFAULT_TIMEOUT_MS = 15_000;

/** Quotes a word for /bin/sh. */
export function shellQuote(word: string): string {
	return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

function describeCondition(condition: ScreenCondition): string {
	if (typeof condition === 'string') return JSON.stringify(condition);
	if (condition instanceof RegExp) return String(condition);
	return condition.name === '' ? 'the screen condition' : `${condition.name}()`;
}

function matches(condition: ScreenCondition, screen: string): boolean {
	if (typeof condition === 'string') return screen.includes(condition);
	if (condition instanceof RegExp) return new RegExp(condition.source, condition.flags.replace('g', '')).test(screen);
	return condition(screen);
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function frame(screen: string): string {
	return `\n----- screen -----\n${screen}\n------------------`;
}

const live = new Set<TmuxSession>();

/** One detached tmux session running one command, on its own private tmux server. */
export class TmuxSession {
	private killed = false;

	constructor(
		/** The session name (also the target of every command). */
		readonly name: string,
		/** The private server's socket (tmux -S). */
		readonly socket: string,
		private readonly directory: string,
		private readonly env: Record<string, string>,
		/** The tmux server's pid. */
		readonly serverPid: number,
	) {}

	/** Runs `tmux -S SOCKET ...args` and returns its standard output. */
	tmux(args: readonly string[]): Promise<string> {
		return new Promise((resolve, reject) => {
			execFile('tmux', ['-S', this.socket, ...args], {env: this.env, encoding: 'utf8', timeout: 10_000}, (error, stdout, stderr) => {
				if (error) reject(new Error(`tmux ${args.join(' ')} failed: ${stderr.trim() || error.message}`));
				else resolve(stdout);
			});
		});
	}

	/**
	 * Sends keys in order: key names ("Enter", "Escape", "C-c", "Up", "F1", "M-x") as keys, anything else
	 * (or literal(...)) as typed text.
	 */
	async sendKeys(...keys: ReadonlyArray<string | LiteralKey>): Promise<void> {
		for (const key of keys) {
			if (typeof key === 'string' && NAMED_KEY.test(key)) await this.tmux(['send-keys', '-t', this.name, key]);
			else await this.tmux(['send-keys', '-t', this.name, '-l', '--', typeof key === 'string' ? key : key.literal]);
		}
	}

	/** The screen as text (capture-pane -p): one line per row, without trailing spaces. */
	async capture(options: CaptureOptions = {}): Promise<string> {
		const text = await this.tmux(this.captureArgs(options));
		return text.replace(/\n$/, '');
	}

	private captureArgs(options: CaptureOptions): string[] {
		return [
			'capture-pane',
			'-p',
			'-t',
			this.name,
			...(options.escapes ? ['-e'] : []),
			...(options.history ? ['-S', '-'] : []),
			...(options.joinWrapped ? ['-J'] : []),
		];
	}

	/** Pane size and whether its command has exited. */
	async pane(): Promise<{width: number; height: number; dead: boolean; status: number | null; signal: number | null}> {
		const [width, height, dead, status, signal] = (
			await this.tmux(['display-message', '-p', '-t', this.name, '#{pane_width} #{pane_height} #{pane_dead} #{pane_dead_status} #{pane_dead_signal}'])
		)
			.trim()
			.split(' ');
		const number = (text: string | undefined) => (text === undefined || text === '' ? null : Number(text));
		return {width: Number(width), height: Number(height), dead: dead === '1', status: number(status), signal: number(signal)};
	}

	/**
	 * Polls the screen every ~50 ms until the condition holds and returns that screen. Fails with the last
	 * screen when the time runs out, or soon after the command exits without the condition holding.
	 */
	async waitFor(condition: ScreenCondition, options: number | WaitOptions = {}): Promise<string> {
		const {timeoutMs = DEFAULT_TIMEOUT_MS, ...capture} = typeof options === 'number' ? {timeoutMs: options} : options;
		const deadline = Date.now() + timeoutMs;
		let screen = '';
		let deadSince: number | null = null;
		for (;;) {
			const dead = (await this.pane()).dead;
			screen = await this.capture(capture);
			if (matches(condition, screen)) return screen;
			// tmux can mark the pane dead on SIGCHLD before it has read the last bytes the command wrote to
			// the terminal, so an exited command gets a short grace for its output to reach the screen.
			if (dead) deadSince ??= Date.now();
			if (deadSince !== null && Date.now() - deadSince >= EXIT_GRACE_MS) {
				throw new Error(`the command exited before the screen showed ${describeCondition(condition)}${frame(screen)}`);
			}
			if (Date.now() >= deadline) break;
			await sleep(POLL_MS);
		}
		throw new Error(`timed out after ${timeoutMs} ms waiting for ${describeCondition(condition)}${frame(screen)}`);
	}

	/**
	 * Waits for the command to exit and returns its exit status (128 + n when killed by signal n).
	 * The pane stays (remain-on-exit), so the screen can still be captured afterwards.
	 */
	async waitForExit(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<number> {
		const deadline = Date.now() + timeoutMs;
		let deadSince: number | null = null;
		for (;;) {
			const pane = await this.pane();
			if (pane.dead && pane.status !== null) return pane.status;
			if (pane.dead && pane.signal !== null) return 128 + pane.signal;
			if (pane.dead) {
				// The pane's terminal closed but tmux has not collected the exit status. Debian's tmux uses
				// libutempter, whose own SIGCHLD handler can swallow the signal of a child that exits early
				// (tmux/tmux#311); a SIGCHLD to this session's own server makes it reap the child.
				deadSince ??= Date.now();
				if (Date.now() - deadSince > 200 && Number.isInteger(this.serverPid) && this.serverPid > 1) process.kill(this.serverPid, 'SIGCHLD');
			}
			if (Date.now() >= deadline) {
				throw new Error(`timed out after ${timeoutMs} ms waiting for the command to exit${frame(await this.capture().catch(() => '(no screen)'))}`);
			}
			await sleep(POLL_MS);
		}
	}

	/**
	 * Starts copying every byte the pane's command writes to its terminal, as written, to the end of
	 * `file` (tmux pipe-pane -o). Resolves once tmux has the pipe open: output from then on is recorded.
	 */
	async recordOutput(file: string): Promise<void> {
		await this.tmux(['pipe-pane', '-o', '-t', this.name, `cat >> ${shellQuote(file)}`]);
		const piping = (await this.tmux(['display-message', '-p', '-t', this.name, '#{pane_pipe}'])).trim();
		if (piping !== '1') throw new Error(`tmux pipe-pane did not start (pane_pipe=${piping})`);
	}

	/** Stops recording (recordOutput); what was recorded so far reaches the file shortly after. */
	async stopRecording(): Promise<void> {
		await this.tmux(['pipe-pane', '-t', this.name]);
	}

	/** The pane's terminal device (/dev/pts/N). */
	async paneTty(): Promise<string> {
		return (await this.tmux(['display-message', '-p', '-t', this.name, '#{pane_tty}'])).trim();
	}

	/** Waits until the pane's terminal is in raw mode (no line editing, no echo): its command reads keys. */
	async waitForRawMode(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
		const tty = await this.paneTty();
		const deadline = Date.now() + timeoutMs;
		let settings = '';
		for (;;) {
			const result = spawnSync('stty', ['-a', '-F', tty], {encoding: 'utf8', timeout: 10_000});
			settings = result.stdout ?? '';
			if (/(?:^|\s)-icanon\b/.test(settings) && /(?:^|\s)-echo\b/.test(settings)) return;
			if (Date.now() >= deadline) break;
			await sleep(POLL_MS);
		}
		throw new Error(`the terminal never went into raw mode:\n${settings}`);
	}

	/** Changes the terminal size (the command gets SIGWINCH). */
	async resize(width: number, height: number): Promise<void> {
		await this.tmux(['resize-window', '-t', this.name, '-x', String(width), '-y', String(height)]);
	}

	/** Kills the session's tmux server (and with it the command) and removes its files. Safe to call twice. */
	async kill(): Promise<void> {
		if (this.killed) return;
		this.killed = true;
		live.delete(this);
		await this.tmux(['kill-server']).catch(() => {});
		rmSync(this.directory, {recursive: true, force: true});
	}
}

let sessionCount = 0;

/**
 * Starts `command` in a new detached tmux session of width x height, with TERM=xterm-256color,
 * LANG=C.UTF-8 and no other inherited environment than PATH, in a private server.
 */
export async function startTmux(options: TmuxOptions): Promise<TmuxSession> {
	if (tmuxMissingReason !== null) throw new Error(tmuxMissingReason);
	const directory = makeTempDir('papers-tmux-');
	const socket = join(directory, 'socket');
	const config = join(directory, 'tmux.conf');
	writeFileSync(
		config,
		[
			'set -g default-terminal "xterm-256color"',
			'set -g default-shell /bin/sh',
			'set -g status off',
			'set -g remain-on-exit on',
			'set -g history-limit 10000',
			'set -g escape-time 0',
			// tmux 3.3+: no "Pane is dead" line (it would scroll the screen); older versions ignore it.
			'set -g remain-on-exit-format ""',
			'',
		].join('\n'),
	);
	const env = {
		...cliEnvironment(options.env),
		TERM: 'xterm-256color',
		LANG: 'C.UTF-8',
		LC_ALL: 'C.UTF-8',
	};
	const name = `papers-e2e-${process.pid}-${++sessionCount}`;
	const command = typeof options.command === 'string' ? options.command : `exec ${options.command.map(shellQuote).join(' ')}`;
	const args = ['-u', '-S', socket, '-f', config, 'new-session', '-d', '-s', name, '-x', String(options.width), '-y', String(options.height)];
	args.push('-c', options.cwd ?? REPO_ROOT, command);
	const started = spawnSync('tmux', args, {env, encoding: 'utf8', timeout: 10_000});
	if (started.error || started.status !== 0) {
		throw new Error(`tmux new-session failed: ${started.error?.message ?? started.stderr.trim()}`);
	}
	const pid = Number(spawnSync('tmux', ['-S', socket, 'display-message', '-p', '#{pid}'], {env, encoding: 'utf8', timeout: 10_000}).stdout?.trim());
	const session = new TmuxSession(name, socket, directory, env, pid);
	live.add(session);
	return session;
}

/** Kills every session still running (for afterEach). */
export async function killAllTmux(): Promise<void> {
	await Promise.all([...live].map((session) => session.kill()));
}
