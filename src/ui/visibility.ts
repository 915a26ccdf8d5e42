/** The papers a view shows, in its sort's order, and the header's counts. */
import {paperDay} from '../library/days.js';
import type {Paper} from '../listing/paper.js';
import type {PaperMarks} from '../state/marks.js';
import {inView} from '../state/with-state.js';
import {forYouOrder} from '../triage/for-you-order.js';
import type {Sort} from './sorts.js';
import {flagsOf, type Counts, type ForYouRanking, type Like, type ViewState} from './view-state.js';

/** The header's counts: of the day's papers when the view is narrowed to one. */
export function countFlags(papers: readonly Paper[], marks: ReadonlyMap<string, PaperMarks>, day: string | null): Counts {
	let all = 0;
	let unread = 0;
	let favorites = 0;
	for (const paper of papers) {
		if (day !== null && paperDay(paper) !== day) continue;
		all++;
		const flags = marks.get(paper.id);
		if (!flags?.read) unread++;
		if (flags?.favorite) favorites++;
	}
	return {all, unread, favorites};
}

/** Made on first use: making a collator takes about 10 ms, at every start of the reader otherwise. */
let collator: Intl.Collator | undefined;
const byTitle = {compare: (a: string, b: string) => (collator ??= new Intl.Collator('en', {sensitivity: 'base', numeric: true})).compare(a, b)};

/** The papers of the view, filtered by the query's hits and sorted. */
export function computeVisible(state: Pick<ViewState, 'papers' | 'marks' | 'view' | 'sort' | 'hits'> & {day?: string | null; ranking?: ForYouRanking | null; like?: Like | null}): number[] {
	const {papers, hits} = state;
	const day = state.day ?? null;
	// All papers are in the All view: no look at each one's marks (100,000 of them take ~30 ms).
	const inViewOf = state.view === 'all' ? () => true : (index: number) => inView(flagsOf(state, papers[index]!.id), state.view);
	const shown = day === null ? inViewOf : (index: number) => paperDay(papers[index]!) === day && inViewOf(index);
	if (state.like != null && state.like.papers === papers) return state.like.order.filter((index) => (hits === null || hits.has(index)) && shown(index));
	// For you: unread papers best first, then the read ones; the listing order until there is a ranking.
	const ranking = state.ranking;
	if (state.sort === 'for-you' && ranking != null && ranking.papers === papers) {
		return forYouOrder(ranking.ranked, (index) => state.marks.get(papers[index]!.id)).filter((index) => (hits === null || hits.has(index)) && shown(index));
	}
	if (state.sort === 'listing' || state.sort === 'for-you') {
		// Listing order, or best match first under a filter.
		const candidates = hits === null ? papers.map((_paper, index) => index) : hits.order;
		return candidates.filter(shown);
	}
	// Every paper in the sort's order, computed once per list of papers: marking, switching views and
	// filtering only pick from it (sorting 100,000 titles takes over half a second).
	return sortedOrder(papers, state.sort).filter((index) => (hits === null || hits.has(index)) && shown(index));
}

type SortOrder = Exclude<Sort, 'listing' | 'for-you'>;

/** Orders of every paper by each sort, for the lists of papers seen (kept while the list is in use). */
const orders = new WeakMap<readonly Paper[], Map<SortOrder, readonly number[]>>();
/** The last order computed: a list that only grew from its papers extends it instead of sorting again. */
let lastOrder: {papers: readonly Paper[]; sort: SortOrder; order: readonly number[]} | null = null;

/** The indices of all papers in the sort's order (ties in listing order). */
export function sortedOrder(papers: readonly Paper[], sort: SortOrder): readonly number[] {
	let bySort = orders.get(papers);
	if (bySort === undefined) orders.set(papers, (bySort = new Map()));
	let order = bySort.get(sort);
	if (order === undefined) {
		const compare = comparator(papers, sort);
		const previous = lastOrder !== null && lastOrder.sort === sort && grewFrom(papers, lastOrder.papers) ? lastOrder.order : null;
		order = previous === null ? sortRange(papers.length, 0, compare) : merge(previous, sortRange(papers.length, previous.length, compare), compare);
		bySort.set(sort, order);
	}
	lastOrder = {papers, sort, order};
	return order;
}

/** Papers only appended to (as while a listing is read): the same objects at every earlier index. */
function grewFrom(papers: readonly Paper[], earlier: readonly Paper[]): boolean {
	if (earlier.length > papers.length) return false;
	for (let index = 0; index < earlier.length; index++) if (papers[index] !== earlier[index]) return false;
	return true;
}

function sortRange(end: number, start: number, compare: (a: number, b: number) => number): number[] {
	const indices: number[] = [];
	for (let index = start; index < end; index++) indices.push(index);
	return indices.sort(compare);
}

function merge(left: readonly number[], right: readonly number[], compare: (a: number, b: number) => number): number[] {
	const merged: number[] = [];
	let i = 0;
	let j = 0;
	while (i < left.length && j < right.length) merged.push(compare(left[i]!, right[j]!) <= 0 ? left[i++]! : right[j++]!);
	while (i < left.length) merged.push(left[i++]!);
	while (j < right.length) merged.push(right[j++]!);
	return merged;
}

function comparator(papers: readonly Paper[], sort: SortOrder): (a: number, b: number) => number {
	switch (sort) {
		case 'upvotes': {
			// No upvotes (null: an arXiv feed) sorts after 0.
			const votes = (index: number) => papers[index]!.upvotes ?? -1;
			return (a, b) => votes(b) - votes(a) || a - b;
		}
		case 'date': {
			// ISO dates: comparing the strings is comparing the dates (no date sorts last).
			const dates = papers.map((paper) => paper.published ?? '');
			return (a, b) => (dates[a]! < dates[b]! ? 1 : dates[a]! > dates[b]! ? -1 : a - b);
		}
		case 'title':
			return (a, b) => byTitle.compare(papers[a]!.title, papers[b]!.title) || a - b;
	}
}

