import { SettingsVersionNotFoundError, TrackNotFoundError } from '../../domain/errors.ts';
import { DEFAULT_SETTINGS, type SettingsParams } from '../../domain/settings.ts';
import { diffSettings, type SettingsChange } from '../../domain/settings-fields.ts';
import { assertCanManageCatalog, type CatalogActor } from '../../domain/track.ts';
import type { CatalogDeps } from '../deps.ts';
import type { AdminTrack, SettingsVersionView } from '../reads.ts';

export type SettingsHistory = Readonly<{
  track: AdminTrack;
  /** Newest first. */
  versions: readonly SettingsVersionView[];
  defaults: SettingsParams;
}>;

/** A track's settings versions, newest first, with the defaults new versions start from. */
export function makeListSettingsVersions(deps: Pick<CatalogDeps, 'reads'>) {
  return async function listSettingsVersions(input: {
    actor: CatalogActor;
    trackId: string;
  }): Promise<SettingsHistory> {
    assertCanManageCatalog(input.actor);
    const track = await deps.reads.track(input.trackId);
    if (!track) throw new TrackNotFoundError(input.trackId);
    return { track, versions: await deps.reads.settingsVersions(track.id), defaults: DEFAULT_SETTINGS };
  };
}

type VersionInput = { actor: CatalogActor; trackId: string; version: number };

export function makeGetSettingsVersion(deps: Pick<CatalogDeps, 'reads'>) {
  return async function getSettingsVersion(input: VersionInput): Promise<SettingsVersionView & { current: boolean }> {
    assertCanManageCatalog(input.actor);
    const track = await deps.reads.track(input.trackId);
    if (!track) throw new TrackNotFoundError(input.trackId);
    const version = await deps.reads.settingsVersion(track.id, input.version);
    if (!version) throw new SettingsVersionNotFoundError(input.version);
    return { ...version, current: version.version === track.currentSettingsVersion };
  };
}

/** The fields that changed from one version of a track to another. */
export function makeCompareSettingsVersions(deps: Pick<CatalogDeps, 'reads'>) {
  return async function compareSettingsVersions(input: {
    actor: CatalogActor;
    trackId: string;
    from: number;
    to: number;
  }): Promise<SettingsChange[]> {
    const getVersion = makeGetSettingsVersion(deps);
    const [from, to] = await Promise.all([
      getVersion({ ...input, version: input.from }),
      getVersion({ ...input, version: input.to }),
    ]);
    return diffSettings(from.params as SettingsParams, to.params as SettingsParams);
  };
}
