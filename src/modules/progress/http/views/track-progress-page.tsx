import { DateTime } from '../../../../shared/http/views/date-time.tsx';
import { Layout } from '../../../../shared/http/views/layout.tsx';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import type { AttemptReport } from '../../../assessment/index.ts';
import type { AssignmentView, StageView, TrackProgress } from '../../application/contract.ts';
import {
  AttemptBadge,
  ENROLLMENT_STATUS_KEYS,
  KIND_KEYS,
  LEARNING_CSS,
  masteryPercent,
  percent,
  ProgressBar,
  StageBadge,
} from './learning-format.tsx';
import { MasteryChart } from './mastery-chart.tsx';
import { NextActionButton, RejectionNotice } from './next-action.tsx';

/** Completed stages (and the final once graduated) over all of them. */
function progressOf(progress: TrackProgress): number {
  const steps = progress.stages.length + 1;
  const done =
    progress.stages.filter((stage) => stage.status === 'completed').length +
    (progress.enrollment.status === 'graduated' ? 1 : 0);
  return (done / steps) * 100;
}

/** One enrollment: the stage path, mastery per module, the current assignments and the next step. */
export function TrackProgressPage(props: { ctx: PageContext; progress: TrackProgress }) {
  const { ctx, progress } = props;
  const { t } = ctx;
  const { enrollment } = progress;
  const current = progress.stages.find((stage) => stage.status === 'active' || stage.status === 'pending_approval');
  return (
    <Layout ctx={ctx} title={enrollment.track.title} head={<link rel="stylesheet" href={LEARNING_CSS} />}>
      <nav aria-label={t('learn.breadcrumb')}>
        <ol class="breadcrumb">
          <li class="breadcrumb-item">
            <a href="/learn">{t('learn.dashboard.title')}</a>
          </li>
          <li class="breadcrumb-item active" aria-current="page">
            {enrollment.track.title}
          </li>
        </ol>
      </nav>
      <header class="mb-4">
        <h1 class="h2">{enrollment.track.title}</h1>
        <p class="mb-2">
          <span class="badge text-bg-info">{t(ENROLLMENT_STATUS_KEYS[enrollment.status])}</span>{' '}
          <a class="small ms-2" href={`/tracks/${encodeURIComponent(enrollment.track.slug)}`}>
            {t('learn.progress.aboutTrack')}
          </a>
        </p>
        <ProgressBar ctx={ctx} id="track-progress" value={progressOf(progress)} label={t('learn.progress.overall')} />
      </header>

      <section class="card mb-4" aria-labelledby="next-title">
        <div class="card-body">
          <h2 id="next-title" class="h5">
            {t('learn.progress.next')}
          </h2>
          <RejectionNotice ctx={ctx} progress={progress} />
          <NextActionButton ctx={ctx} slug={enrollment.track.slug} next={progress.next} />
        </div>
      </section>

      <div class="row g-4">
        <section class="col-lg-5" aria-labelledby="stages-title">
          <h2 id="stages-title" class="h4">
            {t('learn.progress.stages')}
          </h2>
          <StageList ctx={ctx} stages={progress.stages} />
          {progress.diagnostic ? (
            <p class="mt-3">
              <a href={`/learn/attempts/${progress.diagnostic.id}`}>{t('learn.progress.diagnosticResult')}</a>
              {progress.diagnostic.score !== null ? ` (${percent(ctx, progress.diagnostic.score)})` : null}
            </p>
          ) : null}
        </section>
        <section class="col-lg-7" aria-labelledby="mastery-title">
          <h2 id="mastery-title" class="h4">
            {t('learn.mastery.title')}
          </h2>
          <MasteryChart ctx={ctx} mastery={progress.mastery} />
        </section>
      </div>

      {current ? (
        <section class="mt-4" aria-labelledby="assignments-title">
          <h2 id="assignments-title" class="h4">
            {t('learn.assignments.title', { position: current.position, title: current.title })}
          </h2>
          <AssignmentList ctx={ctx} assignments={progress.assignments} />
        </section>
      ) : null}

      {progress.attempts.length > 0 ? (
        <section class="mt-4" aria-labelledby="attempts-title">
          <h2 id="attempts-title" class="h4">
            {current ? t('learn.attempts.title') : t('learn.attempts.titleFinal')}
          </h2>
          <AttemptHistory ctx={ctx} attempts={progress.attempts} />
        </section>
      ) : null}
    </Layout>
  );
}

function StageList(props: { ctx: PageContext; stages: readonly StageView[] }) {
  const { ctx } = props;
  return (
    <ol class="list-group">
      {props.stages.map((stage) => (
        <li
          class="list-group-item d-flex justify-content-between align-items-start gap-2"
          aria-current={stage.status === 'active' || stage.status === 'pending_approval' ? 'step' : undefined}
        >
          <div>
            <span class="fw-semibold">
              {ctx.t('learn.progress.stage', { position: stage.position, title: stage.title })}
            </span>
            {stage.completedAt ? (
              <div class="small text-body-secondary">
                {ctx.t('learn.progress.completedAt')} <DateTime ctx={ctx} date={stage.completedAt} />
              </div>
            ) : null}
          </div>
          <StageBadge ctx={ctx} status={stage.status} />
        </li>
      ))}
    </ol>
  );
}

export function ReasonText(props: { ctx: PageContext; assignment: AssignmentView }) {
  const { ctx } = props;
  const reason = props.assignment.reason;
  if (reason.kind === 'core') return <>{ctx.t('learn.reason.core')}</>;
  return (
    <>
      {ctx.t('learn.reason.remedial', {
        module: reason.moduleTitle,
        mastery: percent(ctx, masteryPercent(reason.mastery)),
      })}
    </>
  );
}

function AssignmentList(props: { ctx: PageContext; assignments: readonly AssignmentView[] }) {
  const { ctx } = props;
  const { t } = ctx;
  if (props.assignments.length === 0) return <p class="text-body-secondary">{t('learn.assignments.empty')}</p>;
  const done = props.assignments.filter((assignment) => assignment.done).length;
  return (
    <>
      <p class="small text-body-secondary">{t('learn.assignments.done', { done, count: props.assignments.length })}</p>
      <ul class="list-group">
        {[...props.assignments]
          .sort((a, b) => a.position - b.position)
          .map((assignment) => (
            <li class="list-group-item">
              <div class="d-flex justify-content-between align-items-start gap-2 flex-wrap">
                <div>
                  <a class="fw-semibold" href={`/learn/articles/${assignment.article.id}`}>
                    {assignment.article.title}
                  </a>
                  {assignment.article.summary ? (
                    <div class="small text-body-secondary">{assignment.article.summary}</div>
                  ) : null}
                  <div class="small">
                    {assignment.minitestSize > 0
                      ? t('learn.assignments.minitest', { count: assignment.minitestSize })
                      : t('learn.assignments.readOnly')}
                  </div>
                </div>
                {assignment.done ? (
                  <span class="badge text-bg-success">{t('learn.assignments.statusDone')}</span>
                ) : assignment.openedAt ? (
                  <span class="badge text-bg-primary">{t('learn.assignments.statusOpened')}</span>
                ) : (
                  <span class="badge text-bg-secondary">{t('learn.assignments.statusNew')}</span>
                )}
              </div>
              <details class="mt-1 small">
                <summary>{t('learn.reason.why')}</summary>
                <p class="mb-0 mt-1">
                  <ReasonText ctx={ctx} assignment={assignment} />
                </p>
              </details>
            </li>
          ))}
      </ul>
    </>
  );
}

export function AttemptHistory(props: { ctx: PageContext; attempts: readonly AttemptReport[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <div class="table-responsive">
      <table class="table table-sm align-middle">
        <thead>
          <tr>
            <th scope="col">{t('learn.attempts.attempt')}</th>
            <th scope="col">{t('learn.attempts.status')}</th>
            <th scope="col">{t('learn.attempts.score')}</th>
            <th scope="col">{t('learn.attempts.started')}</th>
            <th scope="col">{t('learn.attempts.finished')}</th>
          </tr>
        </thead>
        <tbody>
          {props.attempts.map((attempt) => (
            <tr>
              <th scope="row">
                <a href={`/learn/attempts/${attempt.id}`}>
                  {t('learn.attempts.number', { kind: t(KIND_KEYS[attempt.kind]), number: attempt.number })}
                </a>
              </th>
              <td>
                <AttemptBadge ctx={ctx} status={attempt.status} kind={attempt.kind} />
                {attempt.annulReason ? <div class="small text-break">{attempt.annulReason}</div> : null}
              </td>
              <td>
                {attempt.score === null
                  ? '—'
                  : attempt.passPercent === null
                    ? percent(ctx, attempt.score)
                    : t('learn.attempts.scoreOf', {
                        score: percent(ctx, attempt.score),
                        pass: percent(ctx, attempt.passPercent),
                      })}
              </td>
              <td>
                <DateTime ctx={ctx} date={attempt.startedAt} />
              </td>
              <td>{attempt.finishedAt ? <DateTime ctx={ctx} date={attempt.finishedAt} /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
