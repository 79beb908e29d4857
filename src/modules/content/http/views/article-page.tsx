import { Layout } from '../../../../shared/http/views/layout.tsx';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import type { PublicArticle, TocEntry } from '../../application/contract.ts';
import { ARTICLES_CSS, DateOnly, FeedLinks, TagLinks } from './blog-head.tsx';

const OG_LOCALE = { ru: 'ru_RU', en: 'en_US' } as const;

/** A published article: its table of contents, its rendered body and where it belongs. */
export function ArticlePage(props: { ctx: PageContext; baseUrl: string; article: PublicArticle }) {
  const { ctx, article } = props;
  const { t } = ctx;
  const url = `${props.baseUrl}/blog/${encodeURIComponent(article.slug)}`;
  const description = article.summary || article.title;
  return (
    <Layout
      ctx={ctx}
      title={article.title}
      description={description}
      head={
        <>
          <link rel="canonical" href={url} />
          <link rel="stylesheet" href={ARTICLES_CSS} />
          <meta property="og:type" content="article" />
          <meta property="og:title" content={article.title} />
          <meta property="og:description" content={description} />
          <meta property="og:url" content={url} />
          <meta property="og:site_name" content={t('app.name')} />
          <meta property="og:locale" content={OG_LOCALE[article.locale]} />
          <meta property="article:published_time" content={article.publishedAt.toISOString()} />
          <meta property="article:modified_time" content={article.updatedAt.toISOString()} />
          {article.authorName ? <meta property="article:author" content={article.authorName} /> : null}
          {article.tags.map((tag) => (
            <meta property="article:tag" content={tag} />
          ))}
          <meta name="twitter:card" content="summary" />
          <meta name="twitter:title" content={article.title} />
          <meta name="twitter:description" content={description} />
          <FeedLinks ctx={ctx} />
        </>
      }
    >
      <nav aria-label={t('blog.breadcrumb')}>
        <ol class="breadcrumb">
          <li class="breadcrumb-item">
            <a href="/blog">{t('blog.title')}</a>
          </li>
          <li class="breadcrumb-item active" aria-current="page">
            {article.title}
          </li>
        </ol>
      </nav>
      <article lang={article.locale} aria-labelledby="article-title">
        <header class="mb-4">
          <h1 id="article-title" class="h2">
            {article.title}
          </h1>
          {article.summary ? <p class="lead">{article.summary}</p> : null}
          <p class="small text-body-secondary mb-2" lang={ctx.locale}>
            <DateOnly ctx={ctx} date={article.publishedAt} />
            {article.authorName ? <span> · {t('blog.article.author', { name: article.authorName })}</span> : null}
            <span> · {t('blog.article.views', { count: article.viewCount })}</span>
            {article.visibility === 'students' ? (
              <span class="badge text-bg-info ms-2">{t('blog.studentsOnly')}</span>
            ) : null}
          </p>
          <TagLinks ctx={ctx} tags={article.tags} />
          {article.trackSlug ? (
            <p class="mt-2 mb-0" lang={ctx.locale}>
              {t('blog.article.track')}{' '}
              <a href={`/tracks/${encodeURIComponent(article.trackSlug)}`}>{article.trackTitle ?? article.trackSlug}</a>
            </p>
          ) : null}
        </header>
        <div class="row g-4">
          {article.toc.length > 1 ? (
            <nav class="col-lg-3 order-lg-2" aria-labelledby="toc-title" lang={ctx.locale}>
              <h2 id="toc-title" class="h6 text-uppercase text-body-secondary">
                {t('blog.article.toc')}
              </h2>
              <TableOfContents entries={article.toc} />
            </nav>
          ) : null}
          {/* Safe: rendered from Markdown and sanitized by the content module at save. */}
          <div
            class={`markdown article-body ${article.toc.length > 1 ? 'col-lg-9' : 'col-12'}`}
            dangerouslySetInnerHTML={{ __html: article.html }}
          />
        </div>
      </article>
    </Layout>
  );
}

function TableOfContents(props: { entries: readonly TocEntry[] }) {
  const top = Math.min(...props.entries.map((entry) => entry.level));
  return (
    <ul class="list-unstyled small">
      {props.entries.map((entry) => (
        <li class={`mb-1 ps-${Math.min(2, entry.level - top) * 2}`}>
          <a href={`#${entry.id}`}>{entry.text}</a>
        </li>
      ))}
    </ul>
  );
}
