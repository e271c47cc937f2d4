import { endpoints } from '../../shared/endpoints';
import { asDeleted, defineOperation } from '../../shared/operation';
import { showFor, type OperationModule } from '../../shared/resource';
import { downloadIdField } from './shared';

export const downloadDelete: OperationModule = {
	operation: defineOperation({
		name: 'Delete',
		value: 'delete',
		action: 'Delete download',
		description: 'Delete an export file',
		method: 'DELETE',
		request: (params) => ({ path: endpoints.download(params.id('downloadId', 'Download ID')) }),
		output: asDeleted((params) => ({ id: Number(params.id('downloadId', 'Download ID')) })),
	}),
	fields: [downloadIdField(showFor('download', 'delete'))],
};
