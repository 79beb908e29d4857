import type { FastifyInstance } from 'fastify';
import { adminSettingsPages } from './admin-settings-pages.tsx';
import { adminStructurePages } from './admin-structure-pages.tsx';
import { adminTrackPages } from './admin-track-pages.tsx';
import type { CatalogPagesDeps } from './deps.ts';
import { publicPages } from './public-pages.tsx';

export type { CatalogPagesDeps };

/** The catalog's pages: the public track list and track pages, and the admin pages. */
export async function catalogPages(app: FastifyInstance, deps: CatalogPagesDeps): Promise<void> {
  await publicPages(app, deps);
  await adminTrackPages(app, deps);
  await adminStructurePages(app, deps);
  await adminSettingsPages(app, deps);
}
