import { Layout } from '../../../../shared/http/views/layout.tsx';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import { Pagination, type Paging } from '../../../../shared/http/views/pagination.tsx';
import type { ArticleSummary, TagCount } from '../../application/contract.ts';
import { DateOnly, FeedLinks, TagLinks } from './blog-head.tsx';

export type BlogFilter = Readonly<{ q?: string | undefined; tag?: string | undefined }>;

export type BlogList = Readonly<{ items: readonly ArticleSummary[]; paging: Paging }>;

/**
 * The public blog: a search box (live with htmx: the form asks for the results fragment as the
 * reader types; without JavaScript it submits as usual), the tags with their counts, and the
 * published articles, newest first or by relevance when searching.
 */
export function BlogPage(props: {
  ctx: PageContext;
  baseUrl: string;
  filter: BlogFilter;
  list: BlogList;
  tags: readonly TagCount[];
}) {
  const { ctx, filter } = props;
  const { t } = ctx;
  const canonical = `${props.baseUrl}/blog${filter.tag ? `?tag=${encodeURIComponent(filter.tag)}` : ''}`;
  return (
    <Layout
      ctx={ctx}
      title={filter.tag ? t('blog.titleTag', { tag: filter.tag }) : t('blog.title')}
      description={t('blog.description')}
      head={
        <>
          <link rel="canonical" href={canonical} />
          <FeedLinks ctx={ctx} />
        </>
      }
    >
      <div class="d-flex flex-wrap justify-content-between align-items-baseline gap-2 mb-3">
        <h1 class="h2 mb-0">{t('blog.title')}</h1>
        <a class="small" href="/blog/feed.xml">
          {t('blog.feed.subscribe')}
        </a>
      </div>
      <div class="row g-4">
        <div class="col-lg-8">
          <form
            method="get"
            action="/blog"
            role="search"
            class="mb-3"
            hx-get="/blog"
            hx-trigger="submit, input changed delay:300ms, search"
            hx-target="#blog-results"
            hx-swap="outerHTML"
            hx-push-url="true"
            hx-sync="this:replace"
          >
            <label class="form-label" for="blog-q">
              {t('blog.search.label')}
            </label>
            <div class="input-group">
              <input
                id="blog-q"
                name="q"
                type="search"
                class="form-control"
                value={filter.q}
                maxLength={200}
                autocomplete="off"
                aria-controls="blog-results"
                aria-describedby="blog-q-hint"
              />
              {filter.tag ? <input type="hidden" name="tag" value={filter.tag} /> : null}
              <button type="submit" class="btn btn-primary">
                {t('blog.search.submit')}
              </button>
            </div>
            <div id="blog-q-hint" class="form-text">
              {t('blog.search.hint')}
            </div>
          </form>
          {filter.tag ? (
            <p>
              {t('blog.filter.byTag', { tag: filter.tag })}{' '}
              <a href={filter.q ? `/blog?q=${encodeURIComponent(filter.q)}` : '/blog'}>{t('blog.filter.clearTag')}</a>
            </p>
          ) : null}
          <BlogResults ctx={ctx} filter={filter} list={props.list} />
          {/* Read out as live search swaps the results (the results themselves are replaced whole). */}
          <div id="blog-status" class="visually-hidden" role="status" />
        </div>
        <aside class="col-lg-4" aria-labelledby="blog-tags-title">
          <TagCloud ctx={ctx} tags={props.tags} current={filter.tag} />
        </aside>
      </div>
    </Layout>
  );
}

/** The results: the whole page renders it, and htmx swaps it alone as the reader types. */
export function BlogResults(props: { ctx: PageContext; filter: BlogFilter; list: BlogList }) {
  const { ctx, filter, list } = props;
  const { t } = ctx;
  const searching = Boolean(filter.q || filter.tag);
  return (
    <section id="blog-results" aria-labelledby="blog-results-title">
      <h2 id="blog-results-title" class="visually-hidden">
        {t('blog.results.title')}
      </h2>
      {searching && list.items.length > 0 ? <p class="text-body-secondary small">{resultCount(ctx, list)}</p> : null}
      {list.items.length === 0 ? (
        <div class="alert alert-secondary">{t(searching ? 'blog.results.none' : 'blog.results.empty')}</div>
      ) : (
        <ol class="list-unstyled">
          {list.items.map((article) => (
            <ArticleCard ctx={ctx} article={article} />
          ))}
        </ol>
      )}
      <Pagination ctx={ctx} path="/blog" filters={{ q: filter.q, tag: filter.tag }} paging={list.paging} />
    </section>
  );
}

function resultCount(ctx: PageContext, list: BlogList): string {
  return list.items.length === 0
    ? ctx.t('blog.results.none')
    : ctx.t('blog.results.count', { total: list.paging.total });
}

/** What htmx gets as the reader types: the results, and their count for the live region. */
export function BlogResultsUpdate(props: { ctx: PageContext; filter: BlogFilter; list: BlogList }) {
  return (
    <>
      <BlogResults {...props} />
      <div id="blog-status" hx-swap-oob="innerHTML">
        {resultCount(props.ctx, props.list)}
      </div>
    </>
  );
}

function ArticleCard(props: { ctx: PageContext; article: ArticleSummary }) {
  const { ctx, article } = props;
  const { t } = ctx;
  return (
    <li class="card mb-3">
      <article class="card-body" lang={article.locale === ctx.locale ? undefined : article.locale}>
        <h3 class="h5 card-title">
          <a href={`/blog/${encodeURIComponent(article.slug)}`}>{article.title}</a>
        </h3>
        <p class="small text-body-secondary mb-2">
          {article.publishedAt ? <DateOnly ctx={ctx} date={article.publishedAt} /> : null}
          {article.visibility === 'students' ? (
            <span class="badge text-bg-info ms-2">{t('blog.studentsOnly')}</span>
          ) : null}
        </p>
        {article.summary ? <p class="card-text mb-2">{article.summary}</p> : null}
        {article.snippet ? (
          // Safe: the use case escapes everything and adds only <mark> around the matches.
          <p class="card-text small blog-snippet mb-2" dangerouslySetInnerHTML={{ __html: article.snippet }} />
        ) : null}
        <TagLinks ctx={ctx} tags={article.tags} />
      </article>
    </li>
  );
}

function TagCloud(props: { ctx: PageContext; tags: readonly TagCount[]; current: string | undefined }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <>
      <h2 id="blog-tags-title" class="h5">
        {t('blog.tags')}
      </h2>
      {props.tags.length === 0 ? (
        <p class="text-body-secondary">{t('blog.tagsNone')}</p>
      ) : (
        <ul class="list-inline">
          {props.tags.map(({ tag, count }) => {
            const current = tag === props.current;
            return (
              <li class="list-inline-item mb-2">
                <a
                  class={`btn btn-sm ${current ? 'btn-light' : 'btn-outline-light'}`}
                  href={current ? '/blog' : `/blog?tag=${encodeURIComponent(tag)}`}
                  aria-current={current ? 'page' : undefined}
                >
                  #{tag}{' '}
                  <span class="badge text-bg-secondary" aria-hidden="true">
                    {count}
                  </span>
                  <span class="visually-hidden"> {t('blog.tagCount', { count })}</span>
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
