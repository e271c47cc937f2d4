import '../engine-env';
import { runLeadsopedia } from '../../test/helpers/engine';
import { apiKey, baseUrl, listId, measure, pageSize } from './measure';

/** Fetches every contact of a list through the Leadsopedia node in n8n-core's engine. */
void measure(async () => {
	const run = await runLeadsopedia(
		{
			resource: 'contact',
			operation: 'getAll',
			listId: { __rl: true, mode: 'id', value: listId },
			returnAll: true,
			options: { pageSize: Number(pageSize) },
		},
		{ baseUrl, credentials: { apiKey } },
	);
	if (run.error) throw new Error(run.error.message);
	return run.items.length;
});
