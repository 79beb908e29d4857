import type { TrackStatus } from '../domain/track.ts';

export type Page<T> = Readonly<{ items: readonly T[]; total: number }>;
export type Paging = Readonly<{ limit: number; offset: number }>;

/** A published track as the public list shows it. */
export type TrackCard = Readonly<{
  id: string;
  slug: string;
  title: string;
  description: string;
  stageCount: number;
  moduleCount: number;
}>;

export type StageView = Readonly<{ id: string; position: number; title: string; description: string }>;
export type ModuleView = StageView & Readonly<{ slug: string }>;

export type PublicTrack = Readonly<{
  id: string;
  slug: string;
  title: string;
  description: string;
  stages: readonly StageView[];
  modules: readonly ModuleView[];
}>;

export type TrackListItem = TrackCard &
  Readonly<{ status: TrackStatus; currentSettingsVersion: number | null; updatedAt: Date }>;

export type TrackListFilter = Paging & Readonly<{ status?: TrackStatus | undefined; q?: string | undefined }>;

export type AdminTrack = Readonly<{
  id: string;
  slug: string;
  title: string;
  description: string;
  status: TrackStatus;
  currentSettingsVersion: number | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  stages: readonly StageView[];
  modules: readonly ModuleView[];
}>;

export type SettingsVersionView = Readonly<{
  version: number;
  params: unknown;
  note: string;
  createdAt: Date;
  createdBy: Readonly<{ id: string; displayName: string }> | null;
}>;

/** Reads for pages and JSON: exactly the columns the views need. */
export type CatalogReads = {
  publishedTracks(paging: Paging): Promise<Page<TrackCard>>;
  publishedTrack(slug: string): Promise<PublicTrack | undefined>;
  tracks(filter: TrackListFilter): Promise<Page<TrackListItem>>;
  track(id: string): Promise<AdminTrack | undefined>;
  /** Newest first. */
  settingsVersions(trackId: string): Promise<SettingsVersionView[]>;
  settingsVersion(trackId: string, version: number): Promise<SettingsVersionView | undefined>;
};
