/**
 * Seedable randomness. Every generated value is a pure function of (seed, …parts), so the
 * same seed gives the same data on every machine, and one contact of a huge list can be
 * built on its own without generating those before it.
 */

/** 32-bit hash of any number of integers (a murmur3-style finaliser per part). */
export function hash(...parts: number[]): number {
	let h = 0x9e3779b9;
	for (const part of parts) {
		h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
		h ^= h >>> 13;
		h = Math.imul(h, 0xc2b2ae35);
		h ^= h >>> 16;
	}
	return h >>> 0;
}

/** mulberry32: small, fast and good enough for fake data and fault draws. Values in [0, 1). */
export function rng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export const pick = <T>(random: () => number, items: readonly T[]): T =>
	items[Math.floor(random() * items.length)];

export const digits = (random: () => number, count: number): string =>
	Array.from({ length: count }, () => Math.floor(random() * 10)).join('');

export const hex = (random: () => number, count: number): string =>
	Array.from({ length: count }, () => Math.floor(random() * 16).toString(16)).join('');
