import type { RequestOrigin } from '../../../shared/domain/audit.ts';
import { assertPublishable } from '../domain/readiness.ts';
import type { CatalogActor, Track, TrackStatus } from '../domain/track.ts';
import type { CatalogRepositories } from './ports.ts';

type StatusChange = Readonly<{
  actor: CatalogActor;
  track: Track;
  status: TrackStatus;
  origin: RequestOrigin | null;
  now: Date;
}>;

/**
 * Publishes (when stages, modules, valid current settings and a bank able to fill every exam
 * are there) or unpublishes a track, in the caller's transaction, with its audit event.
 */
export async function changeTrackStatus(tx: CatalogRepositories, change: StatusChange) {
  const { track, now } = change;
  if (change.status === track.status) return;
  if (change.status === 'published') {
    const outline = await tx.tracks.outline(track.id);
    const version = track.currentSettingsVersion;
    const current = version === null ? null : ((await tx.settingsVersions.byNumber(track.id, version)) ?? null);
    assertPublishable(outline, current, await tx.questionBank.activePool(track.id));
    await tx.tracks.markPublished(track.id, now);
  } else {
    await tx.tracks.markDraft(track.id, now);
  }
  await tx.audit.record({
    at: now,
    actorId: change.actor.id,
    action: change.status === 'published' ? 'track.published' : 'track.unpublished',
    subjectId: track.id,
    origin: change.origin,
    details: { slug: track.slug, settingsVersion: track.currentSettingsVersion },
  });
}
