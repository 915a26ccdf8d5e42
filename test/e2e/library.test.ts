// The library through the built CLI: what `papers fetch` keeps, `papers add`, `papers library`, the
// commands that read it without FILE, and its reliability (writers at once, files that cannot be read, a
// read-only directory). Every run has its own HOME, XDG_CONFIG_HOME, XDG_DATA_HOME and XDG_CACHE_HOME.
import {spawn} from 'node:child_process';
import {chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {respond, startServer, type Handler, type TestServer} from '../helpers/http-server.js';
import {assertBuilt, CLI_PATH, cliEnvironment, FIXTURE, makeTempDir, makeTempHome, removeTempDirs, REPO_ROOT, runCli, worldReadableBuild, type RunResult} from './cli.js';

const API_FIXTURE = readFileSync(join(REPO_ROOT, 'fixtures', 'hf-api-daily-papers.json'));
const ATOM_FIXTURE = readFileSync(join(REPO_ROOT, 'fixtures', 'arxiv-atom.xml'));
/** The day the API fixture's items were listed on (their publishedAt). */
const FIXTURE_DAY = '2024-10-25';

interface JsonPaper {
	id: string;
	title: string;
	source: string;
}
interface ListJson {
	papers: JsonPaper[];
	warnings: Array<{source: string; line: number | null; message: string}>;
}
interface LibraryJson {
	directory: string;
	listings: Array<{file: string; day: string; source: string; papers: number; unread: number; problem: string | null}>;
	totals: {listings: number; papers: number; unread: number};
}

let server: TestServer | undefined;

beforeAll(() => {
	assertBuilt();
});

afterEach(async () => {
	await server?.close();
	server = undefined;
	removeTempDirs();
});

/** A home whose data, state and cache directories are inside it. */
function home(): string {
	return makeTempHome();
}
const env = (root: string) => ({XDG_CONFIG_HOME: root, XDG_DATA_HOME: join(root, 'data'), XDG_STATE_HOME: join(root, 'state'), XDG_CACHE_HOME: join(root, 'cache')});
const libraryOf = (root: string) => join(root, 'data', 'papers', 'library');
const today = () => new Date().toISOString().slice(0, 10);

function papers(root: string, args: readonly string[], stdin?: string): Promise<RunResult> {
	return runCli(args, {env: env(root), stdin});
}

/** The library's files, by name ([] when there is no library yet). */
function files(root: string): string[] {
	return existsSync(libraryOf(root)) ? readdirSync(libraryOf(root)).sort() : [];
}

/** A server answering the Daily Papers API and the arXiv API with the fixtures. */
async function serveFixtures(): Promise<TestServer> {
	return startServer({
		'/api/daily_papers': respond(200, API_FIXTURE),
		'/api/query': respond(200, ATOM_FIXTURE, 'application/atom+xml'),
	});
}

describe('what papers fetch keeps in the library', {timeout: 60_000}, () => {
	it('with --date: hf-daily-<day>.json, byte for byte what the server sent', async () => {
		const root = home();
		server = await serveFixtures();
		const result = await papers(root, ['fetch', '--api-base', server.base, '--date', '2024-10-21', '--json']);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(files(root)).toEqual(['hf-daily-2024-10-21.json']);
		expect(readFileSync(join(libraryOf(root), 'hf-daily-2024-10-21.json')).equals(API_FIXTURE)).toBe(true);
	});

	it('without --date: under the day its items were listed on (publishedAt); fetched again, replaced, one file', async () => {
		const root = home();
		server = await serveFixtures();
		for (let run = 0; run < 2; run++) {
			const result = await papers(root, ['fetch', '--api-base', server.base]);
			expect(result.stderr).toBe('');
			expect(result.code).toBe(0);
			expect(result.stdout).toMatch(/Breaking the Memory Barrier/); // not a terminal: the plain list
		}
		expect(files(root)).toEqual([`hf-daily-${FIXTURE_DAY}.json`]);
		expect(readFileSync(join(libraryOf(root), `hf-daily-${FIXTURE_DAY}.json`)).equals(API_FIXTURE)).toBe(true);
	});

	it('--arxiv CATEGORY: arxiv-<category>-<today>.xml, as sent', async () => {
		const root = home();
		server = await serveFixtures();
		const result = await papers(root, ['fetch', '--arxiv', 'cs.LG', '--arxiv-base', server.base, '--json']);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(files(root)).toEqual([`arxiv-cs.LG-${today()}.xml`]);
		expect(readFileSync(join(libraryOf(root), `arxiv-cs.LG-${today()}.xml`)).equals(ATOM_FIXTURE)).toBe(true);
	});
});

describe('papers add', {timeout: 60_000}, () => {
	it('adds the page text, the API JSON and a feed as they are, named added-<today>-<name>', async () => {
		const root = home();
		const sources = [FIXTURE, join(REPO_ROOT, 'fixtures', 'hf-api-daily-papers.json'), join(REPO_ROOT, 'fixtures', 'arxiv-atom.xml')];
		const result = await papers(root, ['add', ...sources]);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const names = ['hf-daily-papers-page.txt', 'hf-api-daily-papers.json', 'arxiv-atom.xml'].map((name) => `added-${today()}-${name}`);
		expect(result.stdout.trimEnd().split('\n')).toEqual([
			`added 63 papers from ${sources[0]} as ${join(libraryOf(root), names[0]!)}`,
			`added 4 papers from ${sources[1]} as ${join(libraryOf(root), names[1]!)}`,
			`added 5 papers from ${sources[2]} as ${join(libraryOf(root), names[2]!)}`,
		]);
		expect(files(root)).toEqual([...names].sort());
		sources.forEach((source, index) => expect(readFileSync(join(libraryOf(root), names[index]!)).equals(readFileSync(source))).toBe(true));
	});

	it.each([
		['a binary file', Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x7f, 0x10, 0x00]), /is a binary file/],
		['an empty file', Buffer.alloc(0), /is empty/],
		['a text without papers', Buffer.from('nothing to see here\njust text\n'), /no papers found/],
	])('refuses %s: exit 2, one line naming it, nothing added (nor the good file named before it)', async (_name, bytes, pattern) => {
		const root = home();
		const bad = join(makeTempDir(), 'bad.txt');
		writeFileSync(bad, bytes);
		const result = await papers(root, ['add', FIXTURE, bad]);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(/^papers: [^\n]+\n$/);
		expect(result.stderr).toContain(bad);
		expect(result.stderr).toMatch(pattern);
		expect(files(root)).toEqual([]);
	});
});

describe('papers library and the commands that read it', {timeout: 60_000}, () => {
	/** A library of the page fixture (added), the API fixture (fetched for two days) and a feed. */
	async function filled(): Promise<string> {
		const root = home();
		server = await serveFixtures();
		for (const args of [
			['add', FIXTURE],
			['fetch', '--api-base', server.base, '--date', '2024-10-24', '--json'],
			['fetch', '--api-base', server.base, '--date', '2024-10-25', '--json'],
			['fetch', '--arxiv', 'cs.LG', '--arxiv-base', server.base, '--json'],
		]) {
			const result = await papers(root, args);
			expect(result.code, result.stderr).toBe(0);
		}
		return root;
	}

	it('lists each listing (day, source, papers, unread), newest first, and totals counting each paper once; unread follows papers mark', async () => {
		const root = await filled();
		const ids = async (file: string) => ((JSON.parse((await papers(root, ['list', '--json', file])).stdout) as ListJson).papers).map((paper) => paper.id);
		const all = new Set([...(await ids(FIXTURE)), ...(await ids(join(libraryOf(root), 'hf-daily-2024-10-25.json'))), ...(await ids(join(libraryOf(root), `arxiv-cs.LG-${today()}.xml`)))]);
		const first = JSON.parse((await papers(root, ['library', '--json'])).stdout) as LibraryJson;
		expect(first.directory).toBe(libraryOf(root));
		expect(first.listings.map(({file, day, source, papers, unread, problem}) => [file.slice(libraryOf(root).length + 1), day, source, papers, unread, problem])).toEqual([
			[`added-${today()}-hf-daily-papers-page.txt`, today(), 'added', 63, 63, null],
			[`arxiv-cs.LG-${today()}.xml`, today(), 'arxiv-cs.LG', 5, 5, null],
			['hf-daily-2024-10-25.json', '2024-10-25', 'hf-daily', 4, 4, null],
			['hf-daily-2024-10-24.json', '2024-10-24', 'hf-daily', 4, 4, null],
		]);
		expect(first.totals).toEqual({listings: 4, papers: all.size, unread: all.size});
		expect(all.size).toBeLessThan(63 + 5 + 4 + 4);

		const apiIds = await ids(join(libraryOf(root), 'hf-daily-2024-10-25.json'));
		const marked = await papers(root, ['mark', '--read', apiIds[0]!, apiIds[1]!]);
		expect(marked.code, marked.stderr).toBe(0);
		const second = JSON.parse((await papers(root, ['library', '--json'])).stdout) as LibraryJson;
		const read = new Set(apiIds.slice(0, 2));
		const unread = await Promise.all(second.listings.map(async (listing) => (await ids(listing.file)).filter((id) => !read.has(id)).length));
		expect(second.listings.map((listing) => listing.unread)).toEqual(unread);
		expect(unread.slice(2)).toEqual([2, 2]);
		expect(second.totals).toEqual({listings: 4, papers: all.size, unread: all.size - 2});

		const text = await papers(root, ['library']);
		expect(text.code).toBe(0);
		expect(text.stderr).toBe('');
		const lines = text.stdout.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^day\s+source\s+papers\s+unread\s+file$/);
		expect(lines[3]).toMatch(/^2024-10-25\s+hf-daily\s+4\s+2\s+hf-daily-2024-10-25\.json$/);
		expect(lines.at(-1)).toBe(`4 listings, ${all.size} papers (each once), ${all.size - 2} unread; in ${libraryOf(root)}`);
	});

	it('list --json without FILE is list --json of the library’s files, newest first (the merge); export too', async () => {
		const root = await filled();
		const library = JSON.parse((await papers(root, ['library', '--json'])).stdout) as LibraryJson;
		const named = await papers(root, ['list', '--json', ...library.listings.map((listing) => listing.file)]);
		const bare = await papers(root, ['list', '--json']);
		expect(bare.code).toBe(0);
		expect(bare.stderr).toBe('');
		expect(bare.stdout).toBe(named.stdout);
		expect((JSON.parse(bare.stdout) as ListJson).papers.length).toBe(library.totals.papers);
		const exported = await papers(root, ['export', '--format', 'json']);
		const exportedNamed = await papers(root, ['export', '--format', 'json', ...library.listings.map((listing) => listing.file)]);
		expect(exported.code).toBe(0);
		expect(exported.stdout).toBe(exportedNamed.stdout);
	});

	it('an empty library: list says so in one line on stderr, exit 0; library says so; nothing is created', async () => {
		const root = home();
		const listed = await papers(root, ['list']);
		expect(listed.code).toBe(0);
		expect(listed.stderr).toBe('papers: the library is empty: `papers fetch` gets today’s papers, `papers add FILE` adds a saved listing\n');
		const json = await papers(root, ['list', '--json']);
		expect(JSON.parse(json.stdout)).toEqual({papers: [], warnings: []});
		const library = await papers(root, ['library']);
		expect(library.stdout).toBe(`${libraryOf(root)}: the library is empty: \`papers fetch\` gets today’s papers, \`papers add FILE\` adds a saved listing\n`);
		expect(JSON.parse((await papers(root, ['library', '--json'])).stdout)).toEqual({directory: libraryOf(root), listings: [], totals: {listings: 0, papers: 0, unread: 0}});
		expect(existsSync(libraryOf(root))).toBe(false);
	});
});

/** Running as root, the reliability tests run the CLI as nobody, who cannot read a file of mode 000 nor write a directory of root's. */
const asNobody = process.getuid?.() === 0;

/** Runs the CLI (as nobody when we are root), without blocking: the test's server must answer meanwhile. */
function papersAs(root: string, args: readonly string[]): Promise<RunResult> {
	return new Promise((resolve, reject) => {
		// As nobody, a copy of the build any user can read: the checkout may be private (a clone in `mktemp -d`).
		const build = asNobody ? worldReadableBuild() : {root: REPO_ROOT, cli: CLI_PATH};
		const child = spawn(process.execPath, [build.cli, ...args], {cwd: build.root, env: cliEnvironment(env(root)), stdio: ['ignore', 'pipe', 'pipe'], ...(asNobody ? {uid: 65534, gid: 65534} : {})});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		child.on('error', reject);
		child.on('close', (code, signal) => resolve({stdout, stderr, code, signal}));
	});
}

/** Gives nobody the home and everything in it (when we are root). */
function giveAway(path: string): void {
	if (!asNobody) return;
	chownSync(path, 65534, 65534);
	if (statSync(path).isDirectory()) for (const name of readdirSync(path)) giveAway(join(path, name));
}

describe('reliability', {timeout: 60_000}, () => {
	it('two fetches at once from a slow server: the library file is only ever whole, no temporary file is left', async () => {
		const root = home();
		const half = Math.floor(API_FIXTURE.length / 2);
		const slow: Handler = (_request, response) => {
			response.writeHead(200, {'content-type': 'application/json', 'content-length': String(API_FIXTURE.length)});
			response.write(API_FIXTURE.subarray(0, half));
			setTimeout(() => response.end(API_FIXTURE.subarray(half)), 400);
		};
		server = await startServer({'/api/daily_papers': slow});
		const file = join(libraryOf(root), 'hf-daily-2024-10-25.json');
		const seen: string[] = [];
		let watching = true;
		const watcher = (async () => {
			while (watching) {
				if (existsSync(file)) {
					const bytes = readFileSync(file);
					if (!bytes.equals(API_FIXTURE)) seen.push(`${bytes.length} bytes`);
				}
				await new Promise((resolve) => setTimeout(resolve, 2));
			}
		})();
		const results = await Promise.all([1, 2, 3].map(() => papers(root, ['fetch', '--api-base', server!.base, '--date', '2024-10-25', '--json'])));
		watching = false;
		await watcher;
		for (const result of results) {
			expect(result.stderr).toBe('');
			expect(result.code).toBe(0);
		}
		expect(server.hits.get('/api/daily_papers')).toBe(3);
		expect(seen, 'a reader of the library saw a file that was not whole').toEqual([]);
		expect(files(root)).toEqual(['hf-daily-2024-10-25.json']);
		expect(readFileSync(file).equals(API_FIXTURE)).toBe(true);
	});

	it('a library file that cannot be read, a binary one and a broken one are skipped with a warning naming each; never deleted or rewritten', async () => {
		const root = home();
		const library = libraryOf(root);
		mkdirSync(library, {recursive: true});
		copyFileSync(join(REPO_ROOT, 'fixtures', 'hf-api-daily-papers.json'), join(library, 'hf-daily-2024-10-25.json'));
		const bad = {
			'hf-daily-2024-10-24.json': API_FIXTURE, // mode 000
			'hf-daily-2024-10-23.json': Buffer.from([0x00, 0xff, 0x00, 0x13, 0x37, 0x00]),
			'hf-daily-2024-10-22.json': Buffer.from('[{"paper": {"id": "2410.0'),
			'added-2024-10-21-empty.txt': Buffer.alloc(0),
		};
		for (const [name, bytes] of Object.entries(bad)) writeFileSync(join(library, name), bytes);
		giveAway(root);
		chmodSync(join(library, 'hf-daily-2024-10-24.json'), 0o000);
		const before = Object.keys(bad).map((name) => statSync(join(library, name)));

		const listed = await papersAs(root, ['list', '--json']);
		expect(listed.code, listed.stderr).toBe(0);
		const output = JSON.parse(listed.stdout) as ListJson;
		expect(output.papers.map((paper) => paper.title)).toHaveLength(4);
		const bare = await papersAs(root, []); // not a terminal: the plain list, as papers list
		expect(bare.code, bare.stderr).toBe(0);
		const library2 = await papersAs(root, ['library', '--json']);
		expect(library2.code, library2.stderr).toBe(0);
		const rows = (JSON.parse(library2.stdout) as LibraryJson).listings;
		for (const name of Object.keys(bad)) {
			const path = join(library, name);
			expect(output.warnings.filter((warning) => warning.source === path), name).toEqual([expect.objectContaining({line: null, message: expect.stringMatching(/^skipped: /) as unknown})]);
			expect(bare.stderr.split('\n').filter((line) => line.includes(path)), name).toEqual([expect.stringMatching(/^papers: warning: .*: skipped: /) as unknown]);
			expect(rows.find((row) => row.file === path)?.problem, name).toEqual(expect.any(String));
		}
		expect(rows.find((row) => row.file.endsWith('hf-daily-2024-10-25.json'))).toMatchObject({papers: 4, problem: null});
		Object.keys(bad).forEach((name, index) => {
			const after = statSync(join(library, name));
			expect(after.mtimeMs, name).toBe(before[index]!.mtimeMs);
			expect(after.size, name).toBe(before[index]!.size);
			expect(after.mode, name).toBe(before[index]!.mode);
		});
		chmodSync(join(library, 'hf-daily-2024-10-24.json'), 0o644);
		for (const [name, bytes] of Object.entries(bad)) expect(readFileSync(join(library, name)).equals(bytes), name).toBe(true);
		expect(files(root)).toEqual([...Object.keys(bad), 'hf-daily-2024-10-25.json'].sort());
	});

	it.each([
		['a read-only library directory', 'EACCES'],
		['a library path that is a file', 'EEXIST'],
	])('%s: fetch warns in one line and still prints the listing', async (what, code) => {
		const root = home();
		server = await serveFixtures();
		const library = libraryOf(root);
		mkdirSync(join(root, 'data', 'papers'), {recursive: true});
		if (code === 'EEXIST') writeFileSync(library, 'not a directory');
		else mkdirSync(library);
		giveAway(root);
		if (code === 'EACCES') {
			if (asNobody) chownSync(library, 0, 0);
			chmodSync(library, 0o555);
		}
		const warning = `papers: ${library}: the listing could not be kept in the library (${code})\n`;
		const plain = await papersAs(root, ['fetch', '--api-base', server.base, '--date', '2024-10-25']);
		expect(plain.code, what).toBe(0);
		expect(plain.stderr).toBe(warning);
		expect(plain.stdout).toMatch(/Breaking the Memory Barrier/);
		const json = await papersAs(root, ['fetch', '--api-base', server.base, '--date', '2024-10-25', '--json']);
		expect(json.code).toBe(0);
		expect(json.stderr).toBe(warning);
		const output = JSON.parse(json.stdout) as ListJson;
		expect(output.papers).toHaveLength(4);
		expect(output.warnings.map((entry) => entry.message)).toEqual([warning.slice('papers: '.length, -1)]);
		if (code === 'EACCES') expect(readdirSync(library)).toEqual([]);
		else expect(readFileSync(library, 'utf8')).toBe('not a directory');
	});
});
