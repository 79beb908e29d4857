import type { RequestOrigin } from '../../../../shared/domain/audit.ts';
import { SettingsVersionNotFoundError, TrackNotFoundError } from '../../domain/errors.ts';
import { assertActivatable } from '../../domain/readiness.ts';
import { assertCanManageCatalog, type CatalogActor } from '../../domain/track.ts';
import type { CatalogDeps } from '../deps.ts';

export type ActivateSettingsVersionInput = {
  actor: CatalogActor;
  trackId: string;
  version: number;
  origin?: RequestOrigin | null | undefined;
  now: Date;
};

/**
 * Makes a version the track's current settings once it still fits the track's modules and the
 * active question bank can fill every exam with it. Activating the current version changes nothing.
 */
export function makeActivateSettingsVersion(deps: Pick<CatalogDeps, 'uow'>) {
  return async function activateSettingsVersion(input: ActivateSettingsVersionInput): Promise<void> {
    assertCanManageCatalog(input.actor);
    await deps.uow.run(async (tx) => {
      const track = await tx.tracks.lockById(input.trackId);
      if (!track) throw new TrackNotFoundError(input.trackId);
      const stored = await tx.settingsVersions.byNumber(track.id, input.version);
      if (!stored) throw new SettingsVersionNotFoundError(input.version);
      if (track.currentSettingsVersion === stored.version) return;
      assertActivatable(await tx.tracks.outline(track.id), stored, await tx.questionBank.activePool(track.id));
      await tx.tracks.setCurrentSettings(track.id, stored.version, input.now);
      await tx.audit.record({
        at: input.now,
        actorId: input.actor.id,
        action: 'settings.activated',
        subjectId: track.id,
        origin: input.origin ?? null,
        details: { slug: track.slug, version: stored.version, previous: track.currentSettingsVersion },
      });
    });
  };
}
