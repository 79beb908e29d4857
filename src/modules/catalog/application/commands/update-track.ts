import type { RequestOrigin } from '../../../../shared/domain/audit.ts';
import { SlugTakenError, TrackNotFoundError } from '../../domain/errors.ts';
import {
  assertCanManageCatalog,
  type CatalogActor,
  checkedFields,
  definedOf,
  type TrackStatus,
} from '../../domain/track.ts';
import type { CatalogDeps } from '../deps.ts';
import { changeTrackStatus } from '../track-status.ts';

export type UpdateTrackInput = {
  actor: CatalogActor;
  trackId: string;
  slug?: string | undefined;
  title?: string | undefined;
  description?: string | undefined;
  /** `published` checks every publishing rule; `draft` unpublishes. */
  status?: TrackStatus | undefined;
  origin?: RequestOrigin | null | undefined;
  now: Date;
};

/** Edits a track's title, slug and description, and publishes or unpublishes it: all or nothing. */
export function makeUpdateTrack(deps: Pick<CatalogDeps, 'uow'>) {
  return async function updateTrack(input: UpdateTrackInput): Promise<void> {
    assertCanManageCatalog(input.actor);
    const fields = checkedFields({ slug: input.slug, title: input.title, description: input.description });
    await deps.uow.run(async (tx) => {
      const track = await tx.tracks.lockById(input.trackId);
      if (!track) throw new TrackNotFoundError(input.trackId);
      if (fields.slug !== undefined && (await tx.tracks.slugTaken(fields.slug, track.id))) {
        throw new SlugTakenError(fields.slug);
      }
      const details = definedOf(fields);
      if (Object.keys(details).length > 0) await tx.tracks.updateDetails(track.id, details, input.now);
      if (input.status === undefined) return;
      const status = input.status;
      await changeTrackStatus(tx, { ...input, track, status, origin: input.origin ?? null });
    });
  };
}
