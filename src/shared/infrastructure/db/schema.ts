import type { ColumnType, Generated } from 'kysely';
import type { ContactsTables } from './schema-contacts.ts';
import type { ContentTables } from './schema-content.ts';
import type { FilesTables } from './schema-files.ts';
import type { LearningTables } from './schema-learning.ts';
import type { MatrixTables } from './schema-matrix.ts';

/** Table types as Kysely sees them (camelCase through CamelCasePlugin). Modules add theirs. */
export type OutboxTable = {
  id: Generated<string>;
  type: string;
  payload: unknown;
  occurredAt: ColumnType<Date, Date | undefined, never>;
  attempts: ColumnType<number, never, number>;
  nextAttemptAt: ColumnType<Date, Date | undefined, Date>;
  lastError: string | null;
  deliveredAt: Date | null;
};

export type IdempotencyKeyTable = {
  scope: string;
  key: string;
  requestHash: string;
  owner: string;
  state: 'in_flight' | 'completed';
  responseStatus: number | null;
  responseHeaders: unknown;
  responseBody: string | null;
  createdAt: ColumnType<Date, Date | undefined, Date>;
  expiresAt: Date;
};

export type DevMailboxTable = {
  id: Generated<string>;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  sentAt: ColumnType<Date, Date | undefined, never>;
};

export type UserTable = {
  id: string;
  email: string;
  passwordHash: string;
  displayName: string;
  locale: 'ru' | 'en';
  role: 'student' | 'moderator' | 'admin' | 'owner';
  status: 'pending_verification' | 'active' | 'blocked';
  emailVerifiedAt: Date | null;
  passwordChangedAt: Date;
  totpSecret: string | null;
  totpPendingSecret: string | null;
  totpEnabledAt: Date | null;
  totpLastStep: ColumnType<string | null, number | null, number | null>;
  createdAt: Date;
  updatedAt: Date;
  avatarFileId: ColumnType<string | null, string | null | undefined, string | null>;
};

export type SessionTable = {
  id: string;
  userId: string;
  createdAt: Date;
  lastUsedAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  ip: string | null;
  userAgent: string | null;
  revokedAt: Date | null;
  revokedReason: string | null;
};

export type RefreshTokenTable = { tokenHash: string; sessionId: string; createdAt: Date; rotatedAt: Date | null };

export type OneTimeTokenTable = {
  tokenHash: string;
  userId: string;
  purpose: 'email_verification' | 'password_reset';
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
};

export type MfaChallengeTable = { id: string; userId: string; createdAt: Date; expiresAt: Date; usedAt: Date | null };

export type RecoveryCodeTable = { userId: string; codeHash: string; usedAt: Date | null };

export type AuditEventTable = {
  id: string;
  at: Date;
  actorId: string | null;
  action: string;
  subjectId: string | null;
  ip: string | null;
  requestId: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
};

/** A column the database fills when an insert leaves it out (a default or NULL). */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type TrackTable = {
  id: string;
  slug: string;
  title: string;
  description: Defaulted<string>;
  status: Defaulted<'draft' | 'published'>;
  currentSettingsVersion: Defaulted<number | null>;
  publishedAt: Defaulted<Date | null>;
  createdAt: Date;
  updatedAt: Date;
};

export type StageTable = {
  id: string;
  trackId: string;
  position: number;
  title: string;
  description: Defaulted<string>;
  createdAt: Date;
  updatedAt: Date;
};

export type ModuleTable = {
  id: string;
  trackId: string;
  slug: string;
  title: string;
  description: Defaulted<string>;
  position: number;
  createdAt: Date;
  updatedAt: Date;
};

export type SettingsVersionTable = {
  trackId: string;
  version: number;
  /** Written as JSON text, read back parsed. */
  params: ColumnType<unknown, string, never>;
  note: Defaulted<string>;
  createdBy: Defaulted<string | null>;
  createdAt: Date;
};

export type QuestionTable = {
  id: string;
  trackId: string;
  moduleId: string;
  stageId: string | null;
  kind: 'single' | 'multiple';
  name: Defaulted<string | null>;
  text: string;
  options: string[];
  correct: number[];
  explanation: Defaulted<string>;
  status: Defaulted<'active' | 'retired'>;
  retiredAt: Defaulted<Date | null>;
  replacesId: Defaulted<string | null>;
  usedAt: Defaulted<Date | null>;
  articleId: Defaulted<string | null>;
  createdBy: Defaulted<string | null>;
  createdAt: Date;
  updatedAt: Date;
};

/** Bumped by triggers whenever a track's question pools may have changed (migration 0014). */
export type QuestionPoolGenerationTable = { trackId: string; generation: ColumnType<string, never, never> };

export type Database = FilesTables &
  LearningTables &
  ContentTables &
  MatrixTables &
  ContactsTables & {
    users: UserTable;
    sessions: SessionTable;
    refreshTokens: RefreshTokenTable;
    oneTimeTokens: OneTimeTokenTable;
    recoveryCodes: RecoveryCodeTable;
    mfaChallenges: MfaChallengeTable;
    auditEvents: AuditEventTable;
    outbox: OutboxTable;
    idempotencyKeys: IdempotencyKeyTable;
    devMailbox: DevMailboxTable;
    tracks: TrackTable;
    stages: StageTable;
    modules: ModuleTable;
    settingsVersions: SettingsVersionTable;
    questions: QuestionTable;
    questionPoolGenerations: QuestionPoolGenerationTable;
  };
