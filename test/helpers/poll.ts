import { Container } from '@n8n/di';
import { PollContext, PollTriggerExecutor, WorkflowExecute } from 'n8n-core';
import {
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type WorkflowActivateMode,
} from 'n8n-workflow';
import { LeadsopediaTrigger } from '../../nodes/Leadsopedia/LeadsopediaTrigger.node.ts';
import { additionalData, leadsopediaCredentials, nodeWithCredential } from './engine';
import { nodeTypes, registerNodeType } from './node-types';

export const TRIGGER_TYPE = 'n8n-nodes-leadsopedia.leadsopediaTrigger';
const NODE_NAME = 'Leadsopedia Trigger';
registerNodeType(TRIGGER_TYPE, new LeadsopediaTrigger());

/**
 * The trigger as a new n8n process loads it: its modules afresh, so whatever they keep in the
 * process (one poll at a time, call times, the credential's pacing) is gone, as after a restart.
 * Through jest's module registry: under jest only (the benchmarks load this file with tsx).
 */
function loadedAfresh(): INodeType {
	// The n8n-workflow n8n-core uses: the node loaded afresh must share it (its error classes, its helpers).
	const sharedWorkflow: unknown = jest.requireActual('n8n-workflow');
	let nodeType: INodeType | undefined;
	jest.isolateModules(() => {
		jest.doMock('n8n-workflow', () => sharedWorkflow);
		const fresh = jest.requireActual<{ LeadsopediaTrigger: new () => INodeType }>('../../nodes/Leadsopedia/LeadsopediaTrigger.node.ts');
		nodeType = new fresh.LeadsopediaTrigger();
	});
	return nodeType as INodeType;
}

export interface PollOutcome {
	/** What the poll emitted; null when it returned nothing new. */
	items: INodeExecutionData[] | null;
	/** What n8n reported through __emitError. */
	error?: Error & { description?: string | null; httpCode?: string | null };
	/** The poll outlasted n8n's poll budget, which then dropped it (`abandonsLatePolls`). */
	abandoned?: boolean;
}

export interface TriggerOptions {
	baseUrl: string;
	apiKey?: string;
	parameters: INodeParameters;
	credentials?: IDataObject;
	/** n8n's poll budget (getPollBudgetMs); its default otherwise. */
	pollBudgetMs?: number;
	/**
	 * As n8n 2.x's scheduler does (`PollTriggerTaskHandler`): a scheduled poll that outlasts
	 * `pollBudgetMs` is abandoned, its items and its cursor dropped; the next poll starts from
	 * the cursor saved before it. The poll runs on to its end meanwhile, as there.
	 */
	abandonsLatePolls?: boolean;
	/** When n8n drops a late poll: at `pollBudgetMs` unless set (n8n 2.40 reports a budget a fifth short of its timeout). */
	pollTimeoutMs?: number;
}

/** What a test sets of a trigger beside its API and parameters: the credential's fields, n8n's poll budget and how it drops late polls. */
export type TriggerTiming = Pick<TriggerOptions, 'credentials' | 'pollBudgetMs' | 'abandonsLatePolls' | 'pollTimeoutMs'>;

/** Each trigger its own workflow: n8n keys a trigger's memory in its process (one poll at a time, call times) by it. */
let triggersMade = 0;

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? {})) as T;

/**
 * A published trigger as n8n runs it: each poll goes through n8n-core's PollTriggerExecutor
 * in a PollContext, with the workflow's static data carried from poll to poll. Like n8n,
 * it saves the static data after the activation poll and after a poll that emits; a
 * restart goes back to what was saved.
 */
export class PolledTrigger {
	private saved: IDataObject = {};
	private workflow: Workflow;
	/** n8n builds one PollContext when it activates a trigger and polls with it until deactivation. */
	private activation: WorkflowActivateMode = 'activate';
	private node: INode;
	private readonly workflowId = `test-workflow-${++triggersMade}`;

	constructor(private readonly options: TriggerOptions) {
		this.node = nodeWithCredential('trigger', NODE_NAME, TRIGGER_TYPE, options.parameters);
		this.workflow = this.build({});
	}

	/** The activation poll (n8n runs one when it activates the workflow and at every start). */
	async activate(activation: WorkflowActivateMode = 'activate'): Promise<PollOutcome> {
		this.activation = activation;
		const outcome = await this.run();
		this.saved = clone(this.workflow.staticData);
		return outcome;
	}

	/** A scheduled poll. */
	async poll(): Promise<PollOutcome> {
		const startedAt = Date.now();
		const outcome = await this.run();
		const { pollBudgetMs, abandonsLatePolls, pollTimeoutMs = pollBudgetMs } = this.options;
		if (abandonsLatePolls && pollTimeoutMs !== undefined && Date.now() - startedAt > pollTimeoutMs) {
			this.workflow = this.build(clone(this.saved));
			return { items: null, abandoned: true };
		}
		if (outcome.items) this.saved = clone(this.workflow.staticData);
		return outcome;
	}

	/** n8n stops and starts again: memory is lost (the node's modules load afresh), the saved static data is loaded, and the activation poll runs. */
	async restart(): Promise<PollOutcome> {
		registerNodeType(TRIGGER_TYPE, loadedAfresh());
		this.workflow = this.build(clone(this.saved));
		return await this.activate('init');
	}

	/**
	 * The user changes the trigger's parameters on the active workflow and publishes it: n8n
	 * activates it again, with the static data it had saved.
	 */
	async reconfigure(parameters: INodeParameters): Promise<PollOutcome> {
		this.node = nodeWithCredential('trigger', NODE_NAME, TRIGGER_TYPE, parameters);
		this.workflow = this.build(clone(this.saved));
		return await this.activate('update');
	}

	/** "Fetch Test Event" in the editor: a manual execution of the trigger alone. */
	async testEvent(): Promise<PollOutcome> {
		const run = await new WorkflowExecute(additionalData(this.credentials()), 'manual').run({ workflow: this.workflow });
		const task = run.data.resultData.runData[NODE_NAME]?.[0];
		const error = (task?.error ?? run.data.resultData.error) as PollOutcome['error'];
		return { items: task?.data?.main[0] ?? null, error };
	}

	/** The static data n8n would have in its database now. */
	savedState(): IDataObject {
		return clone(this.saved);
	}

	/** The static data in memory now. */
	memoryState(): IDataObject {
		return clone(this.workflow.staticData);
	}

	private credentials() {
		return leadsopediaCredentials(this.options.baseUrl, { ...(this.options.apiKey ? { apiKey: this.options.apiKey } : {}), ...this.options.credentials });
	}

	private build(staticData: IDataObject): Workflow {
		return new Workflow({ id: this.workflowId, nodes: [this.node], connections: {}, active: true, nodeTypes, staticData });
	}

	private async run(): Promise<PollOutcome> {
		const outcome: PollOutcome = { items: null };
		const context = new PollContext(
			this.workflow,
			this.node,
			additionalData(this.credentials()),
			'trigger',
			this.activation,
			(data) => {
				outcome.items = data[0];
			},
			(error) => {
				outcome.error = error as PollOutcome['error'];
			},
			undefined,
			undefined,
			undefined,
			this.options.pollBudgetMs === undefined ? undefined : () => this.options.pollBudgetMs as number,
		);
		const executePoll = Container.get(PollTriggerExecutor).create(this.workflow, this.node, context, () => true);
		await executePoll();
		return outcome;
	}
}
