import { StageInUseError, StageNotFoundError, TrackPublishedError } from '../../domain/errors.ts';
import { changedPositions, without } from '../../domain/positions.ts';
import { assertCanManageCatalog, type CatalogActor } from '../../domain/track.ts';
import type { CatalogDeps } from '../deps.ts';

export type DeleteStageInput = { actor: CatalogActor; stageId: string; now: Date };

/** Deletes a stage of a draft track that no question uses; the stages after it move up. */
export function makeDeleteStage(deps: Pick<CatalogDeps, 'uow'>) {
  return async function deleteStage(input: DeleteStageInput): Promise<{ trackId: string }> {
    assertCanManageCatalog(input.actor);
    return deps.uow.run(async (tx) => {
      const trackId = await tx.stages.trackIdOf(input.stageId);
      const track = trackId ? await tx.tracks.lockById(trackId) : undefined;
      if (!track) throw new StageNotFoundError(input.stageId);
      if (track.status === 'published') throw new TrackPublishedError();
      const questions = await tx.questionBank.countUsing({ stageId: input.stageId });
      if (questions > 0) throw new StageInUseError(questions);
      const order = (await tx.stages.ofTrack(track.id)).map((stage) => stage.id);
      // Deleted meanwhile by a request that held the lock first.
      if (!order.includes(input.stageId)) throw new StageNotFoundError(input.stageId);
      await tx.stages.delete(input.stageId);
      await tx.stages.renumber(changedPositions(order, without(order, input.stageId)), input.now);
      return { trackId: track.id };
    });
  };
}
