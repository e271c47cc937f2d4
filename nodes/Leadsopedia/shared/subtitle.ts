import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** "Create or Update" → "Create or update": n8n's canvas subtitles are in sentence case. */
const sentenceCase = (name: string) => name.charAt(0) + name.slice(1).toLowerCase();

/**
 * The canvas subtitle in the user's words ("Create or update: Contact"), built from the
 * Resource and Operation options themselves so that it can never show an internal value.
 */
export function subtitleFor(properties: INodeProperties[]): string {
	const resources = (properties.find((property) => property.name === 'resource')?.options ?? []) as INodePropertyOptions[];
	const labels: Record<string, string> = {};
	for (const selector of properties.filter((property) => property.name === 'operation')) {
		const resource = resources.find((option) => option.value === selector.displayOptions?.show?.resource?.[0]);
		for (const operation of (selector.options ?? []) as INodePropertyOptions[]) {
			labels[`${resource?.value}:${operation.value}`] = `${sentenceCase(operation.name)}: ${resource?.name}`;
		}
	}
	return `={{ (${JSON.stringify(labels)})[$parameter["resource"] + ":" + $parameter["operation"]] }}`;
}
