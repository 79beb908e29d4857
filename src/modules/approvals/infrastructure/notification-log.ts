import type { Db } from '../../../shared/infrastructure/db/database.ts';
import type { NotificationLog } from '../application/ports.ts';

/** The table of migration 0012, known to this module only. */
type NotificationTables = {
  approvalNotifications: { eventId: string; recipient: string; sentAt: Date };
};

/** Each recipient recorded in its own statement: one reached stays recorded whatever happens next. */
export function createNotificationLog(db: Db): NotificationLog {
  const tables = db.withTables<NotificationTables>();
  return {
    async alreadySent(eventId) {
      const rows = await tables
        .selectFrom('approvalNotifications')
        .select('recipient')
        .where('eventId', '=', eventId)
        .execute();
      return new Set(rows.map((row) => row.recipient));
    },
    async recordSent(eventId, recipient, at) {
      await tables
        .insertInto('approvalNotifications')
        .values({ eventId, recipient, sentAt: at })
        .onConflict((conflict) => conflict.columns(['eventId', 'recipient']).doNothing())
        .execute();
    },
  };
}
