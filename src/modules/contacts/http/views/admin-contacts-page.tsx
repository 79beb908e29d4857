import { DateTime } from '../../../../shared/http/views/date-time.tsx';
import { ActionForm, TextField } from '../../../../shared/http/views/form-fields.tsx';
import { Layout } from '../../../../shared/http/views/layout.tsx';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import { Pagination } from '../../../../shared/http/views/pagination.tsx';
import type { Page } from '../../application/ports.ts';
import { CONTACT_STATUSES, type ContactRequest, type ContactStatus } from '../../domain/contact-request.ts';
import { Lines } from '../mail-templates.tsx';

export type ContactListQuery = Readonly<{ status?: ContactStatus | undefined; q?: string | undefined; page: number }>;

export const ADMIN_CONTACTS_PATH = '/admin/contacts';

/** The filters of the list as query parameters (empty ones left out). */
export function listFilters(query: ContactListQuery): Record<string, string | undefined> {
  return { status: query.status, q: query.q };
}

/** Every request with its message (escaped, line breaks kept) and the buttons to handle or reopen it. */
export function AdminContactsPage(props: {
  ctx: PageContext;
  query: ContactListQuery;
  list: Page<ContactRequest>;
  pageSize: number;
}) {
  const { ctx, query, list } = props;
  const { t } = ctx;
  const filters = listFilters(query);
  return (
    <Layout ctx={ctx} title={t('contacts.admin.title')}>
      <h1 class="h2 mb-4">{t('contacts.admin.title')}</h1>
      <form
        method="get"
        action={ADMIN_CONTACTS_PATH}
        role="search"
        aria-label={t('contacts.admin.filterLabel')}
        class="row g-2 align-items-end mb-3"
      >
        <div class="col-md-6">
          <TextField id="filter-q" name="q" type="search" label={t('contacts.admin.search')} value={query.q} />
        </div>
        <div class="col-md-3 mb-3">
          <label class="form-label" for="filter-status">
            {t('contacts.admin.status')}
          </label>
          <select id="filter-status" name="status" class="form-select">
            <option value="">{t('contacts.admin.anyStatus')}</option>
            {CONTACT_STATUSES.map((status) => (
              <option value={status} selected={status === query.status}>
                {t(`contacts.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="col-md-3 mb-3 d-flex gap-2">
          <button type="submit" class="btn btn-primary">
            {t('contacts.admin.filter')}
          </button>
          <a class="btn btn-outline-secondary" href={ADMIN_CONTACTS_PATH}>
            {t('contacts.admin.reset')}
          </a>
        </div>
      </form>

      <p class="text-body-secondary" role="status">
        {list.items.length === 0 ? t('contacts.admin.empty') : t('contacts.admin.total', { total: list.total })}
      </p>
      {list.items.length > 0 ? (
        <ul class="list-unstyled">
          {list.items.map((request) => (
            <li class="mb-3">
              <RequestCard ctx={ctx} request={request} query={query} />
            </li>
          ))}
        </ul>
      ) : null}
      <Pagination
        ctx={ctx}
        path={ADMIN_CONTACTS_PATH}
        filters={filters}
        paging={{ page: query.page, pageSize: props.pageSize, total: list.total }}
      />
    </Layout>
  );
}

function RequestCard(props: { ctx: PageContext; request: ContactRequest; query: ContactListQuery }) {
  const { ctx, request, query } = props;
  const { t } = ctx;
  const headingId = `request-${request.id}-title`;
  const handled = request.status === 'handled';
  const back = { backStatus: query.status ?? '', backQ: query.q ?? '', backPage: String(query.page) };
  return (
    <article id={`request-${request.id}`} class="card" aria-labelledby={headingId}>
      <div class="card-body">
        <div class="d-flex flex-wrap justify-content-between align-items-start gap-2 mb-2">
          <div>
            <h2 id={headingId} class="h5 mb-1 text-break">
              {request.name}
            </h2>
            <a href={`mailto:${request.email}`} class="text-break">
              {request.email}
            </a>
          </div>
          <span class={`badge fs-6 ${handled ? 'text-bg-success' : 'text-bg-warning'}`}>
            {t(`contacts.status.${request.status}`)}
          </span>
        </div>
        <dl class="row small mb-2">
          <dt class="col-sm-3">{t('contacts.admin.receivedAt')}</dt>
          <dd class="col-sm-9">
            <DateTime ctx={ctx} date={request.createdAt} />
          </dd>
          <dt class="col-sm-3">{t('contacts.admin.language')}</dt>
          <dd class="col-sm-9">{t(`locale.${request.locale}`)}</dd>
          {handled && request.handledAt ? (
            <>
              <dt class="col-sm-3">{t('contacts.status.handled')}</dt>
              <dd class="col-sm-9">
                {request.handledBy
                  ? t('contacts.admin.handled', { name: request.handledBy.displayName })
                  : t('contacts.admin.handledUnknown')}
                {', '}
                <DateTime ctx={ctx} date={request.handledAt} />
              </dd>
            </>
          ) : null}
        </dl>
        <blockquote class="border-start border-3 ps-3 mb-3 text-break contact-message">
          <Lines text={request.message} />
        </blockquote>
        <ActionForm
          ctx={ctx}
          action={`${ADMIN_CONTACTS_PATH}/${request.id}/status`}
          fields={{ status: handled ? 'new' : 'handled', ...back }}
        >
          <button type="submit" class={`btn btn-sm ${handled ? 'btn-outline-secondary' : 'btn-success'}`}>
            {t(handled ? 'contacts.admin.reopen' : 'contacts.admin.markHandled')}
            <span class="visually-hidden">
              {' — '}
              {t('contacts.admin.requestFrom', { name: request.name })}
            </span>
          </button>
        </ActionForm>
      </div>
    </article>
  );
}
