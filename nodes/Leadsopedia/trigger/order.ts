import type { Order } from './keys';
import type { PageReader, Window } from './pages';

/**
 * The order of the list, from a page with two distinct dates: the API may change it between
 * polls, and a page of one contact (or of one second) cannot tell. The other end of the list
 * is asked when the first page read cannot; a list of one second throughout has none; a list
 * that changed under every read leaves it unknown for this poll. `endsOnly`: the two ends
 * alone (a sealed list is most often of one second throughout: 2 calls). `next`: the page a
 * walk in the assumed order reads next, read first (the walk then reads it once for both).
 */
export async function orderOf(reader: PageReader, probe: Window, assumed: Order, endsOnly = false, next?: number): Promise<Order | 'one second' | 'unknown'> {
	if (probe.order) return probe.order;
	// Page 1 is the whole list: any order reads it whole.
	if (probe.page === 1 && probe.pagesCount <= 1) return assumed;
	if (!endsOnly) {
		// A page this poll read already (a sealed list's walk, before its second is read whole again) tells it at no call.
		const told = [...reader.windows].reverse().find((window) => window.order)?.order;
		if (told) return told;
		const neighbour = await neighbourOf(reader, probe, next);
		if (neighbour?.order) return neighbour.order;
	}
	const start = reader.latest(1) ?? (await reader.read(1));
	if (start.order) return start.order;
	// The last page as the latest answer counts it (the list may change meanwhile; a few tries).
	let end = reader.latest(start.pagesCount) ?? (await reader.read(start.pagesCount));
	for (let tries = 0; tries < 2 && !end.order && !acrossPages(reader.windows) && end.page !== end.pagesCount && end.pagesCount > 0; tries++) {
		end = await reader.read(end.pagesCount);
	}
	if (end.order) return end.order;
	// Null dates sort last newest first: the readable end of the list is the lowest page with a date.
	let readableEnd = end;
	while (readableEnd.entries.length === 0 && readableEnd.page > start.page + 1 && readableEnd.page <= readableEnd.pagesCount && readableEnd.total === end.total) readableEnd = await reader.read(readableEnd.page - 1);
	if (readableEnd.order) return readableEnd.order;
	// Page 1 holds every contact with a date: any order reads them whole.
	if (readableEnd.entries.length === 0 && readableEnd.page === start.page + 1 && readableEnd.page <= readableEnd.pagesCount && start.page === 1) return assumed;
	const firstTime = start.earliest;
	const lastTime = readableEnd.earliest;
	// The list kept changing under the reads: no order is sure, and a wrong one would lose contacts.
	if (end.page !== end.pagesCount || firstTime === undefined || lastTime === undefined) return acrossPages(reader.windows) ?? 'unknown';
	// Page 1 and the last page, even read at different moments: a contact added in between is
	// the newest and cannot sit at the oldest end.
	if (firstTime !== lastTime) return firstTime < lastTime ? 'asc' : 'desc';
	// Both ends of the list, and so all of it, are of one second.
	return 'one second';
}

/**
 * The page read after the probe for the order, when the list has it: `next` (the walk's), else the
 * one next to the probe (oldest first, the walk down needs it anyway).
 */
async function neighbourOf(reader: PageReader, probe: Window, next: number | undefined): Promise<Window | undefined> {
	const page = next ?? (probe.page > 1 ? probe.page - 1 : 2);
	return page > probe.pagesCount ? undefined : (reader.latest(page) ?? (await reader.read(page)));
}

/**
 * The order the cursor knew (`known`), when neither the probe nor the page read next can tell
 * (pages inside a bulk import): the walk goes on in it without asking the list's ends, and
 * nothing comes out unless a page of the poll shows it (`shows`) or the ends, asked then, do.
 * Undefined when the page read next tells (orderOf reads the order from it, no call more).
 */
export async function trustedOrder(reader: PageReader, probe: Window, known: Order, next?: number): Promise<Order | undefined> {
	if (probe.order || (probe.page === 1 && probe.pagesCount <= 1)) return undefined;
	const neighbour = await neighbourOf(reader, probe, next);
	return !neighbour || neighbour.order ? undefined : (acrossPages(reader.windows) ?? known);
}

/**
 * The order after a walk in a trusted one (`trustedOrder`): that one when a page of the poll shows
 * it; else, oldest first, as the list's newest end shows it (the walk read pages of one second, most
 * often the newest, and contacts after it show the order there); else as its ends show it.
 */
export async function confirm(reader: PageReader, probe: Window, trusted: Order): Promise<Order | 'one second' | 'unknown'> {
	if (shows(reader, trusted)) return trusted;
	if (trusted === 'asc' && probe.pagesCount > 1) {
		const end = reader.latest(probe.pagesCount) ?? (await reader.read(probe.pagesCount));
		if (end.order || shows(reader, trusted)) return end.order ?? trusted;
	}
	return await orderOf(reader, probe, trusted, true);
}

/** Whether a page this poll read, of its size or another (`resized`), shows `order`, and none the other. */
function shows(reader: PageReader, order: Order): boolean {
	const told = [...reader.windows, ...reader.resized].map((window) => window.order).filter((shown) => shown !== undefined);
	const across = acrossPages(reader.windows);
	return (told.includes(order) || across === order) && told.every((shown) => shown === order) && (across ?? order) === order;
}

/** A page's oldest date, a page of contacts without a usable date alone sorting before every date. */
const oldestTime = (window: Window): number | undefined => window.earliest ?? (window.undated > 0 ? -Infinity : undefined);

/**
 * The order pages of one second each show between them: a lower page of an earlier second (or
 * of contacts without a usable date alone) is oldest first. Only pages read while the list kept
 * its total are compared (it shifts otherwise).
 */
function acrossPages(windows: readonly Window[]): Order | undefined {
	for (const lower of windows) {
		for (const upper of windows) {
			const low = oldestTime(lower);
			const high = oldestTime(upper);
			if (lower.page < upper.page && lower.total === upper.total && low !== undefined && high !== undefined && low !== high) return low < high ? 'asc' : 'desc';
		}
	}
	return undefined;
}
