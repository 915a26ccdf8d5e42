/** Our measure of text on the terminal (src/text/width.ts), which Ink imports as `string-width`. */
export const WIDTH_MODULE: string;
/** Whether an import of `specifier` from `importer` goes to WIDTH_MODULE. */
export function usesOurWidth(specifier: string, importer: string | undefined): boolean;
/** A path of Ink's output.js. */
export const INK_OUTPUT: RegExp;
/** Ink's output.js with the patches applied; throws when a text to replace is gone. */
export function patchInkOutput(source: string, path: string): string;
