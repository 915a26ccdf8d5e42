/** How a cell looks, its colours resolved (null background: the terminal's own). */
export interface CellStyle {
	fg: string;
	bg: string | null;
	bold: boolean;
	dim: boolean;
	italic: boolean;
	underline: boolean;
	strike: boolean;
	invisible: boolean;
}
/** One character on the screen: its column, its width in cells (2 for a wide character), its style. */
export interface ScreenCell {
	x: number;
	width: number;
	chars: string;
	style: CellStyle;
}
/** A colour of the xterm 256-colour palette (the theme's 16, the cube, the greys) as #rrggbb. */
export function paletteColor(index: number): string;
/** The cells of a screen captured with its escapes (capture-pane -e), row by row. */
export function screenCells(escaped: string, width: number, height: number): Promise<ScreenCell[][]>;
/** The SVG of a screen of cells. */
export function screenSvg(screen: ScreenCell[][], width: number, height: number): string;
/** Text escaped for XML, without the characters XML 1.0 cannot hold. */
export function xmlText(text: string): string;
