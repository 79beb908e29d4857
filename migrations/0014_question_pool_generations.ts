import { type Kysely, sql } from 'kysely';

/**
 * A generation number per track that moves whenever the track's question pools may have changed
 * (a question added, deleted, retired or moved to another module, stage or article; a stage
 * added, moved or deleted). Exam starts keep each track's pool in memory and read only this
 * number (one primary-key row) to know whether their copy is still current, instead of loading
 * every question of the track on every start.
 *
 * Also an index for the approvals list's decided part (see below).
 *
 * Statement-level triggers with transition tables: an import or a COPY of thousands of
 * questions bumps each touched track once, and marking questions used (the only UPDATE on the
 * exam path) changes none of the watched columns, so it writes nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // No foreign key: a track being deleted still bumps its (then orphaned, harmless) row.
  await sql`
    CREATE TABLE question_pool_generations (
      track_id uuid PRIMARY KEY,
      generation bigint NOT NULL
    )
  `.execute(db);
  await sql`
    CREATE FUNCTION bump_question_pool_generations(track_ids uuid[]) RETURNS void LANGUAGE sql AS $$
      INSERT INTO question_pool_generations AS g (track_id, generation)
      SELECT DISTINCT t, 1 FROM unnest(track_ids) AS t WHERE t IS NOT NULL
      ORDER BY 1
      ON CONFLICT (track_id) DO UPDATE SET generation = g.generation + 1
    $$
  `.execute(db);
  await sql`
    CREATE FUNCTION question_pools_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM bump_question_pool_generations(ARRAY(SELECT DISTINCT track_id FROM new_rows));
      RETURN NULL;
    END
    $$
  `.execute(db);
  await sql`
    CREATE FUNCTION question_pools_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM bump_question_pool_generations(ARRAY(SELECT DISTINCT track_id FROM old_rows));
      RETURN NULL;
    END
    $$
  `.execute(db);
  await sql`
    CREATE FUNCTION question_pools_updated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM bump_question_pool_generations(ARRAY(
        SELECT o.track_id FROM old_rows o JOIN new_rows n ON n.id = o.id
         WHERE (o.track_id, o.module_id, o.stage_id, o.article_id, o.status)
               IS DISTINCT FROM (n.track_id, n.module_id, n.stage_id, n.article_id, n.status)
        UNION
        SELECT n.track_id FROM old_rows o JOIN new_rows n ON n.id = o.id
         WHERE (o.track_id, o.module_id, o.stage_id, o.article_id, o.status)
               IS DISTINCT FROM (n.track_id, n.module_id, n.stage_id, n.article_id, n.status)
      ));
      RETURN NULL;
    END
    $$
  `.execute(db);
  await sql`
    CREATE FUNCTION question_pools_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE question_pool_generations SET generation = generation + 1;
      RETURN NULL;
    END
    $$
  `.execute(db);
  for (const table of ['questions', 'stages']) {
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_pools_inserted`)} AFTER INSERT ON ${sql.table(table)}
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION question_pools_inserted()
    `.execute(db);
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_pools_deleted`)} AFTER DELETE ON ${sql.table(table)}
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION question_pools_deleted()
    `.execute(db);
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_pools_truncated`)} AFTER TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION question_pools_truncated()
    `.execute(db);
  }
  await sql`
    CREATE TRIGGER questions_pools_updated AFTER UPDATE ON questions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION question_pools_updated()
  `.execute(db);
  await sql`
    CREATE FUNCTION stage_pools_updated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM bump_question_pool_generations(ARRAY(
        SELECT o.track_id FROM old_rows o JOIN new_rows n ON n.id = o.id
         WHERE (o.track_id, o.position) IS DISTINCT FROM (n.track_id, n.position)
        UNION
        SELECT n.track_id FROM old_rows o JOIN new_rows n ON n.id = o.id
         WHERE (o.track_id, o.position) IS DISTINCT FROM (n.track_id, n.position)
      ));
      RETURN NULL;
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER stages_pools_updated AFTER UPDATE ON stages
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stage_pools_updated()
  `.execute(db);
  // The approvals list reads its decided part (after the pending queue) newest decision first:
  // in this index's order it stops after the page instead of sorting every decided request.
  await sql`
    CREATE INDEX approval_requests_decided_idx ON approval_requests (decided_at DESC, id) WHERE status <> 'pending'
  `.execute(db);
  // Tracks that already have questions start at generation 1.
  await sql`
    INSERT INTO question_pool_generations (track_id, generation) SELECT DISTINCT track_id, 1 FROM questions
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS approval_requests_decided_idx`.execute(db);
  await sql`DROP TRIGGER IF EXISTS stages_pools_updated ON stages`.execute(db);
  await sql`DROP TRIGGER IF EXISTS questions_pools_updated ON questions`.execute(db);
  for (const table of ['questions', 'stages']) {
    for (const event of ['inserted', 'deleted', 'truncated']) {
      await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_pools_${event}`)} ON ${sql.table(table)}`.execute(db);
    }
  }
  await sql`DROP FUNCTION IF EXISTS stage_pools_updated()`.execute(db);
  await sql`DROP FUNCTION IF EXISTS question_pools_truncated()`.execute(db);
  await sql`DROP FUNCTION IF EXISTS question_pools_updated()`.execute(db);
  await sql`DROP FUNCTION IF EXISTS question_pools_deleted()`.execute(db);
  await sql`DROP FUNCTION IF EXISTS question_pools_inserted()`.execute(db);
  await sql`DROP FUNCTION IF EXISTS bump_question_pool_generations(uuid[])`.execute(db);
  await sql`DROP TABLE IF EXISTS question_pool_generations`.execute(db);
}
