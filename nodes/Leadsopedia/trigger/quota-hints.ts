import type { NodeHint } from 'n8n-workflow';

/** The API's monthly quota per key (CONTRACT.md). */
const MONTHLY_QUOTA = 15_000;

/** Polls in a 30-day month for each fixed Poll Times mode (a week-based one: at most 5). */
const POLLS_A_MONTH: Record<string, number> = {
	everyMinute: 43_200,
	everyHour: 720,
	everyDay: 30,
	everyWeek: 5,
	everyMonth: 1,
};

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
	const lists = Math.max(0, Math.floor(MONTHLY_QUOTA / polls) - 1);
	return {
		message: `Watching every list on this schedule costs ${figure(polls)} API calls a month for the lists, plus ${figure(polls)} per list with contacts (empty lists cost nothing), when nothing is new: up to ${figure(lists)} lists with contacts fit in the ${figure(MONTHLY_QUOTA)} the API allows.`,
		type: lists < 10 ? 'warning' : 'info',
		location: 'ndv',
		whenToDisplay: 'always',
		displayCondition: onlyMode(mode, true),
	};
}

/** The monthly calls of the current configuration, for every Poll Times whose count of polls is known. */
export const quotaHints: NodeHint[] = Object.entries(POLLS_A_MONTH).flatMap(([mode, polls]) => [singleList(mode, polls), everyList(mode, polls)]);
