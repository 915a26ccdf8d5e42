// What the build (scripts/build.mjs) and the tests (vitest.config.ts) change in Ink, in one place, so that
// the tests run the Ink the reader ships. Each replaced text is checked: an Ink upgrade that changes it
// fails the build (and the tests) instead of silently losing the change.
//
// What each buys (kept only because it still does):
// - "shared caches": keys echo sooner while typing. bench reader-typing at 10,000 papers, two rounds
//   alternating builds with and without it (2026-12-01, a busy 2-core machine): echo median 15 / 31 ms
//   with it, 60 / 41 ms without; p95 60 / 112 ms against 111 / 133 ms; peak RSS 174-178 MB against 199-211 MB.
// - "zero-width characters", "one measure": correctness, not speed: without them a title with a zero-width
//   space or a Devanagari conjunct moves the rest of its row out of its box (test/ui/width.test.tsx and
//   test/e2e/width.test.ts fail).
// - string-width's patterns and segmenter on first use: about 30 ms and 10-20 ms off every start of the
//   reader, before its first frame (docs/performance.md).
//
// When the build fails here after an upgrade of Ink, slice-ansi or string-width: read the new source at
// the named patch. If it now does what the patch did (Ink keeping its caches across frames, giving a
// zero-width character no cell, string-width compiling lazily), delete the patch; otherwise move `find`
// to the new text. Then run `npm test` (the width tests) and `npm run bench -- --only reader` to see the
// figures above still hold.
import {fileURLToPath} from 'node:url';

/** Our measure of text on the terminal (src/text/width.ts), which Ink imports as `string-width`. */
export const WIDTH_MODULE = fileURLToPath(new URL('../src/text/width.ts', import.meta.url));

/**
 * Whether an import of `specifier` from `importer` goes to WIDTH_MODULE: every `string-width` (Ink's own,
 * widest-line's for the layout, cli-truncate's and wrap-ansi's) except the one the module itself builds on.
 * One measure for Yoga's layout, Ink's writing of the frame and our cutting and wrapping: when they
 * disagreed, a row took more columns than its box and the next box overwrote its last character.
 */
export function usesOurWidth(specifier, importer) {
	return specifier === 'string-width' && importer !== undefined && !/[\\/]src[\\/]text[\\/]width\.ts$/.test(importer);
}

/** Ink's output.js (the grid of cells a frame is written into). */
const INK_OUTPUT = /[\\/]ink[\\/]build[\\/]output\.js$/;
/** slice-ansi's tokeniser, which cuts lines for Ink (a Text's wrap="truncate", a clipping box) with its own widths. */
const SLICE_ANSI = /[\\/]slice-ansi[\\/]tokenize-ansi\.js$/;
/** string-width itself (which our measure, src/text/width.ts, builds on). */
const STRING_WIDTH = /[\\/]string-width[\\/]index\.js$/;
/** The files patched: Ink's output.js, slice-ansi's tokeniser and string-width. */
export const PATCHED_FILE = /[\\/](?:ink[\\/]build[\\/]output|slice-ansi[\\/]tokenize-ansi|string-width[\\/]index)\.js$/;

const OUTPUT_PATCHES = [
	/**
	 * Ink turns every line of every frame into styled characters (ANSI tokenising, grapheme segmenting),
	 * with caches it makes anew for each frame. Most lines are the same from one frame to the next (typing a
	 * character changes the header line only, until the results come), so this keeps one cache for the
	 * whole run, emptied when it grows past about 30 frames of different lines.
	 */
	{
		name: 'shared caches',
		find: '    caches = new OutputCaches();',
		replace: '    caches = sharedOutputCaches();',
		append: [
			'let sharedCaches;',
			'/** One set of caches for every frame (papers: scripts/ink-patches.mjs), emptied past 2,000 lines (a few MB). */',
			'function sharedOutputCaches() {',
			'    if (sharedCaches === undefined || sharedCaches.styledChars.size > 2000 || sharedCaches.widths.size > 20000) sharedCaches = new OutputCaches();',
			'    return sharedCaches;',
			'}',
		].join('\n'),
	},
	/**
	 * Ink gives every grapheme at least one cell (Math.max(1, width)), while the layout measured a lone
	 * zero-width one (a combining mark or a joiner at the start of a line, a zero-width space) as nothing:
	 * the rest of the line moved one column right of its box. Here it takes no cell, as measured, and joins
	 * the cell before it (or is dropped at the start of a write).
	 */
	{
		name: 'zero-width characters',
		find: [
			'                        currentLine[offsetX] = character;',
			'                        // Determine printed width using string-width to align with measurement',
			'                        const characterWidth = Math.max(1, this.caches.getStringWidth(character.value));',
		].join('\n'),
		replace: [
			'                        // papers (scripts/ink-patches.mjs): a character of no width takes no cell, as the layout measured it.',
			'                        const characterWidth = this.caches.getStringWidth(character.value);',
			'                        if (characterWidth === 0) {',
			'                            const previous = offsetX > x ? currentLine[offsetX - 1] : undefined;',
			'                            if (previous !== undefined) currentLine[offsetX - 1] = {...previous, value: previous.value + character.value};',
			'                            continue;',
			'                        }',
			'                        currentLine[offsetX] = character;',
		].join('\n'),
	},
];

const SLICE_ANSI_PATCHES = [
	/**
	 * slice-ansi measures each grapheme itself (2 for wide or emoji, else 1): a line Ink cut to a box's width
	 * (a long filter in the header) could be wider than the box by our measure (a Devanagari conjunct is one
	 * grapheme of two or three columns). Here it measures with the one measure (`string-width` is ours).
	 */
	{
		name: 'one measure',
		find: 'function getGraphemeWidth(grapheme) {\n',
		replace: 'function getGraphemeWidth(grapheme) {\n\treturn papersCellWidth(grapheme); // papers: scripts/ink-patches.mjs\n',
		prepend: "import papersCellWidth from 'string-width';",
	},
];

/** A regular expression made on first use, for the methods string-width calls on its patterns. */
const LAZY_REGEXP = [
	'/** papers (scripts/ink-patches.mjs): a pattern compiled on first use, not when the module loads. */',
	'function papersLazyRegExp(source, flags) {',
	'\tlet made;',
	'\tconst get = () => (made ??= new RegExp(source, flags));',
	'\treturn {test: (text) => get().test(text), [Symbol.search]: (text) => get()[Symbol.search](text), [Symbol.match]: (text) => get()[Symbol.match](text)};',
	'}',
].join('\n');

/** string-width's Unicode property patterns: the literal, and the same pattern made on first use. */
const lazyPattern = (name, literal, source, flags) => ({
	name: `${name} on first use`,
	find: `const ${name} = ${literal};`,
	replace: `const ${name} = papersLazyRegExp(String.raw\`${source}\`, '${flags}');`,
});

const STRING_WIDTH_PATCHES = [
	/**
	 * string-width makes its Intl.Segmenter when it loads (the first one takes 10-20 ms), and its Unicode
	 * property patterns are compiled as the module is parsed (\\p{RGI_Emoji} and the others: about 30 ms), at
	 * every start of the reader, before its first frame, which our measure draws without string-width for
	 * common text (src/text/width.ts). Here both are made on first use.
	 */
	{
		name: 'segmenter on first use',
		find: 'const segmenter = new Intl.Segmenter();',
		replace: 'let papersSegmenter; const segmenter = {segment: (text) => (papersSegmenter ??= new Intl.Segmenter()).segment(text)}; // papers: scripts/ink-patches.mjs',
		append: LAZY_REGEXP,
	},
	lazyPattern(
		'visibleCharacterRegex',
		'/[^\\p{Default_Ignorable_Code_Point}\\p{Control}\\p{Format}\\p{Nonspacing_Mark}\\p{Enclosing_Mark}\\p{Surrogate}]/v',
		'[^\\p{Default_Ignorable_Code_Point}\\p{Control}\\p{Format}\\p{Nonspacing_Mark}\\p{Enclosing_Mark}\\p{Surrogate}]',
		'v',
	),
	lazyPattern('spacingMarkRegex', '/\\p{Spacing_Mark}/v', '\\p{Spacing_Mark}', 'v'),
	lazyPattern('rgiEmojiRegex', '/^\\p{RGI_Emoji}$/v', '^\\p{RGI_Emoji}$', 'v'),
	lazyPattern('extendedPictographicRegex', '/\\p{Extended_Pictographic}/gu', '\\p{Extended_Pictographic}', 'gu'),
];

/** Ink's output.js, slice-ansi's tokeniser or string-width with the patches applied; throws when a text to replace is gone. */
export function patchSource(source, path) {
	const patches = INK_OUTPUT.test(path) ? OUTPUT_PATCHES : SLICE_ANSI.test(path) ? SLICE_ANSI_PATCHES : STRING_WIDTH.test(path) ? STRING_WIDTH_PATCHES : [];
	let patched = source;
	const appended = [];
	const prepended = [];
	for (const patch of patches) {
		if (!patched.includes(patch.find)) {
			throw new Error(`${path}: the text to patch for "${patch.name}" is gone (${patch.find.trim().split('\n')[0]}); see scripts/ink-patches.mjs`);
		}
		patched = patched.replace(patch.find, () => patch.replace); // as written: no "$" patterns
		if (patch.append) appended.push(patch.append);
		if (patch.prepend) prepended.push(patch.prepend);
	}
	return `${prepended.map((line) => `${line}\n`).join('')}${patched}\n${appended.join('\n')}\n`;
}
