import type { IDataObject } from 'n8n-workflow';
import type { ListCursor } from './cursor';

/** Unreadable contacts remembered as reported, per list: enough for a few bad imports, and bounded. */
const REPORTED_KEPT = 100;

function idOf(contact: IDataObject): number | undefined {
	const id = typeof contact.id === 'string' && contact.id.trim() ? Number(contact.id) : contact.id;
	return typeof id === 'number' && Number.isFinite(id) ? id : undefined;
}

/** How a reported contact is remembered: its id, or without one its email. */
function markOf(contact: IDataObject): string {
	const id = idOf(contact);
	return id === undefined ? `email:${String(contact.email)}` : String(id);
}

/**
 * The contacts read without a readable id or date_added that the user has not been told of.
 * Such a contact cannot be placed among the others, so it comes out once, as soon as a poll
 * reads it, marked. Those with an id the cursor had passed before this poll existed already
 * (a new contact gets a larger id than every contact there) and are not reported.
 */
export function toReport(
	seen: readonly IDataObject[],
	before: ListCursor,
	after: ListCursor,
	reported: readonly string[],
): { report: IDataObject[]; reported: string[] } {
	const known = new Set(reported);
	const report: IDataObject[] = [];
	for (const contact of seen) {
		const id = idOf(contact);
		const mark = markOf(contact);
		if (known.has(mark) || (id !== undefined && before.last !== null && id <= before.last.id)) continue;
		known.add(mark);
		report.push(contact);
	}
	// Ids the cursor has now passed would not be reported again anyway.
	const passed = (mark: string) => after.last !== null && /^-?\d/.test(mark) && Number(mark) <= after.last.id;
	return { report, reported: [...known].filter((mark) => !passed(mark)).slice(-REPORTED_KEPT) };
}

/** What the user reads on a contact that could not be placed. */
export function unreadableWarning(contact: IDataObject): string {
	const field = idOf(contact) === undefined ? 'id' : 'date_added';
	return `Leadsopedia gave this contact a ${field} that is not usable (${JSON.stringify(contact[field] ?? null)}): the trigger cannot tell when it was added, so it comes out once, now, out of order. Check it in Leadsopedia.`;
}
