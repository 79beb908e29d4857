import { DateTime } from '../../../../shared/http/views/date-time.tsx';
import { CsrfInput } from '../../../../shared/http/views/form-fields.tsx';
import { Layout } from '../../../../shared/http/views/layout.tsx';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import type { PublicArticle } from '../../../content/index.ts';
import type { StudentArticleState } from '../../application/contract.ts';
import { AttemptBadge, LEARNING_CSS, percent } from './learning-format.tsx';
import { ReasonText } from './track-progress-page.tsx';

const ARTICLES_CSS = '/assets/app/articles.css';

/** An assigned article: why it is assigned, its body, and its mini-test. */
export function StudyArticlePage(props: { ctx: PageContext; article: PublicArticle; state: StudentArticleState }) {
  const { ctx, article, state } = props;
  const { t } = ctx;
  const { assignment } = state;
  return (
    <Layout
      ctx={ctx}
      title={article.title}
      head={
        <>
          <link rel="stylesheet" href={ARTICLES_CSS} />
          <link rel="stylesheet" href={LEARNING_CSS} />
        </>
      }
    >
      <nav aria-label={t('learn.breadcrumb')}>
        <ol class="breadcrumb">
          <li class="breadcrumb-item">
            <a href="/learn">{t('learn.dashboard.title')}</a>
          </li>
          <li class="breadcrumb-item">
            <a href={`/learn/${encodeURIComponent(state.trackSlug)}`}>
              {article.trackTitle ?? t('learn.article.track')}
            </a>
          </li>
          <li class="breadcrumb-item active" aria-current="page">
            {article.title}
          </li>
        </ol>
      </nav>
      <div class="alert alert-info" role="note">
        <span class="fw-semibold">{t('learn.reason.why')}</span> <ReasonText ctx={ctx} assignment={assignment} />{' '}
        {t('learn.article.stage', { position: state.stagePosition })}
      </div>
      <article lang={article.locale} aria-labelledby="article-title">
        <header class="mb-3">
          <h1 id="article-title" class="h2">
            {article.title}
          </h1>
          {article.summary ? <p class="lead">{article.summary}</p> : null}
          <p lang={ctx.locale}>
            {assignment.done ? (
              <span class="badge text-bg-success">{t('learn.assignments.statusDone')}</span>
            ) : (
              <span class="badge text-bg-primary">{t('learn.assignments.statusOpened')}</span>
            )}
          </p>
        </header>
        {/* Safe: rendered from Markdown and sanitized by the content module at save. */}
        <div class="markdown article-body" dangerouslySetInnerHTML={{ __html: article.html }} />
      </article>
      <MinitestPanel ctx={ctx} state={state} />
    </Layout>
  );
}

function MinitestPanel(props: { ctx: PageContext; state: StudentArticleState }) {
  const { ctx, state } = props;
  const { t } = ctx;
  const { assignment } = state;
  const articleId = assignment.article.id;
  if (assignment.minitestSize === 0) {
    return (
      <section class="card mt-4" aria-labelledby="minitest-title">
        <div class="card-body">
          <h2 id="minitest-title" class="h5">
            {t('learn.minitest.title')}
          </h2>
          <p class="mb-0">{t('learn.minitest.none')}</p>
          <a class="btn btn-primary mt-3" href={`/learn/${encodeURIComponent(state.trackSlug)}`}>
            {t('learn.article.back')}
          </a>
        </div>
      </section>
    );
  }
  const inProgress = state.minitestAttempts.find((attempt) => attempt.status === 'in_progress');
  const passed = state.minitestAttempts.some((attempt) => attempt.status === 'passed');
  return (
    <section class="card mt-4" aria-labelledby="minitest-title">
      <div class="card-body">
        <h2 id="minitest-title" class="h5">
          {t('learn.minitest.title')}
        </h2>
        <p>
          {t('learn.minitest.about', {
            count: assignment.minitestSize,
            pass: percent(ctx, state.minitestPassPercent),
          })}
        </p>
        {inProgress ? (
          <a class="btn btn-primary" href={`/learn/attempts/${inProgress.id}`}>
            {t('learn.minitest.continue')}
          </a>
        ) : (
          <form method="post" action={`/learn/articles/${articleId}/minitest`}>
            <CsrfInput ctx={ctx} />
            <button type="submit" class={`btn ${passed ? 'btn-outline-primary' : 'btn-primary'}`}>
              {passed ? t('learn.minitest.again') : t('learn.minitest.start')}
            </button>
          </form>
        )}
        {state.minitestAttempts.length > 0 ? (
          <>
            <h3 class="h6 mt-4">{t('learn.minitest.results')}</h3>
            <ul class="list-unstyled mb-0">
              {state.minitestAttempts.slice(0, 5).map((attempt) => (
                <li class="mb-1">
                  <a href={`/learn/attempts/${attempt.id}`}>
                    {t('learn.minitest.attempt', { number: attempt.number })}
                  </a>{' '}
                  <AttemptBadge ctx={ctx} status={attempt.status} kind={attempt.kind} />{' '}
                  {attempt.score !== null ? percent(ctx, attempt.score) : null}{' '}
                  <span class="small text-body-secondary">
                    <DateTime ctx={ctx} date={attempt.finishedAt ?? attempt.startedAt} />
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </section>
  );
}
