import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../i18n/index.ts';
import { Layout } from './layout.tsx';
import type { PageContext } from './page-context.ts';

export type Section = readonly [href: string, label: MessageKey];

/**
 * A page of a group (account, admin): its title as the heading, then tabs to the group's pages.
 * A tab is current on its own path and, unless it is the group's root, below it — or as
 * `isCurrent` says.
 */
export function SectionLayout(props: {
  ctx: PageContext;
  title: string;
  navLabel: MessageKey;
  sections: readonly Section[];
  isCurrent?: ((href: string) => boolean) | undefined;
  children: ComponentChildren;
}) {
  const { ctx } = props;
  const root = props.sections[0]?.[0];
  return (
    <Layout ctx={ctx} title={props.title}>
      <h1 class="h2 mb-3">{props.title}</h1>
      <nav aria-label={ctx.t(props.navLabel)} class="mb-4">
        <ul class="nav nav-tabs">
          {props.sections.map(([href, label]) => {
            const current =
              props.isCurrent?.(href) ?? (ctx.path === href || (href !== root && ctx.path.startsWith(`${href}/`)));
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
