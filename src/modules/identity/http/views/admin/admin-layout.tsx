import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../../../shared/http/views/page-context.ts';
import { type Section, SectionLayout } from '../../../../../shared/http/views/section-layout.tsx';

const SECTIONS: readonly Section[] = [
  ['/admin/users', 'admin.nav.users'],
  ['/admin/audit', 'admin.nav.audit'],
];

/** The admin pages: the title as the heading, then tabs to the other admin pages. */
export function AdminLayout(props: { ctx: PageContext; title: string; children: ComponentChildren }) {
  return <SectionLayout {...props} navLabel="admin.nav.label" sections={SECTIONS} />;
}
