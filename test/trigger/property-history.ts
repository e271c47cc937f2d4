import type { TriggerState } from '../../nodes/Leadsopedia/trigger/cursor';
import type { Unreadable } from './fake-api';

/** What the randomized trigger tests (property.test.ts, property-bulk.test.ts) share. */

/** The seed of every run; a failure prints it with the shrunk history. */
export const SEED = Number(process.env.TRIGGER_PROPERTY_SEED ?? 20260415);

/** The state as n8n saves it (a deep copy: a restart loses what the poll changed since). */
export const copy = (state: TriggerState): TriggerState => JSON.parse(JSON.stringify(state)) as TriggerState;

/** A contact as the test tracks it across lists. */
export const keyOf = (listId: string | number, id: unknown) => `${listId}:${String(id)}`;

/** The changes to a list both randomized tests draw (each adds its own kinds of addition). */
export type SharedChange =
	| { kind: 'delete'; list: number; pick: number }
	/** An import committed late: `count` contacts dated in the second of the contact at `pick` of the list. */
	| { kind: 'late'; list: number; count: number; pick: number }
	/** A contact without a usable date_added or id (a bad record: reported, never emitted). */
	| { kind: 'unreadable'; list: number; flavour: Unreadable };

/** One step of a history: a change, a poll with the changes made between its page requests, or an event. */
export type HistoryStep<Change> =
	| Change
	| { kind: 'poll'; during: Change[][] }
	| { kind: 'overlap' }
	| { kind: 'restart' }
	| { kind: 'flip'; list: number }
	| { kind: 'vanish'; list: number }
	/** GET /contacts of the list answers 403 for the next `polls` polls (Infinity: for good). */
	| { kind: 'forbid'; list: number; polls: number };

/** Pages capped below the limit asked: not, with the cap stated in the envelope, or with the limit echoed. */
export type Cap = 'none' | 'stated' | 'echoed';
