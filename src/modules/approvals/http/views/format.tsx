import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import type { ApprovalStatus, ApprovalView } from '../../application/contract.ts';

const MINUTE = 60_000;

/** A span of time as "2 d 3 h", "4 h 10 min" or "7 min" in the page's language. */
export function formatDuration(ctx: PageContext, milliseconds: number): string {
  const minutes = Math.max(0, Math.floor(milliseconds / MINUTE));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return ctx.t('approvals.duration.daysHours', { days, hours });
  if (hours > 0) return ctx.t('approvals.duration.hoursMinutes', { hours, minutes: rest });
  return ctx.t('approvals.duration.minutes', { minutes: rest });
}

/** Seconds as "12:05" (minutes:seconds) or "1:02:05". */
export function formatClock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (value: number) => String(value).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

export const percent = (value: number) => `${Math.round(value * 100) / 100}%`;

/** How long a request waited (or has been waiting) for its decision. */
export function waited(request: ApprovalView, now: Date): number {
  return (request.decidedAt ?? now).getTime() - request.requestedAt.getTime();
}

const BADGE: Record<ApprovalStatus, string> = {
  pending: 'text-bg-warning',
  approved: 'text-bg-success',
  rejected: 'text-bg-danger',
};

export function StatusBadge(props: { ctx: PageContext; request: ApprovalView }) {
  const { ctx, request } = props;
  return (
    <span class={`badge ${BADGE[request.status]}`}>
      {ctx.t(`approvals.status.${request.status}`)}
      {request.automatic ? ` · ${ctx.t('approvals.automatic')}` : ''}
    </span>
  );
}

/** "Stage 2: Joins" or "Rank final". */
export function stepLabel(ctx: PageContext, request: ApprovalView): string {
  return request.stage
    ? ctx.t('approvals.stageLabel', { position: request.stage.position, title: request.stage.title })
    : ctx.t('approvals.finalLabel');
}
