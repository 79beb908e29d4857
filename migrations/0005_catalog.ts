import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE tracks (
      id uuid PRIMARY KEY,
      slug text NOT NULL CONSTRAINT tracks_slug_key UNIQUE
        CONSTRAINT tracks_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(slug) <= 80),
      title text NOT NULL CONSTRAINT tracks_title_length CHECK (char_length(btrim(title)) BETWEEN 1 AND 200),
      description text NOT NULL DEFAULT '' CONSTRAINT tracks_description_length CHECK (char_length(description) <= 20000),
      status text NOT NULL DEFAULT 'draft' CONSTRAINT tracks_status CHECK (status IN ('draft', 'published')),
      current_settings_version integer,
      published_at timestamptz,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CONSTRAINT tracks_published_has_settings CHECK (status <> 'published' OR current_settings_version IS NOT NULL),
      CONSTRAINT tracks_published_at CHECK ((status = 'published') = (published_at IS NOT NULL))
    )
  `.execute(db);
  await sql`CREATE INDEX tracks_status_title_idx ON tracks (status, title)`.execute(db);

  // Positions are unique per track; the constraints are deferrable so a reorder can swap them in one transaction.
  await sql`
    CREATE TABLE stages (
      id uuid PRIMARY KEY,
      track_id uuid NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
      position integer NOT NULL CONSTRAINT stages_position_positive CHECK (position >= 1),
      title text NOT NULL CONSTRAINT stages_title_length CHECK (char_length(btrim(title)) BETWEEN 1 AND 200),
      description text NOT NULL DEFAULT '' CONSTRAINT stages_description_length CHECK (char_length(description) <= 20000),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CONSTRAINT stages_track_position_key UNIQUE (track_id, position) DEFERRABLE INITIALLY IMMEDIATE,
      CONSTRAINT stages_track_id_key UNIQUE (track_id, id)
    )
  `.execute(db);

  await sql`
    CREATE TABLE modules (
      id uuid PRIMARY KEY,
      track_id uuid NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
      slug text NOT NULL
        CONSTRAINT modules_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(slug) <= 80),
      title text NOT NULL CONSTRAINT modules_title_length CHECK (char_length(btrim(title)) BETWEEN 1 AND 200),
      description text NOT NULL DEFAULT '' CONSTRAINT modules_description_length CHECK (char_length(description) <= 20000),
      position integer NOT NULL CONSTRAINT modules_position_positive CHECK (position >= 1),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CONSTRAINT modules_track_slug_key UNIQUE (track_id, slug),
      CONSTRAINT modules_track_position_key UNIQUE (track_id, position) DEFERRABLE INITIALLY IMMEDIATE,
      CONSTRAINT modules_track_id_key UNIQUE (track_id, id)
    )
  `.execute(db);

  await sql`
    CREATE TABLE settings_versions (
      track_id uuid NOT NULL REFERENCES tracks (id) ON DELETE CASCADE,
      version integer NOT NULL CONSTRAINT settings_versions_version_positive CHECK (version >= 1),
      params jsonb NOT NULL CONSTRAINT settings_versions_params_object CHECK (jsonb_typeof(params) = 'object'),
      note text NOT NULL DEFAULT '' CONSTRAINT settings_versions_note_length CHECK (char_length(note) <= 500),
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (track_id, version)
    )
  `.execute(db);
  await sql`CREATE INDEX settings_versions_created_by_idx ON settings_versions (created_by)`.execute(db);
  // A stage pins the version it started with: a version never changes once written.
  await sql`
    CREATE FUNCTION settings_versions_reject_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'settings versions are immutable (track %, version %)', OLD.track_id, OLD.version
        USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'settings_versions_immutable';
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER settings_versions_immutable BEFORE UPDATE ON settings_versions
    FOR EACH ROW EXECUTE FUNCTION settings_versions_reject_update()
  `.execute(db);

  // The current version of a track must be one of its own versions.
  await sql`
    ALTER TABLE tracks ADD CONSTRAINT tracks_current_settings_fkey
    FOREIGN KEY (id, current_settings_version) REFERENCES settings_versions (track_id, version)
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE tracks DROP CONSTRAINT tracks_current_settings_fkey`.execute(db);
  await sql`DROP TABLE settings_versions`.execute(db);
  await sql`DROP FUNCTION settings_versions_reject_update()`.execute(db);
  await sql`DROP TABLE modules`.execute(db);
  await sql`DROP TABLE stages`.execute(db);
  await sql`DROP TABLE tracks`.execute(db);
}
