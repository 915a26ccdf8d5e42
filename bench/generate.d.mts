/** Options for generateListing. */
export interface GenerateOptions {
	/** PRNG seed; the same count and seed give the same text (default 1). */
	seed?: number;
}

/** The page text of a Hugging Face "Daily Papers" listing with `count` distinct papers made from the fixture's. */
export function generateListing(count: number, options?: GenerateOptions): string;
