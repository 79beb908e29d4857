import { TrackFields } from './track-fields.tsx';
import type { PageContext } from '../../../../../shared/http/views/page-context.ts';
import type { Page, TrackListItem } from '../../../application/reads.ts';
import { TRACK_STATUSES, type TrackStatus } from '../../../domain/track.ts';
import type { FormProblem } from '../../pages/page-support.ts';
import { DateTime } from '../../../../../shared/http/views/date-time.tsx';
import { CsrfInput, FormError, TextField } from '../../../../../shared/http/views/form-fields.tsx';
import { CatalogAdminLayout, StatusBadge } from './admin-layout.tsx';

export type TrackListQuery = Readonly<{ q?: string | undefined; status?: TrackStatus | undefined; page: number }>;

export function AdminTracksPage(props: {
  ctx: PageContext;
  query: TrackListQuery;
  list: Page<TrackListItem>;
  pageSize: number;
  problem?: FormProblem | undefined;
}) {
  const { ctx, query, list } = props;
  const { t } = ctx;
  const pages = Math.max(1, Math.ceil(list.total / props.pageSize));
  const link = (page: number) => {
    const search = new URLSearchParams();
    if (query.q) search.set('q', query.q);
    if (query.status) search.set('status', query.status);
    if (page > 1) search.set('page', String(page));
    const text = search.toString();
    return text ? `/admin/tracks?${text}` : '/admin/tracks';
  };
  return (
    <CatalogAdminLayout ctx={ctx} title={t('catalog.admin.title')} crumbs={[]}>
      <form method="get" action="/admin/tracks" role="search" class="row g-2 align-items-end mb-3">
        <div class="col-md-6">
          <TextField id="filter-q" name="q" type="search" label={t('catalog.admin.search')} value={query.q} />
        </div>
        <div class="col-md-3 mb-3">
          <label class="form-label" for="filter-status">
            {t('catalog.field.status')}
          </label>
          <select id="filter-status" name="status" class="form-select">
            <option value="">{t('catalog.admin.anyStatus')}</option>
            {TRACK_STATUSES.map((status) => (
              <option value={status} selected={status === query.status}>
                {t(`catalog.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="col-md-3 mb-3 d-flex gap-2">
          <button type="submit" class="btn btn-primary">
            {t('catalog.admin.filter')}
          </button>
          <a class="btn btn-outline-secondary" href="/admin/tracks">
            {t('catalog.admin.reset')}
          </a>
        </div>
      </form>

      {list.items.length === 0 ? (
        <p class="text-body-secondary">{t('catalog.admin.empty')}</p>
      ) : (
        <div class="table-responsive">
          <table class="table align-middle">
            <caption>{t('catalog.admin.caption', { total: list.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalog.field.title')}</th>
                <th scope="col">{t('catalog.field.slug')}</th>
                <th scope="col">{t('catalog.field.status')}</th>
                <th scope="col">{t('catalog.admin.stages')}</th>
                <th scope="col">{t('catalog.admin.modules')}</th>
                <th scope="col">{t('catalog.admin.settingsVersion')}</th>
                <th scope="col">{t('catalog.admin.updatedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((track) => (
                <tr>
                  <th scope="row">
                    <a href={`/admin/tracks/${track.id}`}>{track.title}</a>
                  </th>
                  <td>
                    <code>{track.slug}</code>
                  </td>
                  <td>
                    <StatusBadge ctx={ctx} status={track.status} />
                  </td>
                  <td>{track.stageCount}</td>
                  <td>{track.moduleCount}</td>
                  <td>{track.currentSettingsVersion ?? t('catalog.admin.noSettings')}</td>
                  <td class="text-nowrap">
                    <DateTime ctx={ctx} date={track.updatedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label={t('catalog.pagination.label')}>
          <ul class="pagination">
            <li class={`page-item${query.page > 1 ? '' : ' disabled'}`}>
              <a
                class="page-link"
                rel="prev"
                href={link(query.page - 1)}
                aria-disabled={query.page > 1 ? undefined : 'true'}
              >
                {t('catalog.pagination.previous')}
              </a>
            </li>
            <li class="page-item active">
              <span class="page-link" aria-current="page">
                {t('catalog.pagination.status', { page: query.page, pages })}
              </span>
            </li>
            <li class={`page-item${query.page < pages ? '' : ' disabled'}`}>
              <a
                class="page-link"
                rel="next"
                href={link(query.page + 1)}
                aria-disabled={query.page < pages ? undefined : 'true'}
              >
                {t('catalog.pagination.next')}
              </a>
            </li>
          </ul>
        </nav>
      ) : null}

      <section aria-labelledby="new-track-title" class="mt-5 col-lg-8">
        <h2 id="new-track-title" class="h4">
          {t('catalog.admin.newTrack')}
        </h2>
        <NewTrackForm ctx={ctx} problem={props.problem} />
      </section>
    </CatalogAdminLayout>
  );
}

function NewTrackForm(props: { ctx: PageContext; problem?: FormProblem | undefined }) {
  const { ctx, problem } = props;
  const { t } = ctx;
  const values = problem?.values ?? {};
  return (
    <form method="post" action="/admin/tracks" novalidate aria-describedby={problem ? 'new-track-error' : undefined}>
      <CsrfInput ctx={ctx} />
      <FormError ctx={ctx} id="new-track-error" message={problem?.message} />
      <TrackFields
        ctx={ctx}
        ids={{ title: 'new-track-title-field', slug: 'new-track-slug', description: 'new-track-description' }}
        values={values}
        errors={problem?.fields}
      />
      <button type="submit" class="btn btn-primary">
        {t('catalog.admin.create')}
      </button>
    </form>
  );
}
