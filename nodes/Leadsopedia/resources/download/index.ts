import { resourceProperties } from '../../shared/resource';
import { downloadDelete } from './delete';
import { downloadGet } from './get';
import { downloadGetAll } from './getAll';
import { downloadGetFile } from './getFile';

export const downloadProperties = resourceProperties(
	'download',
	[downloadGetAll, downloadGet, downloadDelete, downloadGetFile],
	'getAll',
);
