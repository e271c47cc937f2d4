import { resourceProperties } from '../../shared/resource';
import { accountGet } from './get';
import { accountGetActivity } from './getActivity';
import { accountGetCredits } from './getCredits';
import { accountGetHistory } from './getHistory';
import { accountGetUsage } from './getUsage';

export const accountProperties = resourceProperties(
	'account',
	[accountGet, accountGetCredits, accountGetUsage, accountGetActivity, accountGetHistory],
	'get',
);
