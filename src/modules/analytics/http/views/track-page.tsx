import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import type { ExamOutcome, TrackAnalytics } from '../../application/contract.ts';
import { AnalyticsLayout } from './analytics-layout.tsx';
import { BarChart, PALETTE } from './charts.tsx';
import { formatDuration, formatNumber, formatPercent } from './format.ts';

/** One track's analytics: where the students are, how the exams go, how long approvals take. */
export function TrackAnalyticsPage(props: { ctx: PageContext; report: TrackAnalytics }) {
  const { ctx, report } = props;
  const { t, locale } = ctx;
  const stageLabel = (stage: TrackAnalytics['stages'][number]) =>
    t('analytics.track.stageLabel', { position: stage.position, title: stage.title });
  const examRows: { label: string; outcome: ExamOutcome }[] = [
    ...report.stages.map((stage) => ({ label: stageLabel(stage), outcome: stage.levelExam })),
    { label: t('analytics.track.rankFinal'), outcome: report.rankFinal },
  ];
  const journeyRows = [
    { label: t('analytics.track.diagnostic'), active: report.enrollments.diagnostic, pending: 0, completed: 0 },
    ...report.stages.map((stage) => ({
      label: stageLabel(stage),
      active: stage.students.active,
      pending: stage.students.pendingApproval,
      completed: stage.students.completed,
    })),
    { label: t('analytics.track.final'), active: report.enrollments.final, pending: 0, completed: 0 },
    { label: t('analytics.track.graduated'), active: 0, pending: 0, completed: report.enrollments.graduated },
  ];
  const count = (value: number) => formatNumber(locale, value, 0);
  const missing = t('analytics.noData');
  const approvals = report.approvals;
  const enrolled =
    report.enrollments.diagnostic +
    report.enrollments.learning +
    report.enrollments.final +
    report.enrollments.graduated;
  return (
    <AnalyticsLayout ctx={ctx} title={t('analytics.track.title', { title: report.track.title })}>
      <p class="d-flex flex-wrap gap-3">
        <span>{t('analytics.track.enrolled', { count: enrolled })}</span>
        <a href={`/admin/analytics/questions?trackId=${report.track.id}`}>{t('analytics.tracks.questions')}</a>
      </p>

      <section aria-labelledby="students-heading" class="mb-4">
        <h2 id="students-heading" class="h4">
          {t('analytics.track.studentsHeading')}
        </h2>
        <BarChart
          id="students"
          title={t('analytics.track.studentsHeading')}
          description={t('analytics.track.studentsDescription')}
          categories={journeyRows.map((row) => row.label)}
          series={[
            { label: t('analytics.status.active'), color: PALETTE.blue, values: journeyRows.map((row) => row.active) },
            {
              label: t('analytics.status.pendingApproval'),
              color: PALETTE.orange,
              values: journeyRows.map((row) => row.pending),
            },
            {
              label: t('analytics.status.completed'),
              color: PALETTE.green,
              values: journeyRows.map((row) => row.completed),
            },
          ]}
          format={count}
          missing={missing}
          tableCaption={t('analytics.chart.table')}
          categoryHeader={t('analytics.track.stage')}
        />
      </section>

      <section aria-labelledby="pass-heading" class="mb-4">
        <h2 id="pass-heading" class="h4">
          {t('analytics.track.passRateHeading')}
        </h2>
        <BarChart
          id="pass-rate"
          title={t('analytics.track.passRateHeading')}
          description={t('analytics.track.passRateDescription')}
          categories={examRows.map((row) => row.label)}
          series={[
            {
              label: t('analytics.track.passRate'),
              color: PALETTE.green,
              values: examRows.map((row) => row.outcome.passRate),
            },
          ]}
          max={1}
          format={(value) => formatPercent(locale, value)}
          missing={missing}
          tableCaption={t('analytics.chart.table')}
          categoryHeader={t('analytics.track.exam')}
        />
        <table class="table table-sm w-auto">
          <caption>{t('analytics.track.examCounts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analytics.track.exam')}</th>
              <th scope="col">{t('analytics.track.finished')}</th>
              <th scope="col">{t('analytics.track.passed')}</th>
              <th scope="col">{t('analytics.track.studentsPassed')}</th>
            </tr>
          </thead>
          <tbody>
            {examRows.map((row) => (
              <tr>
                <th scope="row">{row.label}</th>
                <td>{count(row.outcome.finished)}</td>
                <td>{count(row.outcome.passed)}</td>
                <td>{count(row.outcome.studentsPassed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="attempts-heading" class="mb-4">
        <h2 id="attempts-heading" class="h4">
          {t('analytics.track.attemptsHeading')}
        </h2>
        <BarChart
          id="attempts"
          title={t('analytics.track.attemptsHeading')}
          description={t('analytics.track.attemptsDescription')}
          categories={examRows.map((row) => row.label)}
          series={[
            {
              label: t('analytics.track.meanAttempts'),
              color: PALETTE.purple,
              values: examRows.map((row) => row.outcome.meanAttemptsToPass),
            },
          ]}
          format={(value) => formatNumber(locale, value)}
          missing={missing}
          tableCaption={t('analytics.chart.table')}
          categoryHeader={t('analytics.track.exam')}
        />
      </section>

      <section aria-labelledby="approvals-heading" class="mb-4">
        <h2 id="approvals-heading" class="h4">
          {t('analytics.track.approvalsHeading')}
        </h2>
        <BarChart
          id="approval-latency"
          title={t('analytics.track.approvalsHeading')}
          description={t('analytics.track.approvalsDescription', { decided: approvals.decided })}
          categories={[
            t('analytics.track.medianWait'),
            t('analytics.track.meanWait'),
            t('analytics.track.oldestPending'),
          ]}
          series={[
            {
              label: t('analytics.track.wait'),
              color: PALETTE.orange,
              values: [approvals.medianWaitSeconds, approvals.meanWaitSeconds, approvals.oldestPendingSeconds],
            },
          ]}
          format={(value) => formatDuration(t, value)}
          missing={missing}
          tableCaption={t('analytics.chart.table')}
          categoryHeader={t('analytics.track.measure')}
        />
        <p>
          {t('analytics.track.decided', { count: approvals.decided })}{' '}
          {t('analytics.track.pending', { count: approvals.pending })}
        </p>
      </section>
    </AnalyticsLayout>
  );
}
