import {createHash} from 'node:crypto';
import type {PaperMarks} from '../state/marks.js';
import {decodeLatexLetters} from '../text/latex-letters.js';

/** One paper, the same record whatever listing format it came from. */
export interface Paper {
	/** Stable id derived from the normalised title as the listing writes it (see paperId). */
	id: string;
	title: string;
	abstract: string;
	/** Number of authors where the listing says it, else null. */
	authorCount: number | null;
	/** Author names where the listing has them, else []. */
	authors: string[];
	/** The organisation a page shows instead of its authors ("Carnegie Mellon University"), else null. */
	organization: string | null;
	/** "YYYY-MM-DD" or null. */
	published: string | null;
	/** True when the listing gave no year and it was inferred. */
	yearInferred: boolean;
	/** Upvotes where the listing counts them (Hugging Face); null where it has none (arXiv feeds), not 0. */
	upvotes: number | null;
	/**
	 * What `abstract` holds: the paper's abstract, or a one-line summary written by the site (the trending
	 * list shows an AI summary instead of the abstract).
	 */
	abstractKind: 'abstract' | 'summary';
	/** URLs found in the abstract, normalised to https. */
	links: string[];
	arxivId: string | null;
	/** The file the paper came from ("-" for standard input). */
	source: string;
}

/** A paper with its read state and favorite mark. */
export interface PaperWithState extends Paper, PaperMarks {}

/** Something in a listing that could not be read; the rest was parsed. */
export interface ParseWarning {
	source: string;
	/** 1-based line number in the source, where known. */
	line: number | null;
	message: string;
}

/** What a parser returns. */
export interface ParseResult {
	papers: Paper[];
	warnings: ParseWarning[];
	/**
	 * The text ends before the document does (a download cut short): the papers are those whole before the
	 * cut, and the last warning says where it ends. Without papers, that is a listing that lost them, not
	 * an empty one.
	 */
	endsEarly?: boolean;
}

const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;
const LATEX_MARKUP = /[$\\{}]/g;
const ASCII_SEPARATORS = /[^a-z0-9]+/g;

/**
 * Title normalisation for ids: LaTeX accents and letters written as commands read as the letters they
 * stand for (`Schr\"{o}dinger` as Schrödinger), then Unicode NFKC, case-folded, LaTeX markup characters
 * ($ \ { }) dropped, every run of punctuation, symbols and white space collapsed into one space.
 *
 * So a title has one id whether a listing writes its accents in LaTeX (an arXiv feed) or as letters, and
 * the same id whether its other LaTeX is kept (`$\alpha$-divergence`, an arXiv feed) or its markup
 * characters dropped ("alpha-divergence", the Hugging Face site): ids come from the title as the listing
 * writes it, not as it is shown (α-divergence). A title without a backslash has the id it always had.
 */
export function normalizeTitle(title: string): string {
	const text = title.includes('\\') ? decodeLatexLetters(title) : title;
	// Printable ASCII (most titles): the same result without the Unicode machinery.
	if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().replace(LATEX_MARKUP, '').replace(ASCII_SEPARATORS, ' ').trim();
	return text
		.normalize('NFKC')
		.toUpperCase()
		.toLowerCase()
		.replace(LATEX_MARKUP, '')
		.replace(/[\p{P}\p{S}\p{Z}\p{C}\s]+/gu, ' ')
		.trim();
}

/** The stable id of a paper: 12 hex digits of the SHA-1 of its normalised title (as the listing writes it). */
export function paperId(title: string): string {
	return createHash('sha1').update(normalizeTitle(title)).digest('hex').slice(0, 12);
}

/**
 * Papers merged one at a time, deduplicated by id: a later copy's upvotes win (0 too) unless it has none
 * (null: arXiv feeds carry no upvotes), gaps are filled from it, the first position stays.
 */
export interface PaperMerger {
	/** The merged papers in order (the array grows; a paper seen again is replaced by the merge). */
	readonly papers: Paper[];
	add(paper: Paper): void;
}

export function createMerger(): PaperMerger {
	const papers: Paper[] = [];
	const positions = new Map<string, number>();
	return {
		papers,
		add(paper) {
			const position = positions.get(paper.id);
			if (position === undefined) {
				positions.set(paper.id, papers.length);
				papers.push(paper);
				return;
			}
			const earlier = papers[position]!;
			papers[position] = {
				...earlier,
				upvotes: paper.upvotes ?? earlier.upvotes,
				// The paper's own abstract wins over the trending list's summary of it.
				...(earlier.abstract === '' || (earlier.abstractKind === 'summary' && paper.abstractKind === 'abstract' && paper.abstract !== '')
					? {abstract: paper.abstract, abstractKind: paper.abstractKind}
					: {}),
				authorCount: earlier.authorCount ?? paper.authorCount,
				authors: earlier.authors.length > 0 ? earlier.authors : paper.authors,
				organization: earlier.organization ?? paper.organization,
				published: earlier.published ?? paper.published,
				yearInferred: earlier.published === null ? paper.yearInferred : earlier.yearInferred,
				links: earlier.links.length > 0 ? earlier.links : paper.links,
				arxivId: earlier.arxivId ?? paper.arxivId,
			};
		},
	};
}

/** Merges listings in order, deduplicated by id; a later listing's upvotes win, the first position stays. */
export function mergePapers(lists: Paper[][]): Paper[] {
	const merger = createMerger();
	for (const list of lists) for (const paper of list) merger.add(paper);
	return merger.papers;
}
