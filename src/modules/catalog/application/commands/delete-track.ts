import type { RequestOrigin } from '../../../../shared/domain/audit.ts';
import { TrackInUseError, TrackNotDraftError, TrackNotFoundError } from '../../domain/errors.ts';
import { assertCanManageCatalog, type CatalogActor } from '../../domain/track.ts';
import type { CatalogDeps } from '../deps.ts';

export type DeleteTrackInput = {
  actor: CatalogActor;
  trackId: string;
  origin?: RequestOrigin | null | undefined;
  now: Date;
};

/** Deletes a draft track no question uses, with its stages, modules and settings versions. */
export function makeDeleteTrack(deps: Pick<CatalogDeps, 'uow'>) {
  return async function deleteTrack(input: DeleteTrackInput): Promise<void> {
    assertCanManageCatalog(input.actor);
    await deps.uow.run(async (tx) => {
      const track = await tx.tracks.lockById(input.trackId);
      if (!track) throw new TrackNotFoundError(input.trackId);
      if (track.status !== 'draft') throw new TrackNotDraftError();
      const questions = await tx.questionBank.countUsing({ trackId: track.id });
      if (questions > 0) throw new TrackInUseError(questions);
      await tx.tracks.delete(track.id);
      await tx.audit.record({
        at: input.now,
        actorId: input.actor.id,
        action: 'track.deleted',
        subjectId: track.id,
        origin: input.origin ?? null,
        details: { slug: track.slug, title: track.title },
      });
    });
  };
}
