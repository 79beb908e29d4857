import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Trigram indexes make the bank's substring search (ILIKE '%…%') use an index in any language.
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);

  await sql`
    CREATE FUNCTION question_options_valid(options text[]) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
      SELECT coalesce(array_ndims(options) = 1, false)
        AND cardinality(options) BETWEEN 2 AND 10
        AND NOT EXISTS (SELECT 1 FROM unnest(options) AS o WHERE o IS NULL OR btrim(o) = '' OR char_length(o) > 2000)
        AND (SELECT count(DISTINCT btrim(o)) FROM unnest(options) AS o) = cardinality(options)
    $$
  `.execute(db);
  await sql`
    CREATE FUNCTION question_correct_valid(kind text, correct smallint[], option_count integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$
      SELECT coalesce(array_ndims(correct) = 1, false)
        AND cardinality(correct) >= 1
        AND (kind <> 'single' OR cardinality(correct) = 1)
        AND NOT EXISTS (SELECT 1 FROM unnest(correct) AS c WHERE c IS NULL OR c < 0 OR c >= option_count)
        AND (SELECT count(DISTINCT c) FROM unnest(correct) AS c) = cardinality(correct)
    $$
  `.execute(db);

  await sql`
    CREATE TABLE questions (
      id uuid PRIMARY KEY,
      track_id uuid NOT NULL CONSTRAINT questions_track_fkey REFERENCES tracks (id),
      module_id uuid NOT NULL,
      stage_id uuid,
      kind text NOT NULL CONSTRAINT questions_kind CHECK (kind IN ('single', 'multiple')),
      name text CONSTRAINT questions_name_length CHECK (char_length(name) BETWEEN 1 AND 200),
      text text NOT NULL CONSTRAINT questions_text_length CHECK (char_length(btrim(text)) BETWEEN 1 AND 20000),
      options text[] NOT NULL CONSTRAINT questions_options_valid CHECK (question_options_valid(options)),
      correct smallint[] NOT NULL,
      explanation text NOT NULL DEFAULT '' CONSTRAINT questions_explanation_length CHECK (char_length(explanation) <= 20000),
      status text NOT NULL DEFAULT 'active' CONSTRAINT questions_status CHECK (status IN ('active', 'retired')),
      retired_at timestamptz,
      replaces_id uuid CONSTRAINT questions_replaces_fkey REFERENCES questions (id),
      -- Set by the assessment module the first time the question is put into an attempt.
      used_at timestamptz,
      created_by uuid REFERENCES users (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      -- The module and the stage tier belong to the question's own track.
      CONSTRAINT questions_module_fkey FOREIGN KEY (track_id, module_id) REFERENCES modules (track_id, id),
      CONSTRAINT questions_stage_fkey FOREIGN KEY (track_id, stage_id) REFERENCES stages (track_id, id),
      CONSTRAINT questions_correct_valid CHECK (question_correct_valid(kind, correct, cardinality(options))),
      CONSTRAINT questions_retired_at CHECK ((status = 'retired') = (retired_at IS NOT NULL)),
      CONSTRAINT questions_replaces_other CHECK (replaces_id <> id)
    )
  `.execute(db);
  await sql`CREATE INDEX questions_track_created_idx ON questions (track_id, created_at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX questions_active_pool_idx ON questions (track_id, module_id, stage_id) WHERE status = 'active'`.execute(
    db,
  );
  await sql`CREATE INDEX questions_module_idx ON questions (module_id)`.execute(db);
  await sql`CREATE INDEX questions_stage_idx ON questions (stage_id) WHERE stage_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX questions_replaces_idx ON questions (replaces_id) WHERE replaces_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX questions_created_idx ON questions (created_at DESC, id DESC)`.execute(db);
  // The bank's search looks at the name, text, options and explanation at once: one trigram
  // index over the same expression the reads use (array_to_string is only STABLE in general,
  // immutable for text[]).
  await sql`
    CREATE FUNCTION question_search_text(name text, text text, options text[], explanation text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT concat_ws(' ', name, text, array_to_string(options, ' '), explanation)
    $$
  `.execute(db);
  await sql`
    CREATE INDEX questions_search_trgm_idx ON questions
    USING gin (question_search_text(name, text, options, explanation) gin_trgm_ops)
  `.execute(db);

  // A question some attempt has used keeps its content and its row forever: editing it makes a
  // new question (the old one is retired), and it is never deleted.
  await sql`
    CREATE FUNCTION questions_protect_used() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'question % was used by an attempt and cannot be deleted', OLD.id
          USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'questions_used_is_kept';
      END IF;
      IF (NEW.track_id, NEW.module_id, NEW.stage_id, NEW.kind, NEW.name, NEW.text, NEW.options, NEW.correct, NEW.explanation)
         IS DISTINCT FROM
         (OLD.track_id, OLD.module_id, OLD.stage_id, OLD.kind, OLD.name, OLD.text, OLD.options, OLD.correct, OLD.explanation)
         OR NEW.used_at IS NULL THEN
        RAISE EXCEPTION 'question % was used by an attempt: its content cannot change', OLD.id
          USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'questions_used_is_frozen';
      END IF;
      RETURN NEW;
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER questions_protect_used BEFORE UPDATE OR DELETE ON questions
    FOR EACH ROW WHEN (OLD.used_at IS NOT NULL) EXECUTE FUNCTION questions_protect_used()
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE questions`.execute(db);
  await sql`DROP FUNCTION questions_protect_used()`.execute(db);
  await sql`DROP FUNCTION question_search_text(text, text, text[], text)`.execute(db);
  await sql`DROP FUNCTION question_correct_valid(text, smallint[], integer)`.execute(db);
  await sql`DROP FUNCTION question_options_valid(text[])`.execute(db);
  // pg_trgm goes too, unless something else in the database (installed before Baza) uses it.
  await sql`
    DO $$ BEGIN
      DROP EXTENSION IF EXISTS pg_trgm;
    EXCEPTION WHEN dependent_objects_still_exist THEN NULL;
    END $$
  `.execute(db);
}
