import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE outbox (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      type text NOT NULL CONSTRAINT outbox_type_format CHECK (type ~ '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$'),
      payload jsonb NOT NULL DEFAULT '{}' CONSTRAINT outbox_payload_object CHECK (jsonb_typeof(payload) = 'object'),
      occurred_at timestamptz NOT NULL DEFAULT now(),
      attempts integer NOT NULL DEFAULT 0 CONSTRAINT outbox_attempts_non_negative CHECK (attempts >= 0),
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      last_error text,
      delivered_at timestamptz
    )
  `.execute(db);
  // The relay scans only what is pending; the cleanup job only what was delivered.
  await sql`CREATE INDEX outbox_pending_idx ON outbox (next_attempt_at, id) WHERE delivered_at IS NULL`.execute(db);
  await sql`CREATE INDEX outbox_delivered_idx ON outbox (delivered_at) WHERE delivered_at IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE idempotency_keys (
      scope text NOT NULL,
      key text NOT NULL CONSTRAINT idempotency_keys_key_length CHECK (char_length(key) BETWEEN 1 AND 255),
      request_hash text NOT NULL,
      owner uuid NOT NULL,
      state text NOT NULL CONSTRAINT idempotency_keys_state CHECK (state IN ('in_flight', 'completed')),
      response_status integer,
      response_headers jsonb,
      response_body text,
      created_at timestamptz NOT NULL DEFAULT now(),
      -- In flight: the lease of the request holding the key; completed: when the response is forgotten.
      expires_at timestamptz NOT NULL,
      PRIMARY KEY (scope, key),
      CONSTRAINT idempotency_keys_completed_has_response
        CHECK ((state = 'completed') = (response_status IS NOT NULL)),
      CONSTRAINT idempotency_keys_expires_after_creation CHECK (expires_at > created_at)
    )
  `.execute(db);
  await sql`CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE idempotency_keys`.execute(db);
  await sql`DROP TABLE outbox`.execute(db);
}
