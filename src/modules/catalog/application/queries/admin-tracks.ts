import { TrackNotFoundError } from '../../domain/errors.ts';
import { type Blocker, publicationBlockers } from '../../domain/readiness.ts';
import { assertCanManageCatalog, type CatalogActor } from '../../domain/track.ts';
import type { CatalogDeps } from '../deps.ts';
import type { AdminTrack, Page, TrackListFilter, TrackListItem } from '../reads.ts';

/** Every track, drafts included, for admins and the owner. */
export function makeListTracks(deps: Pick<CatalogDeps, 'reads'>) {
  return async function listTracks(input: {
    actor: CatalogActor;
    filter: TrackListFilter;
  }): Promise<Page<TrackListItem>> {
    assertCanManageCatalog(input.actor);
    return deps.reads.tracks(input.filter);
  };
}

export type TrackOverview = AdminTrack & {
  /** What keeps the track from being published (empty: it can be). */
  blockers: readonly Blocker[];
  /** Active exam questions per stage tier and per module (ids as keys). */
  activeQuestions: Readonly<{ byStage: ReadonlyMap<string, number>; byModule: ReadonlyMap<string, number> }>;
};

/** A track with its stages, modules and readiness to be published, for admins and the owner. */
export function makeGetTrack(deps: Pick<CatalogDeps, 'reads' | 'questionBank'>) {
  return async function getTrack(input: { actor: CatalogActor; trackId: string }): Promise<TrackOverview> {
    assertCanManageCatalog(input.actor);
    const track = await deps.reads.track(input.trackId);
    if (!track) throw new TrackNotFoundError(input.trackId);
    const version = track.currentSettingsVersion;
    const [current, pool] = await Promise.all([
      version === null ? undefined : deps.reads.settingsVersion(track.id, version),
      deps.questionBank.activePool(track.id),
    ]);
    const blockers = publicationBlockers(track, current ?? null, pool);
    const count = (keys: (string | null)[]) =>
      keys.reduce((map, key) => (key ? map.set(key, (map.get(key) ?? 0) + 1) : map), new Map<string, number>());
    const activeQuestions = {
      byStage: count(pool.map((q) => q.stageId)),
      byModule: count(pool.map((q) => q.moduleId)),
    };
    return { ...track, blockers, activeQuestions };
  };
}
