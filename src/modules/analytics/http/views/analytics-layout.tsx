import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import { type Section, SectionLayout } from '../../../../shared/http/views/section-layout.tsx';

const SECTIONS: readonly Section[] = [
  ['/admin/analytics', 'analytics.nav.tracks'],
  ['/admin/analytics/questions', 'analytics.nav.questions'],
];

/** The analytics pages: the title as the heading, then tabs to the tracks and the question statistics. */
export function AnalyticsLayout(props: { ctx: PageContext; title: string; children: ComponentChildren }) {
  const inQuestions = props.ctx.path.startsWith('/admin/analytics/questions');
  return (
    <SectionLayout
      ctx={props.ctx}
      title={props.title}
      navLabel="analytics.nav.label"
      sections={SECTIONS}
      isCurrent={(href) => (href === '/admin/analytics/questions') === inQuestions}
    >
      {props.children}
    </SectionLayout>
  );
}
