import { ModuleInUseError, ModuleNotFoundError, TrackPublishedError } from '../../domain/errors.ts';
import { changedPositions, without } from '../../domain/positions.ts';
import { assertCanManageCatalog, type CatalogActor } from '../../domain/track.ts';
import type { CatalogDeps } from '../deps.ts';

export type DeleteModuleInput = { actor: CatalogActor; moduleId: string; now: Date };

/** Deletes a module of a draft track that no question uses; the modules after it move up. */
export function makeDeleteModule(deps: Pick<CatalogDeps, 'uow'>) {
  return async function deleteModule(input: DeleteModuleInput): Promise<{ trackId: string }> {
    assertCanManageCatalog(input.actor);
    return deps.uow.run(async (tx) => {
      const trackId = await tx.modules.trackIdOf(input.moduleId);
      const track = trackId ? await tx.tracks.lockById(trackId) : undefined;
      if (!track) throw new ModuleNotFoundError(input.moduleId);
      if (track.status === 'published') throw new TrackPublishedError();
      const questions = await tx.questionBank.countUsing({ moduleId: input.moduleId });
      if (questions > 0) throw new ModuleInUseError(questions);
      const order = (await tx.modules.ofTrack(track.id)).map((module) => module.id);
      // Deleted meanwhile by a request that held the lock first.
      if (!order.includes(input.moduleId)) throw new ModuleNotFoundError(input.moduleId);
      await tx.modules.delete(input.moduleId);
      await tx.modules.renumber(changedPositions(order, without(order, input.moduleId)), input.now);
      return { trackId: track.id };
    });
  };
}
