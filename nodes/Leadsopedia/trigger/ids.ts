/**
 * A set of contact ids, kept small in the saved state: merged ranges while they are few (a
 * bulk import with contiguous ids is one range), a bitmap over their span once ranges would
 * be many (ids interleaved with other lists' imports). So its size is bounded by the span of
 * the ids, one bit each, never by one entry per id.
 */
export type IdSet = { ranges: [number, number][] } | { from: number; bits: string };

/** Ranges beyond this are stored as a bitmap. */
const MAX_RANGES = 32;
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function rangesOf(set: IdSet | undefined): [number, number][] {
	if (!set) return [];
	if ('ranges' in set) return set.ranges;
	const ranges: [number, number][] = [];
	for (let index = 0; index < set.bits.length * 6; index++) {
		if (!((DIGITS.indexOf(set.bits[Math.floor(index / 6)]) >> index % 6) & 1)) continue;
		const id = set.from + index;
		const last = ranges[ranges.length - 1];
		if (last && last[1] === id - 1) last[1] = id;
		else ranges.push([id, id]);
	}
	return ranges;
}

function bitmapOf(ranges: readonly [number, number][]): IdSet {
	const from = ranges[0][0];
	const digits = new Array<number>(Math.ceil((ranges[ranges.length - 1][1] - from + 1) / 6)).fill(0);
	for (const [start, end] of ranges) {
		for (let id = start; id <= end; id++) digits[Math.floor((id - from) / 6)] |= 1 << (id - from) % 6;
	}
	return { from, bits: digits.map((digit) => DIGITS[digit]).join('') };
}

/** `set` with `ids` added. */
export function withIds(set: IdSet | undefined, ids: readonly number[]): IdSet | undefined {
	const points = [...rangesOf(set).map(([from, to]) => [from, to] as [number, number]), ...ids.map((id) => [id, id] as [number, number])];
	if (points.length === 0) return set;
	points.sort((a, b) => a[0] - b[0]);
	const merged: [number, number][] = [];
	for (const [from, to] of points) {
		const previous = merged[merged.length - 1];
		if (previous && from <= previous[1] + 1) previous[1] = Math.max(previous[1], to);
		else merged.push([from, to]);
	}
	return merged.length > MAX_RANGES ? bitmapOf(merged) : { ranges: merged };
}

export function hasId(set: IdSet | undefined, id: number): boolean {
	if (!set) return false;
	if ('ranges' in set) return set.ranges.some(([from, to]) => id >= from && id <= to);
	const index = id - set.from;
	if (index < 0 || index >= set.bits.length * 6) return false;
	return ((DIGITS.indexOf(set.bits[Math.floor(index / 6)]) >> index % 6) & 1) === 1;
}

/** The largest id of `set`; undefined when it is empty. */
export function maxId(set: IdSet | undefined): number | undefined {
	const ranges = rangesOf(set);
	return ranges.length > 0 ? ranges[ranges.length - 1][1] : undefined;
}

export function isIdSet(value: unknown): value is IdSet {
	const set = value as Record<string, unknown>;
	if (!set || typeof set !== 'object') return false;
	if (Array.isArray(set.ranges)) return set.ranges.every((range) => Array.isArray(range) && range.length === 2 && range.every(Number.isFinite));
	return Number.isFinite(set.from) && typeof set.bits === 'string' && /^[A-Za-z0-9_-]*$/.test(set.bits);
}

/** How many ids `set` holds. */
export const idCount = (set: IdSet | undefined): number => rangesOf(set).reduce((count, [from, to]) => count + to - from + 1, 0);
