import { TRIGGER_TYPE, type WorkflowJson } from './workflows';

/** Set above the trigger: a copied demo workflow would spend a real account's quota in days. */
const DEMO_NOTE = [
	'## Demo copy: polls every minute',
	'',
	'The sandbox has no quota, so this demo copy checks for new contacts **every minute**.',
	'',
	'Against the real API that would take **43,200 calls a month**, and an account has 15,000.',
	'Do not copy this workflow into production as it is: set Poll Times back to **Every Hour**',
	"(the example's and the node's default, 720 calls a month).",
].join('\n');

type WorkflowNodeJson = WorkflowJson['nodes'][number];

function demoNote(trigger: WorkflowNodeJson): WorkflowNodeJson {
	const [x, y] = (trigger.position as [number, number] | undefined) ?? [0, 0];
	return {
		id: 'b6f0c1d2-0e3f-4a5b-8c7d-demo00000001',
		name: 'Demo copy: polls every minute',
		type: 'n8n-nodes-base.stickyNote',
		typeVersion: 1,
		position: [x - 40, y - 300],
		parameters: { content: DEMO_NOTE, height: 260, width: 420, color: 3 },
	};
}

/**
 * The demo's copy of an example. The trigger example polls hourly (the API's monthly
 * quota); the sandbox has none, so the demo polls every minute (allowing more calls than the
 * quota, which the trigger otherwise refuses), and says so in the
 * workflow's name and a sticky note.
 */
export function demoCopy(workflow: WorkflowJson): WorkflowJson {
	const trigger = workflow.nodes.find((node) => node.type === TRIGGER_TYPE);
	if (!trigger) return workflow;
	const nodes = workflow.nodes.map((node) =>
		// The trigger refuses to activate past the quota unless allowed: the sandbox has none.
		node === trigger ? { ...node, parameters: { ...node.parameters, pollTimes: { item: [{ mode: 'everyMinute' }] }, allowOverQuota: true } } : node,
	);
	return { ...workflow, name: `${workflow.name} (DEMO: polls every minute)`, nodes: [...nodes, demoNote(trigger)] };
}
