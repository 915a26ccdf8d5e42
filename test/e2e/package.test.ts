// The npm package: `npm pack` holds what a user needs and nothing else, and the tarball installed
// globally into a throw-away prefix (offline: the package has no dependencies to fetch, the bundle
// carries them) gives a working `papers`: --version, --help, list, and the reader on the bundled listing.
// Packs the build that is there (`npm test` builds first); --ignore-scripts keeps `prepack` from
// rebuilding dist/ under the other tests' feet.
import {execFile, spawnSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {assertBuilt, cliEnvironment, makeTempDir, makeTempHome, removeTempDirs, REPO_ROOT} from './cli.js';
import {killAllTmux, startTmux, tmuxMissingReason} from './tmux.js';

const npmMissing = (spawnSync('npm', ['--version'], {encoding: 'utf8'}).error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
if (npmMissing) console.warn('Skipping the package tests: npm is not installed');

const PACKAGE = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
	name: string;
	version: string;
	dependencies?: Record<string, string>;
	bin: Record<string, string>;
};
/** The bundled listing: the reader opens on it while the library is empty. */
const LISTING = 'fixtures/hf-daily-papers-page.txt';
const LISTING_PAPERS = 63;
const WAIT_MS = 30_000;

afterEach(async () => {
	await killAllTmux();
	removeTempDirs();
});

interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** npm's environment: the caller's (its npm config and cache), without what a parent `npm test` added. */
function npmEnvironment(): NodeJS.ProcessEnv {
	const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_(?:package|lifecycle)_/i.test(key)));
	return {...env, npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false'};
}

function run(file: string, args: readonly string[], options: {cwd: string; env: NodeJS.ProcessEnv}): Promise<Run> {
	return new Promise((resolve, reject) => {
		execFile(file, args, {...options, encoding: 'utf8', timeout: 90_000, maxBuffer: 16 * 1024 * 1024}, (error, stdout, stderr) => {
			if (error !== null && typeof error.code !== 'number') reject(new Error(`${file} ${args.join(' ')}: ${error.message}\n${stderr}`));
			else resolve({code: error === null ? 0 : (error.code as number), stdout, stderr});
		});
	});
}

function npm(args: readonly string[], cwd = REPO_ROOT): Promise<Run> {
	return run('npm', args, {cwd, env: npmEnvironment()});
}

interface PackResult {
	filename: string;
	size: number;
	unpackedSize: number;
	files: Array<{path: string}>;
}

function packResult(run: Run): PackResult {
	expect(run.code, run.stderr).toBe(0);
	const [result] = JSON.parse(run.stdout) as PackResult[];
	return result!;
}

/** Every file under a directory, as paths relative to the repository root. */
function filesUnder(directory: string): string[] {
	const root = join(REPO_ROOT, directory);
	if (!existsSync(root)) return [];
	return readdirSync(root, {recursive: true, withFileTypes: true})
		.filter((entry) => entry.isFile())
		.map((entry) => relative(REPO_ROOT, join(entry.parentPath, entry.name)));
}

describe.skipIf(npmMissing)('the npm package', () => {
	it('packs the built CLI without source maps, the bundled listing, docs, README, LICENSE and package.json: nothing else', async () => {
		assertBuilt();
		const packed = packResult(await npm(['pack', '--dry-run', '--json', '--ignore-scripts']));
		const files = packed.files.map((file) => file.path).sort();

		// Exactly what a user needs: the build (its chunks, open's xdg-open, the bundled packages' licences)...
		const dist = filesUnder('dist').filter((file) => !file.endsWith('.map'));
		expect(dist).toContain('dist/cli.js');
		expect(dist).toContain('dist/THIRD-PARTY-LICENSES.txt');
		expect(dist).toContain('dist/chunks/xdg-open');
		const expected = [...dist, ...filesUnder('docs'), LISTING, 'LICENSE', 'README.md', 'package.json'].sort();
		expect(files).toEqual(expected);

		// ...and nothing a user has no use for: sources, tests, benchmarks, scripts, CI, test fixtures, source maps.
		expect(files.filter((file) => /^(?:src|test|bench|scripts|\.ci|node_modules)\//.test(file))).toEqual([]);
		expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
		expect(files.filter((file) => file.startsWith('fixtures/'))).toEqual([LISTING]);
		expect(readFileSync(join(REPO_ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} the papers authors\n/);

		// The bundle carries its dependencies (the install below proves it): the package needs none at run time.
		expect(PACKAGE.dependencies ?? {}).toEqual({});
		expect(PACKAGE.bin).toEqual({papers: 'dist/cli.js'});
	});

	it(
		'installs from the tarball, offline, into a fresh prefix, and the installed papers runs: --version, --help, list, the reader',
		async () => {
			assertBuilt();
			const work = makeTempDir('papers-package-');
			const packed = packResult(await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work]));
			const tarball = join(work, packed.filename);
			expect(packed.filename).toBe(`${PACKAGE.name}-${PACKAGE.version}.tgz`);

			const prefix = join(work, 'prefix');
			const installed = await npm(['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], work);
			expect(installed.code, installed.stderr).toBe(0);
			const home = join(prefix, 'lib', 'node_modules', PACKAGE.name);
			// Nothing but the package itself: no dependency was installed beside it.
			expect(existsSync(join(home, 'node_modules'))).toBe(false);
			expect(existsSync(join(home, LISTING))).toBe(true);
			const papers = join(prefix, 'bin', 'papers');

			// A clean user: empty config and data directories, run from a directory that is not the repository.
			const config = makeTempHome();
			const env = cliEnvironment({XDG_CONFIG_HOME: config, XDG_DATA_HOME: makeTempDir('papers-data-'), XDG_CACHE_HOME: makeTempDir('papers-cache-')});
			const user = {cwd: work, env};

			const version = await run(papers, ['--version'], user);
			expect(version).toMatchObject({code: 0, stdout: `${PACKAGE.version}\n`});
			const help = await run(papers, ['--help'], user);
			expect(help.code).toBe(0);
			expect(help.stdout).toContain('Usage');
			expect(help.stdout).toContain('$ papers list');

			// list reads the library, which is empty (it says so); the bundled listing is there to be named.
			const empty = await run(papers, ['list', '--json'], user);
			expect(empty.code).toBe(0);
			expect(JSON.parse(empty.stdout)).toEqual({papers: [], warnings: []});
			expect(empty.stderr).toContain('the library is empty');
			const listed = await run(papers, ['list', '--json', join(home, LISTING)], user);
			expect(listed.code, listed.stderr).toBe(0);
			expect((JSON.parse(listed.stdout) as {papers: unknown[]}).papers).toHaveLength(LISTING_PAPERS);

			// The reader: on the bundled listing while the library is empty.
			if (tmuxMissingReason !== null) {
				console.warn(`Skipping the installed reader in tmux: ${tmuxMissingReason}`);
				return;
			}
			const session = await startTmux({width: 120, height: 32, command: [papers], env, cwd: work});
			const screen = await session.waitFor((text) => text.includes('this is a sample listing') && text.includes(`All ${LISTING_PAPERS}`), WAIT_MS);
			const firstTitle = (JSON.parse(listed.stdout) as {papers: Array<{title: string}>}).papers[0]!.title;
			expect(screen).toContain(firstTitle.slice(0, 30));
			expect(screen).toContain('│');
			await session.waitForRawMode(WAIT_MS);
			await session.sendKeys('q');
			expect(await session.waitForExit(WAIT_MS)).toBe(0);
		},
		180_000,
	);
});
