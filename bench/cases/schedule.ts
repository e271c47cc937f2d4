import type { INodeProperties } from 'n8n-workflow';
import { LeadsopediaTrigger } from '../../nodes/Leadsopedia/LeadsopediaTrigger.node.ts';

/** Case 5: API calls a month of the trigger's default schedule when idle, against the quota. */
export interface ScheduleRow {
	schedule: string;
	pollsPerMonth: number;
	callsPerMonth: number;
	quota: number;
}

const MONTH_HOURS = 31 * 24;
const POLLS_PER_MONTH: Record<string, number> = {
	everyMinute: MONTH_HOURS * 60,
	everyHour: MONTH_HOURS,
	everyDay: 31,
	everyWeek: 5,
	everyMonth: 1,
};
const QUOTA = 15_000;
const IDLE_POLL_CALLS = 1;

/** The default of the node's Poll Times. */
function defaultModes(): string[] {
	const properties = new LeadsopediaTrigger().description.properties as INodeProperties[];
	const pollTimes = properties.find((property) => property.name === 'pollTimes');
	return ((pollTimes?.default as { item: Array<{ mode: string }> }).item ?? []).map((item) => item.mode);
}

export function monthlyCalls(): ScheduleRow[] {
	const row = (schedule: string, modes: string[]): ScheduleRow => {
		const pollsPerMonth = modes.reduce((sum, mode) => sum + (POLLS_PER_MONTH[mode] ?? NaN), 0);
		return { schedule, pollsPerMonth, callsPerMonth: pollsPerMonth * IDLE_POLL_CALLS, quota: QUOTA };
	};
	return [row(`node default (${defaultModes().join(', ')})`, defaultModes()), row("n8n's polling default (everyMinute)", ['everyMinute'])];
}
