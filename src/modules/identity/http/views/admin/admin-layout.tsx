import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../../../../shared/http/i18n/index.ts';
import { Layout } from '../../../../../shared/http/views/layout.tsx';
import type { PageContext } from '../../../../../shared/http/views/page-context.ts';

const SECTIONS: readonly (readonly [string, MessageKey])[] = [
  ['/admin/users', 'admin.nav.users'],
  ['/admin/audit', 'admin.nav.audit'],
];

/** The admin pages: the title as the heading, then tabs to the other admin pages. */
export function AdminLayout(props: { ctx: PageContext; title: string; children: ComponentChildren }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={props.title}>
      <h1 class="h2 mb-3">{props.title}</h1>
      <nav aria-label={ctx.t('admin.nav.label')} class="mb-4">
        <ul class="nav nav-tabs">
          {SECTIONS.map(([href, label]) => (
            <li class="nav-item">
              <a
                class={`nav-link${ctx.path === href ? ' active' : ''}`}
                href={href}
                aria-current={ctx.path === href ? 'page' : undefined}
              >
                {ctx.t(label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.children}
    </Layout>
  );
}
