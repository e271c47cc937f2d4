import { resourceProperties } from '../../shared/resource';
import { contactDelete } from './delete';
import { contactGet } from './get';
import { contactGetAll } from './getAll';
import { contactUpdate } from './update';
import { contactUpsert } from './upsert';

export const contactProperties = resourceProperties(
	'contact',
	[contactGetAll, contactGet, contactUpsert, contactUpdate, contactDelete],
	'getAll',
);
