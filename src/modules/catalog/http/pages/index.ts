import type { FastifyInstance } from 'fastify';
import type { PagesDeps } from '../../../../shared/http/pages.ts';
import type { CatalogRouteDeps } from '../admin-track-routes.ts';

export type CatalogPagesDeps = PagesDeps & CatalogRouteDeps;

/** The catalog's pages: the public track list and track pages, and the admin pages. */
export async function catalogPages(app: FastifyInstance, deps: CatalogPagesDeps): Promise<void> {
  void app;
  void deps;
}
