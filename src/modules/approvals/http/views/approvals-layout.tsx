import type { ComponentChildren } from 'preact';
import { type Section, SectionLayout } from '../../../../shared/http/views/section-layout.tsx';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';

export const APPROVALS_PATH = '/admin/approvals';
export const ENROLLMENTS_PATH = '/admin/enrollments';

const SECTIONS: readonly Section[] = [
  [APPROVALS_PATH, 'approvals.nav.queue'],
  [ENROLLMENTS_PATH, 'approvals.nav.enrollments'],
];

/** The staff's learning pages: the title as the heading, then tabs to the queue and the enrollments. */
export function ApprovalsLayout(props: { ctx: PageContext; title: string; children: ComponentChildren }) {
  const path = props.ctx.path;
  return (
    <SectionLayout
      ctx={props.ctx}
      title={props.title}
      navLabel="approvals.nav.label"
      sections={SECTIONS}
      isCurrent={(href) => path === href || path.startsWith(`${href}/`)}
    >
      {props.children}
    </SectionLayout>
  );
}
