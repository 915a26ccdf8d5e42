/** Cuts text to at most `width` characters, ending with "…" when it was cut. */
export function truncate(text: string, width: number): string {
	if (width <= 0) return '';
	const characters = [...text];
	if (characters.length <= width) return text;
	return `${characters.slice(0, Math.max(0, width - 1)).join('')}…`;
}
