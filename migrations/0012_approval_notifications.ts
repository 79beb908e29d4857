import { type Kysely, sql } from 'kysely';

/**
 * Who has been mailed for which outbox event of the learning journey (a new approval request,
 * a decision, a graduation): the outbox delivers at least once, so a retried event mails only
 * the recipients not reached yet. The rows go with their event when the outbox is cleaned up.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE approval_notifications (
      event_id bigint NOT NULL CONSTRAINT approval_notifications_event_fkey REFERENCES outbox (id) ON DELETE CASCADE,
      recipient text NOT NULL CONSTRAINT approval_notifications_recipient_length
        CHECK (char_length(recipient) BETWEEN 3 AND 254),
      sent_at timestamptz NOT NULL,
      PRIMARY KEY (event_id, recipient)
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS approval_notifications`.execute(db);
}
