import { DateTime } from '../../../../shared/http/views/date-time.tsx';
import { SelectField, TextField } from '../../../../shared/http/views/form-fields.tsx';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import { Pagination, type Paging } from '../../../../shared/http/views/pagination.tsx';
import type { ArticleLocale, ArticleStatus, ArticleSummary, ArticleVisibility } from '../../application/contract.ts';
import { ArticlesLayout, StatusBadge, VisibilityLabel } from './admin-layout.tsx';

export const ARTICLE_STATUSES: readonly ArticleStatus[] = ['draft', 'published'];
export const ARTICLE_VISIBILITIES: readonly ArticleVisibility[] = ['public', 'students'];
export const ARTICLE_LOCALES: readonly ArticleLocale[] = ['ru', 'en'];

export type TrackChoice = Readonly<{ id: string; title: string }>;

/** The list's filters as the query string has them. */
export type ArticleFilterForm = {
  status?: ArticleStatus | undefined;
  visibility?: ArticleVisibility | undefined;
  locale?: ArticleLocale | undefined;
  trackId?: string | undefined;
  tag?: string | undefined;
  q?: string | undefined;
};

export function ArticlesListPage(props: {
  ctx: PageContext;
  filter: ArticleFilterForm;
  tracks: readonly TrackChoice[];
  items: readonly ArticleSummary[];
  paging: Paging;
}) {
  const { ctx, filter } = props;
  const { t } = ctx;
  const any = t('articlesAdmin.filter.any');
  const trackTitle = new Map(props.tracks.map((track) => [track.id, track.title]));
  const filtered = Object.values(filter).some((value) => value !== undefined && value !== '');
  return (
    <ArticlesLayout ctx={ctx} title={t('articlesAdmin.list.title')}>
      <div class="d-flex flex-wrap gap-2 mb-4">
        <a class="btn btn-primary" href="/admin/articles/new">
          {t('articlesAdmin.list.create')}
        </a>
      </div>
      <form method="get" action="/admin/articles" role="search" class="row g-2 align-items-start mb-2">
        <div class="col-md-4">
          <TextField
            id="filter-q"
            name="q"
            type="search"
            label={t('articlesAdmin.filter.search')}
            value={filter.q}
            maxLength={200}
          />
        </div>
        <div class="col-md-4">
          <SelectField
            id="filter-track"
            name="trackId"
            label={t('articlesAdmin.field.track')}
            value={filter.trackId}
            empty={any}
            options={props.tracks.map((track) => ({ value: track.id, label: track.title }))}
          />
        </div>
        <div class="col-md-4">
          <TextField
            id="filter-tag"
            name="tag"
            label={t('articlesAdmin.field.tag')}
            value={filter.tag}
            maxLength={100}
          />
        </div>
        <div class="col-md-2">
          <SelectField
            id="filter-status"
            name="status"
            label={t('articlesAdmin.field.status')}
            value={filter.status}
            empty={any}
            options={ARTICLE_STATUSES.map((status) => ({ value: status, label: t(`articlesAdmin.status.${status}`) }))}
          />
        </div>
        <div class="col-md-3">
          <SelectField
            id="filter-visibility"
            name="visibility"
            label={t('articlesAdmin.field.visibility')}
            value={filter.visibility}
            empty={any}
            options={ARTICLE_VISIBILITIES.map((visibility) => ({
              value: visibility,
              label: t(`articlesAdmin.visibility.${visibility}`),
            }))}
          />
        </div>
        <div class="col-md-2">
          <SelectField
            id="filter-locale"
            name="locale"
            label={t('articlesAdmin.field.locale')}
            value={filter.locale}
            empty={any}
            options={ARTICLE_LOCALES.map((locale) => ({ value: locale, label: t(`locale.${locale}`) }))}
          />
        </div>
        <div class="col-md-5 d-flex gap-2 align-self-end mb-3">
          <button type="submit" class="btn btn-primary">
            {t('articlesAdmin.filter.apply')}
          </button>
          <a class="btn btn-outline-secondary" href="/admin/articles">
            {t('articlesAdmin.filter.reset')}
          </a>
        </div>
      </form>

      {props.items.length === 0 ? (
        <div class="alert alert-secondary" role="status">
          {t(filtered ? 'articlesAdmin.list.empty' : 'articlesAdmin.list.none')}
        </div>
      ) : (
        <div class="table-responsive">
          <table class="table align-middle">
            <caption>{t('articlesAdmin.list.caption', { total: props.paging.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('articlesAdmin.field.title')}</th>
                <th scope="col">{t('articlesAdmin.field.status')}</th>
                <th scope="col">{t('articlesAdmin.field.visibility')}</th>
                <th scope="col">{t('articlesAdmin.field.locale')}</th>
                <th scope="col">{t('articlesAdmin.field.track')}</th>
                <th scope="col">{t('articlesAdmin.field.tags')}</th>
                <th scope="col">{t('articlesAdmin.list.views')}</th>
                <th scope="col">{t('articlesAdmin.list.updatedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((article) => (
                <tr>
                  <th scope="row" class="fw-normal text-break">
                    <a href={`/admin/articles/${article.id}`}>{article.title}</a>
                    <div class="small text-body-secondary">{article.slug}</div>
                  </th>
                  <td>
                    <StatusBadge ctx={ctx} status={article.status} />
                  </td>
                  <td>
                    <VisibilityLabel ctx={ctx} visibility={article.visibility} />
                  </td>
                  <td>{article.locale}</td>
                  <td>{article.trackId ? (trackTitle.get(article.trackId) ?? '—') : '—'}</td>
                  <td class="small">{article.tags.join(', ')}</td>
                  <td>{article.viewCount}</td>
                  <td class="text-nowrap">
                    <DateTime ctx={ctx} date={article.updatedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination ctx={ctx} path="/admin/articles" filters={filter} paging={props.paging} />
    </ArticlesLayout>
  );
}
