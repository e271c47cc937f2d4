import type { Sandbox } from '../../sandbox';
import type { CredentialJson, Environment } from '../environment';
import type { Runner } from '../runner';
import type { WebhookWorkflow, WorkflowJson } from '../workflows';

export type Item = Record<string, unknown>;

export interface Context extends Environment {
	runner: Runner;
	/** Calls a webhook workflow and answers the items its last node output; throws unless 200. */
	call(path: string, body?: Item): Promise<Item[]>;
	/** Ids of the workflows imported, by webhook path or example name. */
	workflowIds: Map<string, string>;
}

/** A group of cases and the webhook workflows they call (imported before n8n starts). */
export interface CheckGroup {
	workflows?: WebhookWorkflow[];
	/** Other workflows the group needs imported, under their own ids. */
	extraWorkflows?(): WorkflowJson[];
	/** Credentials the group needs beside the sandbox one. */
	credentials?(sandbox: Sandbox): CredentialJson[];
	/** Runs with n8n stopped, before it first starts: CLI runs. */
	beforeStart?(context: Context): Promise<void>;
	/** Runs with n8n started, signed in, and the webhook workflows published. */
	run?(context: Context): Promise<void>;
}
