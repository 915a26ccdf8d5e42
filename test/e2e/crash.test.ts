// A crash of the reader in a real terminal: the terminal is put back, one line names the log, the log has
// the details, and marks made before the crash are saved. The crash is injected (PAPERS_FAULT) on `!`.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {parseStore} from '../../src/state/store-format.js';
import {assertBuilt, CLI_PATH, FIXTURE, makeTempHome, removeTempDirs, runCli, storePath} from './cli.js';
import {shellQuote, startTmux, tmuxMissingReason, tmuxVersion, type TmuxSession} from './tmux.js';

const MARKER = 'BEFORE-MARKER';

/** Runs `command` in a shell that prints a marker before and the exit status and tty state after. */
function inShell(command: string): string {
	return [`echo ${MARKER}`, 'settings=$(stty -g)', command, 'status=$?', 'if [ "$(stty -g)" = "$settings" ]; then tty=restored; else tty=changed; fi', 'echo "exit=$status tty=$tty"', 'sleep 60'].join('; ');
}

let firstId: string;

beforeAll(async () => {
	assertBuilt();
	const parsed = await runCli(['parse', FIXTURE, '--json'], {env: {XDG_CONFIG_HOME: makeTempHome()}});
	firstId = (JSON.parse(parsed.stdout) as {papers: Array<{id: string}>}).papers[0]!.id;
});

describe.skipIf(tmuxMissingReason !== null)(`a crash in a real terminal (${tmuxVersion ?? 'no tmux'})`, {timeout: 60_000}, () => {
	let session: TmuxSession | undefined;
	afterEach(async () => {
		await session?.kill();
		session = undefined;
		removeTempDirs();
	});

	it.each(['render', 'uncaught', 'rejection'])('PAPERS_FAULT=%s: terminal restored, one line naming the log, details in it, marks kept', async (fault) => {
		const home = makeTempHome();
		session = await startTmux({
			width: 120,
			height: 35,
			command: inShell(`PAPERS_FAULT=${fault} ${[process.execPath, CLI_PATH, FIXTURE].map(shellQuote).join(' ')}`),
			env: {XDG_CONFIG_HOME: home, XDG_STATE_HOME: join(home, 'state')},
		});
		await session.waitFor(/^1\/63 /m, 15_000);
		await session.sendKeys('r');
		await session.waitFor(/2 Unread 62 /, 5000);
		await session.sendKeys('!');
		const screen = await session.waitFor(/^exit=\d+ tty=\w+$/m, {timeoutMs: 10_000, joinWrapped: true});
		const log = join(home, 'state', 'papers', 'crash.log');
		const lines = screen.trimEnd().split('\n');
		expect(lines).toEqual([MARKER, `papers: unexpected error: injected fault (PAPERS_FAULT=${fault}) (details in ${log})`, 'exit=1 tty=restored']);
		const [alternate, cursor] = (await session.tmux(['display-message', '-p', '-t', session.name, '#{alternate_on} #{cursor_flag}'])).trim().split(' ');
		expect({alternate, cursor}).toEqual({alternate: '0', cursor: '1'});
		const details = readFileSync(log, 'utf8');
		expect(details).toContain(`Error: injected fault (PAPERS_FAULT=${fault})`);
		expect(details).toMatch(/^\s+at /m); // the stack, which the screen does not show
		expect(details).toContain(`"${FIXTURE}"`);
		const stored = parseStore(readFileSync(storePath(home)));
		expect(stored.ok && stored.marks.get(firstId)?.read).toBe(true);
	});
});
