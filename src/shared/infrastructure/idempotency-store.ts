import { sql } from 'kysely';
import type { IdempotencyStore } from '../application/idempotency.ts';
import type { Db } from './db/database.ts';

export function createIdempotencyStore(db: Db): IdempotencyStore {
  return {
    async claim({ scope, key, owner, requestHash, leaseUntil }) {
      // An expired key (a forgotten response or a lapsed lease) is taken over in the same statement.
      const claimed = await db
        .insertInto('idempotencyKeys')
        .values({ scope, key, owner, requestHash, state: 'in_flight', expiresAt: leaseUntil })
        .onConflict((conflict) =>
          conflict
            .columns(['scope', 'key'])
            .doUpdateSet({
              owner,
              requestHash,
              state: 'in_flight',
              responseStatus: null,
              responseHeaders: null,
              responseBody: null,
              createdAt: sql<Date>`now()`,
              expiresAt: leaseUntil,
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
      if (row.state === 'in_flight' || row.responseStatus === null) {
        return { state: 'in_flight', requestHash: row.requestHash };
      }
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

    async complete({ scope, key, owner }, response, keepUntil) {
      await db
        .updateTable('idempotencyKeys')
        .set({
          state: 'completed',
          responseStatus: response.status,
          responseHeaders: JSON.stringify(response.headers),
          responseBody: response.body,
          expiresAt: keepUntil,
        })
        .where('scope', '=', scope)
        .where('key', '=', key)
        .where('owner', '=', owner)
        .where('state', '=', 'in_flight')
        .execute();
    },

    async release({ scope, key, owner }) {
      await db
        .deleteFrom('idempotencyKeys')
        .where('scope', '=', scope)
        .where('key', '=', key)
        .where('owner', '=', owner)
        .where('state', '=', 'in_flight')
        .execute();
    },
  };
}
