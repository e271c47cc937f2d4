import type { INodeProperties } from 'n8n-workflow';
import { Leadsopedia } from '../../nodes/Leadsopedia/Leadsopedia.node.ts';
import { LeadsopediaTrigger } from '../../nodes/Leadsopedia/LeadsopediaTrigger.node.ts';

/**
 * What the package declares, read from the node classes the tarball was built from: the
 * texts the editor should show, so the cases expect the package's own words, whatever
 * they become.
 */

const optionsOf = (property: INodeProperties) => (property.options ?? []) as Array<{ name: string; action?: string }>;

const operationProperties = () => new Leadsopedia().description.properties.filter((property) => property.name === 'operation');

/** The node creator lists one action per operation, under the operation's `action` text. */
export function actionNames(): string[] {
	return operationProperties().flatMap((property) => optionsOf(property).map((option) => option.action ?? option.name));
}

/** The action text of one resource's operation, as the node creator shows it. */
export function actionName(resource: string, operation: string): string {
	const property = operationProperties().find((candidate) => candidate.displayOptions?.show?.resource?.includes(resource));
	const option = (property?.options ?? []).find((candidate) => 'value' in candidate && candidate.value === operation) as { action?: string } | undefined;
	if (!option?.action) throw new Error(`no action for ${resource} ${operation}`);
	return option.action;
}

/** The notices the trigger's panel shows (the call quota). */
export function triggerNotices(): string[] {
	return new LeadsopediaTrigger().description.properties.filter((property) => property.type === 'notice').map((property) => property.displayName);
}
