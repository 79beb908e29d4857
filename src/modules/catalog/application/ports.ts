import type { AuditLog } from '../../../shared/application/audit.ts';
import type { UnitOfWork } from '../../../shared/application/unit-of-work.ts';
import type { TrackOutline } from '../domain/readiness.ts';
import type { QuestionBankFacts } from './question-bank-facts.ts';
import type { Stage, Track, TrackModule } from '../domain/track.ts';

export type CatalogAuditAction =
  'track.published' | 'track.unpublished' | 'track.deleted' | 'settings.version_created' | 'settings.activated';

export type TrackDetails = Readonly<{ slug?: string; title?: string; description?: string }>;

export type TrackRepository = {
  /** The track, its row locked: every change to a track's structure or state goes through this lock. */
  lockById(id: string): Promise<Track | undefined>;
  slugTaken(slug: string, exceptId?: string): Promise<boolean>;
  /** Inserts a draft; a taken slug (a race) is SlugTakenError. */
  create(track: Readonly<{ id: string; slug: string; title: string; description: string; now: Date }>): Promise<void>;
  updateDetails(id: string, details: TrackDetails, now: Date): Promise<void>;
  markPublished(id: string, now: Date): Promise<void>;
  markDraft(id: string, now: Date): Promise<void>;
  setCurrentSettings(id: string, version: number, now: Date): Promise<void>;
  /** Deletes the track with its stages, modules and settings versions. */
  delete(id: string): Promise<void>;
  outline(id: string): Promise<TrackOutline>;
};

export type NewStage = Readonly<{
  id: string;
  trackId: string;
  position: number;
  title: string;
  description: string;
  now: Date;
}>;

/** Stages and modules: both ordered within their track. */
export type OrderedRepository<Item, New> = {
  trackIdOf(id: string): Promise<string | undefined>;
  /** In position order. */
  ofTrack(trackId: string): Promise<Item[]>;
  append(item: New): Promise<void>;
  updateDetails(id: string, details: TrackDetails, now: Date): Promise<void>;
  /** Sets the positions (checked at commit, so they may swap). */
  renumber(changes: readonly Readonly<{ id: string; position: number }>[], now: Date): Promise<void>;
  delete(id: string): Promise<void>;
};

export type StageRepository = OrderedRepository<Stage, NewStage>;
export type ModuleRepository = OrderedRepository<TrackModule, NewStage & Readonly<{ slug: string }>> & {
  slugTaken(trackId: string, slug: string, exceptId?: string): Promise<boolean>;
};

export type StoredVersion = Readonly<{ version: number; params: unknown }>;

export type SettingsVersionRepository = {
  latestNumber(trackId: string): Promise<number>;
  byNumber(trackId: string, version: number): Promise<StoredVersion | undefined>;
  create(
    version: Readonly<{
      trackId: string;
      version: number;
      params: unknown;
      note: string;
      createdBy: string;
      now: Date;
    }>,
  ): Promise<void>;
};

export type CatalogRepositories = {
  tracks: TrackRepository;
  stages: StageRepository;
  modules: ModuleRepository;
  settingsVersions: SettingsVersionRepository;
  audit: AuditLog<CatalogAuditAction>;
  /** The question bank, read in the same transaction (after the track's lock). */
  questionBank: QuestionBankFacts;
};

export type CatalogUnitOfWork = UnitOfWork<CatalogRepositories>;

export type IdGenerator = () => string;
