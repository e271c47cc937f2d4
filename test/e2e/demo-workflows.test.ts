import { demoCopy } from '../../e2e/demo-workflows';
import { readExamples, TRIGGER_TYPE, type WorkflowJson } from '../../e2e/workflows';

const examples = readExamples();
const triggerExample = [...examples.values()].find((workflow) => workflow.nodes.some((node) => node.type === TRIGGER_TYPE)) as WorkflowJson;
const pollTimes = (workflow: WorkflowJson) => workflow.nodes.find((node) => node.type === TRIGGER_TYPE)?.parameters.pollTimes;
const stickyNotes = (workflow: WorkflowJson) => workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote');

describe("the demo's copies of the examples", () => {
	it('the trigger example polls every minute in the demo and says so in its name, so nobody copies it into production unchanged', () => {
		const copy = demoCopy(triggerExample);
		expect(pollTimes(triggerExample)).toEqual({ item: [{ mode: 'everyHour' }] });
		expect(pollTimes(copy)).toEqual({ item: [{ mode: 'everyMinute' }] });
		expect(copy.nodes.find((node) => node.type === TRIGGER_TYPE)?.parameters.allowOverQuota).toBe(true);
		expect(copy.name).toBe(`${triggerExample.name} (DEMO: polls every minute)`);
	});

	it('the trigger copy carries a sticky note beside the trigger: why every minute, what it would cost, what to use instead', () => {
		const copy = demoCopy(triggerExample);
		const [note, ...others] = stickyNotes(copy);
		expect(others).toEqual([]);
		const content = String(note?.parameters.content);
		expect(content).toMatch(/demo copy/i);
		expect(content).toContain('every minute');
		expect(content).toContain('43,200');
		expect(content).toContain('15,000');
		expect(content).toMatch(/every hour/i);
		const trigger = copy.nodes.find((node) => node.type === TRIGGER_TYPE) as unknown as { position: [number, number] };
		const [x, y] = note?.position as [number, number];
		// Above the trigger, where a user looks first.
		expect(y).toBeLessThan(trigger.position[1]);
		expect(Math.abs(x - trigger.position[0])).toBeLessThan(400);
	});

	it('the other examples are imported as they are', () => {
		for (const workflow of examples.values()) {
			if (workflow === triggerExample) continue;
			expect(demoCopy(workflow)).toEqual(workflow);
		}
	});
});
