import { endpoints } from '../shared/endpoints';
import { collectionSearch } from './searchCollection';

/** The lead lists for the List picker, by name. */
export const searchLists = collectionSearch({
	path: endpoints.lists(),
	collection: 'lists',
	operation: 'search lists',
	nameOf: (list) => String(list.name ?? `List ${list.id}`),
});
