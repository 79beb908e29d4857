import type { PageContext } from '../../../../shared/http/views/page-context.ts';

/** Code blocks and images of a rendered article (served with the app's own assets). */
export const ARTICLES_CSS = '/assets/app/articles.css';

/** The feeds, announced on every blog page (feed readers find them from any page). */
export function FeedLinks(props: { ctx: PageContext }) {
  const { t } = props.ctx;
  return (
    <>
      <link rel="alternate" type="application/rss+xml" title={t('blog.feed.rss')} href="/blog/feed.xml" />
      <link rel="alternate" type="application/atom+xml" title={t('blog.feed.atom')} href="/blog/atom.xml" />
    </>
  );
}

/** Tags as links to the blog filtered by them. */
export function TagLinks(props: { ctx: PageContext; tags: readonly string[]; class?: string }) {
  if (props.tags.length === 0) return null;
  return (
    <ul class={`list-inline mb-0 ${props.class ?? ''}`} aria-label={props.ctx.t('blog.tags')}>
      {props.tags.map((tag) => (
        <li class="list-inline-item">
          <a class="badge text-bg-secondary text-decoration-none" href={`/blog?tag=${encodeURIComponent(tag)}`}>
            #{tag}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** A date without the time, in the page's language (UTC). */
export function DateOnly(props: { ctx: PageContext; date: Date }) {
  const text = new Intl.DateTimeFormat(props.ctx.locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(props.date);
  return <time dateTime={props.date.toISOString()}>{text}</time>;
}
