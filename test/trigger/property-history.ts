import type { TriggerState } from '../../nodes/Leadsopedia/trigger/cursor';

/** What the randomized trigger tests (property.test.ts, property-bulk.test.ts) share. */

/** The seed of every run; a failure prints it with the shrunk history. */
export const SEED = Number(process.env.TRIGGER_PROPERTY_SEED ?? 20260415);

/** The state as n8n saves it (a deep copy: a restart loses what the poll changed since). */
export const copy = (state: TriggerState): TriggerState => JSON.parse(JSON.stringify(state)) as TriggerState;

/** A contact as the test tracks it across lists. */
export const keyOf = (listId: string | number, id: unknown) => `${listId}:${String(id)}`;
