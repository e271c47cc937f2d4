/** Median and spread (min..max) of repeated measurements. */
export interface Spread {
	median: number;
	min: number;
	max: number;
	runs: number;
}

export function spread(values: number[]): Spread {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: values.length };
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export const formatSpread = (value: Spread, unit = '', digits = 1) =>
	value.runs > 1
		? `${round(value.median, digits)}${unit} (${round(value.min, digits)}–${round(value.max, digits)})`
		: `${round(value.median, digits)}${unit}`;
