import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../../../shared/http/views/page-context.ts';
import { type Section, SectionLayout } from '../../../../../shared/http/views/section-layout.tsx';

const SECTIONS: readonly Section[] = [
  ['/profile', 'account.nav.profile'],
  ['/profile/password', 'account.nav.password'],
  ['/profile/sessions', 'account.nav.sessions'],
  ['/profile/mfa', 'account.nav.mfa'],
];

/** Every account page: its title as the heading, then tabs to the other account pages. */
export function AccountLayout(props: { ctx: PageContext; title: string; children: ComponentChildren }) {
  return <SectionLayout {...props} navLabel="account.nav.label" sections={SECTIONS} />;
}
