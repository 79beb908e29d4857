import { sql } from 'kysely';
import type { Db } from '../../../shared/infrastructure/db/database.ts';
import { containsPattern } from '../../../shared/infrastructure/db/like-pattern.ts';
import type { Tx } from '../../../shared/infrastructure/db/unit-of-work.ts';
import type { ContactRequest } from '../domain/contact-request.ts';
import type { ContactReads, ContactRequestRepository, NotificationLog } from '../application/ports.ts';

/** Any number fits: the advisory lock that serializes contact submissions. */
const SUBMISSIONS_LOCK = 0x62617a61_0010n; // "baza" + the migration number

export function createContactRequestRepository(tx: Tx): ContactRequestRepository {
  return {
    async lockSubmissions() {
      await sql`SELECT pg_advisory_xact_lock(${SUBMISSIONS_LOCK.toString()}::bigint)`.execute(tx);
    },

    async windowFullUntil(window, now, clientHash) {
      const since = new Date(now.getTime() - window.windowSeconds * 1000);
      let query = tx.selectFrom('contactRequests').select('createdAt').where('createdAt', '>', since);
      if (clientHash !== undefined) query = query.where('clientHash', '=', clientHash);
      // The max-th newest request in the window: when it exists the window is full, and it is
      // the one whose leaving makes room again.
      const row = await query
        .orderBy('createdAt', 'desc')
        .limit(1)
        .offset(window.max - 1)
        .executeTakeFirst();
      return row ? new Date(row.createdAt.getTime() + window.windowSeconds * 1000) : undefined;
    },

    async insert(request) {
      await tx
        .insertInto('contactRequests')
        .values({
          id: request.id,
          name: request.name,
          email: request.email,
          message: request.message,
          locale: request.locale,
          clientHash: request.clientHash,
          createdAt: request.createdAt,
        })
        .execute();
    },

    async lockStatus(id) {
      const row = await tx
        .selectFrom('contactRequests')
        .select('status')
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      return row?.status;
    },

    async markHandled(id, by, at) {
      await tx
        .updateTable('contactRequests')
        .set({ status: 'handled', handledBy: by, handledAt: at })
        .where('id', '=', id)
        .execute();
    },

    async reopen(id) {
      await tx
        .updateTable('contactRequests')
        .set({ status: 'new', handledBy: null, handledAt: null })
        .where('id', '=', id)
        .execute();
    },
  };
}

export function createContactReads(db: Db): ContactReads {
  const base = () =>
    db
      .selectFrom('contactRequests')
      .leftJoin('users', 'users.id', 'contactRequests.handledBy')
      .select([
        'contactRequests.id',
        'contactRequests.name',
        'contactRequests.email',
        'contactRequests.message',
        'contactRequests.locale',
        'contactRequests.status',
        'contactRequests.handledAt',
        'contactRequests.createdAt',
        'users.id as handlerId',
        'users.displayName as handlerName',
      ]);
  type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
  const toRequest = (row: Row): ContactRequest => ({
    id: row.id,
    name: row.name,
    email: row.email,
    message: row.message,
    locale: row.locale,
    status: row.status,
    handledAt: row.handledAt,
    handledBy: row.handlerId && row.handlerName !== null ? { id: row.handlerId, displayName: row.handlerName } : null,
    createdAt: row.createdAt,
  });

  return {
    async list(filter) {
      let filtered = db.selectFrom('contactRequests');
      if (filter.status) filtered = filtered.where('status', '=', filter.status);
      if (filter.q) {
        const pattern = containsPattern(filter.q);
        filtered = filtered.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('email', 'ilike', pattern)]));
      }
      const ids = filtered.select('id');
      const [rows, count] = await Promise.all([
        base()
          .where('contactRequests.id', 'in', ids)
          .orderBy('contactRequests.createdAt', 'desc')
          .orderBy('contactRequests.id', 'desc')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        filtered.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toRequest), total: Number(count.total) };
    },

    async byId(id) {
      const row = await base().where('contactRequests.id', '=', id).executeTakeFirst();
      return row ? toRequest(row) : undefined;
    },
  };
}

/** Each recorded in its own statement: a recipient reached stays recorded whatever happens next. */
export function createNotificationLog(db: Db): NotificationLog {
  return {
    async alreadySent(requestId) {
      const rows = await db
        .selectFrom('contactRequestNotifications')
        .select('recipient')
        .where('requestId', '=', requestId)
        .execute();
      return new Set(rows.map((row) => row.recipient));
    },
    async recordSent(requestId, recipient, at) {
      await db
        .insertInto('contactRequestNotifications')
        .values({ requestId, recipient, sentAt: at })
        .onConflict((conflict) => conflict.columns(['requestId', 'recipient']).doNothing())
        .execute();
    },
  };
}
