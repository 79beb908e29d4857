import type { ComponentChildren } from 'preact';
import { Layout } from '../../../../../shared/http/views/layout.tsx';
import type { PageContext } from '../../../../../shared/http/views/page-context.ts';

/** The narrow centred column every sign-up and sign-in page uses, headed by its title. */
export function AuthCard(props: { ctx: PageContext; title: string; lead?: string; children: ComponentChildren }) {
  return (
    <Layout ctx={props.ctx} title={props.title}>
      <div class="row justify-content-center">
        <div class="col-sm-10 col-md-8 col-lg-6 col-xl-5">
          <h1 class="h2 mb-3">{props.title}</h1>
          {props.lead ? <p class="text-body-secondary">{props.lead}</p> : null}
          {props.children}
        </div>
      </div>
    </Layout>
  );
}

/** Secondary links under a form. */
export function AuthLinks(props: { links: { href: string; label: string }[] }) {
  return (
    <ul class="list-unstyled mt-4 small">
      {props.links.map((link) => (
        <li class="mb-1">
          <a href={link.href}>{link.label}</a>
        </li>
      ))}
    </ul>
  );
}
