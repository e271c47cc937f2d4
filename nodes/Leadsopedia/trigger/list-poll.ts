import type { IDataObject } from 'n8n-workflow';
import type { ListCursor } from './cursor';

/** What one poll of one list is given and gives back, whichever way it reads the list. */

export interface PollLimits {
	/** Contacts per page: the API's largest, so a poll needs as few calls as possible. */
	pageSize: number;
	/** Calls this list may take before the poll should stop and leave the rest to the next one. */
	maxCalls: number;
}

export interface ListPoll {
	/** The new contacts, oldest first. */
	contacts: IDataObject[];
	cursor: ListCursor;
	calls: number;
}
