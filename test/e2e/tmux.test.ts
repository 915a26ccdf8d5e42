// The CLI in a real terminal, driven through tmux (see tmux.ts). The reader has its own tests in reader.test.ts.
import {relative} from 'node:path';
import {cellWidth} from '../../src/text/width.js';
import {afterEach, describe, expect, it} from 'vitest';
import {CLI_PATH, FIXTURE, makeTempHome, removeTempDirs, REPO_ROOT, runCli} from './cli.js';
import {startTmux, tmuxMissingReason, tmuxVersion, type TmuxSession} from './tmux.js';

if (tmuxMissingReason !== null) console.warn(`Skipping the tmux end-to-end tests: ${tmuxMissingReason}`);

describe.skipIf(tmuxMissingReason !== null)(`in a real terminal (${tmuxVersion ?? 'no tmux'})`, {timeout: 60_000}, () => {
	let tmux: TmuxSession | undefined;

	afterEach(async () => {
		await tmux?.kill();
		tmux = undefined;
		removeTempDirs();
	});

	it('papers list at 120x35 shows the titles, no line wider than the terminal, and exits 0', async () => {
		const home = makeTempHome();
		const parsed = await runCli(['parse', FIXTURE, '--json'], {env: {XDG_CONFIG_HOME: home}});
		expect(parsed.code).toBe(0);
		const papers = (JSON.parse(parsed.stdout) as {papers: Array<{id: string; title: string}>}).papers;
		expect(papers.length).toBeGreaterThan(35);

		tmux = await startTmux({width: 120, height: 35, command: ['node', relative(REPO_ROOT, CLI_PATH), 'list', 'fixtures/hf-daily-papers-page.txt'], env: {XDG_CONFIG_HOME: home}});
		expect(await tmux.pane()).toMatchObject({width: 120, height: 35});
		// The table is longer than the screen: the last paper ends up on it.
		const last = papers.at(-1)!;
		await tmux.waitFor(last.title.slice(0, 50));
		expect(await tmux.waitForExit()).toBe(0);

		const screen = (await tmux.capture()).split('\n');
		expect(screen.length).toBeLessThanOrEqual(35);
		expect(screen.some((line) => line.includes(last.id) && line.includes(last.title.slice(0, 50)))).toBe(true);

		// All of it, with lines the terminal wrapped joined again: a row wider than 120 columns would show.
		const lines = (await tmux.capture({history: true, joinWrapped: true})).split('\n').filter((line) => line.trim() !== '');
		expect(lines[0]).toMatch(/^RF\s+ID\b.*\bTITLE$/);
		expect(lines).toHaveLength(1 + papers.length);
		papers.forEach((paper, index) => {
			expect(lines[index + 1]).toContain(`${paper.id}  `);
			expect(lines[index + 1]).toContain(paper.title.slice(0, 40));
		});
		for (const line of lines) expect(cellWidth(line), line).toBeLessThanOrEqual(120);
		expect(lines.some((line) => cellWidth(line) === 120 && line.endsWith('…')), 'long titles are cut at the terminal width').toBe(true);
	});

	it('the harness: a deterministic environment, typed keys, the last screen on failure, exit status', async () => {
		const home = makeTempHome();
		tmux = await startTmux({
			width: 80,
			height: 10,
			command: `printf 'TERM=%s LANG=%s HOME=%s\\n' "$TERM" "$LANG" "$XDG_CONFIG_HOME"; read -r line; printf 'got:%s\\n' "$line"; exit 3`,
			env: {XDG_CONFIG_HOME: home},
		});
		await tmux.waitFor(`TERM=xterm-256color LANG=C.UTF-8 HOME=${home}`);
		await expect(tmux.waitFor('got:', 300)).rejects.toThrow(/timed out after 300 ms waiting for "got:"[\s\S]*TERM=xterm-256color/);
		await tmux.sendKeys('hello Enter', 'Enter');
		await tmux.waitFor(/^got:hello Enter$/m);
		expect(await tmux.waitForExit()).toBe(3);
		await expect(tmux.waitFor('never shown')).rejects.toThrow(/exited before[\s\S]*got:hello Enter/);
	});
});
