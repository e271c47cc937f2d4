import { Agent, get } from 'node:http';
import { apiKey, baseUrl, listId, measure, pageSize } from './measure';

/** Keeps connections open between pages, as fetch and n8n's HTTP client do. */
const agent = new Agent({ keepAlive: true });

function getJson(url: string): Promise<{ contacts: unknown[]; pagesCount: number }> {
	return new Promise((resolve, reject) => {
		get(url, { agent, headers: { 'X-Api-Key': apiKey, Accept: 'application/json' } }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { contacts: unknown[]; pagesCount: number }));
			response.on('error', reject);
		}).on('error', reject);
	});
}

/** The same pages fetched and parsed by a bare loop over node:http: the lowest floor for the node. */
void measure(async () => {
	const contacts: unknown[] = [];
	for (let page = 1; ; page++) {
		const body = await getJson(`${baseUrl}/contacts?list_id=${listId}&page=${page}&limit=${pageSize}`);
		contacts.push(...body.contacts);
		if (page >= body.pagesCount) break;
	}
	return contacts.length;
}).finally(() => agent.destroy());
