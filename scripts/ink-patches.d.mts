/** Our measure of text on the terminal (src/text/width.ts), which Ink imports as `string-width`. */
export const WIDTH_MODULE: string;
/** Whether an import of `specifier` from `importer` goes to WIDTH_MODULE. */
export function usesOurWidth(specifier: string, importer: string | undefined): boolean;
/** The files patched: Ink's output.js, slice-ansi's tokeniser and string-width. */
export const PATCHED_FILE: RegExp;
/** The file with the patches applied; throws when a text to replace is gone. */
export function patchSource(source: string, path: string): string;
