import type { Clock } from '../../../../shared/application/clock.ts';
import type { PagesDeps } from '../../../../shared/http/pages.ts';
import type { QuestionsUseCases } from '../../application/contract.ts';
import type { TrackDirectory } from '../../application/track-directory.ts';

/** What the question bank's admin pages need. */
export type QuestionsPagesDeps = PagesDeps & {
  useCases: QuestionsUseCases;
  tracks: TrackDirectory;
  clock: Clock;
  /** Every track (id and title), for the track selects; without it a track is typed as its id or slug. */
  listTracks?: (() => Promise<readonly Readonly<{ id: string; title: string }>[]>) | undefined;
};
