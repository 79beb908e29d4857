import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE contact_requests (
      id uuid PRIMARY KEY,
      name text NOT NULL
        CONSTRAINT contact_requests_name_length CHECK (name = btrim(name) AND char_length(btrim(name)) BETWEEN 1 AND 100),
      email text NOT NULL
        CONSTRAINT contact_requests_email_format
          CHECK (char_length(email) <= 254 AND email = btrim(email) AND email ~ '^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$'),
      message text NOT NULL
        CONSTRAINT contact_requests_message_length CHECK (char_length(btrim(message)) BETWEEN 10 AND 5000),
      locale text NOT NULL CONSTRAINT contact_requests_locale CHECK (locale IN ('ru', 'en')),
      status text NOT NULL DEFAULT 'new' CONSTRAINT contact_requests_status CHECK (status IN ('new', 'handled')),
      handled_by uuid CONSTRAINT contact_requests_handled_by_fkey REFERENCES users (id) ON DELETE SET NULL,
      handled_at timestamptz,
      -- HMAC-SHA256 of the client's IP address under a key derived from JWT_SECRET: lets the rate
      -- limit recognise a client without ever storing the address.
      client_hash text NOT NULL CONSTRAINT contact_requests_client_hash_hex CHECK (client_hash ~ '^[0-9a-f]{64}$'),
      created_at timestamptz NOT NULL,
      -- A new request has no handler; a handled one has its time (its handler may since have been deleted).
      CONSTRAINT contact_requests_handled_consistent CHECK (
        (status = 'new' AND handled_at IS NULL AND handled_by IS NULL)
        OR (status = 'handled' AND handled_at IS NOT NULL)
      )
    )
  `.execute(db);
  // The admin list: newest first, optionally by status.
  await sql`CREATE INDEX contact_requests_created_idx ON contact_requests (created_at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX contact_requests_status_created_idx ON contact_requests (status, created_at DESC, id DESC)`.execute(
    db,
  );
  // The per-client rate limit.
  await sql`CREATE INDEX contact_requests_client_created_idx ON contact_requests (client_hash, created_at)`.execute(db);
  await sql`CREATE INDEX contact_requests_handled_by_idx ON contact_requests (handled_by) WHERE handled_by IS NOT NULL`.execute(
    db,
  );

  // Which staff member has been mailed about which request: the outbox delivers at least once,
  // so a retried event mails only those not reached yet.
  await sql`
    CREATE TABLE contact_request_notifications (
      request_id uuid NOT NULL CONSTRAINT contact_request_notifications_request_fkey
        REFERENCES contact_requests (id) ON DELETE CASCADE,
      recipient text NOT NULL CONSTRAINT contact_request_notifications_recipient_length
        CHECK (char_length(recipient) BETWEEN 3 AND 254),
      sent_at timestamptz NOT NULL,
      PRIMARY KEY (request_id, recipient)
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS contact_request_notifications`.execute(db);
  await sql`DROP TABLE IF EXISTS contact_requests`.execute(db);
}
