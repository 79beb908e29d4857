import type { PageContext } from '../../../../../shared/http/views/page-context.ts';
import type { AuditEventView } from '../../../application/reads.ts';
import { AUDIT_ACTIONS } from '../../../domain/audit.ts';
import { DateTime } from '../../../../../shared/http/views/date-time.tsx';
import { ErrorSummary, TextField } from '../form-fields.tsx';
import { AdminLayout } from './admin-layout.tsx';
import { Pagination, type Paging } from '../../../../../shared/http/views/pagination.tsx';
import { FilterSelect } from './users-page.tsx';

/** The filters as typed (dates as YYYY-MM-DD), shown again in the form and kept by the page links. */
export type AuditFilterForm = {
  action?: string | undefined;
  actorId?: string | undefined;
  subjectId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};
export type AuditFilterErrors = Partial<Record<keyof AuditFilterForm, string>>;

export function AuditPage(props: {
  ctx: PageContext;
  filter: AuditFilterForm;
  errors: AuditFilterErrors;
  events: readonly AuditEventView[];
  paging: Paging;
}) {
  const { ctx, filter, errors } = props;
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('admin.audit.title')}>
      <ErrorSummary ctx={ctx} message={Object.keys(errors).length > 0 ? t('admin.audit.filtersIgnored') : undefined} />
      <form method="get" action="/admin/audit" role="search" class="row g-2 align-items-start mb-4" novalidate>
        <div class="col-md-4 mb-3">
          <FilterSelect
            ctx={ctx}
            name="action"
            label={t('admin.audit.action')}
            value={filter.action}
            options={AUDIT_ACTIONS.map((action) => ({ value: action, label: t(`admin.audit.action.${action}`) }))}
          />
        </div>
        <div class="col-md-4">
          <TextField name="actorId" label={t('admin.audit.actorId')} value={filter.actorId} error={errors.actorId} />
        </div>
        <div class="col-md-4">
          <TextField
            name="subjectId"
            label={t('admin.audit.subjectId')}
            value={filter.subjectId}
            error={errors.subjectId}
          />
        </div>
        <div class="col-md-3">
          <TextField
            type="date"
            name="from"
            label={t('admin.audit.from')}
            value={filter.from}
            error={errors.from}
            hint={t('admin.audit.dayHint')}
          />
        </div>
        <div class="col-md-3">
          <TextField
            type="date"
            name="to"
            label={t('admin.audit.to')}
            value={filter.to}
            error={errors.to}
            hint={t('admin.audit.dayHint')}
          />
        </div>
        <div class="col-md-6 d-flex gap-2 align-self-center">
          <button type="submit" class="btn btn-primary">
            {t('admin.filter.apply')}
          </button>
          <a class="btn btn-outline-secondary" href="/admin/audit">
            {t('admin.filter.reset')}
          </a>
        </div>
      </form>

      <div class="table-responsive">
        <table class="table table-sm align-middle">
          <caption>{t('admin.audit.caption', { total: props.paging.total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.audit.at')}</th>
              <th scope="col">{t('admin.audit.action')}</th>
              <th scope="col">{t('admin.audit.actor')}</th>
              <th scope="col">{t('admin.audit.subject')}</th>
              <th scope="col">{t('admin.audit.ip')}</th>
              <th scope="col">{t('admin.audit.requestId')}</th>
              <th scope="col">{t('admin.audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {props.events.map((event) => (
              <tr>
                <th scope="row" class="fw-normal text-nowrap">
                  <DateTime ctx={ctx} date={event.at} />
                </th>
                <td>{t(`admin.audit.action.${event.action}`)}</td>
                <td class="text-break">
                  <UserLink ctx={ctx} filter="actorId" id={event.actorId} email={event.actorEmail} />
                </td>
                <td class="text-break">
                  <UserLink ctx={ctx} filter="subjectId" id={event.subjectId} email={event.subjectEmail} />
                </td>
                <td>{event.ip ?? '—'}</td>
                <td>
                  <code class="small">{event.requestId ?? '—'}</code>
                </td>
                <td>
                  <code class="small">{detailsText(event.details) || '—'}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination ctx={ctx} path="/admin/audit" filters={filter} paging={props.paging} />
    </AdminLayout>
  );
}

/** A user's email, linking to the events filtered by them; "—" for none (e.g. a failed login). */
function UserLink(props: {
  ctx: PageContext;
  filter: 'actorId' | 'subjectId';
  id: string | null;
  email: string | null;
}) {
  if (!props.id) return <>—</>;
  const label = props.ctx.t(props.filter === 'actorId' ? 'admin.audit.byActor' : 'admin.audit.bySubject', {
    email: props.email ?? props.id,
  });
  return (
    <a href={`/admin/audit?${props.filter}=${props.id}`} title={label}>
      {props.email ?? props.id}
    </a>
  );
}

/** `{ from: 'student', to: 'admin' }` → `from=student to=admin`. */
export function detailsText(details: Readonly<Record<string, unknown>>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
}
