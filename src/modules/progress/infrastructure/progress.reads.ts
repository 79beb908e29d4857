import { LIST_TOTAL_CAP } from '../../../shared/application/capped-total.ts';
import { cappedCount } from '../../../shared/infrastructure/db/capped-count.ts';
import type { Db } from '../../../shared/infrastructure/db/database.ts';
import type { AssignmentView } from '../application/contract.ts';
import type { ProgressReadModel } from '../application/ports.ts';
import { ENROLLMENT_COLUMNS } from './enrollment.repository.ts';
import { STAGE_PROGRESS_COLUMNS } from './stage-progress.repository.ts';

const CERTIFICATE_CODE = /^[A-Za-z0-9_-]{20,64}$/;

/** Escapes LIKE wildcards so a search for "50%" means the text. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** `totalCap`: where the staff list's count stops (tests lower it). */
export function createProgressReadModel(db: Db, { totalCap = LIST_TOTAL_CAP } = {}) {
  const enrollments = () => db.selectFrom('enrollments').select(ENROLLMENT_COLUMNS);
  return {
    enrollmentsOf: (userId) => enrollments().where('userId', '=', userId).orderBy('enrolledAt').orderBy('id').execute(),
    enrollment: (userId, trackId) =>
      enrollments().where('userId', '=', userId).where('trackId', '=', trackId).executeTakeFirst(),
    stagesOf: (userId, trackId) =>
      db
        .selectFrom('stageProgress')
        .select(STAGE_PROGRESS_COLUMNS)
        .where('userId', '=', userId)
        .where('trackId', '=', trackId)
        .execute(),
    async stagesOfEnrollments(enrollmentIds) {
      if (enrollmentIds.length === 0) return [];
      return db
        .selectFrom('stageProgress')
        .select(STAGE_PROGRESS_COLUMNS)
        .where('enrollmentId', 'in', [...enrollmentIds])
        .execute();
    },
    mastery: (userId, trackId) =>
      db
        .selectFrom('mastery')
        .select(['moduleId', 'answered', 'correct'])
        .where('userId', '=', userId)
        .where('trackId', '=', trackId)
        .execute(),
    async assignments(userId, trackId, stageId) {
      let query = db
        .selectFrom('articleAssignments as a')
        .innerJoin('articles', 'articles.id', 'a.articleId')
        .innerJoin('stages', 'stages.id', 'a.stageId')
        .leftJoin('modules', 'modules.id', 'a.weakModuleId')
        .select([
          'a.articleId',
          'a.stageId',
          'a.reason',
          'a.weakModuleId',
          'a.weakMastery',
          'a.position',
          'a.openedAt',
          'a.doneAt',
          'articles.slug',
          'articles.title',
          'articles.summary',
          'modules.title as moduleTitle',
        ])
        .select((eb) =>
          eb
            .selectFrom('questions')
            .select((inner) => inner.fn.countAll<string>().as('n'))
            .whereRef('questions.articleId', '=', 'a.articleId')
            .where('questions.status', '=', 'active')
            .as('minitestSize'),
        )
        .where('a.userId', '=', userId)
        .where('a.trackId', '=', trackId);
      if (stageId !== null) query = query.where('a.stageId', '=', stageId);
      const rows = await query.orderBy('stages.position').orderBy('a.position').execute();
      return rows.map((row): AssignmentView => ({
        article: { id: row.articleId, slug: row.slug, title: row.title, summary: row.summary },
        stageId: row.stageId,
        reason:
          row.reason === 'remedial' && row.weakModuleId !== null
            ? {
                kind: 'remedial',
                moduleId: row.weakModuleId,
                moduleTitle: row.moduleTitle ?? '',
                mastery: Number(row.weakMastery ?? 0.5),
              }
            : { kind: 'core' },
        position: row.position,
        openedAt: row.openedAt,
        done: row.doneAt !== null,
        minitestSize: Number(row.minitestSize ?? 0),
      }));
    },
    assignmentsOfArticle: (userId, articleId) =>
      db
        .selectFrom('articleAssignments')
        .innerJoin('stageProgress', (join) =>
          join
            .onRef('stageProgress.userId', '=', 'articleAssignments.userId')
            .onRef('stageProgress.stageId', '=', 'articleAssignments.stageId'),
        )
        .select(['articleAssignments.trackId', 'articleAssignments.stageId'])
        .where('articleAssignments.userId', '=', userId)
        .where('articleAssignments.articleId', '=', articleId)
        .orderBy('stageProgress.startedAt', 'desc')
        .execute(),
    async certificateCodes(enrollmentIds) {
      if (enrollmentIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('certificates')
        .select(['enrollmentId', 'code'])
        .where('enrollmentId', 'in', [...enrollmentIds])
        .execute();
      return new Map(rows.map((row) => [row.enrollmentId, row.code]));
    },
    async certificate(code) {
      if (!CERTIFICATE_CODE.test(code)) return undefined;
      const row = await db
        .selectFrom('certificates')
        .innerJoin('tracks', 'tracks.id', 'certificates.trackId')
        .select([
          'certificates.code',
          'certificates.holderName',
          'certificates.trackTitle',
          'tracks.slug as trackSlug',
          'certificates.issuedAt',
        ])
        .where('certificates.code', '=', code)
        .executeTakeFirst();
      return row;
    },
    async staffList(filter) {
      const filtered = db
        .selectFrom('enrollments')
        .$if(filter.trackId !== undefined, (rows) => rows.where('enrollments.trackId', '=', filter.trackId!))
        .$if(filter.status !== undefined, (rows) => rows.where('enrollments.status', '=', filter.status!));
      let query = filtered.innerJoin('users', 'users.id', 'enrollments.userId');
      const q = filter.q?.trim();
      if (q) {
        const pattern = likePattern(q);
        query = query.where((eb) =>
          eb.or([eb('users.displayName', 'ilike', pattern), eb('users.email', 'ilike', pattern)]),
        );
      }
      const [items, total] = await Promise.all([
        query
          .select(ENROLLMENT_COLUMNS)
          .select(['users.displayName as studentName', 'users.email as studentEmail'])
          .orderBy('enrollments.enrolledAt', 'desc')
          .orderBy('enrollments.id')
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        // Every enrollment has its user: without a name search the count needs no join.
        q ? cappedCount(db, query, totalCap) : cappedCount(db, filtered, totalCap),
      ]);
      return { items, total, totalIsCapped: total >= totalCap };
    },
  } satisfies ProgressReadModel;
}
