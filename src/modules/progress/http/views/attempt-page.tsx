import { DateTime } from '../../../../shared/http/views/date-time.tsx';
import { CsrfInput } from '../../../../shared/http/views/form-fields.tsx';
import { Layout } from '../../../../shared/http/views/layout.tsx';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import type { AttemptQuestionView, AttemptView } from '../../../assessment/index.ts';
import { escapeHtml, KIND_KEYS, LEARNING_CSS, LEARNING_JS } from './learning-format.tsx';

/** A message above the questions: a no-JS confirmation to finish, or why a request did nothing. */
export type AttemptNotice = Readonly<{ kind: 'confirm_finish'; unanswered: number }> | Readonly<{ kind: 'invalid' }>;

export function attemptTitle(ctx: PageContext, attempt: AttemptView): string {
  const kind = ctx.t(KIND_KEYS[attempt.kind]);
  return attempt.stage
    ? ctx.t('learn.attempt.titleStage', { kind, position: attempt.stage.position, number: attempt.number })
    : ctx.t('learn.attempt.title', { kind, number: attempt.number });
}

export function AttemptBreadcrumb(props: { ctx: PageContext; attempt: AttemptView; title: string }) {
  const { ctx, attempt } = props;
  return (
    <nav aria-label={ctx.t('learn.breadcrumb')}>
      <ol class="breadcrumb">
        <li class="breadcrumb-item">
          <a href="/learn">{ctx.t('learn.dashboard.title')}</a>
        </li>
        <li class="breadcrumb-item">
          <a href={`/learn/${encodeURIComponent(attempt.track.slug)}`}>{attempt.track.title}</a>
        </li>
        {attempt.articleId ? (
          <li class="breadcrumb-item">
            <a href={`/learn/articles/${attempt.articleId}`}>{ctx.t('learn.attempt.article')}</a>
          </li>
        ) : null}
        <li class="breadcrumb-item active" aria-current="page">
          {props.title}
        </li>
      </ol>
    </nav>
  );
}

const answered = (question: AttemptQuestionView) => (question.selected?.length ?? 0) > 0;

/**
 * An attempt in progress: every question on one page. Each question saves itself with htmx when
 * changed; without JavaScript "Save answers" posts them all. Timed attempts show their deadline,
 * which the script turns into a countdown that finishes the attempt at zero.
 */
export function AttemptPage(props: {
  ctx: PageContext;
  attempt: AttemptView;
  now: Date;
  notice?: AttemptNotice | undefined;
}) {
  const { ctx, attempt, notice } = props;
  const { t } = ctx;
  const title = attemptTitle(ctx, attempt);
  const questions = [...attempt.questions].sort((a, b) => a.position - b.position);
  const unanswered = questions.filter((question) => !answered(question)).length;
  const base = `/learn/attempts/${attempt.id}`;
  return (
    <Layout
      ctx={ctx}
      title={title}
      head={
        <>
          <link rel="stylesheet" href={LEARNING_CSS} />
          <script src={LEARNING_JS} defer />
        </>
      }
    >
      <AttemptBreadcrumb ctx={ctx} attempt={attempt} title={title} />
      <h1 class="h2">{title}</h1>
      <p class="text-body-secondary">
        {t('learn.attempt.intro', { count: questions.length, answered: questions.length - unanswered })}
      </p>
      {attempt.deadlineAt ? <Countdown ctx={ctx} deadline={attempt.deadlineAt} now={props.now} /> : null}
      {notice ? <Notice ctx={ctx} notice={notice} action={`${base}/finish`} /> : null}
      <form
        id="attempt-form"
        method="post"
        action={`${base}/answers`}
        data-confirm-finish={t('learn.attempt.confirmFinish')}
      >
        <CsrfInput ctx={ctx} />
        <input type="hidden" name="answers" value="1" />
        <input type="hidden" name="confirm" value="" id="confirm-finish" />
        <ol class="list-unstyled">
          {questions.map((question) => (
            <li class="mb-4">
              <QuestionFields ctx={ctx} base={base} question={question} total={questions.length} />
            </li>
          ))}
        </ol>
        <div class="d-flex flex-wrap gap-2 align-items-center border-top pt-3">
          <button type="submit" class="btn btn-outline-primary">
            {t('learn.attempt.saveAll')}
          </button>
          <button type="submit" class="btn btn-primary" id="finish-button" formaction={`${base}/finish`}>
            {t('learn.attempt.finish')}
          </button>
          <span class="small text-body-secondary">{t('learn.attempt.autosaveHint')}</span>
        </div>
      </form>
    </Layout>
  );
}

function QuestionFields(props: { ctx: PageContext; base: string; question: AttemptQuestionView; total: number }) {
  const { ctx, question } = props;
  const { t } = ctx;
  const id = `q-${question.id}`;
  const type = question.kind === 'multiple' ? 'checkbox' : 'radio';
  const selected = new Set(question.selected ?? []);
  return (
    <fieldset
      id={`${id}-set`}
      class="border rounded p-3 question"
      aria-labelledby={`${id}-legend ${id}-text`}
      aria-describedby={`${id}-hint`}
      data-question={question.id}
      hx-post={`${props.base}/answers/${question.id}`}
      hx-trigger="change"
      hx-params={id}
      hx-target={`#${id}-status`}
      hx-swap="innerHTML"
    >
      <legend id={`${id}-legend`} class="fs-6 fw-semibold float-none w-auto px-1 mb-1">
        {t('learn.attempt.question', { number: question.position, count: props.total })}
      </legend>
      {/* Safe: the question bank renders Markdown to sanitized HTML. */}
      <div id={`${id}-text`} class="markdown mb-2" dangerouslySetInnerHTML={{ __html: question.html }} />
      <p id={`${id}-hint`} class="small text-body-secondary mb-2">
        {question.kind === 'multiple' ? t('learn.attempt.multiple') : t('learn.attempt.single')}
      </p>
      {question.options.map((option, index) => (
        <div class="form-check">
          <input
            class="form-check-input"
            type={type}
            name={id}
            id={`${id}-${index}`}
            value={String(index)}
            checked={selected.has(index)}
          />
          {/* Safe: inline Markdown rendered by assessment without raw HTML. */}
          <label
            class="form-check-label"
            for={`${id}-${index}`}
            dangerouslySetInnerHTML={{ __html: question.optionsHtml[index] ?? escapeHtml(option) }}
          />
        </div>
      ))}
      <p id={`${id}-status`} class="small mb-0 mt-2 autosave-status" role="status">
        {selected.size > 0 ? t('learn.attempt.savedEarlier') : ''}
      </p>
    </fieldset>
  );
}

function Countdown(props: { ctx: PageContext; deadline: Date; now: Date }) {
  const { ctx } = props;
  const remaining = Math.max(0, props.deadline.getTime() - props.now.getTime());
  return (
    <div class="alert alert-secondary d-flex flex-wrap gap-2 align-items-center countdown-box">
      <span id="countdown-label" class="fw-semibold">
        {ctx.t('learn.attempt.deadline')}
      </span>
      <DateTime ctx={ctx} date={props.deadline} />
      <span
        id="countdown"
        class="countdown fw-bold"
        role="timer"
        aria-labelledby="countdown-label"
        data-remaining-ms={String(remaining)}
        data-left-label={ctx.t('learn.attempt.timeLeft')}
        hidden
      />
      <span
        id="countdown-announce"
        class="visually-hidden"
        aria-live="polite"
        data-minutes={ctx.t('learn.attempt.minutesLeft')}
        data-over={ctx.t('learn.attempt.timeUp')}
      />
    </div>
  );
}

function Notice(props: { ctx: PageContext; notice: AttemptNotice; action: string }) {
  const { ctx, notice } = props;
  const { t } = ctx;
  if (notice.kind === 'confirm_finish') {
    return (
      <div class="alert alert-warning" role="alert" id="confirm-box">
        <p>{t('learn.attempt.unanswered', { count: notice.unanswered })}</p>
        <form method="post" action={props.action} class="d-flex flex-wrap gap-2">
          <CsrfInput ctx={ctx} />
          <input type="hidden" name="confirm" value="yes" />
          <button type="submit" class="btn btn-warning" autofocus>
            {t('learn.attempt.finishAnyway')}
          </button>
          <a class="btn btn-outline-secondary" href="#attempt-form">
            {t('learn.attempt.keepAnswering')}
          </a>
        </form>
      </div>
    );
  }
  return (
    <div class="alert alert-danger" role="alert">
      {t('learn.attempt.invalid')}
    </div>
  );
}

/** The htmx answer to one autosave: when it was saved, or why it was not. */
export function SavedStatus(props: {
  ctx: PageContext;
  state: 'saved' | 'cleared' | 'expired' | 'finished' | 'invalid' | 'signed_out';
  at: Date;
}) {
  const { ctx } = props;
  const time = new Intl.DateTimeFormat(ctx.locale, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(props.at);
  switch (props.state) {
    case 'saved':
      return (
        <span class="text-success-emphasis">
          {ctx.t('learn.attempt.savedAt')} <time dateTime={props.at.toISOString()}>{time}</time>
        </span>
      );
    case 'cleared':
      return (
        <span class="text-body-secondary">
          {ctx.t('learn.attempt.clearedAt')} <time dateTime={props.at.toISOString()}>{time}</time>
        </span>
      );
    case 'expired':
      return <strong class="text-danger-emphasis">{ctx.t('learn.attempt.expiredAnswer')}</strong>;
    case 'finished':
      return <strong class="text-danger-emphasis">{ctx.t('learn.attempt.finishedAnswer')}</strong>;
    case 'invalid':
      return <strong class="text-danger-emphasis">{ctx.t('learn.attempt.invalidAnswer')}</strong>;
    case 'signed_out':
      return <strong class="text-danger-emphasis">{ctx.t('learn.attempt.signedOut')}</strong>;
  }
}
