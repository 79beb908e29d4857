import { DateTime } from '../../../../shared/http/views/date-time.tsx';
import { SelectField } from '../../../../shared/http/views/form-fields.tsx';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import { Pagination, type Paging } from '../../../../shared/http/views/pagination.tsx';
import type { ApprovalStatus, ApprovalView } from '../../application/contract.ts';
import type { TrackChoice } from '../pages/deps.ts';
import { APPROVAL_STATUSES } from '../schemas.ts';
import { APPROVALS_PATH, ApprovalsLayout } from './approvals-layout.tsx';
import { formatDuration, percent, StatusBadge, stepLabel, waited } from './format.tsx';

export type QueueFilter = Readonly<{ status?: ApprovalStatus | undefined; trackId?: string | undefined }>;

export function queueFilters(filter: QueueFilter): Record<string, string | undefined> {
  return { status: filter.status, trackId: filter.trackId };
}

/** The approval queue: pending requests first, the longest waiting on top; filters by status and track. */
export function QueuePage(props: {
  ctx: PageContext;
  filter: QueueFilter;
  tracks: readonly TrackChoice[];
  items: readonly ApprovalView[];
  paging: Paging;
  now: Date;
}) {
  const { ctx, filter } = props;
  const { t } = ctx;
  return (
    <ApprovalsLayout ctx={ctx} title={t('approvals.queue.title')}>
      <form
        method="get"
        action={APPROVALS_PATH}
        role="search"
        aria-label={t('approvals.queue.filterLabel')}
        class="row g-2 align-items-end mb-3"
      >
        <div class="col-md-4">
          <SelectField
            id="filter-status"
            name="status"
            label={t('approvals.queue.status')}
            value={filter.status}
            empty={t('approvals.queue.anyStatus')}
            options={APPROVAL_STATUSES.map((status) => ({ value: status, label: t(`approvals.status.${status}`) }))}
          />
        </div>
        <div class="col-md-5">
          <SelectField
            id="filter-track"
            name="trackId"
            label={t('approvals.queue.track')}
            value={filter.trackId}
            empty={t('approvals.queue.anyTrack')}
            options={props.tracks.map((track) => ({ value: track.id, label: track.title }))}
          />
        </div>
        <div class="col-md-3 mb-3 d-flex gap-2">
          <button type="submit" class="btn btn-primary">
            {t('approvals.queue.filter')}
          </button>
          <a class="btn btn-outline-secondary" href={APPROVALS_PATH}>
            {t('approvals.queue.reset')}
          </a>
        </div>
      </form>

      <p class="text-body-secondary" role="status">
        {props.items.length === 0
          ? t('approvals.queue.empty')
          : t(props.paging.totalIsCapped ? 'approvals.queue.totalCapped' : 'approvals.queue.total', {
              total: props.paging.total,
            })}
      </p>
      {props.items.length > 0 ? (
        <div class="table-responsive">
          <table class="table align-middle">
            <caption class="visually-hidden">{t('approvals.queue.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('approvals.field.student')}</th>
                <th scope="col">{t('approvals.field.track')}</th>
                <th scope="col">{t('approvals.field.step')}</th>
                <th scope="col">{t('approvals.field.score')}</th>
                <th scope="col">{t('approvals.field.requestedAt')}</th>
                <th scope="col">{t('approvals.field.waiting')}</th>
                <th scope="col">{t('approvals.field.status')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((request) => (
                <tr>
                  <td>
                    <a href={`${APPROVALS_PATH}/${request.id}`} class="fw-semibold text-break">
                      {request.student.displayName}
                    </a>
                    <div class="small text-body-secondary text-break">{request.student.email}</div>
                  </td>
                  <td>{request.track.title}</td>
                  <td>{stepLabel(ctx, request)}</td>
                  <td>{percent(request.score)}</td>
                  <td>
                    <DateTime ctx={ctx} date={request.requestedAt} />
                  </td>
                  <td>{formatDuration(ctx, waited(request, props.now))}</td>
                  <td>
                    <StatusBadge ctx={ctx} request={request} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pagination ctx={ctx} path={APPROVALS_PATH} filters={queueFilters(filter)} paging={props.paging} />
    </ApprovalsLayout>
  );
}
