import { TrackNotFoundError, TrackPublishedError } from '../../domain/errors.ts';
import { assertCanManageCatalog, type CatalogActor, checkedFields, type Stage } from '../../domain/track.ts';
import type { CatalogDeps } from '../deps.ts';

export type AddStageInput = {
  actor: CatalogActor;
  trackId: string;
  title: string;
  description?: string | undefined;
  now: Date;
};

/** Appends a stage to a draft track: it takes the next position. */
export function makeAddStage(deps: Pick<CatalogDeps, 'uow' | 'newId'>) {
  return async function addStage(input: AddStageInput): Promise<Stage> {
    assertCanManageCatalog(input.actor);
    const fields = checkedFields({ title: input.title, description: input.description ?? '' });
    return deps.uow.run(async (tx) => {
      const track = await tx.tracks.lockById(input.trackId);
      if (!track) throw new TrackNotFoundError(input.trackId);
      if (track.status === 'published') throw new TrackPublishedError();
      const position = (await tx.stages.ofTrack(track.id)).length + 1;
      const id = deps.newId();
      const added = { id, trackId: track.id, position, ...fields };
      await tx.stages.append({ ...added, now: input.now });
      return added;
    });
  };
}
