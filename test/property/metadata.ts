import nock from 'nock';
import { METADATA_URL } from '../../sandbox/variations';

// nock intercepts every request while active, and a request through a proxy then never
// leaves: it is active only while a case needs it.
nock.restore();

/**
 * Makes the cloud metadata address a file host may redirect to answer a secret, with only
 * loopback reachable besides, until the returned function is called.
 */
export function interceptMetadata(): () => void {
	nock.activate();
	nock.disableNetConnect();
	nock.enableNetConnect(/^(127\.0\.0\.1|localhost):\d+$/);
	nock(new URL(METADATA_URL).origin).persist().get(/.*/).reply(200, 'metadata: secret credentials');
	return () => {
		nock.cleanAll();
		nock.enableNetConnect();
		nock.restore();
	};
}
