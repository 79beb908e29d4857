import { type Kysely, sql } from 'kysely';

/** The development mailbox: mail stored instead of sent when SMTP_URL is not set. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE dev_mailbox (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      to_address text NOT NULL,
      subject text NOT NULL,
      text_body text NOT NULL,
      html_body text NOT NULL,
      sent_at timestamptz NOT NULL DEFAULT now()
    )
  `.execute(db);
  await sql`CREATE INDEX dev_mailbox_sent_at_idx ON dev_mailbox (sent_at DESC)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE dev_mailbox`.execute(db);
}
