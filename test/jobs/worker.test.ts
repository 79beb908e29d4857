import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  createMaintenanceCleanup,
  MAINTENANCE_CLEANUP_CRON,
  MAINTENANCE_CLEANUP_QUEUE,
} from '../../src/shared/infrastructure/jobs/maintenance-cleanup.ts';
import { createOutboxRelay } from '../../src/shared/infrastructure/jobs/outbox-relay.ts';
import { startWorker } from '../../src/shared/infrastructure/jobs/worker.ts';
import { useTestDatabase } from '../support/database.ts';

const t = useTestDatabase();

describe('maintenance cleanup', () => {
  it('deletes expired idempotency keys, old delivered events, long-dead sessions and tokens, old dev mail, and nothing else', async () => {
    await sql`
      INSERT INTO idempotency_keys (scope, key, owner, request_hash, state, created_at, expires_at) VALUES
        ('s', 'expired', gen_random_uuid(), 'h', 'in_flight', now() - interval '2 days', now() - interval '1 day'),
        ('s', 'live', gen_random_uuid(), 'h', 'in_flight', now(), now() + interval '1 day')`.execute(t.db);
    await sql`
      INSERT INTO outbox (type, occurred_at, delivered_at) VALUES
        ('old.delivered', now() - interval '30 days', now() - interval '30 days'),
        ('recent.delivered', now() - interval '1 day', now() - interval '1 day'),
        ('old.pending', now() - interval '30 days', NULL)`.execute(t.db);

    await sql`
      INSERT INTO users (id, email, password_hash, display_name, locale, password_changed_at, created_at, updated_at)
      VALUES ('00000000-0000-7000-8000-000000000001', 'u@school.test', 'x', 'U', 'ru', now(), now(), now())`.execute(
      t.db,
    );
    await sql`
      INSERT INTO one_time_tokens (token_hash, user_id, purpose, created_at, expires_at) VALUES
        ('long-dead', '00000000-0000-7000-8000-000000000001', 'password_reset', now() - interval '60 days', now() - interval '59 days'),
        ('recently-expired', '00000000-0000-7000-8000-000000000001', 'password_reset', now() - interval '2 days', now() - interval '1 day')`.execute(
      t.db,
    );
    await sql`
      INSERT INTO sessions (id, user_id, created_at, last_used_at, idle_expires_at, absolute_expires_at) VALUES
        ('00000000-0000-7000-8000-00000000000a', '00000000-0000-7000-8000-000000000001',
         now() - interval '90 days', now() - interval '80 days', now() - interval '66 days', now() - interval '60 days'),
        ('00000000-0000-7000-8000-00000000000b', '00000000-0000-7000-8000-000000000001',
         now(), now(), now() + interval '1 day', now() + interval '2 days')`.execute(t.db);
    await sql`
      INSERT INTO dev_mailbox (to_address, subject, text_body, html_body, sent_at) VALUES
        ('u@school.test', 'old', 't', 'h', now() - interval '31 days'),
        ('u@school.test', 'new', 't', 'h', now())`.execute(t.db);

    await sql`
      INSERT INTO approval_notifications (event_id, recipient, sent_at) VALUES
        (1, 'old@school.test', now() - interval '30 days'),
        (2, 'new@school.test', now() - interval '1 day')`.execute(t.db);

    const cleanUp = createMaintenanceCleanup({ db: t.db, outboxRetentionDays: 7 });
    expect(await cleanUp()).toEqual({
      expiredIdempotencyKeys: 1,
      deliveredOutboxEvents: 1,
      deadOneTimeTokens: 1,
      deadSessions: 1,
      oldDevMail: 1,
      oldMailRecords: 1,
    });
    const left = await sql<{ n: string }>`
      SELECT (SELECT count(*) FROM one_time_tokens) + (SELECT count(*) FROM sessions) + (SELECT count(*) FROM dev_mailbox) AS n`.execute(
      t.db,
    );
    expect(Number(left.rows[0]!.n)).toBe(3);

    const keys = await t.db.selectFrom('idempotencyKeys').select('key').execute();
    expect(keys.map((row) => row.key)).toEqual(['live']);
    const events = await t.db.selectFrom('outbox').select('type').orderBy('type').execute();
    expect(events.map((row) => row.type)).toEqual(['old.pending', 'recent.delivered']);
  });
});

describe('worker', () => {
  it('schedules the cleanup, runs its jobs, and stops cleanly', async () => {
    const runs: unknown[] = [];
    const cleanUp = async () => {
      runs.push('ran');
      return {
        expiredIdempotencyKeys: 0,
        deliveredOutboxEvents: 0,
        deadOneTimeTokens: 0,
        deadSessions: 0,
        oldDevMail: 0,
        oldMailRecords: 0,
      };
    };
    const relay = createOutboxRelay({ db: t.db, handlers: new Map(), logger: t.logger, pollMs: 50 });
    const worker = await startWorker({
      connectionString: t.url,
      logger: t.logger,
      outboxRelay: relay,
      cleanUp,
      stopTimeoutMs: 5000,
    });
    try {
      const schedule = await sql<{ name: string; cron: string }>`SELECT name, cron FROM pgboss.schedule`.execute(t.db);
      expect(schedule.rows).toEqual([{ name: MAINTENANCE_CLEANUP_QUEUE, cron: MAINTENANCE_CLEANUP_CRON }]);

      // What the cron fires is an ordinary job on the queue; send one now rather than wait 15 minutes.
      const { PgBoss } = await import('pg-boss');
      const sender = new PgBoss({ connectionString: t.url, migrate: false, supervise: false, schedule: false });
      await sender.start();
      await sender.send(MAINTENANCE_CLEANUP_QUEUE, {});
      await sender.stop({ graceful: false, close: true });
      await expect.poll(() => runs.length, { timeout: 10_000, interval: 100 }).toBeGreaterThanOrEqual(1);
    } finally {
      await worker.stop();
    }
  });
});
