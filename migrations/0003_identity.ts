import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY,
      email text NOT NULL CONSTRAINT users_email_key UNIQUE
        CONSTRAINT users_email_normalized CHECK (email = lower(btrim(email)) AND email LIKE '_%@_%'),
      password_hash text NOT NULL,
      display_name text NOT NULL CONSTRAINT users_display_name_length
        CHECK (char_length(btrim(display_name)) BETWEEN 1 AND 100),
      locale text NOT NULL CONSTRAINT users_locale CHECK (locale IN ('ru', 'en')),
      role text NOT NULL DEFAULT 'student'
        CONSTRAINT users_role CHECK (role IN ('student', 'moderator', 'admin', 'owner')),
      status text NOT NULL DEFAULT 'pending_verification'
        CONSTRAINT users_status CHECK (status IN ('pending_verification', 'active', 'blocked')),
      email_verified_at timestamptz,
      password_changed_at timestamptz NOT NULL,
      totp_secret text,
      totp_pending_secret text,
      totp_enabled_at timestamptz,
      totp_last_step bigint,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CONSTRAINT users_active_is_verified CHECK (status <> 'active' OR email_verified_at IS NOT NULL),
      CONSTRAINT users_pending_is_unverified CHECK (status <> 'pending_verification' OR email_verified_at IS NULL),
      CONSTRAINT users_totp_enabled_has_secret CHECK ((totp_enabled_at IS NULL) = (totp_secret IS NULL)),
      -- Nobody blocks the owner, and the owner is made verified.
      CONSTRAINT users_owner_is_active CHECK (role <> 'owner' OR status = 'active')
    )
  `.execute(db);
  // At most one owner; `baza user create-owner` creates it and nobody can change its role.
  await sql`CREATE UNIQUE INDEX users_single_owner ON users (role) WHERE role = 'owner'`.execute(db);
  await sql`CREATE INDEX users_created_at_idx ON users (created_at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX users_role_status_idx ON users (role, status)`.execute(db);

  // One row per signed-in device: the refresh token family. Access tokens carry its id (`sid`),
  // so revoking it ends them at once.
  await sql`
    CREATE TABLE sessions (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      last_used_at timestamptz NOT NULL,
      idle_expires_at timestamptz NOT NULL,
      absolute_expires_at timestamptz NOT NULL,
      ip text,
      user_agent text CONSTRAINT sessions_user_agent_length CHECK (char_length(user_agent) <= 512),
      revoked_at timestamptz,
      revoked_reason text CONSTRAINT sessions_revoked_reason CHECK (
        revoked_reason IN ('logout', 'user_revoked', 'password_changed', 'password_reset', 'blocked', 'token_reuse')
      ),
      CONSTRAINT sessions_revocation_has_reason CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL)),
      CONSTRAINT sessions_expiry_order CHECK (idle_expires_at <= absolute_expires_at AND created_at < absolute_expires_at)
    )
  `.execute(db);
  await sql`CREATE INDEX sessions_user_active_idx ON sessions (user_id, last_used_at DESC) WHERE revoked_at IS NULL`.execute(
    db,
  );
  // The cleanup job deletes long-ended sessions by these.
  await sql`CREATE INDEX sessions_absolute_expiry_idx ON sessions (absolute_expires_at)`.execute(db);
  await sql`CREATE INDEX sessions_revoked_idx ON sessions (revoked_at) WHERE revoked_at IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE refresh_tokens (
      token_hash text PRIMARY KEY,
      session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      rotated_at timestamptz
    )
  `.execute(db);
  // Deleting a session cascades here (a row per refresh), so the lookup by session is indexed.
  await sql`CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id)`.execute(db);
  // At most one live token per session: rotation retires the old one in the same transaction.
  await sql`CREATE UNIQUE INDEX refresh_tokens_one_live_per_session ON refresh_tokens (session_id) WHERE rotated_at IS NULL`.execute(
    db,
  );

  await sql`
    CREATE TABLE one_time_tokens (
      token_hash text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      purpose text NOT NULL CONSTRAINT one_time_tokens_purpose CHECK (purpose IN ('email_verification', 'password_reset')),
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      CONSTRAINT one_time_tokens_expiry_order CHECK (expires_at > created_at)
    )
  `.execute(db);
  await sql`CREATE INDEX one_time_tokens_user_idx ON one_time_tokens (user_id, purpose)`.execute(db);
  await sql`CREATE INDEX one_time_tokens_expires_idx ON one_time_tokens (expires_at)`.execute(db);

  // The second login step: its token names one of these, which a successful step uses up.
  await sql`
    CREATE TABLE mfa_challenges (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      CONSTRAINT mfa_challenges_expiry_order CHECK (expires_at > created_at)
    )
  `.execute(db);
  await sql`CREATE INDEX mfa_challenges_user_idx ON mfa_challenges (user_id)`.execute(db);
  await sql`CREATE INDEX mfa_challenges_expires_idx ON mfa_challenges (expires_at)`.execute(db);

  await sql`
    CREATE TABLE recovery_codes (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      code_hash text NOT NULL,
      used_at timestamptz,
      PRIMARY KEY (user_id, code_hash)
    )
  `.execute(db);

  // History outlives its actors: no foreign keys, ids are kept as they were.
  await sql`
    CREATE TABLE audit_events (
      id uuid PRIMARY KEY,
      at timestamptz NOT NULL,
      actor_id uuid,
      action text NOT NULL CONSTRAINT audit_events_action_format CHECK (action ~ '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$'),
      subject_id uuid,
      ip text,
      request_id text,
      details jsonb NOT NULL DEFAULT '{}' CONSTRAINT audit_events_details_object CHECK (jsonb_typeof(details) = 'object')
    )
  `.execute(db);
  await sql`CREATE INDEX audit_events_at_idx ON audit_events (at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, at DESC)`.execute(db);
  await sql`CREATE INDEX audit_events_subject_idx ON audit_events (subject_id, at DESC)`.execute(db);
  await sql`CREATE INDEX audit_events_action_idx ON audit_events (action, at DESC)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE audit_events`.execute(db);
  await sql`DROP TABLE recovery_codes`.execute(db);
  await sql`DROP TABLE mfa_challenges`.execute(db);
  await sql`DROP TABLE one_time_tokens`.execute(db);
  await sql`DROP TABLE refresh_tokens`.execute(db);
  await sql`DROP TABLE sessions`.execute(db);
  await sql`DROP TABLE users`.execute(db);
}
