/**
 * npx tsx bench/watch-all.ts   case 4b of the benchmarks alone: Watch All Lists against the
 * quota (a month of hourly idle polls for 1, 10, 50, 100 lists; activation and Fetch Test
 * Event for 1 and 1,000 lists). About a minute.
 */
import { activationCalls, watchAllMonth } from './cases/watch-all';
import { table } from './table';

async function main(): Promise<void> {
	const month = [];
	for (const lists of [1, 10, 50, 100]) month.push(await watchAllMonth(lists));
	console.log('Watch All Lists, idle, polling hourly for 30 days (720 polls)');
	console.log(table(['lists', 'calls a month', 'most calls in a poll', 'state bytes'], month.map((row) => [row.lists, row.callsPerMonth, row.maxPollCalls, row.stateBytes])));
	const starts = [await activationCalls(1, 'one list'), await activationCalls(1, 'every list'), await activationCalls(1000, 'every list')];
	console.log('\nActivation and Fetch Test Event, default budget (24 calls a poll)');
	console.log(table(['lists', 'watching', 'activation calls', 'polls to record the rest', 'Fetch Test Event calls'], starts.map((row) => [row.lists, row.mode, row.activationCalls, row.pollsToRecordAll, row.testEventCalls])));
}

void main();
