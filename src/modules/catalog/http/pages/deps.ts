import type { PagesDeps } from '../../../../shared/http/pages.ts';
import type { CatalogRouteDeps } from '../admin-track-routes.ts';

/** What the catalog's pages get: rendering, flash and cookies, the use cases and the clock. */
export type CatalogPagesDeps = PagesDeps & CatalogRouteDeps;
