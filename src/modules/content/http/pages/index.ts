import type { FastifyInstance } from 'fastify';
import type { Config } from '../../../../config.ts';
import type { Clock } from '../../../../shared/application/clock.ts';
import type { PagesDeps } from '../../../../shared/http/pages.ts';
import type { FileUploads } from '../../../files/index.ts';
import type { TrackDirectory } from '../../../questions/index.ts';
import type { ContentUseCases } from '../../application/contract.ts';

export type ContentPagesDeps = PagesDeps & {
  config: Config;
  clock: Clock;
  useCases: ContentUseCases;
  /** Tracks with their stages and modules (for the editor's link pickers and the article page). */
  tracks: TrackDirectory;
  /** Article images are uploaded through the files module. */
  uploads: FileUploads;
};

/** The public blog (list, search, article, feeds, sitemap) and the admin article pages. */
export async function contentPages(_app: FastifyInstance, _deps: ContentPagesDeps): Promise<void> {}
