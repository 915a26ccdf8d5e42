/* eslint-disable no-control-regex -- finding control characters in output is what the checks do */
// A Hugging Face page-text listing full of what a terminal would act on (escape sequences, C1 controls,
// bidi controls), and checks of the bytes a command wrote to a terminal or a pipe.
import {readFileSync} from 'node:fs';

const FIXTURE = new URL('../../fixtures/hf-daily-papers-page.txt', import.meta.url);

const ESC = '\u001B';
const BEL = '\u0007';
const ST = `${ESC}\\`;

/** Text that only ever appears inside a hostile sequence: it must never reach the output. */
export const MARKER = 'PWNED';
/** The host of the OSC 8 hyperlinks (a link to it must never reach the output, visible or not). */
export const EVIL_HOST = 'evil.example';
/** What the OSC 52 payloads would put on the clipboard, base64-encoded: it must never reach the output. */
export const CLIPBOARD_BASE64 = Buffer.from(`${MARKER}-CLIPBOARD rm -rf ~`).toString('base64');

/**
 * Hostile sequences, each complete (so that the words around it stay words once it is removed), and none
 * holding a visible word of the listing. The 8-bit forms are the C1 code points, as UTF-8.
 */
export const PAYLOADS: readonly string[] = [
	`${ESC}]52;c;${CLIPBOARD_BASE64}${BEL}`, // OSC 52: write the clipboard
	`${ESC}]52;p;${CLIPBOARD_BASE64}${ST}`,
	`${ESC}]0;${MARKER}-TITLE${BEL}`, // OSC 0 and 2: the window title
	`${ESC}]2;${MARKER}-TITLE${ST}`,
	`${ESC}]8;;https://${EVIL_HOST}/${MARKER}${ST}`, // OSC 8: a hyperlink, opened...
	`${ESC}]8;;${ST}`, // ...and closed
	`${ESC}]1337;File=name=${MARKER}:AAAA${BEL}`, // iTerm2: a file download
	`${ESC}[2J`, // CSI: clear the screen
	`${ESC}[3J${ESC}[H`,
	`${ESC}[31;41m`, // colours the reader never uses
	`${ESC}[38;2;255;0;0m`,
	`${ESC}[5m`,
	`${ESC}[6n`, // a cursor position report: the terminal would type its answer
	`${ESC}[?1000h`, // mouse tracking
	`${ESC}[?2004h`, // bracketed paste
	`${ESC}[10;20H`, // move the cursor
	`${ESC}[1A${ESC}[2K`, // sequences the renderer uses itself, out of place
	`${ESC}P$qm${ST}`, // DCS: DECRQSS, the terminal would answer
	`${ESC}Pq#0;2;0;0;0#0~~@@vv${ST}`, // DCS: sixel graphics
	`${ESC}X${MARKER}-SOS${ST}`, // SOS
	`${ESC}^${MARKER}-PM${ST}`, // PM
	`${ESC}_Gf=100;${MARKER}${ST}`, // APC: kitty graphics
	`${ESC}c`, // RIS: reset the terminal
	`${ESC}7${ESC}8`, // save and restore the cursor
	`${ESC}(0`, // DEC line drawing for G0
	`${ESC}#8`, // DECALN: fill the screen with E
	'\u009B2J', // C1 CSI
	'\u009B31m',
	`\u009D0;${MARKER}-C1-TITLE\u009C`, // C1 OSC, ended by C1 ST
	`\u009D52;c;${CLIPBOARD_BASE64}${BEL}`,
	`\u009D8;;https://${EVIL_HOST}/c1\u009C`,
	`\u0090$qm\u009C`, // C1 DCS
	'\u0085', // NEL
	'\u008D', // RI: reverse index
	'\u0080\u0084\u009C',
	BEL,
	'\b\b\b', // backspaces over the words before
	'\u000B\u000C', // vertical tab, form feed
	'\u000E', // SO: shift to the G1 character set
	'\u007F', // DEL
	'\u202E', // right-to-left override
	'\u202D\u202A\u202B\u202C',
	'\u2066\u2067\u2068\u2069', // bidi isolates
	'\u200E\u200F\u061C', // bidi marks
];

/** The NUL byte: only after the first 64 KiB, where it does not make the listing a "binary file". */
const NUL = '\u0000';
/** Raw bytes that are not UTF-8 (8-bit CSI and OSC as single bytes): read as U+FFFD. */
const RAW_C1_BYTES = Buffer.from([0x9b, 0x32, 0x4a, 0x20, 0x9d, 0x30, 0x3b, 0x78, 0x07]);

/** Names that start the hostile titles: short, so that every list row shows them. */
const NAMES = [
	'Aardvark', 'Bison', 'Caracal', 'Dingo', 'Egret', 'Fossa', 'Gecko', 'Heron', 'Ibex', 'Jackal',
	'Kiwi', 'Lynx', 'Marmot', 'Narwhal', 'Ocelot', 'Pangolin', 'Quokka', 'Raccoon', 'Serval', 'Tapir',
	'Urchin', 'Vole', 'Walrus', 'Xerus', 'Yak', 'Zebu', 'Alpaca', 'Bongo', 'Coati', 'Dugong',
	'Eland', 'Ferret', 'Gibbon', 'Hyrax', 'Impala', 'Jerboa', 'Kinkajou', 'Lemming', 'Mongoose', 'Numbat',
	'Okapi', 'Puffin', 'Quetzal', 'Rhea', 'Saiga', 'Takin', 'Uakari', 'Vicuna',
] as const;

/** A hostile paper as the listing has it, and as a reader must show it. */
export interface HostilePaper {
	/** The title with its payloads removed and its spaces collapsed: what a reader shows. */
	title: string;
	/** The first words of the abstract, as shown. */
	abstractStart: string;
	authorCount: number;
	/** The date as `papers` records it (YYYY-MM-DD). */
	published: string;
	upvotes: number;
	/** The only link of the abstract (the hostile hyperlinks are not links). */
	link: string;
}

/** A generated hostile listing. */
export interface HostileListing {
	bytes: Buffer;
	/** The hostile papers before the fixture's papers. */
	before: HostilePaper[];
	/** The hostile papers after them (with NUL bytes and raw C1 bytes): the last papers of the listing. */
	after: HostilePaper[];
	/** How many papers the listing has. */
	count: number;
}

/** Cycles through the payloads so that every one is used, in every field. */
function payloadSource(): () => string {
	let next = 0;
	return () => PAYLOADS[next++ % PAYLOADS.length]!;
}

/**
 * Words of a field with payloads between them and inside them; `extra` (NUL) goes in too when given.
 * The visible words are `words.join(' ')`.
 */
function spliced(words: readonly string[], payload: () => string, extra = ''): string {
	return words
		.map((word, index) => {
			// Between words, and inside every third word (bidi controls and escapes in the middle of a word).
			const inside = index % 3 === 1 && word.length > 2 ? `${word.slice(0, 2)}${payload()}${extra}${word.slice(2)}` : word;
			return `${payload()}${inside}`;
		})
		.join(` ${extra}`);
}

/** The fixture's papers: from its first title to its end (the page chrome before them left out). */
function fixturePapers(): string {
	const text = readFileSync(FIXTURE, 'utf8');
	const start = text.indexOf('Global Convergence of Sub-gradient Method');
	if (start === -1) throw new Error(`the first title of ${FIXTURE} has changed`);
	return text.slice(start);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function hostilePaper(index: number, payload: () => string, withNul: boolean): {text: Buffer; paper: HostilePaper} {
	const name = NAMES[index]!;
	const extra = withNul ? NUL : '';
	const titleWords = [name, 'Lemur', 'Ibis', 'protocol', 'for', 'terminal', `safety ${index + 1}`];
	const abstractWords = [
		`${name}s`, 'study', 'escape', 'sequences', 'hidden', 'in', 'listings.', 'We', 'show', 'that', 'a', 'reader',
		'keeps', 'the', 'visible', 'words', 'and', 'drops', 'the', 'rest.', 'Code', 'is', 'at', `https://arxiv.org/abs/2401.${String(index + 1).padStart(5, '0')}.`,
	];
	const abstract = spliced(abstractWords, payload, extra);
	const authorCount = 2 + (index % 7);
	const month = index % 12;
	const day = 1 + (index % 28);
	const upvotes = 3 + index;
	// Title, abstract (the raw non-UTF-8 bytes at its end where allowed) and metadata, a blank line after each.
	const parts = [Buffer.from(`${spliced(titleWords, payload, extra)}\n\n${abstract}`)];
	if (withNul) parts.push(Buffer.from(' '), RAW_C1_BYTES, Buffer.from(' the end.'));
	const metadata = [`  • ${authorCount} ${payload()}${extra}authors`, `${payload()}·${extra}`, `${MONTHS[month]} ${day},${payload()} 2024${extra} ${upvotes}`];
	parts.push(Buffer.from(`\n\n${metadata.join('\n')}\n\n`));
	return {
		text: Buffer.concat(parts),
		paper: {
			title: titleWords.join(' '),
			abstractStart: abstractWords.slice(0, 7).join(' '),
			authorCount,
			published: `2024-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
			upvotes,
			link: `https://arxiv.org/abs/2401.${String(index + 1).padStart(5, '0')}`,
		},
	};
}

/** The page chrome, payloads and all. */
function chrome(payload: () => string): Buffer {
	const blocks = ['new', 'Get trending papers in your email inbox!', 'Subscribe', 'Daily Papers', 'byAK and the research community', 'Nov 25'];
	return Buffer.from(blocks.map((line) => `${payload()}${line}${payload()}\n\n`).join(''));
}

/** A title without an abstract: a warning that quotes it. */
function orphan(payload: () => string): Buffer {
	return Buffer.from(`${payload()}Orphan ${payload()}title without ${NUL}an abstract\n`);
}

/**
 * A small hostile listing (about 8 KB): the chrome, 4 hostile papers, 2 with NUL and raw non-UTF-8
 * bytes too, and the orphan title. `ends` are the byte offsets where each paper's text ends.
 */
export function hostileSample(): {bytes: Buffer; ends: number[]; papers: HostilePaper[]} {
	const payload = payloadSource();
	const parts = [chrome(payload)];
	const ends: number[] = [];
	const papers: HostilePaper[] = [];
	let length = parts[0]!.length;
	for (let index = 0; index < 6; index++) {
		const {text, paper} = hostilePaper(index, payload, index >= 4);
		parts.push(text);
		ends.push(length + text.length - 2); // the end of the date line, before its line feed and the blank line
		length += text.length;
		papers.push(paper);
	}
	parts.push(orphan(payload));
	return {bytes: Buffer.concat(parts), ends, papers};
}

/**
 * The listing: the page chrome with payloads in it, 40 hostile papers, the 63 papers of the fixture,
 * 8 more hostile papers with NUL bytes and raw non-UTF-8 bytes too (past the first 64 KiB, which a
 * listing's check for binary files reads), and a title without an abstract at the end (a warning).
 */
export function hostileListing(): HostileListing {
	const payload = payloadSource();
	const parts: Buffer[] = [chrome(payload)];
	const before: HostilePaper[] = [];
	const after: HostilePaper[] = [];
	for (let index = 0; index < 40; index++) {
		const {text, paper} = hostilePaper(index, payload, false);
		parts.push(text);
		before.push(paper);
	}
	parts.push(Buffer.from(fixturePapers()), Buffer.from('\n\n'));
	for (let index = 40; index < 48; index++) {
		const {text, paper} = hostilePaper(index, payload, true);
		parts.push(text);
		after.push(paper);
	}
	parts.push(orphan(payload));
	const bytes = Buffer.concat(parts);
	if (bytes.indexOf(0) < 64 * 1024) throw new Error('a NUL byte in the first 64 KiB makes the listing a binary file');
	return {bytes, before, after, count: before.length + 63 + after.length};
}

// Checks of output bytes.

/** Which CSI sequences (the whole sequence, ESC [ included) a check lets through. */
export type CsiFilter = (sequence: string) => boolean;

/** For output that is not for a terminal, or plain text in one: no escape sequence at all. */
export const NO_CSI: CsiFilter = () => false;

/** Bidi controls: embeddings and overrides, isolates, marks. */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
/** C0 controls but tab, line feed, carriage return and ESC (checked on its own), and DEL. */
const CONTROL = /[\u0000-\u0008\u000B-\u000C\u000E-\u001A\u001C-\u001F\u007F]/u;
const C1 = /[\u0080-\u009F]/u;
const CSI = /^\u001B\[[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]/;

/** What is wrong with the output, one problem a line ("" when nothing is). */
export function hostileBytesProblems(bytes: Buffer, allowCsi: CsiFilter): string[] {
	const problems: string[] = [];
	const where = (index: number, text: string) => `at ${index}: ${JSON.stringify(text.slice(Math.max(0, index - 40), index + 40))}`;
	let text: string;
	try {
		// Decoded first: the bytes 0x80-0x9F inside a UTF-8 sequence are not C1 controls.
		text = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
	} catch {
		return ['the output is not valid UTF-8'];
	}
	const find = (name: string, pattern: RegExp) => {
		const found = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`).exec(text);
		if (found) problems.push(`${name} ${where(found.index, text)}`);
	};
	find('OSC (ESC ])', /\u001B\]/);
	find('DCS (ESC P)', /\u001BP/);
	find('SOS (ESC X)', /\u001BX/);
	find('PM (ESC ^)', /\u001B\^/);
	find('APC (ESC _)', /\u001B_/);
	find('a C1 control', C1);
	find('BEL', /\u0007/);
	find('NUL', /\u0000/);
	find('a bidi control', BIDI);
	find('a C0 control or DEL', CONTROL);
	for (const value of [MARKER, EVIL_HOST, CLIPBOARD_BASE64]) {
		const index = text.indexOf(value);
		if (index !== -1) problems.push(`the hidden text ${JSON.stringify(value)} ${where(index, text)}`);
	}
	// Every ESC starts a CSI sequence the renderer itself writes.
	const unknown = new Map<string, number>();
	for (let index = text.indexOf(ESC); index !== -1; index = text.indexOf(ESC, index + 1)) {
		const sequence = CSI.exec(text.slice(index, index + 64))?.[0];
		if (sequence === undefined || !allowCsi(sequence)) {
			const key = sequence ?? text.slice(index, index + 4);
			if (!unknown.has(key)) unknown.set(key, index);
		}
	}
	for (const [sequence, index] of unknown) problems.push(`an escape sequence the renderer does not write, ${JSON.stringify(sequence)} ${where(index, text)}`);
	return problems;
}
