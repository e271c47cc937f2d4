/**
 * The Leadsopedia sandbox: a local server that implements shared/leadsopedia-api/CONTRACT.md,
 * with its limits, for tests, benchmarks and demos. Development tooling only: nothing in
 * nodes/ or credentials/ imports it and it is not part of dist/.
 *
 * Two listeners on 127.0.0.1: the API at `baseUrl`, and a file host at `fileBaseUrl` that the
 * `url` of each download points to (another origin, needing no key).
 */
import { createControl, type SandboxControl } from './control';
import { Database } from './data';
import { Faults } from './faults';
import { answerApi } from './api';
import { answerFile } from './files';
import { Limits } from './limits';
import { RequestLog } from './log';
import { seedDemo } from './seed';
import { Listener } from './server';
import type { SandboxState } from './state';
import type { ContactOrder } from './types';
import { drawVariation, Variations } from './variations';

export type { SandboxControl } from './control';
export type { Variation, VariationOverrides } from './variations';
export type { FaultKind, FaultSpec, FaultStatus } from './faults';
export type { RequestLogEntry } from './log';
export type { AccountName, Activity, Contact, ContactFields, ContactOrder, Download, HistoryItem, List } from './types';

export interface SandboxOptions {
	/** Port of the API; 0 (the default) picks a free one. The file host always takes a free port. */
	port?: number;
	/** Minimum spacing between admitted calls of one key, in ms; default 10000 (the API's); 0 turns it off. */
	intervalMs?: number;
	/** Admitted calls per key per UTC calendar month; default 15000 (the API's). */
	monthlyQuota?: number;
	/** Seed of all generated data (keys, contacts, history, files); default 1. */
	seed?: number;
	/** If set, the demo account also gets a list "Big list" of this many generated contacts (millions are fine). */
	contacts?: number;
	/** Order of GET /contacts by date_added and id; default 'asc' (the contract leaves it open). */
	order?: ContactOrder;
	/** The clock for limits and new dates; default Date.now. */
	now?: () => number;
	/** Turns on the variations mode with the variation this seed draws (sandbox/VARIATIONS.md). */
	variations?: number;
}

export interface Sandbox {
	/** 'http://127.0.0.1:<port>/v1' */
	baseUrl: string;
	/** 'http://127.0.0.1:<other port>': origin of the download files. */
	fileBaseUrl: string;
	/** The demo account's key. */
	apiKey: string;
	/** The second account's key: it owns "Other team list"; on the demo account's lists it gets 403. */
	otherApiKey: string;
	control: SandboxControl;
	stop(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const settings = {
		intervalMs: options.intervalMs ?? 10_000,
		monthlyQuota: options.monthlyQuota ?? 15_000,
		order: options.order ?? 'asc',
		seed: options.seed ?? 1,
		now: options.now ?? Date.now,
	};
	const db = new Database(settings);
	seedDemo(db, settings.seed, options.contacts);
	const keys = [...db.accounts.values()].map((account) => account.key);
	const state: SandboxState = {
		settings,
		db,
		limits: new Limits(settings),
		faults: new Faults(settings.seed),
		log: new RequestLog(() => keys),
		baseUrl: '',
		variations: options.variations === undefined ? undefined : new Variations(drawVariation(options.variations), settings.now),
	};
	const api = new Listener('api', state, (req, url, rawBody, account) => answerApi(state, req, url, rawBody, account));
	const files = new Listener('files', state, (req, url) => answerFile(state, req, url));
	state.baseUrl = `http://127.0.0.1:${await api.listen(options.port ?? 0)}/v1`;
	try {
		db.fileBaseUrl = `http://127.0.0.1:${await files.listen(0)}`;
	} catch (error) {
		await api.stop();
		throw error;
	}
	return {
		baseUrl: state.baseUrl,
		fileBaseUrl: db.fileBaseUrl,
		apiKey: db.account('demo').key,
		otherApiKey: db.account('other').key,
		control: createControl(state),
		stop: async () => {
			await Promise.all([api.stop(), files.stop()]);
		},
	};
}
