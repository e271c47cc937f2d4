import assert from 'node:assert/strict';
import type { CheckGroup } from './context';

const account = (operation: string, parameters: Record<string, unknown> = {}) => ({
	path: `account-${operation}`,
	parameters: { resource: 'account', operation, ...parameters },
});

/** Every account operation; what the sandbox's demo account holds is known from its seed. */
export const accountChecks: CheckGroup = {
	workflows: [
		account('get'),
		account('getCredits'),
		account('getUsage'),
		account('getActivity', { returnAll: true, options: {} }),
		account('getHistory', { returnAll: true, options: {} }),
	],

	async run({ runner, call }) {
		await runner.check('account get returns the profile', async () => {
			const [profile] = await call('account-get');
			assert.equal(profile.email, 'demo@example.com');
		});
		await runner.check('account getCredits returns the credits', async () => {
			const [credits] = await call('account-getCredits');
			assert.equal(credits.credits_total, Number(credits.credits_used) + Number(credits.credits_left));
		});
		await runner.check('account getUsage passes the answer through', async () => {
			const items = await call('account-getUsage');
			assert.equal(items.length, 1);
			assert.ok(Object.keys(items[0]).length > 0, 'empty usage');
		});
		await runner.check('account getActivity returns the activities', async () => {
			const items = await call('account-getActivity');
			assert.ok(items.length >= 3 && items.every((item) => typeof item.description === 'string'), JSON.stringify(items));
		});
		await runner.check('account getHistory returns the search history', async () => {
			const items = await call('account-getHistory');
			assert.equal(items.length, 12);
			assert.ok(items.every((item) => /^[0-9a-f]{24}$/.test(String(item.id))), 'history ids are ObjectIDs');
		});
	},
};
