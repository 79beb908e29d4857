import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../../../../shared/http/i18n/index.ts';
import { Layout } from '../../../../../shared/http/views/layout.tsx';
import type { PageContext } from '../../../../../shared/http/views/page-context.ts';

const SECTIONS: readonly (readonly [string, MessageKey])[] = [
  ['/profile', 'account.nav.profile'],
  ['/profile/password', 'account.nav.password'],
  ['/profile/sessions', 'account.nav.sessions'],
  ['/profile/mfa', 'account.nav.mfa'],
];

/** Every account page: its title as the heading, then tabs to the other account pages. */
export function AccountLayout(props: { ctx: PageContext; title: string; children: ComponentChildren }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={props.title}>
      <h1 class="h2 mb-3">{props.title}</h1>
      <nav aria-label={ctx.t('account.nav.label')} class="mb-4">
        <ul class="nav nav-tabs">
          {SECTIONS.map(([href, label]) => {
            const current = ctx.path === href || (href !== '/profile' && ctx.path.startsWith(`${href}/`));
            return (
              <li class="nav-item">
                <a
                  class={`nav-link${current ? ' active' : ''}`}
                  href={href}
                  aria-current={current ? 'page' : undefined}
                >
                  {ctx.t(label)}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      {props.children}
    </Layout>
  );
}
