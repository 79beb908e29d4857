import { renderMarkdown } from '../../../../shared/http/markdown.ts';
import { DateTime } from '../../../../shared/http/views/date-time.tsx';
import { Layout } from '../../../../shared/http/views/layout.tsx';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import type { AttemptQuestionView, AttemptResult, AttemptView } from '../../../assessment/index.ts';
import type { NextAction } from '../../application/contract.ts';
import { AttemptBreadcrumb, attemptTitle } from './attempt-page.tsx';
import { AttemptBadge, durationText, escapeHtml, LEARNING_CSS, percent } from './learning-format.tsx';
import { ScoreBar } from './mastery-chart.tsx';
import { NextActionButton } from './next-action.tsx';

/**
 * A finished attempt: passed or failed, the score against the pass mark, the per-module
 * breakdown and the review of every question (correct options and explanations only when
 * assessment returned them, i.e. when the review policy shows them).
 */
export function ResultPage(props: { ctx: PageContext; attempt: AttemptView; next: NextAction | null }) {
  const { ctx, attempt } = props;
  const { t } = ctx;
  const title = attemptTitle(ctx, attempt);
  const result = attempt.result;
  const questions = [...attempt.questions].sort((a, b) => a.position - b.position);
  const moduleTitles = new Map(result?.perModule.map((module) => [module.moduleId, module.moduleTitle]) ?? []);
  return (
    <Layout ctx={ctx} title={title} head={<link rel="stylesheet" href={LEARNING_CSS} />}>
      <AttemptBreadcrumb ctx={ctx} attempt={attempt} title={title} />
      <h1 class="h2">
        {title}: {t('learn.result.title')}
      </h1>
      <section class="card mb-4" aria-labelledby="outcome-title">
        <div class="card-body">
          <h2 id="outcome-title" class="h4">
            <AttemptBadge ctx={ctx} status={attempt.status} kind={attempt.kind} />
          </h2>
          {result ? <Outcome ctx={ctx} attempt={attempt} result={result} /> : null}
          {attempt.annulReason ? (
            <p class="mb-2">
              <strong>{t('learn.result.annulReason')}</strong> {attempt.annulReason}
            </p>
          ) : null}
          <NextStep ctx={ctx} attempt={attempt} next={props.next} />
        </div>
      </section>
      {result && result.perModule.length > 0 ? (
        <section class="mb-4" aria-labelledby="modules-title">
          <h2 id="modules-title" class="h4">
            {t('learn.result.modules')}
          </h2>
          <ModuleBreakdown ctx={ctx} result={result} />
        </section>
      ) : null}
      <section aria-labelledby="review-title">
        <h2 id="review-title" class="h4">
          {t('learn.result.review')}
        </h2>
        {questions.some((question) => question.correctOptions !== undefined) ? null : (
          <p class="text-body-secondary">{t('learn.result.policyHidden')}</p>
        )}
        <ol class="list-unstyled">
          {questions.map((question) => (
            <li class="mb-3">
              <ReviewedQuestion
                ctx={ctx}
                question={question}
                total={questions.length}
                moduleTitle={moduleTitles.get(question.moduleId)}
              />
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}

function Outcome(props: { ctx: PageContext; attempt: AttemptView; result: AttemptResult }) {
  const { ctx, attempt, result } = props;
  const { t } = ctx;
  return (
    <>
      <p class="fs-5 mb-1">
        {result.passPercent === null
          ? t('learn.result.score', { score: percent(ctx, result.score) })
          : t('learn.result.scoreVsPass', {
              score: percent(ctx, result.score),
              pass: percent(ctx, result.passPercent),
            })}
      </p>
      <p class="mb-1">{t('learn.result.correct', { correct: result.correct, total: result.total })}</p>
      <p class="small text-body-secondary">
        {t('learn.result.finishedAt')} <DateTime ctx={ctx} date={result.finishedAt} /> ·{' '}
        {t('learn.result.duration', { duration: durationText(ctx, attempt.startedAt, result.finishedAt) })}
      </p>
    </>
  );
}

function NextStep(props: { ctx: PageContext; attempt: AttemptView; next: NextAction | null }) {
  const { ctx, attempt } = props;
  const { t } = ctx;
  const trackHref = `/learn/${encodeURIComponent(attempt.track.slug)}`;
  return (
    <div class="d-flex flex-wrap gap-2 align-items-center mt-3">
      {attempt.articleId ? (
        <a class="btn btn-primary" href={`/learn/articles/${attempt.articleId}`}>
          {t('learn.result.backToArticle')}
        </a>
      ) : props.next ? (
        <NextActionButton ctx={ctx} slug={attempt.track.slug} next={props.next} />
      ) : null}
      <a class="btn btn-outline-secondary" href={trackHref}>
        {t('learn.result.backToTrack')}
      </a>
    </div>
  );
}

function ModuleBreakdown(props: { ctx: PageContext; result: AttemptResult }) {
  const { ctx, result } = props;
  const { t } = ctx;
  return (
    <div class="table-responsive">
      <table class="table table-sm align-middle">
        <thead>
          <tr>
            <th scope="col">{t('learn.mastery.module')}</th>
            <th scope="col">{t('learn.result.correctColumn')}</th>
            <th scope="col">{t('learn.result.scoreColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {result.perModule.map((module) => {
            const value = module.total > 0 ? (module.correct / module.total) * 100 : 0;
            const enough = result.passPercent === null || value >= result.passPercent;
            return (
              <tr>
                <th scope="row">{module.moduleTitle}</th>
                <td>{t('learn.result.correctOf', { correct: module.correct, total: module.total })}</td>
                <td>
                  <span class="d-inline-flex align-items-center gap-2">
                    <ScoreBar value={value} passed={enough} />
                    {percent(ctx, value)}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function ReviewedQuestion(props: {
  ctx: PageContext;
  question: AttemptQuestionView;
  total: number;
  moduleTitle: string | undefined;
}) {
  const { ctx, question } = props;
  const { t } = ctx;
  const selected = new Set(question.selected ?? []);
  const correctOptions = question.correctOptions ? new Set(question.correctOptions) : undefined;
  const id = `review-${question.id}`;
  return (
    <article class="border rounded p-3" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} class="h6 d-flex flex-wrap gap-2 align-items-center">
        {t('learn.attempt.question', { number: question.position, count: props.total })}
        {question.correct === undefined ? null : question.correct ? (
          <span class="badge text-bg-success">{t('learn.result.right')}</span>
        ) : (
          <span class="badge text-bg-danger">{t('learn.result.wrong')}</span>
        )}
        {props.moduleTitle ? <span class="small text-body-secondary fw-normal">{props.moduleTitle}</span> : null}
      </h3>
      {/* Safe: the question bank renders Markdown to sanitized HTML. */}
      <div class="markdown mb-2" dangerouslySetInnerHTML={{ __html: question.html }} />
      <ul class="list-unstyled mb-2">
        {question.options.map((option, index) => {
          const mine = selected.has(index);
          const right = correctOptions?.has(index) ?? false;
          return (
            <li class={`review-option${right ? ' review-option-correct' : ''}${mine ? ' review-option-mine' : ''}`}>
              <span aria-hidden="true" class="review-mark">
                {mine ? '●' : '○'}
              </span>{' '}
              {/* Safe: inline Markdown rendered by assessment without raw HTML. */}
              <span dangerouslySetInnerHTML={{ __html: question.optionsHtml[index] ?? escapeHtml(option) }} />
              {mine ? <span class="badge text-bg-secondary ms-2">{t('learn.result.yourAnswer')}</span> : null}
              {right ? <span class="badge text-bg-success ms-2">{t('learn.result.correctAnswer')}</span> : null}
            </li>
          );
        })}
      </ul>
      {selected.size === 0 ? <p class="small text-warning-emphasis mb-1">{t('learn.result.unanswered')}</p> : null}
      {question.explanation ? (
        <div class="small border-top pt-2">
          <span class="fw-semibold">{t('learn.result.explanation')}</span>
          {/* Safe: CommonMark without raw HTML (assessment's renderer or shared/http/markdown.ts). */}
          <div
            class="markdown"
            dangerouslySetInnerHTML={{ __html: question.explanationHtml ?? renderMarkdown(question.explanation) }}
          />
        </div>
      ) : null}
    </article>
  );
}
