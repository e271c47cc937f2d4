/** The routes `N8nApi.signIn` posts to. */
const SIGN_IN_ROUTES = ['/rest/owner/setup', '/rest/login'];

/** n8n's REST API answers JSON; while n8n starts, any path may answer an HTML page with 200. */
const isJson = (response: Response) => response.headers.get('content-type')?.startsWith('application/json') === true;

/**
 * Whether a starting n8n answers what the harness does first: signing in. Not
 * /healthz/readiness (n8n 1.x answers it before its REST routes exist), not any 200 (while
 * it starts, n8n answers every path with an HTML page, then with 404s), and not
 * /rest/settings alone: it answers before the controllers with the sign-in routes are
 * registered, and a sign-in then meets Express's 404 "Cannot POST /rest/login".
 */
export async function readyForSignIn(baseUrl: string): Promise<boolean> {
	const settings = await fetch(`${baseUrl}/rest/settings`);
	await settings.body?.cancel();
	if (!settings.ok || !isJson(settings)) return false;
	for (const route of SIGN_IN_ROUTES) {
		// An empty body: refused (400/401) once the route exists, so nobody is signed in or set up.
		const response = await fetch(`${baseUrl}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		await response.body?.cancel();
		if (response.status === 404 || !isJson(response)) return false;
	}
	return true;
}
