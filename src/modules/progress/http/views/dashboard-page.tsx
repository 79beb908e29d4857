import { Layout } from '../../../../shared/http/views/layout.tsx';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import type { EnrollmentSummary, ModuleMastery, NextAction } from '../../application/contract.ts';
import { ENROLLMENT_STATUS_KEYS, LEARNING_CSS, ProgressBar, StageBadge } from './learning-format.tsx';
import { MasteryChart } from './mastery-chart.tsx';
import { NextActionButton } from './next-action.tsx';

export type DashboardEntry = Readonly<{
  summary: EnrollmentSummary;
  next: NextAction;
  mastery: readonly ModuleMastery[];
}>;

/** The student's enrollments: where each one stands and what to do next. */
export function DashboardPage(props: { ctx: PageContext; entries: readonly DashboardEntry[] }) {
  const { ctx, entries } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('learn.dashboard.title')} head={<link rel="stylesheet" href={LEARNING_CSS} />}>
      <h1 class="h2 mb-3">{t('learn.dashboard.title')}</h1>
      {entries.length === 0 ? (
        <section class="py-4" aria-labelledby="no-enrollments">
          <h2 id="no-enrollments" class="h4">
            {t('learn.dashboard.emptyTitle')}
          </h2>
          <p>{t('learn.dashboard.emptyText')}</p>
          <a class="btn btn-primary" href="/tracks">
            {t('learn.dashboard.browse')}
          </a>
        </section>
      ) : (
        <>
          <ul class="list-unstyled row g-3" aria-label={t('learn.dashboard.listLabel')}>
            {entries.map((entry) => (
              <EnrollmentCard ctx={ctx} entry={entry} />
            ))}
          </ul>
          <p class="mt-4">
            <a href="/tracks">{t('learn.dashboard.more')}</a>
          </p>
        </>
      )}
    </Layout>
  );
}

function EnrollmentCard(props: { ctx: PageContext; entry: DashboardEntry }) {
  const { ctx } = props;
  const { t } = ctx;
  const { summary, next, mastery } = props.entry;
  const slug = summary.track.slug;
  const headingId = `enrollment-${summary.id}`;
  return (
    <li class="col-md-6">
      <article class="card h-100" aria-labelledby={headingId}>
        <div class="card-body d-flex flex-column gap-2">
          <h2 id={headingId} class="h5 card-title mb-0">
            <a href={`/learn/${encodeURIComponent(slug)}`}>{summary.track.title}</a>
          </h2>
          <p class="mb-0">
            <span class="badge text-bg-info">{t(ENROLLMENT_STATUS_KEYS[summary.status])}</span>
          </p>
          {summary.currentStage ? (
            <p class="mb-0">
              {t('learn.dashboard.stage', {
                position: summary.currentStage.position,
                count: summary.stageCount,
                title: summary.currentStage.title,
              })}{' '}
              <StageBadge ctx={ctx} status={summary.currentStage.status} />
            </p>
          ) : null}
          <ProgressBar
            ctx={ctx}
            id={`progress-${summary.id}`}
            value={summary.progressPercent}
            label={t('learn.dashboard.progress', { completed: summary.completedStages, count: summary.stageCount })}
          />
          {mastery.length > 0 ? (
            <details>
              <summary>{t('learn.mastery.title')}</summary>
              <MasteryChart ctx={ctx} mastery={mastery} idPrefix={`mastery-${summary.id}`} />
            </details>
          ) : null}
          <div class="mt-auto pt-2">
            <NextActionButton ctx={ctx} slug={slug} next={next} small />
          </div>
        </div>
      </article>
    </li>
  );
}
