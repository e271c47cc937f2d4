import '../engine-env';
import { runLeadsopedia } from '../../test/helpers/engine';
import { apiKey, baseUrl, batchSize, listId, measure, pageSize } from './measure';

/**
 * Reads a whole list the way a big list must be read in n8n: one execution per batch of
 * Limit items at Options → Offset 0, Limit, 2 × Limit, … (what each Loop Over Items
 * iteration does), until a batch comes back short. Checks that the ids run on without a gap
 * or a repeat across batches, and keeps only counts, as a workflow that writes each batch on.
 */
void measure(async () => {
	const limit = Number(batchSize);
	let read = 0;
	let lastId: number | undefined;
	for (let offset = 0; ; offset += limit) {
		const run = await runLeadsopedia(
			{
				resource: 'contact',
				operation: 'getAll',
				listId: { __rl: true, mode: 'id', value: listId },
				returnAll: false,
				limit,
				options: { offset, pageSize: Number(pageSize) },
			},
			{ baseUrl, credentials: { apiKey } },
		);
		if (run.error) throw new Error(`batch at offset ${offset}: ${run.error.message}`);
		for (const item of run.items) {
			const id = Number(item.json.id);
			if (lastId !== undefined && id !== lastId + 1) throw new Error(`batch at offset ${offset}: id ${id} after ${lastId}`);
			lastId = id;
		}
		read += run.items.length;
		if (run.items.length < limit) return read;
	}
}, 0);
