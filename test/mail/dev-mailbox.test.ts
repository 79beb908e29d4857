import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDevMailbox } from '../../src/shared/infrastructure/mail/dev-mailbox.ts';
import { useTestDatabase } from '../support/database.ts';

const t = useTestDatabase();
beforeEach(async () => {
  await sql`TRUNCATE dev_mailbox`.execute(t.db);
});

const mail = (n: number) => ({
  to: `user${n}@school.example`,
  subject: `Message ${n}`,
  text: `Text ${n}\nhttp://localhost:3000/verify?token=t${n}`,
  html: `<p>HTML ${n}</p>`,
});

describe('development mailbox', () => {
  it('stores every message and lists the newest first, up to the limit', async () => {
    const mailbox = createDevMailbox(t.db);
    for (const n of [1, 2, 3]) await mailbox.send(mail(n));

    const latest = await mailbox.list(2);
    expect(latest.map((stored) => stored.subject)).toEqual(['Message 3', 'Message 2']);
    expect(latest[0]).toEqual({ id: expect.any(String), ...mail(3), sentAt: expect.any(Date) });
    expect(await mailbox.list(50)).toHaveLength(3);
  });

  it('finds one message by id; an unknown or malformed id is simply absent', async () => {
    const mailbox = createDevMailbox(t.db);
    await mailbox.send(mail(7));
    const [stored] = await mailbox.list(1);

    expect(await mailbox.byId(stored?.id ?? '')).toEqual(stored);
    expect(await mailbox.byId(randomUUID())).toBeUndefined();
    expect(await mailbox.byId('not-a-uuid')).toBeUndefined();
  });
});
