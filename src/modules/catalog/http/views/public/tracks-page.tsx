import type { Page, TrackCard } from '../../../application/reads.ts';
import { Layout } from '../../../../../shared/http/views/layout.tsx';
import type { PageContext } from '../../../../../shared/http/views/page-context.ts';
import { excerpt } from '../excerpt.ts';

export function TracksPage(props: { ctx: PageContext; list: Page<TrackCard>; page: number; pageSize: number }) {
  const { ctx, list } = props;
  const { t } = ctx;
  const pages = Math.max(1, Math.ceil(list.total / props.pageSize));
  return (
    <Layout ctx={ctx} title={t('catalog.public.title')} description={t('catalog.public.description')}>
      <h1 class="h2 mb-2">{t('catalog.public.title')}</h1>
      <p class="lead text-body-secondary mb-4">{t('catalog.public.lead')}</p>
      {list.items.length === 0 ? (
        <div class="text-center py-5 border rounded-3">
          <h2 class="h5">{t('catalog.public.emptyTitle')}</h2>
          <p class="text-body-secondary mb-0">{t('catalog.public.emptyText')}</p>
        </div>
      ) : (
        <ul class="row row-cols-1 row-cols-md-2 row-cols-lg-3 g-4 list-unstyled">
          {list.items.map((track) => (
            <li class="col">
              <article class="card h-100">
                <div class="card-body d-flex flex-column">
                  <h2 class="h5 card-title">
                    <a class="stretched-link link-body-emphasis" href={`/tracks/${track.slug}`}>
                      {track.title}
                    </a>
                  </h2>
                  <p class="card-text text-body-secondary flex-grow-1">{excerpt(track.description)}</p>
                  <p class="card-text small mb-0">
                    {t('catalog.public.counts', { stages: track.stageCount, modules: track.moduleCount })}
                  </p>
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 ? (
        <nav aria-label={t('catalog.pagination.label')} class="mt-4">
          <ul class="pagination">
            <li class={`page-item${props.page > 1 ? '' : ' disabled'}`}>
              {props.page > 1 ? (
                <a class="page-link" rel="prev" href={`/tracks?page=${props.page - 1}`}>
                  {t('catalog.pagination.previous')}
                </a>
              ) : (
                <span class="page-link">{t('catalog.pagination.previous')}</span>
              )}
            </li>
            <li class="page-item active">
              <span class="page-link" aria-current="page">
                {t('catalog.pagination.status', { page: props.page, pages })}
              </span>
            </li>
            <li class={`page-item${props.page < pages ? '' : ' disabled'}`}>
              {props.page < pages ? (
                <a class="page-link" rel="next" href={`/tracks?page=${props.page + 1}`}>
                  {t('catalog.pagination.next')}
                </a>
              ) : (
                <span class="page-link">{t('catalog.pagination.next')}</span>
              )}
            </li>
          </ul>
        </nav>
      ) : null}
    </Layout>
  );
}
