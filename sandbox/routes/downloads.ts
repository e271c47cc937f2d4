import { paginateItems, type Route, type RouteContext } from '../router';
import { PAGING, parseId } from '../validate';
import { owned } from './access';

/** CONTRACT.md "Downloads", at the heading's path /downloads (the examples' /mydownloads answers 404). */

const ownDownload = (ctx: RouteContext) => {
	const id = parseId(ctx.params.id, 'id');
	return owned(ctx, ctx.db.downloads.get(id), 'download', id);
};

export const downloadRoutes: Route[] = [
	{
		method: 'GET',
		path: '/downloads',
		query: PAGING,
		handler: (ctx) => {
			const downloads = [...ctx.db.downloads.values()].filter((download) => download.account === ctx.account.name);
			return paginateItems(ctx, 'downloads', downloads.map((download) => ctx.db.downloadView(download)));
		},
	},
	{
		method: 'GET',
		path: '/downloads/:id',
		handler: (ctx) => ({ status: 200, body: ctx.db.downloadView(ownDownload(ctx)) }),
	},
	{
		method: 'DELETE',
		path: '/downloads/:id',
		handler: (ctx) => {
			const download = ownDownload(ctx);
			ctx.db.downloads.delete(download.id);
			ctx.db.recordActivity(ctx.account.name, 'download_deleted', `Deleted ${download.filename}`);
			return { status: 200, body: { id: download.id, deleted: true } };
		},
	},
];
