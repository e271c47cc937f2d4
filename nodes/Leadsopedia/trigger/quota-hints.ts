import type { NodeHint } from 'n8n-workflow';
import { checksAMonth, MONTHLY_QUOTA, POLLS_A_MONTH } from './monthly-calls';

const figure = (count: number) => count.toLocaleString('en-US');

/** An expression true when the node polls with exactly one Poll Time of `mode` (the default is one, hourly). */
function onlyMode(mode: string, watchAll: boolean): string {
	const times = "(($parameter.pollTimes || {}).item || [{ mode: 'everyHour' }])";
	return `={{ ${times}.length === 1 && ${times}[0].mode === '${mode}' && ${watchAll ? '' : '!'}$parameter.watchAllLists === true }}`;
}

function singleList(mode: string, polls: number): NodeHint {
	return {
		message: `This schedule costs ${figure(polls)} API calls a month when nothing is new, of the ${figure(MONTHLY_QUOTA)} the API allows.`,
		type: polls > MONTHLY_QUOTA ? 'danger' : 'info',
		location: 'ndv',
		whenToDisplay: 'always',
		displayCondition: onlyMode(mode, false),
	};
}

function everyList(mode: string, polls: number): NodeHint {
	const checks = checksAMonth(polls);
	const lists = Math.max(0, Math.floor((MONTHLY_QUOTA - polls) / checks));
	return {
		message: `Watching every list on this schedule costs ${figure(polls)} API calls a month for the lists, plus ${figure(checks)} per list with contacts (a daily check; empty lists cost nothing), when nothing is new: up to ${figure(lists)} lists with contacts fit in the ${figure(MONTHLY_QUOTA)} the API allows. A list that gets new contacts costs a call in that poll.`,
		type: polls > MONTHLY_QUOTA ? 'danger' : lists < 10 ? 'warning' : 'info',
		location: 'ndv',
		whenToDisplay: 'always',
		displayCondition: onlyMode(mode, true),
	};
}

/** The monthly calls of the current configuration, for every Poll Times whose count of polls is known. */
export const quotaHints: NodeHint[] = Object.entries(POLLS_A_MONTH).flatMap(([mode, polls]) => [singleList(mode, polls), everyList(mode, polls)]);
