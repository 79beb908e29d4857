import { ModuleSlugTakenError, TrackNotFoundError, TrackPublishedError } from '../../domain/errors.ts';
import { assertCanManageCatalog, type CatalogActor, checkedFields, type TrackModule } from '../../domain/track.ts';
import type { CatalogDeps } from '../deps.ts';

export type AddModuleInput = {
  actor: CatalogActor;
  trackId: string;
  slug: string;
  title: string;
  description?: string | undefined;
  now: Date;
};

/** Appends a module to a draft track: its slug is unique in the track, it takes the next position. */
export function makeAddModule(deps: Pick<CatalogDeps, 'uow' | 'newId'>) {
  return async function addModule(input: AddModuleInput): Promise<TrackModule> {
    assertCanManageCatalog(input.actor);
    const fields = checkedFields({ slug: input.slug, title: input.title, description: input.description ?? '' });
    return deps.uow.run(async (tx) => {
      const track = await tx.tracks.lockById(input.trackId);
      if (!track) throw new TrackNotFoundError(input.trackId);
      if (track.status === 'published') throw new TrackPublishedError();
      if (await tx.modules.slugTaken(track.id, fields.slug)) throw new ModuleSlugTakenError(fields.slug);
      const position = (await tx.modules.ofTrack(track.id)).length + 1;
      const id = deps.newId();
      const added = { id, trackId: track.id, position, ...fields };
      await tx.modules.append({ ...added, now: input.now });
      return added;
    });
  };
}
