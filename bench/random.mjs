// A seeded PRNG and the few things the search-quality bench does with it: the same seed gives the same
// listing and the same queries on every machine (no Math.random).

/**
 * mulberry32: a small, fast, seeded PRNG; returns floats in [0, 1).
 * @param {number} seed
 * @returns {() => number}
 */
export function mulberry32(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * A seed of its own for each name (FNV-1a of the name mixed with the seed), so that one stream of
 * numbers does not shift when another one is left out.
 * @param {number} seed
 * @param {string} name
 * @returns {number}
 */
export function seedFor(seed, name) {
	let hash = (0x811c9dc5 ^ seed) >>> 0;
	for (let index = 0; index < name.length; index++) hash = Math.imul(hash ^ name.charCodeAt(index), 0x01000193) >>> 0;
	return hash;
}

/**
 * An integer in [min, max].
 * @param {() => number} random
 * @param {number} min
 * @param {number} max
 * @returns {number}
 */
export function integer(random, min, max) {
	return min + Math.floor(random() * (max - min + 1));
}

/**
 * One item of a list that is not empty.
 * @template T
 * @param {() => number} random
 * @param {readonly T[]} items
 * @returns {T}
 */
export function pick(random, items) {
	const item = items[Math.floor(random() * items.length)];
	if (item === undefined) throw new Error('bench: pick from an empty list');
	return item;
}

/**
 * A shuffled copy (Fisher-Yates).
 * @template T
 * @param {() => number} random
 * @param {readonly T[]} items
 * @returns {T[]}
 */
export function shuffled(random, items) {
	const copy = [...items];
	for (let index = copy.length - 1; index > 0; index--) {
		const other = Math.floor(random() * (index + 1));
		[copy[index], copy[other]] = /** @type {[T, T]} */ ([copy[other], copy[index]]);
	}
	return copy;
}
