import type { AttemptReport } from '../../../assessment/index.ts';
import type { AssignmentView, ModuleMastery } from '../../../progress/index.ts';
import { DateTime } from '../../../../shared/http/views/date-time.tsx';
import { ActionForm, FormError, TextArea } from '../../../../shared/http/views/form-fields.tsx';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import type { ApprovalView, Dossier } from '../../application/contract.ts';
import { durationSeconds } from '../schemas.ts';
import { APPROVALS_PATH, ApprovalsLayout, ENROLLMENTS_PATH } from './approvals-layout.tsx';
import { formatClock, formatDuration, percent, StatusBadge, stepLabel, waited } from './format.tsx';

/** What a failed form left to show again: the typed text and the message next to its field. */
export type DossierForms = Readonly<{
  message?: string | undefined;
  approve?: Readonly<{ comment: string; error?: string | undefined }> | undefined;
  reject?: Readonly<{ comment: string; error?: string | undefined }> | undefined;
  annul?: Readonly<{ attemptId: string; reason: string; error?: string | undefined }> | undefined;
}>;

export const dossierPath = (requestId: string) => `${APPROVALS_PATH}/${requestId}`;

/** The evidence dossier of one request, with the forms to decide it and to annul an attempt. */
export function DossierPage(props: { ctx: PageContext; dossier: Dossier; now: Date; forms?: DossierForms }) {
  const { ctx, dossier } = props;
  const { t } = ctx;
  const request = dossier.request;
  const forms = props.forms ?? {};
  const moduleTitles = new Map(dossier.mastery.map((module) => [module.moduleId, module.title]));
  return (
    <ApprovalsLayout ctx={ctx} title={t('approvals.dossier.title', { name: request.student.displayName })}>
      <p>
        <a href={APPROVALS_PATH}>{t('approvals.dossier.back')}</a>
      </p>
      <FormError ctx={ctx} id="error-summary" message={forms.message} />
      <RequestSummary ctx={ctx} request={request} now={props.now} enrollment={dossier.enrollment} />
      {request.status === 'pending' ? <DecisionForms ctx={ctx} request={request} forms={forms} /> : null}

      <section aria-labelledby="attempts-title" class="mb-4">
        <h2 id="attempts-title" class="h4">
          {request.stage ? t('approvals.dossier.attemptsStage') : t('approvals.dossier.attemptsFinal')}
        </h2>
        {dossier.attempts.length === 0 ? (
          <p class="text-body-secondary">{t('approvals.dossier.noAttempts')}</p>
        ) : (
          <Attempts ctx={ctx} request={request} attempts={dossier.attempts} titles={moduleTitles} forms={forms} />
        )}
      </section>

      <section aria-labelledby="mastery-title" class="mb-4">
        <h2 id="mastery-title" class="h4">
          {t('approvals.dossier.mastery')}
        </h2>
        <Mastery ctx={ctx} mastery={dossier.mastery} />
      </section>

      <section aria-labelledby="articles-title" class="mb-4">
        <h2 id="articles-title" class="h4">
          {t('approvals.dossier.articles', {
            done: dossier.articles.filter((article) => article.done).length,
            total: dossier.articles.length,
          })}
        </h2>
        <Articles ctx={ctx} articles={dossier.articles} />
      </section>

      <section aria-labelledby="history-title" class="mb-4">
        <h2 id="history-title" class="h4">
          {t('approvals.dossier.history')}
        </h2>
        <History ctx={ctx} history={dossier.history} now={props.now} />
      </section>
    </ApprovalsLayout>
  );
}

function RequestSummary(props: {
  ctx: PageContext;
  request: ApprovalView;
  now: Date;
  enrollment: Dossier['enrollment'];
}) {
  const { ctx, request, enrollment } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="request-title" class="card mb-4">
      <div class="card-body">
        <h2 id="request-title" class="h4 card-title d-flex flex-wrap gap-2 align-items-center">
          {t(request.kind === 'graduation' ? 'approvals.kind.graduation' : 'approvals.kind.stage_transition')}
          <StatusBadge ctx={ctx} request={request} />
        </h2>
        <dl class="row mb-0">
          <dt class="col-sm-3">{t('approvals.field.student')}</dt>
          <dd class="col-sm-9 text-break">
            {request.student.displayName} (<a href={`mailto:${request.student.email}`}>{request.student.email}</a>)
          </dd>
          <dt class="col-sm-3">{t('approvals.field.track')}</dt>
          <dd class="col-sm-9">{request.track.title}</dd>
          <dt class="col-sm-3">{t('approvals.field.step')}</dt>
          <dd class="col-sm-9">{stepLabel(ctx, request)}</dd>
          <dt class="col-sm-3">{t('approvals.field.score')}</dt>
          <dd class="col-sm-9">{percent(request.score)}</dd>
          <dt class="col-sm-3">{t('approvals.field.requestedAt')}</dt>
          <dd class="col-sm-9">
            <DateTime ctx={ctx} date={request.requestedAt} />
          </dd>
          <dt class="col-sm-3">{t('approvals.field.waiting')}</dt>
          <dd class="col-sm-9">{formatDuration(ctx, waited(request, props.now))}</dd>
          {request.decidedAt ? (
            <>
              <dt class="col-sm-3">{t('approvals.field.decidedAt')}</dt>
              <dd class="col-sm-9">
                <DateTime ctx={ctx} date={request.decidedAt} />
                {' · '}
                {request.decidedBy
                  ? t('approvals.decidedBy', { name: request.decidedBy.displayName })
                  : request.automatic
                    ? t('approvals.automatic')
                    : t('approvals.decidedByUnknown')}
              </dd>
            </>
          ) : null}
          {request.comment ? (
            <>
              <dt class="col-sm-3">{t('approvals.field.comment')}</dt>
              <dd class="col-sm-9 text-break">
                {/* Line breaks as <br>: the CSP refuses inline styles (white-space). */}
                {request.comment.split('\n').map((line, index) => (
                  <>
                    {index > 0 ? <br /> : null}
                    {line}
                  </>
                ))}
              </dd>
            </>
          ) : null}
          {enrollment ? (
            <>
              <dt class="col-sm-3">{t('approvals.field.enrollment')}</dt>
              <dd class="col-sm-9">
                {t(`approvals.enrollmentStatus.${enrollment.status}`)}
                {' · '}
                <a href={`${ENROLLMENTS_PATH}?q=${encodeURIComponent(request.student.email)}`}>
                  {t('approvals.dossier.extraTime', { percent: enrollment.extraTimePercent })}
                </a>
              </dd>
            </>
          ) : null}
        </dl>
      </div>
    </section>
  );
}

function DecisionForms(props: { ctx: PageContext; request: ApprovalView; forms: DossierForms }) {
  const { ctx, request, forms } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="decision-title" class="mb-4">
      <h2 id="decision-title" class="h4">
        {t('approvals.dossier.decide')}
      </h2>
      <div class="row g-4">
        <div class="col-md-6">
          <ActionForm ctx={ctx} action={`${dossierPath(request.id)}/approve`} class="card card-body">
            <TextArea
              id="approve-comment"
              name="comment"
              label={t('approvals.form.approveComment')}
              hint={t('approvals.form.approveHint')}
              value={forms.approve?.comment}
              error={forms.approve?.error}
              rows={3}
            />
            <div>
              <button type="submit" class="btn btn-success">
                {t('approvals.form.approve')}
              </button>
            </div>
          </ActionForm>
        </div>
        <div class="col-md-6">
          <ActionForm ctx={ctx} action={`${dossierPath(request.id)}/reject`} class="card card-body">
            <TextArea
              id="reject-comment"
              name="comment"
              label={t('approvals.form.rejectComment')}
              hint={t('approvals.form.rejectHint')}
              value={forms.reject?.comment}
              error={forms.reject?.error}
              required
              rows={3}
            />
            <div>
              <button type="submit" class="btn btn-danger">
                {t('approvals.form.reject')}
              </button>
            </div>
          </ActionForm>
        </div>
      </div>
    </section>
  );
}

function Attempts(props: {
  ctx: PageContext;
  request: ApprovalView;
  attempts: readonly AttemptReport[];
  titles: ReadonlyMap<string, string>;
  forms: DossierForms;
}) {
  const { ctx, request, titles, forms } = props;
  const { t } = ctx;
  return (
    <div class="table-responsive">
      <table class="table align-middle">
        <thead>
          <tr>
            <th scope="col">{t('approvals.attempt.number')}</th>
            <th scope="col">{t('approvals.attempt.status')}</th>
            <th scope="col">{t('approvals.attempt.score')}</th>
            <th scope="col">{t('approvals.attempt.perModule')}</th>
            <th scope="col">{t('approvals.attempt.duration')}</th>
            <th scope="col">{t('approvals.attempt.finishedAt')}</th>
            <th scope="col">{t('approvals.attempt.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.attempts.map((attempt) => {
            const seconds = durationSeconds(attempt);
            const annulling = forms.annul?.attemptId === attempt.id ? forms.annul : undefined;
            return (
              <tr id={`attempt-${attempt.id}`}>
                <td>
                  {attempt.number}
                  {attempt.id === request.attemptId ? (
                    <span class="badge text-bg-info ms-1">{t('approvals.attempt.trigger')}</span>
                  ) : null}
                </td>
                <td>
                  {t(`approvals.attemptStatus.${attempt.status}`)}
                  {attempt.annulReason ? (
                    <div class="small text-body-secondary text-break">
                      {t('approvals.attempt.annulReason', { reason: attempt.annulReason })}
                    </div>
                  ) : null}
                </td>
                <td>
                  {attempt.score === null ? '—' : percent(attempt.score)}
                  {attempt.correct !== null ? (
                    <div class="small text-body-secondary">
                      {t('approvals.attempt.correct', { correct: attempt.correct, total: attempt.total })}
                      {attempt.passPercent !== null
                        ? ` · ${t('approvals.attempt.passMark', { percent: attempt.passPercent })}`
                        : ''}
                    </div>
                  ) : null}
                </td>
                <td>
                  <ul class="list-unstyled small mb-0">
                    {attempt.perModule.map((result) => (
                      <li>
                        {titles.get(result.moduleId) ?? result.moduleId}: {result.correct}/{result.total}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>{seconds === null ? '—' : formatClock(seconds)}</td>
                <td>{attempt.finishedAt ? <DateTime ctx={ctx} date={attempt.finishedAt} /> : '—'}</td>
                <td>
                  {attempt.status === 'passed' || attempt.status === 'failed' ? (
                    <ActionForm
                      ctx={ctx}
                      action={`/admin/attempts/${attempt.id}/annul`}
                      fields={{ requestId: request.id }}
                    >
                      <TextArea
                        id={`annul-reason-${attempt.id}`}
                        name="reason"
                        label={t('approvals.attempt.annulLabel', { number: attempt.number })}
                        value={annulling?.reason}
                        error={annulling?.error}
                        required
                        small
                        rows={2}
                      />
                      <button type="submit" class="btn btn-sm btn-outline-danger">
                        {t('approvals.attempt.annul')}
                      </button>
                    </ActionForm>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Mastery(props: { ctx: PageContext; mastery: readonly ModuleMastery[] }) {
  const { ctx } = props;
  const { t } = ctx;
  if (props.mastery.length === 0) return <p class="text-body-secondary">{t('approvals.dossier.noMastery')}</p>;
  return (
    <ul class="list-unstyled">
      {props.mastery.map((module) => {
        const value = Math.round(module.mastery * 100);
        const labelId = `mastery-${module.moduleId}`;
        return (
          <li class="mb-2">
            <div id={labelId} class="d-flex justify-content-between small">
              <span>
                {module.title}
                {module.weak ? <span class="badge text-bg-warning ms-1">{t('approvals.mastery.weak')}</span> : null}
              </span>
              <span>
                {t('approvals.mastery.value', { percent: value, correct: module.correct, answered: module.answered })}
              </span>
            </div>
            {/* A native <progress>: the CSP refuses the inline width of a Bootstrap bar. */}
            <progress class="w-100" max={100} value={value} aria-labelledby={labelId}>
              {value}%
            </progress>
          </li>
        );
      })}
    </ul>
  );
}

function Articles(props: { ctx: PageContext; articles: readonly AssignmentView[] }) {
  const { ctx } = props;
  const { t } = ctx;
  if (props.articles.length === 0) return <p class="text-body-secondary">{t('approvals.dossier.noArticles')}</p>;
  return (
    <ul class="list-group">
      {props.articles.map((assignment) => (
        <li class="list-group-item d-flex flex-wrap justify-content-between gap-2">
          <span>
            {assignment.article.title}
            <span class="small text-body-secondary ms-2">
              {assignment.reason.kind === 'core'
                ? t('approvals.article.core')
                : t('approvals.article.remedial', {
                    module: assignment.reason.moduleTitle,
                    percent: Math.round(assignment.reason.mastery * 100),
                  })}
            </span>
          </span>
          <span
            class={`badge ${assignment.done ? 'text-bg-success' : assignment.openedAt ? 'text-bg-info' : 'text-bg-secondary'}`}
          >
            {assignment.done
              ? t('approvals.article.done')
              : assignment.openedAt
                ? t('approvals.article.opened')
                : t('approvals.article.notOpened')}
          </span>
        </li>
      ))}
    </ul>
  );
}

function History(props: { ctx: PageContext; history: readonly ApprovalView[]; now: Date }) {
  const { ctx } = props;
  const { t } = ctx;
  if (props.history.length === 0) return <p class="text-body-secondary">{t('approvals.dossier.noHistory')}</p>;
  return (
    <div class="table-responsive">
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t('approvals.field.step')}</th>
            <th scope="col">{t('approvals.field.status')}</th>
            <th scope="col">{t('approvals.field.score')}</th>
            <th scope="col">{t('approvals.field.requestedAt')}</th>
            <th scope="col">{t('approvals.field.decidedAt')}</th>
            <th scope="col">{t('approvals.field.comment')}</th>
          </tr>
        </thead>
        <tbody>
          {props.history.map((earlier) => (
            <tr>
              <td>
                <a href={dossierPath(earlier.id)}>{stepLabel(ctx, earlier)}</a>
              </td>
              <td>
                <StatusBadge ctx={ctx} request={earlier} />
              </td>
              <td>{percent(earlier.score)}</td>
              <td>
                <DateTime ctx={ctx} date={earlier.requestedAt} />
              </td>
              <td>{earlier.decidedAt ? <DateTime ctx={ctx} date={earlier.decidedAt} /> : '—'}</td>
              <td class="text-break">{earlier.comment ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
