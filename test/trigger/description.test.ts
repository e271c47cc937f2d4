import { NodeHelpers, Workflow, type INode, type INodeParameters } from 'n8n-workflow';
import { commonPollingParameters } from 'n8n-core/dist/nodes-loader/constants';
import { LeadsopediaTrigger } from '../../nodes/Leadsopedia/LeadsopediaTrigger.node.ts';
import { TRIGGER_TYPE } from '../helpers/poll';
import { nodeTypes } from '../helpers/node-types';

describe('Leadsopedia Trigger description', () => {
	it('keeps one Poll Times, hourly, after the n8n loader adds its own every-minute one', () => {
		const { description } = new LeadsopediaTrigger();
		// What n8n's node loader does to every node with `polling: true` (DirectoryLoader.applySpecialNodeParameters).
		description.properties.unshift(...commonPollingParameters);
		const pollTimes = description.properties.filter((property) => property.name === 'pollTimes');
		expect(pollTimes).toHaveLength(1);
		const node: INode = { id: 't', name: 'T', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} };
		const defaults = NodeHelpers.getNodeParameters(description.properties, {}, true, false, node, description);
		expect(defaults?.pollTimes).toEqual({ item: [{ mode: 'everyHour', minute: 0 }] });
	});

	it('shows the quota arithmetic', () => {
		const notice = new LeadsopediaTrigger().description.properties.find((property) => property.type === 'notice');
		expect(notice?.displayName).toMatch(/15,000 .*43,200.*every hour.*720.*1 call.*daily check of each list.*refused at activation unless allowed/);
	});
});

describe('Leadsopedia Trigger quota hints', () => {
	const { description } = new LeadsopediaTrigger();

	/** The hints the editor shows for these parameters: it resolves each displayCondition like this. */
	function shown(parameters: INodeParameters): string[] {
		const node: INode = { id: 't', name: 'T', type: TRIGGER_TYPE, typeVersion: 1, position: [0, 0], parameters };
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		return (description.hints ?? [])
			.filter((hint) => workflow.expression.getSimpleParameterValue(node, hint.displayCondition ?? true, 'internal', {}) === true)
			.map((hint) => hint.message);
	}
	const every = (mode: string) => ({ item: [{ mode }] });

	it.each([
		[{}, /costs 720 API calls a month/],
		[{ pollTimes: every('everyMinute') }, /costs 43,200 API calls a month/],
		[{ pollTimes: every('everyDay') }, /costs 30 API calls a month/],
		[{ watchAllLists: true }, /720 API calls a month for the lists, plus 30 per list with contacts .* up to 476 lists/],
		[{ watchAllLists: true, pollTimes: every('everyDay') }, /30 API calls a month for the lists, plus 30 per list .* up to 499 lists/],
		[{ watchAllLists: true, pollTimes: every('everyMinute') }, /43,200 API calls a month for the lists, plus 30 per list .* up to 0 lists/],
	])('with %j shows the monthly calls of that configuration', (parameters, message) => {
		const messages = shown(parameters as INodeParameters);
		expect(messages).toHaveLength(1);
		expect(messages[0]).toMatch(message);
	});

	it('shows no figure when it cannot be known (several Poll Times, a custom schedule)', () => {
		expect(shown({ pollTimes: { item: [{ mode: 'everyHour' }, { mode: 'everyDay' }] } })).toEqual([]);
		expect(shown({ pollTimes: { item: [{ mode: 'custom', cronExpression: '0 9 * * 1-5' }] } })).toEqual([]);
	});
});
