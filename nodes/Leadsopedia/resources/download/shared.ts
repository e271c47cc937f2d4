import type { INodeProperties } from 'n8n-workflow';

export function downloadIdField(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Download ID',
		name: 'downloadId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 17',
		description: 'The ID of an export, as listed by Download → Get Many',
		displayOptions: { show },
	};
}
