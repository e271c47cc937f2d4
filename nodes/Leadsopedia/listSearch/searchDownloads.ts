import { endpoints } from '../shared/endpoints';
import { collectionSearch } from './searchCollection';

/** The export files for the Download picker, by file name. */
export const searchDownloads = collectionSearch({
	path: endpoints.downloads(),
	collection: 'downloads',
	operation: 'search downloads',
	nameOf: (download) => String(download.filename ?? `Download ${download.id}`),
});
