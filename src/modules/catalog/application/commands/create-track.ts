import { SlugTakenError } from '../../domain/errors.ts';
import { assertCanManageCatalog, type CatalogActor, checkedFields } from '../../domain/track.ts';
import type { CatalogDeps } from '../deps.ts';

export type CreateTrackInput = {
  actor: CatalogActor;
  slug: string;
  title: string;
  description?: string | undefined;
  now: Date;
};

/** A new draft track: no stages, modules or settings yet. */
export function makeCreateTrack(deps: Pick<CatalogDeps, 'uow' | 'newId'>) {
  return async function createTrack(input: CreateTrackInput): Promise<{ id: string }> {
    assertCanManageCatalog(input.actor);
    const fields = checkedFields({ slug: input.slug, title: input.title, description: input.description ?? '' });
    const id = deps.newId();
    await deps.uow.run(async (tx) => {
      if (await tx.tracks.slugTaken(fields.slug)) throw new SlugTakenError(fields.slug);
      await tx.tracks.create({ id, ...fields, now: input.now });
    });
    return { id };
  };
}
