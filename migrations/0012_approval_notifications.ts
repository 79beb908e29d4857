import { type Kysely, sql } from 'kysely';

/**
 * Who has been mailed for which outbox event of the learning journey (a new approval request,
 * a decision, a graduation): the outbox delivers at least once, so a retried event mails only
 * the recipients not reached yet. No foreign key to `outbox`: the relay holds the event's row
 * locked while its handlers run, and the key check on insert would wait for that lock forever.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE approval_notifications (
      event_id bigint NOT NULL,
      recipient text NOT NULL CONSTRAINT approval_notifications_recipient_length
        CHECK (char_length(recipient) BETWEEN 3 AND 254),
      sent_at timestamptz NOT NULL,
      PRIMARY KEY (event_id, recipient)
    )
  `.execute(db);
  // For pruning old rows together with delivered outbox events.
  await sql`CREATE INDEX approval_notifications_sent_idx ON approval_notifications (sent_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS approval_notifications`.execute(db);
}
