/**
 * The largest number of items n8n-core's declarative runner can append for one input item
 * on this Node: RoutingNode does `returnData.push(...responseData.value)` right after
 * awaiting its requests, so the spread is made on a shallow stack, as here. Node's default
 * stack size, as n8n runs.
 */
async function appends(count: number): Promise<boolean> {
	const value = Array.from({ length: count }, () => ({ json: {} }));
	await Promise.allSettled([Promise.resolve()]);
	const returnData: unknown[] = [];
	try {
		returnData.push(...value);
		return true;
	} catch (error) {
		if (error instanceof RangeError) return false;
		throw error;
	}
}

async function largest(): Promise<number> {
	let works = 1;
	let fails = 10_000_000;
	while (fails - works > 1) {
		const middle = Math.floor((works + fails) / 2);
		if (await appends(middle)) works = middle;
		else fails = middle;
	}
	return works;
}

void largest().then((count) => console.log(JSON.stringify({ node: process.version, largest: count })));
