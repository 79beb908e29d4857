import type { PageContext } from './page-context.ts';

export type Paging = Readonly<{
  page: number;
  pageSize: number;
  total: number;
  /** The total is a floor (a capped count): pages go on while they come back full. */
  totalIsCapped?: boolean;
  /** How many items this page shows (needed when the total is capped). */
  shown?: number;
}>;

/** The URL of another page of a list, keeping its filters (empty ones and page 1 are left out). */
export function pageUrl(path: string, filters: Readonly<Record<string, string | undefined>>, page: number): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  if (page > 1) query.set('page', String(page));
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** Previous / next links (plain links: works without JavaScript) and where the reader is. */
export function Pagination(props: {
  ctx: PageContext;
  path: string;
  filters: Readonly<Record<string, string | undefined>>;
  paging: Paging;
}) {
  const { ctx, paging } = props;
  const pages = Math.max(1, Math.ceil(paging.total / paging.pageSize));
  const open = paging.totalIsCapped === true;
  const hasNext = open ? (paging.shown ?? 0) >= paging.pageSize : paging.page < pages;
  if (!open && pages <= 1 && paging.page <= 1) return null;
  const link = (page: number, rel: 'prev' | 'next', label: string, enabled: boolean) => (
    <li class={`page-item${enabled ? '' : ' disabled'}`}>
      {enabled ? (
        <a class="page-link" rel={rel} href={pageUrl(props.path, props.filters, page)}>
          {label}
        </a>
      ) : (
        <span class="page-link">{label}</span>
      )}
    </li>
  );
  return (
    <nav aria-label={ctx.t('pagination.label')}>
      <ul class="pagination">
        {link(paging.page - 1, 'prev', ctx.t('pagination.previous'), paging.page > 1)}
        <li class="page-item active">
          <span class="page-link" aria-current="page">
            {open
              ? ctx.t('pagination.page', { page: paging.page })
              : ctx.t('pagination.status', { page: paging.page, pages })}
          </span>
        </li>
        {link(paging.page + 1, 'next', ctx.t('pagination.next'), hasNext)}
      </ul>
    </nav>
  );
}
