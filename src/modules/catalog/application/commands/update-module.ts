import { ModuleNotFoundError, ModuleSlugTakenError, TrackPublishedError } from '../../domain/errors.ts';
import { changedPositions, moveTo } from '../../domain/positions.ts';
import {
  assertCanManageCatalog,
  type CatalogActor,
  checkedFields,
  checkedPosition,
  definedOf,
  type TrackModule,
} from '../../domain/track.ts';
import type { CatalogDeps } from '../deps.ts';

export type UpdateModuleInput = {
  actor: CatalogActor;
  moduleId: string;
  slug?: string | undefined;
  title?: string | undefined;
  description?: string | undefined;
  /** Moves the module there (1..n), shifting the modules in between. */
  position?: number | undefined;
  now: Date;
};

/** Edits a module's slug, title and description, or moves it; moving needs a draft track. */
export function makeUpdateModule(deps: Pick<CatalogDeps, 'uow'>) {
  return async function updateModule(input: UpdateModuleInput): Promise<TrackModule> {
    assertCanManageCatalog(input.actor);
    const fields = checkedFields({ slug: input.slug, title: input.title, description: input.description });
    return deps.uow.run(async (tx) => {
      const trackId = await tx.modules.trackIdOf(input.moduleId);
      const track = trackId ? await tx.tracks.lockById(trackId) : undefined;
      const modules = track ? await tx.modules.ofTrack(track.id) : [];
      const module = modules.find((candidate) => candidate.id === input.moduleId);
      if (!track || !module) throw new ModuleNotFoundError(input.moduleId);
      if (fields.slug !== undefined && (await tx.modules.slugTaken(track.id, fields.slug, module.id))) {
        throw new ModuleSlugTakenError(fields.slug);
      }
      await tx.modules.updateDetails(module.id, fields, input.now);
      const updated = { ...module, ...definedOf(fields) };
      if (input.position === undefined || input.position === module.position) return updated;
      if (track.status === 'published') throw new TrackPublishedError();
      const order = modules.map((item) => item.id);
      const moved = moveTo(order, module.id, checkedPosition(input.position, modules.length));
      await tx.modules.renumber(changedPositions(order, moved), input.now);
      return { ...updated, position: moved.indexOf(module.id) + 1 };
    });
  };
}
