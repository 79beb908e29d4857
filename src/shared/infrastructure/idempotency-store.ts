import { sql } from 'kysely';
import type { IdempotencyStore } from '../application/idempotency.ts';
import type { Db } from './db/database.ts';

export function createIdempotencyStore(db: Db): IdempotencyStore {
  return {
    async claim({ scope, key, requestHash, expiresAt }) {
      // An expired key is taken over in the same statement; a live one is left alone.
      const claimed = await db
        .insertInto('idempotencyKeys')
        .values({ scope, key, requestHash, state: 'in_flight', expiresAt })
        .onConflict((conflict) =>
          conflict
            .columns(['scope', 'key'])
            .doUpdateSet({
              requestHash,
              state: 'in_flight',
              responseStatus: null,
              responseHeaders: null,
              responseBody: null,
              createdAt: sql<Date>`now()`,
              expiresAt,
            })
            .where('idempotencyKeys.expiresAt', '<=', sql<Date>`now()`),
        )
        .returning('key')
        .executeTakeFirst();
      return claimed !== undefined;
    },

    async find(scope, key) {
      const row = await db
        .selectFrom('idempotencyKeys')
        .select(['state', 'requestHash', 'responseStatus', 'responseHeaders', 'responseBody'])
        .where('scope', '=', scope)
        .where('key', '=', key)
        .where('expiresAt', '>', sql<Date>`now()`)
        .executeTakeFirst();
      if (!row) return undefined;
      if (row.state === 'in_flight' || row.responseStatus === null)
        return { state: 'in_flight', requestHash: row.requestHash };
      return {
        state: 'completed',
        requestHash: row.requestHash,
        response: {
          status: row.responseStatus,
          headers: (row.responseHeaders ?? {}) as Record<string, string>,
          body: row.responseBody ?? '',
        },
      };
    },

    async complete(scope, key, response) {
      await db
        .updateTable('idempotencyKeys')
        .set({
          state: 'completed',
          responseStatus: response.status,
          responseHeaders: JSON.stringify(response.headers),
          responseBody: response.body,
        })
        .where('scope', '=', scope)
        .where('key', '=', key)
        .execute();
    },

    async release(scope, key) {
      await db
        .deleteFrom('idempotencyKeys')
        .where('scope', '=', scope)
        .where('key', '=', key)
        .where('state', '=', 'in_flight')
        .execute();
    },
  };
}
