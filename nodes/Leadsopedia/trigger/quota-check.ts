import { NodeOperationError, type IDataObject, type IPollFunctions } from 'n8n-workflow';
import { idleCallsAMonth, MONTHLY_QUOTA, pollsAMonth, type WatchedCount } from './monthly-calls';

const figure = (count: number) => count.toLocaleString('en-US');

const DEFAULT_POLL_TIMES = { item: [{ mode: 'everyHour' }] };

/** The parameters the check depends on besides what is watched: the trigger checks again when they change. */
export const quotaSettings = (context: IPollFunctions): string =>
	JSON.stringify([context.getNodeParameter('pollTimes', DEFAULT_POLL_TIMES), context.getNodeParameter('allowOverQuota', false)]);

/**
 * Refuses to activate (or, on an active trigger, to poll with changed Poll Times) a trigger whose idle polls alone would spend more than the API's monthly
 * quota (every workflow on the key would then fail until the next month), unless the user
 * allowed it. A Poll Times that cannot
 * be counted (a custom cron expression) is not checked.
 */
export function refuseOverQuota(context: IPollFunctions, watched: WatchedCount): void {
	if (context.getNodeParameter('allowOverQuota', false) as boolean) return;
	const polls = pollsAMonth(context.getNodeParameter('pollTimes', DEFAULT_POLL_TIMES) as IDataObject);
	if (polls === undefined) return;
	const calls = idleCallsAMonth(polls, watched);
	if (calls <= MONTHLY_QUOTA) return;
	const { lists } = watched;
	const what = lists ? `Watching ${figure(lists.all)} lists (${figure(lists.withContacts)} with contacts)` : 'Watching this list';
	throw new NodeOperationError(
		context.getNode(),
		`${what} on these Poll Times takes about ${figure(calls)} API calls a month when nothing is new, more than the ${figure(MONTHLY_QUOTA)} Leadsopedia allows`,
		{
			description: `${figure(polls)} polls a month. Once the quota is spent, every workflow using this API key fails until the next month. Poll less often (Poll Times)${lists ? ', or watch one list' : ''}; or turn on Allow More Calls Than the Quota to activate anyway.`,
		},
	);
}
