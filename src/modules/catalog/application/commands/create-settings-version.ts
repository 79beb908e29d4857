import type { RequestOrigin } from '../../../../shared/domain/audit.ts';
import { TrackNotFoundError } from '../../domain/errors.ts';
import { checkedNewSettings } from '../../domain/settings-fields.ts';
import { assertCanManageCatalog, type CatalogActor } from '../../domain/track.ts';
import type { CatalogDeps } from '../deps.ts';

export type CreateSettingsVersionInput = {
  actor: CatalogActor;
  trackId: string;
  /** Fields left out take the defaults; every failing field is reported at once. */
  params: unknown;
  note?: string | undefined;
  origin?: RequestOrigin | null | undefined;
  now: Date;
};

/** Writes the next immutable settings version of a track (checked against its modules); it is not current yet. */
export function makeCreateSettingsVersion(deps: Pick<CatalogDeps, 'uow'>) {
  return async function createSettingsVersion(input: CreateSettingsVersionInput): Promise<{ version: number }> {
    assertCanManageCatalog(input.actor);
    return deps.uow.run(async (tx) => {
      const track = await tx.tracks.lockById(input.trackId);
      if (!track) throw new TrackNotFoundError(input.trackId);
      const outline = await tx.tracks.outline(track.id);
      const { params, note } = checkedNewSettings(input.params, input.note ?? '', outline.modules.length);
      const version = (await tx.settingsVersions.latestNumber(track.id)) + 1;
      await tx.settingsVersions.create({
        trackId: track.id,
        version,
        params,
        note,
        createdBy: input.actor.id,
        now: input.now,
      });
      await tx.audit.record({
        at: input.now,
        actorId: input.actor.id,
        action: 'settings.version_created',
        subjectId: track.id,
        origin: input.origin ?? null,
        details: { slug: track.slug, version },
      });
      return { version };
    });
  };
}
