import { resourceProperties } from '../../shared/resource';
import { listCreate } from './create';
import { listDelete } from './delete';
import { listGet } from './get';
import { listGetAll } from './getAll';
import { listUpdate } from './update';

export const listProperties = resourceProperties(
	'list',
	[listGetAll, listGet, listCreate, listUpdate, listDelete],
	'getAll',
);
