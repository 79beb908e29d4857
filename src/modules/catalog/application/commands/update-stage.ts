import { StageNotFoundError, TrackPublishedError } from '../../domain/errors.ts';
import { changedPositions, moveTo } from '../../domain/positions.ts';
import {
  assertCanManageCatalog,
  type CatalogActor,
  checkedFields,
  checkedPosition,
  definedOf,
  type Stage,
} from '../../domain/track.ts';
import type { CatalogDeps } from '../deps.ts';

export type UpdateStageInput = {
  actor: CatalogActor;
  stageId: string;
  title?: string | undefined;
  description?: string | undefined;
  /** Moves the stage there (1..n), shifting the stages in between. */
  position?: number | undefined;
  now: Date;
};

/** Edits a stage's title and description, or moves it; moving needs a draft track. */
export function makeUpdateStage(deps: Pick<CatalogDeps, 'uow'>) {
  return async function updateStage(input: UpdateStageInput): Promise<Stage> {
    assertCanManageCatalog(input.actor);
    const fields = checkedFields({ title: input.title, description: input.description });
    return deps.uow.run(async (tx) => {
      const trackId = await tx.stages.trackIdOf(input.stageId);
      const track = trackId ? await tx.tracks.lockById(trackId) : undefined;
      const stages = track ? await tx.stages.ofTrack(track.id) : [];
      const stage = stages.find((candidate) => candidate.id === input.stageId);
      if (!track || !stage) throw new StageNotFoundError(input.stageId);
      await tx.stages.updateDetails(stage.id, fields, input.now);
      const updated = { ...stage, ...definedOf(fields) };
      if (input.position === undefined || input.position === stage.position) return updated;
      if (track.status === 'published') throw new TrackPublishedError();
      const order = stages.map((item) => item.id);
      const moved = moveTo(order, stage.id, checkedPosition(input.position, stages.length));
      await tx.stages.renumber(changedPositions(order, moved), input.now);
      return { ...updated, position: moved.indexOf(stage.id) + 1 };
    });
  };
}
