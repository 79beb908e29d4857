import type { Actor, AttemptReport } from '../../../assessment/index.ts';
import { NotEnrolledError, TrackNotFoundError } from '../../domain/errors.ts';
import { weakModuleIds } from '../../domain/mastery.ts';
import { nextStep } from '../../domain/next-step.ts';
import type { ProgressUseCases, TrackProgress } from '../contract.ts';
import type { ProgressDeps } from '../ports.ts';
import { moduleMasteries, openStageOf, stageViews } from '../summaries.ts';
import { enrollmentView } from '../views.ts';

/** The student's whole picture of one track: stages, mastery, assignments, attempts, the next step. */
export function trackProgress(deps: ProgressDeps): ProgressUseCases['progress'] {
  return async (actor: Actor, trackSlug: string): Promise<TrackProgress> => {
    const track = await deps.tracks.outline(trackSlug);
    if (!track) throw new TrackNotFoundError();
    const enrollment = await deps.reads.enrollment(actor.id, track.id);
    if (!enrollment) throw new NotEnrolledError();
    const rows = await deps.reads.stagesOf(actor.id, track.id);
    const open = openStageOf(rows);
    const settings = await deps.tracks.settings(track.id, open?.settingsVersion);
    const params = settings?.params;
    const mastery = moduleMasteries(
      track,
      await deps.reads.mastery(actor.id, track.id),
      params?.adaptivity.weakModules ?? 0,
    );
    const inFinal = enrollment.status === 'final' || enrollment.status === 'graduated';
    const [assignments, exams, diagnostics, codes, lastDecision] = await Promise.all([
      open ? deps.reads.assignments(actor.id, track.id, open.stageId) : Promise.resolve([]),
      examsOf(deps, actor.id, track.id, open?.stageId, inFinal),
      deps.attempts.forScope(actor.id, { kind: 'diagnostic', trackId: track.id }),
      deps.reads.certificateCodes([enrollment.id]),
      deps.uow.run(({ approvals }) => approvals.lastDecision(actor.id, track.id)),
    ]);
    const certificateCode = codes.get(enrollment.id) ?? null;
    const diagnostic = diagnostics[0] ?? null;
    const stagePosition = track.stages.find((stage) => stage.id === open?.stageId)?.position;
    const next = nextStep({
      status: enrollment.status,
      diagnostic,
      openStage:
        open && stagePosition !== undefined
          ? { position: stagePosition, status: open.status === 'active' ? 'active' : 'pending_approval' }
          : null,
      assignments: assignments.map((assignment) => ({ articleId: assignment.article.id, done: assignment.done })),
      exams,
      cooldownMinutes: (inFinal ? params?.rankFinal : params?.levelExam)?.cooldownMinutes ?? 0,
      certificateCode,
      now: deps.clock.now(),
    });
    return {
      enrollment: enrollmentView(enrollment, track),
      stages: stageViews(track, rows),
      mastery,
      weakModules: weakModuleIds(
        mastery
          .filter((module) => module.weak)
          .map((module) => ({ id: module.moduleId, position: module.position, mastery: module.mastery })),
        mastery.length,
      ),
      assignments,
      attempts: exams,
      diagnostic,
      lastDecision: lastDecision ?? null,
      next,
      certificateCode,
    };
  };
}

async function examsOf(
  deps: ProgressDeps,
  userId: string,
  trackId: string,
  stageId: string | undefined,
  inFinal: boolean,
): Promise<readonly AttemptReport[]> {
  if (inFinal) return deps.attempts.forScope(userId, { kind: 'rank_final', trackId });
  return stageId ? deps.attempts.forScope(userId, { kind: 'level_exam', trackId, stageId }) : [];
}
