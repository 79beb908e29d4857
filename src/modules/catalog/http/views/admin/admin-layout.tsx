import type { ComponentChildren } from 'preact';
import { Layout } from '../../../../../shared/http/views/layout.tsx';
import type { PageContext } from '../../../../../shared/http/views/page-context.ts';

export type Crumb = Readonly<{ href: string; label: string }>;

/** The catalog's admin pages: breadcrumbs from the track list down, then the title as the heading. */
export function CatalogAdminLayout(props: {
  ctx: PageContext;
  title: string;
  crumbs: readonly Crumb[];
  badge?: ComponentChildren;
  children: ComponentChildren;
}) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={props.title}>
      {props.crumbs.length > 0 ? (
        <nav aria-label={ctx.t('catalog.breadcrumb.label')}>
          <ol class="breadcrumb">
            {props.crumbs.map((crumb) => (
              <li class="breadcrumb-item">
                <a href={crumb.href}>{crumb.label}</a>
              </li>
            ))}
            <li class="breadcrumb-item active" aria-current="page">
              {props.title}
            </li>
          </ol>
        </nav>
      ) : null}
      <h1 class="h2 mb-4 d-flex flex-wrap align-items-center gap-2">
        <span>{props.title}</span>
        {props.badge}
      </h1>
      {props.children}
    </Layout>
  );
}

export function StatusBadge(props: { ctx: PageContext; status: 'draft' | 'published' }) {
  return (
    <span class={`badge fs-6 ${props.status === 'published' ? 'text-bg-success' : 'text-bg-secondary'}`}>
      {props.ctx.t(`catalog.status.${props.status}`)}
    </span>
  );
}
