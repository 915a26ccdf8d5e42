/**
 * BibTeX citation keys: `lastname` + `year` + first title word, in lower-case ASCII, unique within one
 * export (docs/export-formats.md#bibtex).
 */
import type {PaperWithState} from '../listing/paper.js';
import {authorNames, cleanText} from './paper-fields.js';

/** Folds text to lower-case ASCII words: accents dropped, a few letters spelled out, the rest split on. */
function asciiWords(text: string): string[] {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[ßæœøłđðþıħ]/g, (letter) => ASCII_LETTERS[letter] ?? '')
		.split(/[^a-z0-9]+/)
		.filter((word) => word !== '');
}

const ASCII_LETTERS: Readonly<Record<string, string>> = {ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h'};
const KEY_STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'and', 'to', 'with', 'towards', 'toward', 'is', 'are', 'do', 'does', 'can', 'what', 'how', 'why', 'when']);
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
const KEY_PART_LENGTH = 20;

function keyLastName(names: readonly string[]): string {
	const name = names[0];
	if (name === undefined) return '';
	if (name.includes(',')) return asciiWords(name.slice(0, name.indexOf(','))).join('').slice(0, KEY_PART_LENGTH);
	const parts = name.split(' ').filter((part) => !NAME_SUFFIXES.has(asciiWords(part).join('')));
	return asciiWords(parts.at(-1) ?? '').join('').slice(0, KEY_PART_LENGTH);
}

function keyTitleWord(title: string): string {
	const words = asciiWords(title);
	return (words.find((word) => !KEY_STOP_WORDS.has(word)) ?? words[0] ?? '').slice(0, KEY_PART_LENGTH);
}

export function yearOf(paper: PaperWithState): string {
	return /^(\d{4})-/.exec(paper.published ?? '')?.[1] ?? '';
}

/** The key a paper would get alone (before deduplication). */
function baseKey(paper: PaperWithState): string {
	const lastName = keyLastName(authorNames(paper));
	const word = keyTitleWord(cleanText(paper.title));
	const year = yearOf(paper);
	if (lastName !== '') return lastName + year + word;
	if (word !== '') return word + year;
	return paper.id.toLowerCase().replace(/[^a-z0-9]/g, '') || `paper${year}`;
}

/** a, b, ..., z, aa, ab, ... for n = 0, 1, ... */
function keySuffix(n: number): string {
	let suffix = '';
	for (let rest = n + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) suffix = String.fromCharCode(97 + ((rest - 1) % 26)) + suffix;
	return suffix;
}

/** Unique citation keys for the papers, in order (docs/export-formats.md#bibtex). */
export function bibtexKeys(papers: readonly PaperWithState[]): string[] {
	const used = new Set<string>();
	return papers.map((paper) => {
		const base = baseKey(paper);
		let key = base;
		for (let n = 0; used.has(key); n += 1) key = base + keySuffix(n);
		used.add(key);
		return key;
	});
}
