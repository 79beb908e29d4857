import { assertCanReadQuestionStats, assertCanReadTrackAnalytics } from '../domain/access.ts';
import { AnalyticsTrackNotFoundError, InvalidThresholdsError } from '../domain/errors.ts';
import { flagsOf, pointBiserial, pValue, validateThresholds } from '../domain/item-statistics.ts';
import type { AnalyticsReads, AnalyticsUseCases, ExamOutcome, QuestionSort, QuestionStat } from './contract.ts';

export function createAnalyticsUseCases(deps: Readonly<{ reads: AnalyticsReads }>): AnalyticsUseCases {
  const { reads } = deps;

  const trackOrFail = async (trackId: string) => {
    const track = await reads.track(trackId);
    if (!track) throw new AnalyticsTrackNotFoundError();
    return track;
  };

  return {
    async trackAnalytics({ actor, trackId, now }) {
      assertCanReadTrackAnalytics(actor);
      const track = await trackOrFail(trackId);
      const [enrollments, stageStudents, outcomes, approvals] = await Promise.all([
        reads.enrollmentCounts(track.id),
        reads.stageStudents(track.id),
        reads.examOutcomes(track.id),
        reads.approvalLatency(track.id, now),
      ]);
      const enrolled = (status: string) => enrollments.find((row) => row.status === status)?.count ?? 0;
      const studentsIn = (stageId: string, status: string) =>
        stageStudents.find((row) => row.stageId === stageId && row.status === status)?.count ?? 0;
      const outcomeOf = (kind: 'level_exam' | 'rank_final', stageId: string | null) =>
        examOutcome(outcomes.find((row) => row.kind === kind && row.stageId === stageId));
      return {
        track: { id: track.id, slug: track.slug, title: track.title },
        enrollments: {
          diagnostic: enrolled('diagnostic'),
          learning: enrolled('learning'),
          final: enrolled('final'),
          graduated: enrolled('graduated'),
        },
        stages: track.stages.map((stage) => ({
          stageId: stage.id,
          position: stage.position,
          title: stage.title,
          students: {
            active: studentsIn(stage.id, 'active'),
            pendingApproval: studentsIn(stage.id, 'pending_approval'),
            completed: studentsIn(stage.id, 'completed'),
          },
          levelExam: outcomeOf('level_exam', stage.id),
        })),
        rankFinal: outcomeOf('rank_final', null),
        approvals,
        generatedAt: now,
      };
    },

    async questionStats(query) {
      assertCanReadQuestionStats(query.actor);
      const checked = validateThresholds(query);
      if (!checked.ok) throw new InvalidThresholdsError(checked.issues);
      const track = await trackOrFail(query.trackId);
      const [questions, sums, options] = await Promise.all([
        reads.questions(track.id),
        reads.itemSums(track.id),
        reads.optionCounts(track.id),
      ]);
      const stats: QuestionStat[] = questions
        .filter((question) => query.moduleId === undefined || question.moduleId === query.moduleId)
        .map((question) => {
          const item = sums.get(question.id) ?? {
            n: 0,
            correct: 0,
            scoreSum: 0,
            scoreSquareSum: 0,
            scoreSumCorrect: 0,
            blank: 0,
          };
          const p = pValue(item);
          const discrimination = pointBiserial(item);
          const selected = options.get(question.id);
          return {
            questionId: question.id,
            text: question.text,
            kind: question.kind,
            status: question.status,
            moduleId: question.moduleId,
            stageId: question.stageId,
            answered: item.n,
            blank: item.blank,
            pValue: p,
            discrimination,
            optionCounts: Array.from({ length: question.optionCount }, (_, index) => selected?.get(index) ?? 0),
            flags: flagsOf(p, discrimination, checked.thresholds),
          };
        })
        .filter((stat) => !query.flaggedOnly || stat.flags.length > 0);
      const sorted = sortStats(stats, query.sort ?? 'flags', query.descending ?? false);
      return {
        track: { id: track.id, slug: track.slug, title: track.title },
        thresholds: checked.thresholds,
        items: sorted.slice(query.offset, query.offset + query.limit),
        total: sorted.length,
      };
    },
  };
}

function examOutcome(
  row: Readonly<{ finished: number; passed: number; studentsPassed: number; attemptsToPass: number }> | undefined,
): ExamOutcome {
  if (!row) return { finished: 0, passed: 0, passRate: null, studentsPassed: 0, meanAttemptsToPass: null };
  return {
    finished: row.finished,
    passed: row.passed,
    passRate: row.finished === 0 ? null : row.passed / row.finished,
    studentsPassed: row.studentsPassed,
    meanAttemptsToPass: row.studentsPassed === 0 ? null : row.attemptsToPass / row.studentsPassed,
  };
}

/** Each sort's natural order puts what needs attention first; missing values always go last. */
function sortStats(stats: QuestionStat[], sort: QuestionSort, descending: boolean): QuestionStat[] {
  const direction = descending ? -1 : 1;
  const key = (stat: QuestionStat): number | null => {
    switch (sort) {
      case 'flags':
        return -stat.flags.length;
      case 'pValue':
        return stat.pValue;
      case 'discrimination':
        return stat.discrimination;
      case 'answered':
        return -stat.answered;
    }
  };
  return [...stats].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1;
    } else if (ka !== kb) {
      return (ka - kb) * direction;
    }
    // Ties: the weakest p first (unanswered last), then a stable order by id.
    if (a.pValue !== b.pValue) {
      if (a.pValue === null || b.pValue === null) return a.pValue === null ? 1 : -1;
      return a.pValue - b.pValue;
    }
    return a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0;
  });
}
