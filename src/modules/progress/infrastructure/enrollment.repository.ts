import { sql } from 'kysely';
import type { Db } from '../../../shared/infrastructure/db/database.ts';
import { translateConstraintErrors } from '../../../shared/infrastructure/db/constraint-errors.ts';
import type { EnrollmentStatus } from '../application/contract.ts';
import type { EnrollmentRepository } from '../application/ports.ts';
import { TrackNotFoundError } from '../domain/errors.ts';

export const ENROLLMENT_COLUMNS = [
  'enrollments.id',
  'enrollments.userId',
  'enrollments.trackId',
  'enrollments.status',
  'enrollments.extraTimePercent',
  'enrollments.enrolledAt',
  'enrollments.graduatedAt',
] as const;

type EnrollmentChanges = Readonly<{
  status?: EnrollmentStatus;
  graduatedAt?: Date;
  extraTimePercent?: number;
  updatedAt: Date;
}>;

export function createEnrollmentRepository(db: Db) {
  const byUserAndTrack = (userId: string, trackId: string) =>
    db
      .selectFrom('enrollments')
      .select(ENROLLMENT_COLUMNS)
      .where('enrollments.userId', '=', userId)
      .where('enrollments.trackId', '=', trackId);
  const setStatus = async (id: string, values: EnrollmentChanges) => {
    await db.updateTable('enrollments').set(values).where('id', '=', id).execute();
  };
  return {
    async insertIfAbsent({ id, userId, trackId, now }) {
      const inserted = await translateConstraintErrors(
        db
          .insertInto('enrollments')
          .values({ id, userId, trackId, enrolledAt: now, updatedAt: now })
          .onConflict((conflict) => conflict.columns(['userId', 'trackId']).doNothing())
          .returning(ENROLLMENT_COLUMNS)
          .executeTakeFirst(),
        // The track was unpublished after the use case looked.
        { enrollments_track_published: () => new TrackNotFoundError() },
      );
      if (inserted) return { enrollment: inserted, created: true };
      // A parallel enroll won (its insert committed before ours gave way): read the winner's row.
      const existing = await byUserAndTrack(userId, trackId).executeTakeFirstOrThrow();
      return { enrollment: existing, created: false };
    },
    async holdForStart(userId, trackId) {
      // A transaction-scoped advisory lock rather than a row lock: the finishing transaction
      // (which holds its attempt row) may update the enrollment without waiting for a start
      // that waits for that attempt.
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`progress.start:${userId}:${trackId}`}, 0))`.execute(
        db,
      );
      return byUserAndTrack(userId, trackId).executeTakeFirst();
    },
    lockById: (id) =>
      db.selectFrom('enrollments').select(ENROLLMENT_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst(),
    lockByUserAndTrack: (userId, trackId) => byUserAndTrack(userId, trackId).forUpdate().executeTakeFirst(),
    markLearning: (id, now) => setStatus(id, { status: 'learning', updatedAt: now }),
    markFinal: (id, now) => setStatus(id, { status: 'final', updatedAt: now }),
    markGraduated: (id, now) => setStatus(id, { status: 'graduated', graduatedAt: now, updatedAt: now }),
    setExtraTime: (id, extraTimePercent, now) => setStatus(id, { extraTimePercent, updatedAt: now }),
  } satisfies EnrollmentRepository;
}
