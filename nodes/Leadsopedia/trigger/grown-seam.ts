import { pageHolding } from './tie-bridge';
import type { PageReader, Window } from './pages';

/**
 * Oldest first, two neighbouring pages read from the end backwards while the list grew: growth
 * at the newest end shifts nothing, but a contact without a usable date sorts below every other
 * (MySQL sorts NULL first), and one added in between shifts the list up, so that a contact can
 * slip from the older page's range into the newer page's, read before. No read order nor total
 * tells the two apart; a page read across the break that shares a contact with each page does.
 */
export interface GrownSeam {
	older: Window;
	newer: Window;
}

/** Reads a page of another size across the break, reaching as far each way as the list grew (at least one contact). */
export async function readAcross(reader: PageReader, seam: GrownSeam): Promise<Window | undefined> {
	const edge = seam.older.page * reader.size;
	const reach = Math.max(1, seam.older.total - seam.newer.total);
	const where = pageHolding(Math.max(0, edge - 1 - reach), edge + reach, reader.size);
	return where && (await reader.readAt(where.page, where.limit));
}
