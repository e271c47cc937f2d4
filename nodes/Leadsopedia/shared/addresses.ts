/**
 * Where a host name points, judged from the name itself (the node resolves no names): this
 * machine, a private or otherwise special network, or the public internet. Only used to
 * decide where the key or a file request may go.
 */
export type AddressKind = 'loopback' | 'private' | 'public';

/** IPv4 blocks that are not the public internet (RFC 6890), as [first octets, prefix length]. */
const SPECIAL_IPV4: Array<[number[], number, AddressKind]> = [
	[[127], 8, 'loopback'],
	[[0], 8, 'private'], // "this network"; 0.0.0.0 reaches this machine on most systems
	[[10], 8, 'private'],
	[[100, 64], 10, 'private'], // carrier-grade NAT
	[[169, 254], 16, 'private'], // link-local, where cloud metadata services answer
	[[172, 16], 12, 'private'],
	[[192, 0, 0], 24, 'private'],
	[[192, 168], 16, 'private'],
	[[198, 18], 15, 'private'],
	[[224], 4, 'private'], // multicast
	[[240], 4, 'private'], // reserved, and the broadcast address
];

function ipv4Kind(octets: number[]): AddressKind {
	const value = ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
	for (const [start, bits, kind] of SPECIAL_IPV4) {
		const base = start.reduce((sum, octet, index) => sum | (octet << (24 - 8 * index)), 0) >>> 0;
		const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
		if (((value & mask) >>> 0) === ((base & mask) >>> 0)) return kind;
	}
	return 'public';
}

/** The eight 16-bit groups of an IPv6 address as the URL parser writes it (compressed, hex). */
function ipv6Groups(address: string): number[] | undefined {
	const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
	const split = (part: string) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
	const first = split(head);
	const last = tail === undefined ? [] : split(tail);
	const groups = tail === undefined ? first : [...first, ...new Array<number>(8 - first.length - last.length).fill(0), ...last];
	return groups.length === 8 && groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff) ? groups : undefined;
}

function ipv6Kind(groups: number[]): AddressKind {
	const embeddedIpv4 = [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff];
	const zeroUpTo = (count: number) => groups.slice(0, count).every((group) => group === 0);
	if (zeroUpTo(7) && groups[7] === 1) return 'loopback';
	if (zeroUpTo(8)) return 'private'; // the unspecified address
	if (zeroUpTo(5) && groups[5] === 0xffff) return ipv4Kind(embeddedIpv4); // IPv4-mapped
	if (groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((group) => group === 0)) return ipv4Kind(embeddedIpv4); // NAT64
	if ((groups[0] & 0xfe00) === 0xfc00) return 'private'; // unique local
	if ((groups[0] & 0xffc0) === 0xfe80) return 'private'; // link-local
	if ((groups[0] & 0xff00) === 0xff00) return 'private'; // multicast
	return 'public';
}

/** Names only a local network resolves: a single label (`metadata`) or a private suffix. */
const PRIVATE_NAME = /(^[^.]+$|\.(internal|local|localdomain|lan|home\.arpa|intranet|corp)$)/;

/**
 * The kind of a URL's `hostname`, as WHATWG URL normalises it: IPv4 in any spelling
 * (2130706433, 0x7f.1) becomes dotted decimal, IPv6 comes in brackets, names in lower case.
 * Other names count as public unless they are local by their form (metadata.google.internal):
 * where a name resolves is not known here.
 */
export function addressKind(hostname: string): AddressKind {
	const host = hostname.toLowerCase().replace(/\.$/, '');
	if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
	const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
	if (ipv4) return ipv4Kind(ipv4.slice(1).map(Number));
	if (host.startsWith('[') && host.endsWith(']')) {
		const groups = ipv6Groups(host.slice(1, -1));
		return groups ? ipv6Kind(groups) : 'private';
	}
	return PRIVATE_NAME.test(host) ? 'private' : 'public';
}

/** Whether a host (a URL's hostname, or a proxy's host as n8n parses it) is this machine. */
export function isLoopbackHost(host: string): boolean {
	const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
	try {
		return addressKind(new URL(`http://${bracketed}/`).hostname) === 'loopback';
	} catch {
		return false;
	}
}
