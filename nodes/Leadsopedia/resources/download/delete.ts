import { downloadLocator } from '../../shared/descriptions';
import { endpoints } from '../../shared/endpoints';
import { asDeleted, defineOperation } from '../../shared/operation';
import { showFor, type OperationModule } from '../../shared/resource';

export const downloadDelete: OperationModule = {
	operation: defineOperation({
		name: 'Delete',
		value: 'delete',
		action: 'Delete download',
		description: 'Delete an export file',
		method: 'DELETE',
		request: (params) => ({ path: endpoints.download(params.id('downloadId', 'Download')) }),
		output: asDeleted((params) => ({ id: Number(params.id('downloadId', 'Download')) })),
	}),
	fields: [downloadLocator(showFor('download', 'delete'))],
};
