/** The keymap's labels, and a scan of the reader's code: no key is named or read outside the keymap. */
import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Key} from 'ink';
import ts from 'typescript';
import {describe, expect, it} from 'vitest';
import {commandFor, FILTER_KEYMAP, filterCommandFor, filterHints, filterKeysFor, footerHints, KEYMAP, keysFor, type FilterCommand} from '../../src/ui/keymap.js';
import {splitKeypresses} from '../../src/ui/keypress.js';

const [[, PLAIN]] = splitKeypresses('ab', {} as Key) as [[string, Key]];

describe('keysFor', () => {
	it('names the first key of a command, of several, or all of them', () => {
		expect(keysFor('down')).toBe('j');
		expect(keysFor(['down', 'up'])).toBe('j/k');
		expect(keysFor(['day-previous', 'day-next'], {separator: ' '})).toBe('[ ]');
		expect(keysFor('down', {all: true})).toBe('j ↓');
		expect(keysFor('quit', {all: true})).toBe('q Ctrl-c');
		expect(filterKeysFor('accept')).toBe('Enter');
		expect(filterKeysFor('delete-char', {all: true})).toBe('Backspace Ctrl-h');
	});

	it('names keys that do what they are named for', () => {
		for (const entry of KEYMAP) {
			const first = keysFor(entry.command);
			if ([...first].length === 1 && first !== '↓' && first !== '↑' && first !== '←' && first !== '→') expect(commandFor(first, PLAIN)).toBe(entry.command);
		}
		expect(filterCommandFor('u', {...PLAIN, ctrl: true})).toBe('delete-all');
		expect(filterCommandFor('', {...PLAIN, return: true})).toBe('accept');
		expect(filterCommandFor('x', PLAIN)).toBeUndefined();
	});

	it('builds the footer hints and help sentences from the keys', () => {
		expect(footerHints().join(' · ')).toBe('? help · j/k move · / filter · Tab detail · r read · f fav · s sort · [ ] day · u undo · o open · q quit');
		expect(filterHints().join(' · ')).toBe('type to filter · Enter keep · Esc clear');
		const help = (command: string) => KEYMAP.find((entry) => entry.command === command)!.help;
		expect(help('filter')).toContain('Enter keeps it, Esc clears it');
		expect(help('more-like-this')).toContain('(m or Esc goes back)');
		expect(help('help')).toContain('(j/k scroll it,');
	});
});

/** The reader's code: every text it shows is made here. */
const SRC = fileURLToPath(new URL('../../src/ui', import.meta.url));
/** Where keys may be named and read: the keymap, and keypress.ts, which splits what Ink reads into keys. */
const OWNERS = new Set(['keymap.ts', 'keypress.ts']);
/** fault.tsx's `!` injects a fault for the tests (PAPERS_FAULT): no key of the reader's. */
const INPUT_TESTS_ALLOWED = new Set(['fault.tsx']);
/** Ink's names of keys that are no text. */
const NAMED_KEYS = new Set(['return', 'escape', 'tab', 'backspace', 'delete', 'upArrow', 'downArrow', 'leftArrow', 'rightArrow', 'pageUp', 'pageDown', 'home', 'end']);
/** Arrows are also the "more below" glyph ("↓ 3 more lines"): named only in a pair ("↑/↓"). */
const ARROWS = new Set(['↓', '↑', '←', '→']);

const FILTER_COMMANDS = Object.keys(FILTER_KEYMAP) as FilterCommand[];
const LABELS = [...new Set([...KEYMAP.flatMap((entry) => entry.keys), ...FILTER_COMMANDS.flatMap((command) => FILTER_KEYMAP[command])].map((binding) => binding.label))];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
/** A label in a text: a longer one as a word ("Tab"), a single character as a token before ":", "/", ")" or a word ("1 shows"). */
const LABEL_PATTERNS = LABELS.map((label) => {
	const key = escape(label);
	if (ARROWS.has(label)) return new RegExp(`${key}/|/${key}`);
	return [...label].length > 1 ? new RegExp(`(?<![\\w-])${key}(?![\\w-])`) : new RegExp(`(?:^|[\\s(])${key}(?=[:/)]|\\s+[\\w(])`);
});

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, {withFileTypes: true}).flatMap((entry) =>
		entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
	);
}

/** The texts of a file (strings, template parts, JSX text) that name a key, and its reads of keys. */
function keysNamedIn(file: string): string[] {
	const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
	const name = relative(SRC, file);
	const found: string[] = [];
	const visit = (node: ts.Node) => {
		const text = ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node) || ts.isJsxText(node) ? node.text : null;
		if (text !== null && !ts.isImportDeclaration(node.parent) && text.trim().length > 1 && LABEL_PATTERNS.some((pattern) => pattern.test(text))) found.push(`${name}: text ${JSON.stringify(text)}`);
		if (ts.isPropertyAccessExpression(node) && node.expression.getText() === 'key' && NAMED_KEYS.has(node.name.text)) found.push(`${name}: reads ${node.getText()}`);
		const inputTest = ts.isBinaryExpression(node) && node.left.getText() === 'input' && ts.isStringLiteral(node.right) && node.right.text !== '';
		if (inputTest && !INPUT_TESTS_ALLOWED.has(name)) found.push(`${name}: tests ${node.getText()}`);
		ts.forEachChild(node, visit);
	};
	visit(source);
	return found;
}

describe('the keymap owns every key', () => {
	it('names and reads keys nowhere else: every label on screen comes from keysFor', () => {
		const files = sourceFiles(SRC).filter((file) => !OWNERS.has(relative(SRC, file)));
		expect(files.flatMap(keysNamedIn)).toEqual([]);
	});

	it('would catch a key written out', () => {
		const pattern = (text: string) => LABEL_PATTERNS.some((one) => one.test(text));
		for (const text of ['j/k scroll', '(Tab to scroll)', 'Enter keep', '(1 shows all papers)', '(0: all days)', '(u undoes)', 'F fetches the latest', '↑/↓ move']) expect(pattern(text), text).toBe(true);
		for (const text of ['↓ ', '↓ more lines', 'a | b', 'type to filter', 'for you: reading ', ' papers…', '▲ 12']) expect(pattern(text), text).toBe(false);
	});
});
