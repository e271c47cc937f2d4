import type { IDataObject } from 'n8n-workflow';
import type { ListCursor } from './cursor';

/** What one poll of one list is given and gives back, whichever way it reads the list. */

export interface PollLimits {
	/** Contacts per page: the API's largest, so a poll needs as few calls as possible. */
	pageSize: number;
	/** Calls this list may take before the poll should stop and leave the rest to the next one. */
	maxCalls: number;
	/** The poll's clock (epoch ms): a sealed second is read whole again once a day (sealed-second.ts). */
	now?: number;
}

export interface ListPoll {
	/** The new contacts, oldest first. */
	contacts: IDataObject[];
	cursor: ListCursor;
	calls: number;
	/** Whether the poll read up to the list's newest contact (Watch All Lists may then pass the list over while its total stays). */
	upToDate: boolean;
	/** Contacts read whose id or date_added cannot be read: they could not be placed. */
	unreadable: IDataObject[];
}
