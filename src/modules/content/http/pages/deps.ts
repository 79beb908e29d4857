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

/** A track with its stages and modules, as the track directory gives it. */
export type TrackOutline = NonNullable<Awaited<ReturnType<TrackDirectory['outline']>>>;
