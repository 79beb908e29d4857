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
export function makeDeleteTrack(deps: Pick<CatalogDeps, 'uow' | 'questionBank'>) {
  return async function deleteTrack(input: DeleteTrackInput): Promise<void> {
    assertCanManageCatalog(input.actor);
    // The bank is read on a connection of its own, before the transaction: waiting for a second
    // connection while holding the track's lock starves the pool when requests queue on that lock.
    const questions = await deps.questionBank.countUsing({ trackId: input.trackId });
    await deps.uow.run(async (tx) => {
      const track = await tx.tracks.lockById(input.trackId);
      if (!track) throw new TrackNotFoundError(input.trackId);
      if (track.status !== 'draft') throw new TrackNotDraftError();
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
