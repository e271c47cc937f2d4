import type { Contact } from '../types';
import type { Variation } from './variation';

/** A date_added to the whole second ('2025-01-01T00:00:00Z'): contacts added in one second then tie. */
export const toSecond = (date: string): string => date.replace(/\.\d+Z$/, 'Z');

/**
 * GET /contacts in the variation's order: by date_added to the second, oldest or newest
 * first, and within a second by id along the order, against it, or shuffled by `random`
 * (a new draw per request, so two reads of one page may differ).
 */
export function orderContacts(contacts: readonly Contact[], variation: Pick<Variation, 'order' | 'ties'>, random: () => number): Contact[] {
	const direction = variation.order === 'asc' ? 1 : -1;
	const tie = variation.ties === 'against-order' ? -direction : direction;
	const shuffleKey = new Map(contacts.map((contact) => [contact.id, random()]));
	return [...contacts].sort((a, b) => {
		const [first, second] = [toSecond(a.date_added), toSecond(b.date_added)];
		if (first !== second) return first < second ? -direction : direction;
		if (variation.ties === 'shuffled') return (shuffleKey.get(a.id) as number) - (shuffleKey.get(b.id) as number);
		return (a.id - b.id) * tie;
	});
}
