import type { AttemptReport } from '../../assessment/index.ts';
import type {
  AssignmentView,
  CertificateView,
  EnrollmentSummary,
  StaffEnrollmentRow,
  TrackProgress,
} from '../application/contract.ts';
import { enrollmentJson, iso } from './schemas.ts';

export function summaryJson(summary: EnrollmentSummary) {
  return { ...summary, ...enrollmentJson(summary) };
}

export function staffRowJson(row: StaffEnrollmentRow) {
  return { ...row, ...enrollmentJson(row) };
}

export function attemptReportJson(attempt: AttemptReport) {
  return {
    ...attempt,
    startedAt: attempt.startedAt.toISOString(),
    deadlineAt: iso(attempt.deadlineAt),
    finishedAt: iso(attempt.finishedAt),
    perModule: attempt.perModule.map((result) => ({ ...result })),
  };
}

export function assignmentJson(assignment: AssignmentView) {
  return { ...assignment, reason: { ...assignment.reason }, openedAt: iso(assignment.openedAt) };
}

export function trackProgressJson(progress: TrackProgress) {
  const next = progress.next;
  return {
    enrollment: enrollmentJson(progress.enrollment),
    stages: progress.stages.map((stage) => ({
      ...stage,
      startedAt: iso(stage.startedAt),
      completedAt: iso(stage.completedAt),
    })),
    mastery: progress.mastery.map((module) => ({ ...module })),
    weakModules: [...progress.weakModules],
    assignments: progress.assignments.map(assignmentJson),
    attempts: progress.attempts.map(attemptReportJson),
    diagnostic: progress.diagnostic && attemptReportJson(progress.diagnostic),
    lastDecision: progress.lastDecision && {
      ...progress.lastDecision,
      decidedAt: progress.lastDecision.decidedAt.toISOString(),
    },
    next: next.action === 'wait_cooldown' ? { ...next, retryAt: next.retryAt.toISOString() } : { ...next },
    certificateCode: progress.certificateCode,
  };
}

export function certificateJson(certificate: CertificateView) {
  return { ...certificate, issuedAt: certificate.issuedAt.toISOString() };
}
