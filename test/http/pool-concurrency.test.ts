import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { type Staff, staffUsers } from '../support/staff.ts';

const CONCURRENCY = 128;

// 128 clients at once against the default pool (DATABASE_POOL_MAX=10): requests queue for a
// connection, none may deadlock (a transaction waiting on a second connection) or time out.
describe(`${CONCURRENCY} concurrent connections on the default pool`, () => {
  let t: TestApp;
  let staff: Staff;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp();
    staff = await staffUsers(t);
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => t.close());

  it('writes in transactions: every concurrent create succeeds once', async () => {
    const responses = await Promise.all(
      Array.from({ length: CONCURRENCY }, (_, i) =>
        fetch(`${base}/api/v1/admin/articles`, {
          method: 'POST',
          headers: { ...staff.moderator.auth, 'content-type': 'application/json' },
          body: JSON.stringify({ title: `Concurrent ${i}`, body: 'Body.', locale: 'en' }),
        }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(CONCURRENCY).fill(201));
    const ids = await Promise.all(responses.map(async (response) => ((await response.json()) as { id: string }).id));
    expect(new Set(ids).size).toBe(CONCURRENCY);
  });

  it('reads and counts: every concurrent view of an article is answered and counted', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/articles',
      headers: staff.moderator.auth,
      payload: { title: 'Popular', body: 'Body.', locale: 'en' },
    });
    const { id } = created.json<{ id: string }>();
    const published = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/articles/${id}/publish`,
      headers: staff.moderator.auth,
    });
    const { slug } = published.json<{ slug: string }>();
    const statuses = await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => (await fetch(`${base}/api/v1/articles/${slug}`)).status),
    );
    expect(statuses).toEqual(Array(CONCURRENCY).fill(200));
    const row = await t.container.db
      .selectFrom('articles')
      .select('viewCount')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(row.viewCount)).toBe(CONCURRENCY);
  });
});
