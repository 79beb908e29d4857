import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DeliveredEvent, OutboxHandler } from '../../src/shared/application/outbox.ts';
import { createUnitOfWork } from '../../src/shared/infrastructure/db/unit-of-work.ts';
import { createOutbox } from '../../src/shared/infrastructure/jobs/outbox.ts';
import { createOutboxRelay } from '../../src/shared/infrastructure/jobs/outbox-relay.ts';
import { useTestDatabase } from '../support/database.ts';

const t = useTestDatabase({ maxConnections: 8 });
beforeEach(async () => {
  await sql`TRUNCATE outbox`.execute(t.db);
});

const uow = () => createUnitOfWork(t.db, (tx) => ({ outbox: createOutbox(tx) }));
const relayWith = (handlers: Record<string, OutboxHandler[]>, pollMs = 1000) =>
  createOutboxRelay({ db: t.db, handlers: new Map(Object.entries(handlers)), logger: t.logger, pollMs });

describe('outbox', () => {
  it('holds an event only if its transaction commits', async () => {
    await uow().run((tx) => tx.outbox.add({ type: 'attempt.finished', payload: { attemptId: 'a1' } }));
    await expect(
      uow().run(async (tx) => {
        await tx.outbox.add({ type: 'attempt.finished', payload: { attemptId: 'a2' } });
        throw new Error('the use case failed after writing');
      }),
    ).rejects.toThrow('the use case failed');

    const delivered: DeliveredEvent[] = [];
    const relay = relayWith({ 'attempt.finished': [async (event) => void delivered.push(event)] });
    expect(await relay.deliverDue()).toBe(1);
    expect(delivered.map((event) => event.payload)).toEqual([{ attemptId: 'a1' }]);
    expect(await relay.deliverDue()).toBe(0);
  });

  it('rejects a malformed event type (a CHECK constraint)', async () => {
    await expect(uow().run((tx) => tx.outbox.add({ type: 'NoDot', payload: {} }))).rejects.toThrow(
      /outbox_type_format/,
    );
  });

  it('survives a failing handler: other events go on, the failed one is retried with backoff', async () => {
    let failuresLeft = 1;
    const calls: string[] = [];
    const relay = relayWith({
      'mail.requested': [
        async (event) => {
          calls.push(`mail:${event.id}`);
          if (failuresLeft-- > 0) throw new Error('SMTP is down');
        },
      ],
      'approval.decided': [async (event) => void calls.push(`approval:${event.id}`)],
    });
    await uow().run(async (tx) => {
      await tx.outbox.add({ type: 'mail.requested', payload: { to: 'a@b.co' } });
      await tx.outbox.add({ type: 'approval.decided', payload: { id: 'x' } });
    });

    expect(await relay.deliverDue()).toBe(1);
    const failed = await t.db
      .selectFrom('outbox')
      .select(['id', 'attempts', 'lastError', 'deliveredAt', sql<boolean>`next_attempt_at > now()`.as('deferred')])
      .where('type', '=', 'mail.requested')
      .executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ attempts: 1, lastError: 'SMTP is down', deliveredAt: null, deferred: true });

    // Not due yet: nothing happens until the backoff has passed.
    expect(await relay.deliverDue()).toBe(0);
    await t.db
      .updateTable('outbox')
      .set({ nextAttemptAt: new Date(Date.now() - 1000) })
      .where('id', '=', failed.id)
      .execute();
    expect(await relay.deliverDue()).toBe(1);

    expect(calls.filter((call) => call.startsWith('mail:'))).toHaveLength(2);
    expect(calls.filter((call) => call.startsWith('approval:'))).toHaveLength(1);
    const pending = await t.db.selectFrom('outbox').select('id').where('deliveredAt', 'is', null).execute();
    expect(pending).toEqual([]);
  });

  it('records a failure whose message PostgreSQL could not store as is', async () => {
    const relay = relayWith({
      'file.scanned': [
        async () => {
          throw new Error('bad\u0000byte');
        },
      ],
    });
    await uow().run((tx) => tx.outbox.add({ type: 'file.scanned', payload: {} }));
    expect(await relay.deliverDue()).toBe(0);
    const row = await t.db.selectFrom('outbox').select(['attempts', 'lastError']).executeTakeFirstOrThrow();
    expect(row).toEqual({ attempts: 1, lastError: 'badbyte' });
  });

  it('is delivered by the polling relay without being asked', async () => {
    const seen: string[] = [];
    const relay = relayWith({ 'track.published': [async (event) => void seen.push(event.type)] }, 20);
    relay.start();
    try {
      await uow().run((tx) => tx.outbox.add({ type: 'track.published', payload: {} }));
      await expect.poll(() => seen, { timeout: 5000, interval: 20 }).toEqual(['track.published']);
    } finally {
      await relay.stop();
    }
  });

  it('never hands one event to two relays at the same time', async () => {
    const seen = new Map<string, number>();
    const handler: OutboxHandler = async (event) => {
      seen.set(event.id, (seen.get(event.id) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 2));
    };
    await uow().run(async (tx) => {
      for (let index = 0; index < 30; index += 1) await tx.outbox.add({ type: 'note.added', payload: { index } });
    });
    const relays = [relayWith({ 'note.added': [handler] }), relayWith({ 'note.added': [handler] })];
    const delivered = await Promise.all(relays.map((relay) => relay.deliverDue()));
    expect(delivered.reduce((sum, count) => sum + count, 0)).toBe(30);
    expect([...seen.values()].every((count) => count === 1)).toBe(true);
    expect(seen.size).toBe(30);
  });
});
