import { type Kysely, sql } from 'kysely';

/**
 * The learning journey (DOMAIN.md "progress, assessment and approvals"): enrollments, stage
 * progress, mastery, article assignments, certificates (progress); attempts with their questions
 * and answers (assessment); approval requests (approvals). Every invariant that can be a
 * constraint is one; the use cases check the same rules first for a clear error.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE enrollments (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      track_id uuid NOT NULL REFERENCES tracks (id),
      status text NOT NULL DEFAULT 'diagnostic'
        CONSTRAINT enrollments_status CHECK (status IN ('diagnostic', 'learning', 'final', 'graduated')),
      extra_time_percent integer NOT NULL DEFAULT 0
        CONSTRAINT enrollments_extra_time_range CHECK (extra_time_percent BETWEEN 0 AND 200),
      enrolled_at timestamptz NOT NULL,
      graduated_at timestamptz,
      updated_at timestamptz NOT NULL,
      CONSTRAINT enrollments_user_track_key UNIQUE (user_id, track_id),
      CONSTRAINT enrollments_id_user_track_key UNIQUE (id, user_id, track_id),
      CONSTRAINT enrollments_graduated_at CHECK ((status = 'graduated') = (graduated_at IS NOT NULL))
    )
  `.execute(db);
  await sql`CREATE INDEX enrollments_track_status_idx ON enrollments (track_id, status)`.execute(db);
  // Only published tracks accept enrollments.
  await sql`
    CREATE FUNCTION enrollments_require_published_track() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM tracks WHERE id = NEW.track_id AND status = 'published') THEN
        RAISE EXCEPTION 'track % is not published', NEW.track_id
          USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'enrollments_track_published';
      END IF;
      RETURN NEW;
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER enrollments_track_published BEFORE INSERT ON enrollments
    FOR EACH ROW EXECUTE FUNCTION enrollments_require_published_track()
  `.execute(db);

  await sql`
    CREATE TABLE stage_progress (
      user_id uuid NOT NULL,
      stage_id uuid NOT NULL,
      enrollment_id uuid NOT NULL,
      track_id uuid NOT NULL,
      settings_version integer NOT NULL,
      status text NOT NULL DEFAULT 'active'
        CONSTRAINT stage_progress_status CHECK (status IN ('active', 'pending_approval', 'completed')),
      started_at timestamptz NOT NULL,
      completed_at timestamptz,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (user_id, stage_id),
      CONSTRAINT stage_progress_enrollment_fkey FOREIGN KEY (enrollment_id, user_id, track_id)
        REFERENCES enrollments (id, user_id, track_id) ON DELETE CASCADE,
      CONSTRAINT stage_progress_stage_fkey FOREIGN KEY (track_id, stage_id) REFERENCES stages (track_id, id),
      CONSTRAINT stage_progress_settings_fkey FOREIGN KEY (track_id, settings_version)
        REFERENCES settings_versions (track_id, version),
      CONSTRAINT stage_progress_completed_at CHECK ((status = 'completed') = (completed_at IS NOT NULL))
    )
  `.execute(db);
  // At most one stage per (user, track) is being worked on or waiting for approval.
  await sql`
    CREATE UNIQUE INDEX stage_progress_one_open_key ON stage_progress (user_id, track_id)
    WHERE status IN ('active', 'pending_approval')
  `.execute(db);
  await sql`CREATE INDEX stage_progress_track_status_idx ON stage_progress (track_id, stage_id, status)`.execute(db);
  await sql`CREATE INDEX stage_progress_enrollment_idx ON stage_progress (enrollment_id)`.execute(db);
  // Stages are started strictly in order: every earlier stage of the track is completed.
  await sql`
    CREATE FUNCTION stage_progress_require_order() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (
        SELECT 1 FROM stages s
        WHERE s.track_id = NEW.track_id
          AND s.position < (SELECT position FROM stages WHERE id = NEW.stage_id)
          AND NOT EXISTS (
            SELECT 1 FROM stage_progress p
            WHERE p.user_id = NEW.user_id AND p.stage_id = s.id AND p.status = 'completed'
          )
      ) THEN
        RAISE EXCEPTION 'an earlier stage of track % is not completed', NEW.track_id
          USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'stage_progress_in_order';
      END IF;
      RETURN NEW;
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER stage_progress_in_order BEFORE INSERT ON stage_progress
    FOR EACH ROW EXECUTE FUNCTION stage_progress_require_order()
  `.execute(db);

  await sql`
    CREATE TABLE mastery (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      module_id uuid NOT NULL,
      track_id uuid NOT NULL,
      answered integer NOT NULL DEFAULT 0 CONSTRAINT mastery_answered_nonnegative CHECK (answered >= 0),
      correct integer NOT NULL DEFAULT 0 CONSTRAINT mastery_correct_range CHECK (correct BETWEEN 0 AND answered),
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (user_id, module_id),
      CONSTRAINT mastery_module_fkey FOREIGN KEY (track_id, module_id) REFERENCES modules (track_id, id) ON DELETE CASCADE
    )
  `.execute(db);
  await sql`CREATE INDEX mastery_user_track_idx ON mastery (user_id, track_id)`.execute(db);
  await sql`CREATE INDEX mastery_module_idx ON mastery (track_id, module_id)`.execute(db);

  await sql`
    CREATE TABLE article_assignments (
      user_id uuid NOT NULL,
      stage_id uuid NOT NULL,
      article_id uuid NOT NULL REFERENCES articles (id),
      track_id uuid NOT NULL,
      reason text NOT NULL CONSTRAINT article_assignments_reason CHECK (reason IN ('core', 'remedial')),
      weak_module_id uuid,
      weak_mastery double precision
        CONSTRAINT article_assignments_weak_mastery_range CHECK (weak_mastery > 0 AND weak_mastery < 1),
      position integer NOT NULL CONSTRAINT article_assignments_position_positive CHECK (position >= 1),
      assigned_at timestamptz NOT NULL,
      opened_at timestamptz,
      done_at timestamptz,
      PRIMARY KEY (user_id, stage_id, article_id),
      CONSTRAINT article_assignments_stage_fkey FOREIGN KEY (user_id, stage_id)
        REFERENCES stage_progress (user_id, stage_id) ON DELETE CASCADE,
      CONSTRAINT article_assignments_weak_module_fkey FOREIGN KEY (track_id, weak_module_id)
        REFERENCES modules (track_id, id) ON DELETE CASCADE,
      CONSTRAINT article_assignments_remedial_reason CHECK (
        (reason = 'remedial') = (weak_module_id IS NOT NULL) AND (weak_module_id IS NULL) = (weak_mastery IS NULL)
      ),
      CONSTRAINT article_assignments_done_after_open CHECK (done_at IS NULL OR opened_at IS NOT NULL)
    )
  `.execute(db);
  await sql`CREATE INDEX article_assignments_article_idx ON article_assignments (article_id)`.execute(db);
  await sql`CREATE INDEX article_assignments_user_article_idx ON article_assignments (user_id, article_id)`.execute(db);

  await sql`
    CREATE TABLE attempts (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL,
      track_id uuid NOT NULL,
      kind text NOT NULL CONSTRAINT attempts_kind CHECK (kind IN ('diagnostic', 'minitest', 'level_exam', 'rank_final')),
      stage_id uuid,
      article_id uuid REFERENCES articles (id),
      settings_version integer NOT NULL,
      number integer NOT NULL CONSTRAINT attempts_number_positive CHECK (number >= 1),
      status text NOT NULL DEFAULT 'in_progress'
        CONSTRAINT attempts_status CHECK (status IN ('in_progress', 'passed', 'failed', 'annulled')),
      seed bigint NOT NULL,
      started_at timestamptz NOT NULL,
      deadline_at timestamptz,
      finished_at timestamptz,
      correct_count integer CONSTRAINT attempts_correct_nonnegative CHECK (correct_count >= 0),
      question_count integer NOT NULL CONSTRAINT attempts_question_count_positive CHECK (question_count >= 1),
      score numeric(5, 2) CONSTRAINT attempts_score_range CHECK (score BETWEEN 0 AND 100),
      pass_percent integer CONSTRAINT attempts_pass_percent_range CHECK (pass_percent BETWEEN 1 AND 100),
      annulled_at timestamptz,
      annulled_by uuid REFERENCES users (id) ON DELETE SET NULL,
      annul_reason text CONSTRAINT attempts_annul_reason_length CHECK (char_length(annul_reason) <= 2000),
      CONSTRAINT attempts_enrollment_fkey FOREIGN KEY (user_id, track_id)
        REFERENCES enrollments (user_id, track_id) ON DELETE CASCADE,
      CONSTRAINT attempts_stage_fkey FOREIGN KEY (user_id, stage_id) REFERENCES stage_progress (user_id, stage_id) ON DELETE CASCADE,
      CONSTRAINT attempts_track_stage_fkey FOREIGN KEY (track_id, stage_id) REFERENCES stages (track_id, id),
      CONSTRAINT attempts_settings_fkey FOREIGN KEY (track_id, settings_version) REFERENCES settings_versions (track_id, version),
      CONSTRAINT attempts_stage_only_level_exam CHECK ((kind = 'level_exam') = (stage_id IS NOT NULL)),
      CONSTRAINT attempts_article_only_minitest CHECK ((kind = 'minitest') = (article_id IS NOT NULL)),
      CONSTRAINT attempts_diagnostic_never_fails CHECK (kind <> 'diagnostic' OR status IN ('in_progress', 'passed')),
      CONSTRAINT attempts_finished_at CHECK ((status = 'in_progress') = (finished_at IS NULL)),
      CONSTRAINT attempts_graded CHECK ((status = 'in_progress') = (score IS NULL AND correct_count IS NULL)),
      CONSTRAINT attempts_correct_within_count CHECK (correct_count <= question_count),
      CONSTRAINT attempts_annulled CHECK ((status = 'annulled') = (annulled_at IS NOT NULL)),
      CONSTRAINT attempts_annul_reason CHECK ((status = 'annulled') = (annul_reason IS NOT NULL)),
      CONSTRAINT attempts_deadline_after_start CHECK (deadline_at IS NULL OR deadline_at > started_at),
      CONSTRAINT attempts_finished_after_start CHECK (finished_at IS NULL OR finished_at >= started_at)
    )
  `.execute(db);
  // DOMAIN.md: one diagnostic per (user, track) ever; one in progress and one passed exam per scope;
  // one mini-test in progress per (user, article); numbers count per user and scope.
  await sql`CREATE UNIQUE INDEX attempts_one_diagnostic_key ON attempts (user_id, track_id) WHERE kind = 'diagnostic'`.execute(
    db,
  );
  await sql`
    CREATE UNIQUE INDEX attempts_level_exam_one_open_key ON attempts (user_id, stage_id)
    WHERE kind = 'level_exam' AND status = 'in_progress'
  `.execute(db);
  await sql`
    CREATE UNIQUE INDEX attempts_level_exam_one_passed_key ON attempts (user_id, stage_id)
    WHERE kind = 'level_exam' AND status = 'passed'
  `.execute(db);
  await sql`
    CREATE UNIQUE INDEX attempts_rank_final_one_open_key ON attempts (user_id, track_id)
    WHERE kind = 'rank_final' AND status = 'in_progress'
  `.execute(db);
  await sql`
    CREATE UNIQUE INDEX attempts_rank_final_one_passed_key ON attempts (user_id, track_id)
    WHERE kind = 'rank_final' AND status = 'passed'
  `.execute(db);
  await sql`
    CREATE UNIQUE INDEX attempts_minitest_one_open_key ON attempts (user_id, article_id)
    WHERE kind = 'minitest' AND status = 'in_progress'
  `.execute(db);
  await sql`
    CREATE UNIQUE INDEX attempts_scope_number_key ON attempts
    (user_id, track_id, kind, coalesce(stage_id, article_id, track_id), number)
  `.execute(db);
  // The expiry job's scan, and the reads by student and scope.
  await sql`
    CREATE INDEX attempts_open_deadline_idx ON attempts (deadline_at)
    WHERE status = 'in_progress' AND deadline_at IS NOT NULL
  `.execute(db);
  await sql`CREATE INDEX attempts_user_scope_idx ON attempts (user_id, track_id, kind, started_at DESC)`.execute(db);
  await sql`CREATE INDEX attempts_stage_idx ON attempts (stage_id, status) WHERE stage_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX attempts_article_idx ON attempts (article_id) WHERE article_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX attempts_track_kind_idx ON attempts (track_id, kind, status)`.execute(db);
  await sql`CREATE INDEX attempts_annulled_by_idx ON attempts (annulled_by) WHERE annulled_by IS NOT NULL`.execute(db);

  // No question twice in an attempt; positions unique; the module is copied for reporting.
  await sql`
    CREATE TABLE attempt_questions (
      attempt_id uuid NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
      question_id uuid NOT NULL REFERENCES questions (id),
      position integer NOT NULL CONSTRAINT attempt_questions_position_positive CHECK (position >= 1),
      module_id uuid NOT NULL REFERENCES modules (id),
      correct boolean,
      PRIMARY KEY (attempt_id, question_id),
      CONSTRAINT attempt_questions_position_key UNIQUE (attempt_id, position)
    )
  `.execute(db);
  await sql`CREATE INDEX attempt_questions_question_idx ON attempt_questions (question_id)`.execute(db);
  await sql`CREATE INDEX attempt_questions_module_idx ON attempt_questions (module_id)`.execute(db);

  // One can only answer a question of the attempt, and only while the attempt is in progress.
  await sql`
    CREATE TABLE attempt_answers (
      attempt_id uuid NOT NULL,
      question_id uuid NOT NULL,
      selected smallint[] NOT NULL CONSTRAINT attempt_answers_selected_valid CHECK (
        coalesce(array_ndims(selected), 1) = 1
        AND cardinality(selected) <= 10
        AND array_position(selected, NULL) IS NULL
        AND 0 <= ALL (selected)
      ),
      answered_at timestamptz NOT NULL,
      PRIMARY KEY (attempt_id, question_id),
      CONSTRAINT attempt_answers_question_fkey FOREIGN KEY (attempt_id, question_id)
        REFERENCES attempt_questions (attempt_id, question_id) ON DELETE CASCADE
    )
  `.execute(db);
  await sql`
    CREATE FUNCTION attempt_answers_require_open_attempt() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM attempts WHERE id = NEW.attempt_id AND status = 'in_progress') THEN
        RAISE EXCEPTION 'attempt % is finished', NEW.attempt_id
          USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'attempt_answers_attempt_open';
      END IF;
      RETURN NEW;
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER attempt_answers_attempt_open BEFORE INSERT OR UPDATE ON attempt_answers
    FOR EACH ROW EXECUTE FUNCTION attempt_answers_require_open_attempt()
  `.execute(db);

  await sql`
    CREATE TABLE approval_requests (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL,
      track_id uuid NOT NULL,
      kind text NOT NULL CONSTRAINT approval_requests_kind CHECK (kind IN ('stage_transition', 'graduation')),
      stage_id uuid,
      attempt_id uuid NOT NULL CONSTRAINT approval_requests_attempt_key UNIQUE REFERENCES attempts (id) ON DELETE CASCADE,
      status text NOT NULL DEFAULT 'pending'
        CONSTRAINT approval_requests_status CHECK (status IN ('pending', 'approved', 'rejected')),
      requested_at timestamptz NOT NULL,
      decided_at timestamptz,
      decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
      automatic boolean NOT NULL DEFAULT false,
      comment text CONSTRAINT approval_requests_comment_length CHECK (char_length(comment) <= 2000),
      CONSTRAINT approval_requests_enrollment_fkey FOREIGN KEY (user_id, track_id)
        REFERENCES enrollments (user_id, track_id) ON DELETE CASCADE,
      CONSTRAINT approval_requests_stage_fkey FOREIGN KEY (user_id, stage_id)
        REFERENCES stage_progress (user_id, stage_id) ON DELETE CASCADE,
      CONSTRAINT approval_requests_stage_only_transition CHECK ((kind = 'stage_transition') = (stage_id IS NOT NULL)),
      CONSTRAINT approval_requests_decided CHECK ((status = 'pending') = (decided_at IS NULL)),
      CONSTRAINT approval_requests_automatic_approved CHECK (NOT automatic OR (status = 'approved' AND decided_by IS NULL)),
      CONSTRAINT approval_requests_reject_comment CHECK (status <> 'rejected' OR char_length(btrim(comment)) >= 1)
    )
  `.execute(db);
  await sql`
    CREATE UNIQUE INDEX approval_requests_one_pending_key ON approval_requests (user_id, track_id)
    WHERE status = 'pending'
  `.execute(db);
  await sql`CREATE INDEX approval_requests_queue_idx ON approval_requests (status, requested_at, id)`.execute(db);
  await sql`CREATE INDEX approval_requests_user_idx ON approval_requests (user_id, requested_at DESC)`.execute(db);
  await sql`CREATE INDEX approval_requests_track_idx ON approval_requests (track_id, status)`.execute(db);
  await sql`CREATE INDEX approval_requests_decided_by_idx ON approval_requests (decided_by) WHERE decided_by IS NOT NULL`.execute(
    db,
  );

  // The code is random and unguessable; name and title are kept as they were on the day.
  await sql`
    CREATE TABLE certificates (
      code text PRIMARY KEY CONSTRAINT certificates_code_format CHECK (code ~ '^[A-Za-z0-9_-]{20,64}$'),
      enrollment_id uuid NOT NULL CONSTRAINT certificates_enrollment_key UNIQUE REFERENCES enrollments (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      track_id uuid NOT NULL REFERENCES tracks (id),
      holder_name text NOT NULL CONSTRAINT certificates_holder_name_length CHECK (char_length(holder_name) BETWEEN 1 AND 200),
      track_title text NOT NULL CONSTRAINT certificates_track_title_length CHECK (char_length(track_title) BETWEEN 1 AND 200),
      issued_at timestamptz NOT NULL
    )
  `.execute(db);
  await sql`CREATE INDEX certificates_user_idx ON certificates (user_id)`.execute(db);
  await sql`CREATE INDEX certificates_track_idx ON certificates (track_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE certificates`.execute(db);
  await sql`DROP TABLE approval_requests`.execute(db);
  await sql`DROP TABLE attempt_answers`.execute(db);
  await sql`DROP FUNCTION attempt_answers_require_open_attempt()`.execute(db);
  await sql`DROP TABLE attempt_questions`.execute(db);
  await sql`DROP TABLE attempts`.execute(db);
  await sql`DROP TABLE article_assignments`.execute(db);
  await sql`DROP TABLE mastery`.execute(db);
  await sql`DROP TABLE stage_progress`.execute(db);
  await sql`DROP FUNCTION stage_progress_require_order()`.execute(db);
  await sql`DROP TABLE enrollments`.execute(db);
  await sql`DROP FUNCTION enrollments_require_published_track()`.execute(db);
}
