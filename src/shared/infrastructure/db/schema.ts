import type { ColumnType, Generated } from 'kysely';

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

export type Database = {
  outbox: OutboxTable;
  idempotencyKeys: IdempotencyKeyTable;
  devMailbox: DevMailboxTable;
};
