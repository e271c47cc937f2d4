import type { INodeProperties } from 'n8n-workflow';
import { Leadsopedia } from '../../nodes/Leadsopedia/Leadsopedia.node.ts';
import { LeadsopediaTrigger } from '../../nodes/Leadsopedia/LeadsopediaTrigger.node.ts';

/**
 * What the package declares, read from the node classes the tarball was built from: the
 * texts the editor should show, so the cases expect the package's own words, whatever
 * they become.
 */

const optionsOf = (property: INodeProperties) => (property.options ?? []) as Array<{ name: string; action?: string }>;

/** The node creator lists one action per operation, under the operation's `action` text. */
export function actionNames(): string[] {
	return new Leadsopedia().description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) => optionsOf(property).map((option) => option.action ?? option.name));
}

/** The notices the trigger's panel shows (the call quota). */
export function triggerNotices(): string[] {
	return new LeadsopediaTrigger().description.properties.filter((property) => property.type === 'notice').map((property) => property.displayName);
}
