import { digits, hash, pick, rng } from './random';
import type { Contact } from './types';

/** Fake but plausible lead data, generated per index so a list of millions costs no memory. */

const FIRST = ['Ada', 'Alan', 'Grace', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Frances', 'Edsger',
	'Radia', 'Tim', 'Hedy', 'John', 'Katherine', 'Donald', 'Sophie', 'Niklaus', 'Joan', 'Bjarne'] as const;
const LAST = ['Lovelace', 'Turing', 'Hopper', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson', 'Allen',
	'Dijkstra', 'Perlman', 'Berners', 'Lamarr', 'Backus', 'Johnson', 'Knuth', 'Wilson', 'Wirth', 'Clarke', 'Stroustrup'] as const;
const TITLES = ['CEO', 'CTO', 'Head of Sales', 'Marketing Manager', 'Software Engineer', 'Account Executive',
	'Operations Lead', 'Product Manager', 'Procurement Officer', 'Founder'] as const;
const COMPANIES = [
	['Acme Corp', 'acme.example'], ['Globex', 'globex.example'], ['Initech', 'initech.example'],
	['Umbrella Labs', 'umbrella.example'], ['Hooli', 'hooli.example'], ['Stark Industries', 'stark.example'],
	['Wayne Enterprises', 'wayne.example'], ['Soylent', 'soylent.example'], ['Tyrell', 'tyrell.example'],
	['Cyberdyne', 'cyberdyne.example'],
] as const;
const PLACES = [
	['Austin', 'Texas', 'South', 'United States'], ['Portland', 'Oregon', 'West', 'United States'],
	['Boston', 'Massachusetts', 'Northeast', 'United States'], ['Toronto', 'Ontario', 'Central', 'Canada'],
	['Manchester', 'England', 'North West', 'United Kingdom'], ['Lyon', 'Auvergne-Rhône-Alpes', 'South East', 'France'],
	['Munich', 'Bavaria', 'South', 'Germany'], ['Melbourne', 'Victoria', 'South East', 'Australia'],
] as const;

/** Generated emails end in `<index>@`, so an email can be traced back to its index (see ContactStore). */
export const generatedIndexOf = (email: string): number | undefined => {
	const match = /(\d+)@[^@]+$/.exec(email);
	return match ? Number(match[1]) : undefined;
};

export function generateContact(seed: number, listId: number, index: number, id: number, dateAdded: string): Contact {
	const random = rng(hash(seed, listId, index));
	const first = pick(random, FIRST);
	const last = pick(random, LAST);
	const [company, domain] = pick(random, COMPANIES);
	const [city, state, region, country] = pick(random, PLACES);
	return {
		id,
		email: `${first}.${last}${index}@${domain}`.toLowerCase(),
		first_name: first,
		last_name: last,
		title: pick(random, TITLES),
		company,
		phone: `+1-202-555-${digits(random, 4)}`,
		city,
		state,
		region,
		country,
		date_added: dateAdded,
	};
}

/** Rows of an export file: a CSV of leads. */
export function generateCsv(seed: number, downloadId: number, rows: number): string {
	const header = 'email,first_name,last_name,title,company,phone,city,country';
	const lines = Array.from({ length: rows }, (_, index) => {
		const c = generateContact(seed, -downloadId, index, index + 1, '');
		return [c.email, c.first_name, c.last_name, c.title, c.company, c.phone, c.city, c.country].join(',');
	});
	return [header, ...lines].join('\n') + '\n';
}
