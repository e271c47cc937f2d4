import type { Database } from './data';
import type { Faults } from './faults';
import type { Limits } from './limits';
import type { RequestLog } from './log';
import type { Settings } from './types';
import type { Variations } from './variations';

/** Everything one running sandbox holds, shared by its two listeners and its control surface. */
export interface SandboxState {
	settings: Settings;
	db: Database;
	limits: Limits;
	faults: Faults;
	log: RequestLog;
	/** 'http://127.0.0.1:<port>/v1', known once the API listens. */
	baseUrl: string;
	/** The variations mode, when on (sandbox/VARIATIONS.md). */
	variations?: Variations;
}
