import { downloadLocator } from '../../shared/descriptions';
import { endpoints } from '../../shared/endpoints';
import { defineOperation } from '../../shared/operation';
import { showFor, type OperationModule } from '../../shared/resource';

export const downloadGet: OperationModule = {
	operation: defineOperation({
		name: 'Get',
		value: 'get',
		action: 'Get download',
		description: 'Get an export file’s name, type and link',
		method: 'GET',
		request: (params) => ({ path: endpoints.download(params.id('downloadId', 'Download')) }),
	}),
	fields: [downloadLocator(showFor('download', 'get'))],
};
