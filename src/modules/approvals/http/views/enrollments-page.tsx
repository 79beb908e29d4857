import { ActionForm, SelectField, TextField } from '../../../../shared/http/views/form-fields.tsx';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import { Pagination, type Paging } from '../../../../shared/http/views/pagination.tsx';
import type { EnrollmentStatus, StaffEnrollmentRow } from '../../../progress/index.ts';
import type { TrackChoice } from '../pages/deps.ts';
import { ApprovalsLayout, ENROLLMENTS_PATH } from './approvals-layout.tsx';

export const ENROLLMENT_STATUSES: readonly EnrollmentStatus[] = ['diagnostic', 'learning', 'final', 'graduated'];

export type EnrollmentFilter = Readonly<{
  trackId?: string | undefined;
  status?: EnrollmentStatus | undefined;
  q?: string | undefined;
  page: number;
}>;

export function enrollmentFilters(filter: EnrollmentFilter): Record<string, string | undefined> {
  return { trackId: filter.trackId, status: filter.status, q: filter.q };
}

/** A failed extra-time form: the row, what was typed and why it was refused. */
export type ExtraTimeFailure = Readonly<{ enrollmentId: string; value: string; error: string }>;

/** Every enrollment, filtered, each with the form that sets its extra time. */
export function EnrollmentsPage(props: {
  ctx: PageContext;
  filter: EnrollmentFilter;
  tracks: readonly TrackChoice[];
  items: readonly StaffEnrollmentRow[];
  paging: Paging;
  failure?: ExtraTimeFailure | undefined;
}) {
  const { ctx, filter, failure } = props;
  const { t } = ctx;
  const back = {
    backTrackId: filter.trackId ?? '',
    backStatus: filter.status ?? '',
    backQ: filter.q ?? '',
    backPage: String(filter.page),
  };
  return (
    <ApprovalsLayout ctx={ctx} title={t('approvals.enrollments.title')}>
      <form
        method="get"
        action={ENROLLMENTS_PATH}
        role="search"
        aria-label={t('approvals.enrollments.filterLabel')}
        class="row g-2 align-items-end mb-3"
      >
        <div class="col-md-4">
          <TextField id="filter-q" name="q" type="search" label={t('approvals.enrollments.search')} value={filter.q} />
        </div>
        <div class="col-md-3">
          <SelectField
            id="filter-track"
            name="trackId"
            label={t('approvals.queue.track')}
            value={filter.trackId}
            empty={t('approvals.queue.anyTrack')}
            options={props.tracks.map((track) => ({ value: track.id, label: track.title }))}
          />
        </div>
        <div class="col-md-2">
          <SelectField
            id="filter-status"
            name="status"
            label={t('approvals.queue.status')}
            value={filter.status}
            empty={t('approvals.queue.anyStatus')}
            options={ENROLLMENT_STATUSES.map((status) => ({
              value: status,
              label: t(`approvals.enrollmentStatus.${status}`),
            }))}
          />
        </div>
        <div class="col-md-3 mb-3 d-flex gap-2">
          <button type="submit" class="btn btn-primary">
            {t('approvals.queue.filter')}
          </button>
          <a class="btn btn-outline-secondary" href={ENROLLMENTS_PATH}>
            {t('approvals.queue.reset')}
          </a>
        </div>
      </form>

      <p class="text-body-secondary" role="status">
        {props.items.length === 0
          ? t('approvals.enrollments.empty')
          : t(props.paging.totalIsCapped ? 'approvals.enrollments.totalCapped' : 'approvals.enrollments.total', {
              total: props.paging.total,
            })}
      </p>
      {props.items.length > 0 ? (
        <div class="table-responsive">
          <table class="table align-middle">
            <thead>
              <tr>
                <th scope="col">{t('approvals.field.student')}</th>
                <th scope="col">{t('approvals.field.track')}</th>
                <th scope="col">{t('approvals.field.status')}</th>
                <th scope="col">{t('approvals.enrollments.stage')}</th>
                <th scope="col">{t('approvals.enrollments.progress')}</th>
                <th scope="col">{t('approvals.enrollments.extraTime')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((row) => {
                const failed = failure?.enrollmentId === row.id ? failure : undefined;
                return (
                  <tr id={`enrollment-${row.id}`}>
                    <td>
                      <span class="fw-semibold text-break">{row.studentName}</span>
                      <div class="small text-body-secondary text-break">{row.studentEmail}</div>
                    </td>
                    <td>{row.track.title}</td>
                    <td>{t(`approvals.enrollmentStatus.${row.status}`)}</td>
                    <td>
                      {row.currentStage
                        ? t('approvals.stageLabel', {
                            position: row.currentStage.position,
                            title: row.currentStage.title,
                          })
                        : '—'}
                    </td>
                    <td>{`${row.progressPercent}%`}</td>
                    <td>
                      <ActionForm
                        ctx={ctx}
                        action={`${ENROLLMENTS_PATH}/${row.id}/extra-time`}
                        fields={back}
                        class="d-flex flex-wrap align-items-start gap-2"
                      >
                        <TextField
                          id={`extra-time-${row.id}`}
                          name="extraTimePercent"
                          type="number"
                          label={t('approvals.enrollments.extraTimeLabel', { name: row.studentName })}
                          hint={t('approvals.enrollments.extraTimeHint')}
                          value={failed ? failed.value : String(row.extraTimePercent)}
                          error={failed?.error}
                          required
                          small
                        />
                        <button type="submit" class="btn btn-sm btn-outline-primary mt-4">
                          {t('approvals.enrollments.save')}
                        </button>
                      </ActionForm>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pagination ctx={ctx} path={ENROLLMENTS_PATH} filters={enrollmentFilters(filter)} paging={props.paging} />
    </ApprovalsLayout>
  );
}
