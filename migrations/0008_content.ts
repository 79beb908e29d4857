import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Tags are lower-case words (letters of any script, digits, spaces, '-', '+', '#', '.'), 1..40
  // characters, at most 10, no duplicates.
  await sql`
    CREATE FUNCTION article_tags_valid(tags text[]) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
      SELECT (cardinality(tags) = 0 OR coalesce(array_ndims(tags) = 1, false))
        AND cardinality(tags) <= 10
        AND NOT EXISTS (
          SELECT 1 FROM unnest(tags) AS t
          WHERE t IS NULL OR char_length(t) NOT BETWEEN 1 AND 40 OR t <> lower(btrim(t)) OR t ~ '[[:cntrl:],]'
        )
        AND (SELECT count(DISTINCT t) FROM unnest(tags) AS t) = cardinality(tags)
    $$
  `.execute(db);

  await sql`
    CREATE TABLE articles (
      id uuid PRIMARY KEY,
      slug text NOT NULL CONSTRAINT articles_slug_key UNIQUE
        CONSTRAINT articles_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(slug) <= 120),
      title text NOT NULL CONSTRAINT articles_title_length CHECK (char_length(btrim(title)) BETWEEN 1 AND 200),
      summary text NOT NULL DEFAULT '' CONSTRAINT articles_summary_length CHECK (char_length(summary) <= 500),
      body text NOT NULL CONSTRAINT articles_body_length CHECK (char_length(btrim(body)) BETWEEN 1 AND 200000),
      html text NOT NULL,
      toc jsonb NOT NULL DEFAULT '[]' CONSTRAINT articles_toc_array CHECK (jsonb_typeof(toc) = 'array'),
      locale text NOT NULL CONSTRAINT articles_locale CHECK (locale IN ('ru', 'en')),
      tags text[] NOT NULL DEFAULT '{}' CONSTRAINT articles_tags_valid CHECK (article_tags_valid(tags)),
      visibility text NOT NULL DEFAULT 'public' CONSTRAINT articles_visibility CHECK (visibility IN ('public', 'students')),
      status text NOT NULL DEFAULT 'draft' CONSTRAINT articles_status CHECK (status IN ('draft', 'published')),
      published_at timestamptz,
      author_id uuid CONSTRAINT articles_author_fkey REFERENCES users (id) ON DELETE SET NULL,
      track_id uuid CONSTRAINT articles_track_fkey REFERENCES tracks (id) ON DELETE SET NULL,
      module_id uuid,
      stage_id uuid,
      position integer CONSTRAINT articles_position_positive CHECK (position >= 1),
      view_count bigint NOT NULL DEFAULT 0 CONSTRAINT articles_view_count_nonnegative CHECK (view_count >= 0),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      -- Full-text search in the article's own language: title A, summary B, body (Markdown) C.
      search tsvector GENERATED ALWAYS AS (
        CASE WHEN locale = 'ru' THEN
          setweight(to_tsvector('russian'::regconfig, title), 'A')
            || setweight(to_tsvector('russian'::regconfig, summary), 'B')
            || setweight(to_tsvector('russian'::regconfig, body), 'C')
        ELSE
          setweight(to_tsvector('english'::regconfig, title), 'A')
            || setweight(to_tsvector('english'::regconfig, summary), 'B')
            || setweight(to_tsvector('english'::regconfig, body), 'C')
        END
      ) STORED,
      CONSTRAINT articles_published_at CHECK ((status = 'published') = (published_at IS NOT NULL)),
      -- A module or a stage is always one of the article's own track. Deleting a (draft) track,
      -- stage or module unlinks its articles (see articles_unlink_with_track for the track).
      CONSTRAINT articles_links_need_track CHECK (track_id IS NOT NULL OR (module_id IS NULL AND stage_id IS NULL)),
      CONSTRAINT articles_module_fkey FOREIGN KEY (track_id, module_id) REFERENCES modules (track_id, id)
        ON DELETE SET NULL (module_id),
      CONSTRAINT articles_stage_fkey FOREIGN KEY (track_id, stage_id) REFERENCES stages (track_id, id)
        ON DELETE SET NULL (stage_id)
    )
  `.execute(db);
  // When a track goes, its articles lose their module and stage with it (the track's own
  // SET NULL may run before its modules' and stages' cascades reach the article).
  await sql`
    CREATE FUNCTION articles_unlink_with_track() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.module_id := NULL;
      NEW.stage_id := NULL;
      NEW.position := NULL;
      RETURN NEW;
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER articles_unlink_with_track BEFORE UPDATE OF track_id ON articles
    FOR EACH ROW WHEN (NEW.track_id IS NULL AND OLD.track_id IS NOT NULL) EXECUTE FUNCTION articles_unlink_with_track()
  `.execute(db);
  // The public list (newest first) and the staff list (last changed first).
  await sql`CREATE INDEX articles_public_idx ON articles (status, visibility, published_at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX articles_staff_idx ON articles (updated_at DESC, id DESC)`.execute(db);
  // Filter by tag (tags @> ARRAY[tag]) and full-text search.
  await sql`CREATE INDEX articles_tags_idx ON articles USING gin (tags)`.execute(db);
  await sql`CREATE INDEX articles_search_idx ON articles USING gin (search)`.execute(db);
  // A stage's and a module's articles in order (#6 assigns them); foreign keys.
  await sql`CREATE INDEX articles_stage_position_idx ON articles (stage_id, position) WHERE stage_id IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX articles_module_position_idx ON articles (module_id, position) WHERE module_id IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX articles_track_idx ON articles (track_id, updated_at DESC) WHERE track_id IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX articles_author_idx ON articles (author_id) WHERE author_id IS NOT NULL`.execute(db);

  // Mini-test questions live in the question bank's table, outside every exam pool.
  await sql`ALTER TABLE questions ADD COLUMN article_id uuid CONSTRAINT questions_article_fkey REFERENCES articles (id) ON DELETE CASCADE`.execute(
    db,
  );
  await sql`CREATE INDEX questions_article_idx ON questions (article_id, created_at) WHERE article_id IS NOT NULL`.execute(
    db,
  );
  await sql`DROP INDEX questions_active_pool_idx`.execute(db);
  await sql`
    CREATE INDEX questions_active_pool_idx ON questions (track_id, module_id, stage_id)
    WHERE status = 'active' AND article_id IS NULL
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX questions_active_pool_idx`.execute(db);
  // Mini-test questions go with their articles (the bank keeps its own questions).
  await sql`ALTER TABLE questions DISABLE TRIGGER questions_protect_used`.execute(db);
  await sql`DELETE FROM questions WHERE article_id IS NOT NULL`.execute(db);
  await sql`ALTER TABLE questions ENABLE TRIGGER questions_protect_used`.execute(db);
  await sql`ALTER TABLE questions DROP COLUMN article_id`.execute(db);
  await sql`CREATE INDEX questions_active_pool_idx ON questions (track_id, module_id, stage_id) WHERE status = 'active'`.execute(
    db,
  );
  await sql`DROP TABLE articles`.execute(db);
  await sql`DROP FUNCTION articles_unlink_with_track()`.execute(db);
  await sql`DROP FUNCTION article_tags_valid(text[])`.execute(db);
}
