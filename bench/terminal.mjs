// A real terminal for the reader benchmarks: a tmux server on a private socket (its own config, a
// throw-away HOME and XDG_CONFIG_HOME), driven through one tmux control-mode client (`tmux -C`).
//
// Why control mode: commands (capture-pane, send-keys, respawn-pane) go down one pipe to the running
// server instead of starting a tmux client process each time, and tmux reports every chunk the
// pane's program writes (%output) as it happens. A screen is captured as soon as output arrives, so
// "when did the screen first show X" is known to within a millisecond or so, without polling the
// machine busy. Times are performance.now() of this process.
//
// Processes started here are ended by pid or by killing this terminal's own tmux server; nothing else.
import {spawn, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {createInterface} from 'node:readline';

/** How often the screen is captured when no output has arrived (a safety net; output triggers captures). */
const IDLE_POLL_MS = 25;
const COMMAND_TIMEOUT_MS = 15_000;

/**
 * The screen at one moment.
 * @typedef {object} Screen
 * @property {string[]} lines Rows of the screen, trailing spaces removed; with escapes when asked for.
 * @property {number} at When the screen got this way, at the latest: the arrival of the last pane output before
 *   tmux replied to the capture (or the start of the wait when the pane wrote nothing since).
 */

/**
 * A moment, and how many chunks of output the pane had written by then.
 * @typedef {object} Mark
 * @property {number} at performance.now()
 * @property {number} outputs
 */

/**
 * A reply of tmux to one command.
 * @typedef {object} Reply
 * @property {string[]} lines What the command printed.
 * @property {number} outputCount How many %output notifications had arrived before the reply.
 * @property {number} outputAt When the last of them arrived (0: none yet).
 */

/**
 * What waitFor returns: the first screen that satisfied the test, or the last one seen.
 * @typedef {object} WaitResult
 * @property {boolean} ok
 * @property {Screen} screen
 * @property {boolean} dead The pane's program had exited (checked only when the test was not satisfied).
 */

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Quotes one word for tmux's command parser: single quotes, in which nothing is special.
 * @param {string} word
 */
function tmuxQuote(word) {
	if (/['\n\r]/.test(word)) throw new Error(`bench/terminal: cannot pass ${JSON.stringify(word)} to tmux`);
	return `'${word}'`;
}

/** Whether tmux can be run here; the reason when not. */
export function tmuxProblem() {
	const probe = spawnSync('tmux', ['-V'], {encoding: 'utf8'});
	if (probe.error) return `tmux cannot be run (${probe.error.message}); apt-get install tmux`;
	if (probe.status !== 0) return `tmux -V failed: ${probe.stderr.trim()}`;
	const match = /(\d+)\.(\d+)/.exec(probe.stdout);
	if (!match || Number(match[1]) < 3 || (Number(match[1]) === 3 && Number(match[2]) < 2)) return `tmux 3.2 or later is needed, found ${probe.stdout.trim()}`;
	return null;
}

/** @type {Set<Terminal>} */
const open = new Set();

/** Ctrl-C in the middle of a benchmark: no tmux server (with a reader in it) is left behind. */
function closeAllAndExit() {
	for (const terminal of open) void terminal.close();
	process.exit(130);
}

/**
 * One pane of `width` x `height` in a private tmux server. Create with Terminal.open(), end with close().
 */
export class Terminal {
	/** @type {import('node:child_process').ChildProcessWithoutNullStreams} */
	#control;
	/** @type {Array<{resolve: (reply: Reply) => void, reject: (error: Error) => void, timer: NodeJS.Timeout}>} */
	#pending = [];
	/** @type {Reply | null} The reply being read. */
	#block = null;
	#outputCount = 0;
	#lastOutputAt = 0;
	/** @type {(() => void) | null} */
	#onOutput = null;
	#closed = false;

	/**
	 * @param {string} directory
	 * @param {string} socket
	 * @param {string} target
	 * @param {Record<string, string>} env
	 */
	constructor(directory, socket, target, env) {
		this.directory = directory;
		this.socket = socket;
		this.target = target;
		this.env = env;
		this.home = join(directory, 'home');
		this.#control = spawn('tmux', ['-S', socket, '-C', 'attach-session', '-t', target], {env, stdio: ['pipe', 'pipe', 'pipe']});
		this.#control.on('error', (error) => this.#failAll(error));
		this.#control.on('exit', () => this.#failAll(new Error('the tmux control client exited')));
		this.#control.stderr.resume();
		createInterface({input: this.#control.stdout, crlfDelay: Infinity}).on('line', (line) => this.#line(line));
	}

	/**
	 * Starts a private tmux server with one pane of width x height running a placeholder, and attaches.
	 * @param {{width: number, height: number}} size
	 * @returns {Promise<Terminal>}
	 */
	static async open({width, height}) {
		const directory = mkdtempSync(join(realpathSync(tmpdir()), 'papers-bench-'));
		const home = join(directory, 'home');
		const config = join(directory, 'tmux.conf');
		const socket = join(directory, 'socket');
		writeFileSync(
			config,
			[
				'set -g default-terminal "xterm-256color"',
				'set -g default-shell /bin/sh',
				'set -g status off',
				'set -g remain-on-exit on',
				'set -g remain-on-exit-format ""',
				'set -g history-limit 100',
				'set -g escape-time 0',
				'',
			].join('\n'),
		);
		mkdirSync(home);
		/** @type {Record<string, string>} */
		const env = {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, XDG_CONFIG_HOME: home, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TZ: 'UTC', TERM: 'xterm-256color'};
		const target = 'bench';
		const started = spawnSync('tmux', ['-u', '-S', socket, '-f', config, 'new-session', '-d', '-s', target, '-x', String(width), '-y', String(height), 'cat'], {
			env,
			encoding: 'utf8',
			timeout: COMMAND_TIMEOUT_MS,
		});
		if (started.error || started.status !== 0) {
			rmSync(directory, {recursive: true, force: true});
			throw new Error(`bench/terminal: tmux new-session failed: ${started.error?.message ?? started.stderr.trim()}`);
		}
		const terminal = new Terminal(directory, socket, target, env);
		open.add(terminal);
		if (open.size === 1) process.once('SIGINT', closeAllAndExit);
		const [size] = await terminal.command(`display-message -p -t ${target} '#{pane_width}x#{pane_height}'`);
		if (size !== `${width}x${height}`) {
			await terminal.close();
			throw new Error(`bench/terminal: the pane is ${size}, not ${width}x${height}`);
		}
		return terminal;
	}

	/** @param {string} line */
	#line(line) {
		if (this.#block !== null) {
			if (/^%(end|error) \d+ \d+ 1$/.test(line)) {
				const reply = this.#block;
				this.#block = null;
				const waiting = this.#pending.shift();
				if (waiting === undefined) return;
				clearTimeout(waiting.timer);
				if (line.startsWith('%end')) waiting.resolve(reply);
				else waiting.reject(new Error(`tmux: ${reply.lines.join('\n')}`));
			} else if (!/^%(end|error) \d+ \d+ 0$/.test(line)) {
				this.#block.lines.push(line);
			}
			return;
		}
		// Replies to this client's own commands carry flags 1; the attach-session of the command line has 0.
		// tmux sends the %output of everything it read from the pane before running a command ahead of
		// that command's reply, so the output seen by now is all that the reply can reflect.
		if (/^%begin \d+ \d+ 1$/.test(line)) {
			this.#block = {lines: [], outputCount: this.#outputCount, outputAt: this.#lastOutputAt};
		} else if (line.startsWith('%output ')) {
			this.#outputCount++;
			this.#lastOutputAt = performance.now();
			this.#onOutput?.();
		}
	}

	/** @param {Error} error */
	#failAll(error) {
		for (const waiting of this.#pending.splice(0)) {
			clearTimeout(waiting.timer);
			waiting.reject(error);
		}
	}

	/**
	 * Runs one tmux command (in tmux's own syntax) and returns the lines it printed.
	 * @param {string} line
	 * @returns {Promise<string[]>}
	 */
	async command(line) {
		return (await this.#request(line)).lines;
	}

	/**
	 * @param {string} line
	 * @returns {Promise<Reply>}
	 */
	#request(line) {
		if (this.#closed) return Promise.reject(new Error('bench/terminal: closed'));
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`tmux ${line}: no reply in ${COMMAND_TIMEOUT_MS} ms`)), COMMAND_TIMEOUT_MS);
			this.#pending.push({resolve, reject, timer});
			this.#control.stdin.write(`${line}\n`);
		});
	}

	/**
	 * Now, and how much output the pane has written so far: where a wait for what follows begins.
	 * @returns {Mark}
	 */
	mark() {
		return {at: performance.now(), outputs: this.#outputCount};
	}

	/**
	 * Replaces whatever runs in the pane with `argv` (run directly, no shell, so the pane's pid is the
	 * program's) on a cleared screen. Returns the mark taken just before the command went to tmux.
	 * @param {string[]} argv
	 * @returns {Promise<Mark>}
	 */
	async spawn(argv) {
		await this.command(`clear-history -t ${this.target}`);
		// argv of two or more words: tmux execs it directly instead of through `sh -c`.
		const line = `respawn-pane -k -t ${this.target} ${argv.map(tmuxQuote).join(' ')}`;
		const mark = this.mark();
		await this.command(line);
		return mark;
	}

	/**
	 * Types text: one send-keys of the characters as hexadecimal codes (so nothing is read as a key name).
	 * Returns the mark taken just before the command went to tmux; does not wait for tmux's reply.
	 * @param {string} text
	 * @returns {Mark}
	 */
	type(text) {
		const hex = [...Buffer.from(text, 'utf8')].map((byte) => byte.toString(16).padStart(2, '0'));
		const line = `send-keys -t ${this.target} -H ${hex.join(' ')}`;
		const mark = this.mark();
		this.command(line).catch(() => {}); // a failure shows up as a key that never echoes
		return mark;
	}

	/**
	 * The screen now.
	 * @param {{escapes?: boolean}} [options]
	 * @returns {Promise<string[]>}
	 */
	async capture({escapes = false} = {}) {
		return this.command(`capture-pane -p ${escapes ? '-e ' : ''}-t ${this.target}`);
	}

	/** @returns {Promise<{pid: number, dead: boolean}>} */
	async pane() {
		const [line = ''] = await this.command(`display-message -p -t ${this.target} '#{pane_pid} #{pane_dead}'`);
		const [pid, dead] = line.split(' ');
		return {pid: Number(pid), dead: dead === '1'};
	}

	/**
	 * Captures the screen each time the pane writes something (and every IDLE_POLL_MS otherwise) until
	 * `test` accepts it, the pane's program has exited, or `timeoutMs` has passed since `from` (a mark
	 * taken before whatever is awaited was set off; now by default). `test` sees every captured screen.
	 * @param {(screen: Screen) => boolean} test
	 * @param {{timeoutMs: number, escapes?: boolean, from?: Mark}} options
	 * @returns {Promise<WaitResult>}
	 */
	async waitFor(test, {timeoutMs, escapes = false, from = this.mark()}) {
		const deadline = from.at + timeoutMs;
		/** @type {Screen} */
		let screen = {lines: [], at: from.at};
		let idle = 0;
		try {
			for (;;) {
				const reply = await this.#request(`capture-pane -p ${escapes ? '-e ' : ''}-t ${this.target}`);
				// The screen got this way no later than the last output before the reply (or `from`, without output since).
				screen = {lines: reply.lines, at: reply.outputCount === from.outputs ? from.at : Math.max(from.at, reply.outputAt)};
				if (test(screen)) return {ok: true, screen, dead: false};
				const left = deadline - performance.now();
				if (left <= 0) break;
				if (this.#outputCount !== reply.outputCount) continue;
				idle++;
				// Quiet for a while: has the program exited (crashed, say)? Then the screen will not change again.
				if (idle % 10 === 0 && (await this.pane()).dead && this.#outputCount === reply.outputCount) {
					const last = await this.capture({escapes});
					return {ok: false, screen: {lines: last, at: screen.at}, dead: true};
				}
				await this.#nextOutput(Math.min(left, IDLE_POLL_MS));
			}
		} finally {
			this.#onOutput = null;
		}
		return {ok: false, screen, dead: (await this.pane()).dead};
	}

	/**
	 * Resolves when the pane writes something, or after `ms`.
	 * @param {number} ms
	 */
	#nextOutput(ms) {
		return new Promise((resolve) => {
			const timer = setTimeout(done, ms);
			this.#onOutput = done;
			function done() {
				clearTimeout(timer);
				resolve(undefined);
			}
		});
	}

	/**
	 * Waits until the pane's program has exited (true), or `timeoutMs` has passed (false).
	 * @param {number} timeoutMs
	 */
	async waitForExit(timeoutMs) {
		const deadline = performance.now() + timeoutMs;
		while (performance.now() < deadline) {
			if ((await this.pane()).dead) return true;
			await sleep(10);
		}
		return false;
	}

	/**
	 * Ends the pane's program: `quitKeys` typed first (if any), then SIGKILL to its pid when it has not
	 * exited after `graceMs`.
	 * @param {{quitKeys?: string, graceMs?: number}} [options]
	 */
	async stop({quitKeys, graceMs = 10_000} = {}) {
		const {pid, dead} = await this.pane();
		if (dead) return;
		if (quitKeys !== undefined) {
			this.type(quitKeys);
			if (await this.waitForExit(graceMs)) return;
		}
		if (Number.isInteger(pid) && pid > 1) {
			try {
				process.kill(pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}
		await this.waitForExit(5000);
	}

	/** Kills this terminal's tmux server (and with it whatever runs in the pane) and removes its files. */
	async close() {
		if (this.#closed) return;
		this.#closed = true;
		open.delete(this);
		if (open.size === 0) process.off('SIGINT', closeAllAndExit);
		this.#control.stdin.end();
		spawnSync('tmux', ['-S', this.socket, 'kill-server'], {env: this.env, timeout: COMMAND_TIMEOUT_MS});
		this.#control.kill();
		rmSync(this.directory, {recursive: true, force: true});
	}
}

/**
 * CPU time (user + system) a process has used so far, in milliseconds, from /proc/PID/stat; null when unreadable.
 * @param {number} pid
 * @param {number} ticksPerSecond
 */
export function cpuMs(pid, ticksPerSecond) {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// After "pid (comm) ": state is field 3 of stat(5), so utime (14) and stime (15) are at 11 and 12 here.
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
	} catch {
		return null;
	}
}

/**
 * Clock ticks per second of /proc/PID/stat (getconf CLK_TCK; 100 when it cannot be told).
 */
export function clockTicks() {
	const result = spawnSync('getconf', ['CLK_TCK'], {encoding: 'utf8'});
	const ticks = Number(result.stdout?.trim());
	return Number.isInteger(ticks) && ticks > 0 ? ticks : 100;
}

/**
 * Peak resident set size (VmHWM) of a process in KiB, from /proc/PID/status; null when unreadable.
 * @param {number} pid
 */
export function peakRssKib(pid) {
	try {
		const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) : null;
	} catch {
		return null;
	}
}
