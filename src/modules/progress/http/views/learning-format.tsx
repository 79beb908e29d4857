import type { MessageKey } from '../../../../shared/http/i18n/index.ts';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import type { AttemptKind, AttemptStatus } from '../../../assessment/index.ts';
import type { EnrollmentStatus, StageStatus } from '../../application/contract.ts';

/** The learning pages' own stylesheet and script (CSP: no inline styles or scripts). */
export const LEARNING_CSS = '/assets/app/learning.css';
export const LEARNING_JS = '/assets/app/learning.js';

export const KIND_KEYS: Record<AttemptKind, MessageKey> = {
  diagnostic: 'learn.kind.diagnostic',
  minitest: 'learn.kind.minitest',
  level_exam: 'learn.kind.level_exam',
  rank_final: 'learn.kind.rank_final',
};

export const ATTEMPT_STATUS_KEYS: Record<AttemptStatus, MessageKey> = {
  in_progress: 'learn.attemptStatus.in_progress',
  passed: 'learn.attemptStatus.passed',
  failed: 'learn.attemptStatus.failed',
  annulled: 'learn.attemptStatus.annulled',
};

export const STAGE_STATUS_KEYS: Record<StageStatus, MessageKey> = {
  locked: 'learn.stageStatus.locked',
  active: 'learn.stageStatus.active',
  pending_approval: 'learn.stageStatus.pending_approval',
  completed: 'learn.stageStatus.completed',
};

export const ENROLLMENT_STATUS_KEYS: Record<EnrollmentStatus, MessageKey> = {
  diagnostic: 'learn.enrollmentStatus.diagnostic',
  learning: 'learn.enrollmentStatus.learning',
  final: 'learn.enrollmentStatus.final',
  graduated: 'learn.enrollmentStatus.graduated',
};

const STAGE_BADGES: Record<StageStatus, string> = {
  locked: 'text-bg-secondary',
  active: 'text-bg-primary',
  pending_approval: 'text-bg-warning',
  completed: 'text-bg-success',
};

const ATTEMPT_BADGES: Record<AttemptStatus, string> = {
  in_progress: 'text-bg-primary',
  passed: 'text-bg-success',
  failed: 'text-bg-danger',
  annulled: 'text-bg-secondary',
};

export function StageBadge(props: { ctx: PageContext; status: StageStatus }) {
  return <span class={`badge ${STAGE_BADGES[props.status]}`}>{props.ctx.t(STAGE_STATUS_KEYS[props.status])}</span>;
}

export function AttemptBadge(props: { ctx: PageContext; status: AttemptStatus; kind: AttemptKind }) {
  // A finished diagnostic is `passed` in the data, but it is a placement test: nobody fails it.
  const key = props.kind === 'diagnostic' && props.status === 'passed' ? 'learn.attemptStatus.completed' : null;
  return (
    <span class={`badge ${ATTEMPT_BADGES[props.status]}`}>{props.ctx.t(key ?? ATTEMPT_STATUS_KEYS[props.status])}</span>
  );
}

/** A whole percent in the page's language. */
export function percent(ctx: PageContext, value: number): string {
  return new Intl.NumberFormat(ctx.locale, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
}

/** A ratio 0..1 as a whole percent 0..100. */
export function masteryPercent(mastery: number): number {
  return Math.round(Math.max(0, Math.min(1, mastery)) * 100);
}

/** A labelled progress bar: the native element, so it needs no inline style and is announced as one. */
export function ProgressBar(props: { ctx: PageContext; id: string; value: number; label: string }) {
  const value = Math.max(0, Math.min(100, Math.round(props.value)));
  return (
    <div class="learning-progress">
      <label class="small text-body-secondary d-block" for={props.id}>
        {props.label}: {percent(props.ctx, value)}
      </label>
      <progress id={props.id} class="learning-progress-bar" max={100} value={value}>
        {percent(props.ctx, value)}
      </progress>
    </div>
  );
}

/** A duration in minutes and seconds, e.g. "12 min 5 s". */
export function durationText(ctx: PageContext, from: Date, to: Date): string {
  const seconds = Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
  const minutes = Math.floor(seconds / 60);
  return ctx.t('learn.duration', { minutes, seconds: seconds % 60 });
}

/** Plain text made safe to insert as HTML (a fallback when no rendered HTML came along). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
