import type { Route } from '../router';
import { accountRoutes } from './account';
import { contactRoutes } from './contacts';
import { downloadRoutes } from './downloads';
import { listRoutes } from './lists';

/** Every endpoint of CONTRACT.md; any other method and path answers 404. */
export const routes: readonly Route[] = [...listRoutes, ...contactRoutes, ...downloadRoutes, ...accountRoutes];
