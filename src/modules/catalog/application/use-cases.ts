import { makeActivateSettingsVersion } from './commands/activate-settings-version.ts';
import { makeAddModule } from './commands/add-module.ts';
import { makeAddStage } from './commands/add-stage.ts';
import { makeCreateSettingsVersion } from './commands/create-settings-version.ts';
import { makeCreateTrack } from './commands/create-track.ts';
import { makeDeleteModule } from './commands/delete-module.ts';
import { makeDeleteStage } from './commands/delete-stage.ts';
import { makeDeleteTrack } from './commands/delete-track.ts';
import { makeUpdateModule } from './commands/update-module.ts';
import { makeUpdateStage } from './commands/update-stage.ts';
import { makeUpdateTrack } from './commands/update-track.ts';
import type { CatalogDeps } from './deps.ts';
import { makeGetTrack, makeListTracks } from './queries/admin-tracks.ts';
import { makeGetPublishedTrack, makeListPublishedTracks } from './queries/public-tracks.ts';
import {
  makeCompareSettingsVersions,
  makeGetSettingsVersion,
  makeListSettingsVersions,
} from './queries/settings-versions.ts';

/** Every catalog use case, bound to its adapters. */
export function createCatalogUseCases(deps: CatalogDeps) {
  return {
    createTrack: makeCreateTrack(deps),
    updateTrack: makeUpdateTrack(deps),
    deleteTrack: makeDeleteTrack(deps),
    addStage: makeAddStage(deps),
    updateStage: makeUpdateStage(deps),
    deleteStage: makeDeleteStage(deps),
    addModule: makeAddModule(deps),
    updateModule: makeUpdateModule(deps),
    deleteModule: makeDeleteModule(deps),
    createSettingsVersion: makeCreateSettingsVersion(deps),
    activateSettingsVersion: makeActivateSettingsVersion(deps),
    listPublishedTracks: makeListPublishedTracks(deps),
    getPublishedTrack: makeGetPublishedTrack(deps),
    listTracks: makeListTracks(deps),
    getTrack: makeGetTrack(deps),
    listSettingsVersions: makeListSettingsVersions(deps),
    getSettingsVersion: makeGetSettingsVersion(deps),
    compareSettingsVersions: makeCompareSettingsVersions(deps),
  };
}

export type CatalogUseCases = ReturnType<typeof createCatalogUseCases>;
