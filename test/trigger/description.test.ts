import { NodeHelpers, type INode } from 'n8n-workflow';
import { commonPollingParameters } from 'n8n-core/dist/nodes-loader/constants';
import { LeadsopediaTrigger } from '../../nodes/Leadsopedia/LeadsopediaTrigger.node.ts';

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
		expect(notice?.displayName).toMatch(/15,000 .*43,200.*every hour.*720.*1 call.*one per list/);
	});
});
