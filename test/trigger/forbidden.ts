import type { INode } from 'n8n-workflow';
import { apiError, meaningOfStatus } from '../../nodes/Leadsopedia/shared/errors';

const NODE: INode = { id: 'trigger', name: 'Leadsopedia Trigger', type: 'n8n-nodes-leadsopedia.leadsopediaTrigger', typeVersion: 1, position: [0, 0], parameters: {} };

/** The error the transport throws when GET /contacts of a list answers 403 (no access to that list). */
export const forbiddenList = () =>
	apiError(NODE, { operation: 'check for new contacts', status: 403, message: `${meaningOfStatus(403)} (403 on check for new contacts)`, apiKey: '' });
