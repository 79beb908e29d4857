import { masteryOf, weakModuleIds } from '../domain/mastery.ts';
import type { EnrollmentSummary, ModuleMastery, StageView } from './contract.ts';
import type { TrackOutline } from './journey.ts';
import type { EnrollmentRecord, MasteryCountsRow, ProgressDeps, StageProgressRecord } from './ports.ts';
import { enrollmentView } from './views.ts';

/** Every stage of the track with the student's status (locked until started). */
export function stageViews(track: TrackOutline, rows: readonly StageProgressRecord[]): StageView[] {
  const byStage = new Map(rows.map((row) => [row.stageId, row]));
  return track.stages.map((stage) => {
    const row = byStage.get(stage.id);
    return {
      id: stage.id,
      position: stage.position,
      title: stage.title,
      status: row?.status ?? 'locked',
      settingsVersion: row?.settingsVersion ?? null,
      startedAt: row?.startedAt ?? null,
      completedAt: row?.completedAt ?? null,
    };
  });
}

export function openStageOf(rows: readonly StageProgressRecord[]): StageProgressRecord | undefined {
  return rows.find((row) => row.status === 'active' || row.status === 'pending_approval');
}

export function summarize(
  enrollment: EnrollmentRecord,
  track: TrackOutline,
  rows: readonly StageProgressRecord[],
  certificateCode: string | null,
): EnrollmentSummary {
  const stages = stageViews(track, rows);
  const current = stages.find((stage) => stage.status === 'active' || stage.status === 'pending_approval');
  const completedStages = stages.filter((stage) => stage.status === 'completed').length;
  const done = completedStages + (enrollment.status === 'graduated' ? 1 : 0);
  return {
    ...enrollmentView(enrollment, track),
    currentStage: current ? { position: current.position, title: current.title, status: current.status } : null,
    stageCount: stages.length,
    completedStages,
    progressPercent: Math.round((done / (stages.length + 1)) * 100),
    certificateCode,
  };
}

/** Mastery of every module (0.5 with no data), the K weakest flagged. */
export function moduleMasteries(
  track: TrackOutline,
  counts: readonly MasteryCountsRow[],
  weakCount: number,
): ModuleMastery[] {
  const byModule = new Map(counts.map((row) => [row.moduleId, row]));
  const modules = track.modules.map((module) => {
    const answered = byModule.get(module.id)?.answered ?? 0;
    const correct = byModule.get(module.id)?.correct ?? 0;
    return { ...module, moduleId: module.id, answered, correct, mastery: masteryOf({ answered, correct }) };
  });
  const weak = new Set(weakModuleIds(modules, weakCount));
  return modules.map(({ moduleId, slug, title, position, answered, correct, mastery }) => ({
    moduleId,
    slug,
    title,
    position,
    answered,
    correct,
    mastery,
    weak: weak.has(moduleId),
  }));
}

/** K of the open stage's pinned settings, or of the track's current ones. */
export async function weakModuleCount(
  deps: Pick<ProgressDeps, 'tracks'>,
  trackId: string,
  openStage: StageProgressRecord | undefined,
): Promise<number> {
  const settings = await deps.tracks.settings(trackId, openStage?.settingsVersion);
  return settings?.params.adaptivity.weakModules ?? 0;
}

/**
 * Summaries of many enrollments: one read of their stage rows and their certificates, one
 * outline per distinct track — the statement count does not grow with the number of rows.
 */
export async function summarizeAll(
  deps: Pick<ProgressDeps, 'tracks' | 'reads'>,
  enrollments: readonly EnrollmentRecord[],
): Promise<EnrollmentSummary[]> {
  if (enrollments.length === 0) return [];
  const ids = enrollments.map((enrollment) => enrollment.id);
  const trackIds = [...new Set(enrollments.map((enrollment) => enrollment.trackId))];
  const [codes, stageRows, outlines] = await Promise.all([
    deps.reads.certificateCodes(ids),
    deps.reads.stagesOfEnrollments(ids),
    Promise.all(trackIds.map(async (trackId) => [trackId, await deps.tracks.outline(trackId)] as const)),
  ]);
  const tracks = new Map(outlines);
  const rowsByEnrollment = new Map<string, StageProgressRecord[]>();
  for (const row of stageRows) {
    const rows = rowsByEnrollment.get(row.enrollmentId);
    if (rows) rows.push(row);
    else rowsByEnrollment.set(row.enrollmentId, [row]);
  }
  return enrollments.flatMap((enrollment) => {
    const track = tracks.get(enrollment.trackId);
    if (!track) return [];
    const rows = rowsByEnrollment.get(enrollment.id) ?? [];
    return [summarize(enrollment, track, rows, codes.get(enrollment.id) ?? null)];
  });
}
