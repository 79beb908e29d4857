import { CsrfInput, ErrorSummary } from '../../../../shared/http/views/form-fields.tsx';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import type { ArticleView } from '../../application/contract.ts';
import { ArticlesLayout, FieldErrorLinks } from './admin-layout.tsx';

export const MAX_QUESTIONS = 20;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 10;

export type MinitestRow = Readonly<{ text: string; correct: boolean }>;
export type MinitestQuestionForm = Readonly<{
  kind: 'single' | 'multiple';
  text: string;
  explanation: string;
  rows: readonly MinitestRow[];
}>;

/** Messages by path: `/questions/<i>/text`, `/questions/<i>/options/<row>`, `/questions/<i>/correct`, `/questions`. */
export type MinitestErrors = Readonly<Record<string, string>>;

/** The id of the control an issue's path points at. */
function idOf(path: string): string | undefined {
  const match = /^\/questions\/(\d+)(?:\/(kind|text|explanation|options|correct)(?:\/(\d+))?)?/.exec(path);
  if (!match) return path === '/questions' ? 'minitest-questions' : undefined;
  const [, index, field, row] = match;
  if (!field) return `mt-${index}`;
  if (field === 'options' && row !== undefined) return `mt-${index}-option-${row}`;
  if (field === 'options' || field === 'correct') return `mt-${index}-options`;
  return `mt-${index}-${field}`;
}

/**
 * The article's mini-test: its questions (single or multiple choice, 2–10 options each, the
 * correct ones ticked) in one form. Adding and removing questions and options are submit
 * buttons that redraw the form, so it all works without JavaScript; Save replaces the test.
 */
export function MinitestPage(props: {
  ctx: PageContext;
  article: ArticleView;
  questions: readonly MinitestQuestionForm[];
  errors: MinitestErrors;
  message?: string | undefined;
}) {
  const { ctx, article, questions, errors } = props;
  const { t } = ctx;
  const labelOf = (path: string) => {
    const index = /^\/questions\/(\d+)/.exec(path)?.[1];
    return index === undefined ? '' : `${t('articlesAdmin.minitest.question', { number: Number(index) + 1 })}: `;
  };
  return (
    <ArticlesLayout ctx={ctx} title={t('articlesAdmin.minitest.title', { title: article.title })}>
      <p>
        <a href={`/admin/articles/${article.id}`}>{t('articlesAdmin.minitest.back')}</a>
      </p>
      {article.moduleId === null ? (
        <div class="alert alert-warning" role="note">
          {t('articlesAdmin.minitest.needsModule')}{' '}
          <a href={`/admin/articles/${article.id}#article-links`}>{t('articlesAdmin.minitest.linkModule')}</a>
        </div>
      ) : null}
      <ErrorSummary ctx={ctx} message={props.message}>
        <FieldErrorLinks errors={errors} idOf={idOf} labelOf={labelOf} />
      </ErrorSummary>
      <form method="post" action={`/admin/articles/${article.id}/minitest`} novalidate>
        <CsrfInput ctx={ctx} />
        <button type="submit" name="action" value="save" class="visually-hidden" tabindex={-1} aria-hidden="true">
          {t('articlesAdmin.minitest.save')}
        </button>
        <input type="hidden" name="count" value={String(questions.length)} />
        <div id="minitest-questions" tabIndex={-1}>
          {questions.length === 0 ? <p class="text-body-secondary">{t('articlesAdmin.minitest.empty')}</p> : null}
          {questions.map((question, index) => (
            <QuestionFields ctx={ctx} question={question} index={index} errors={errors} />
          ))}
        </div>
        {errors['/questions'] ? <div class="invalid-feedback d-block mb-2">{errors['/questions']}</div> : null}
        <div class="d-flex flex-wrap gap-2 mb-4">
          {questions.length < MAX_QUESTIONS ? (
            <button type="submit" name="action" value="addQuestion" class="btn btn-outline-secondary">
              {t('articlesAdmin.minitest.addQuestion')}
            </button>
          ) : null}
          <button type="submit" name="action" value="save" class="btn btn-primary">
            {t('articlesAdmin.minitest.save')}
          </button>
          <a class="btn btn-link" href={`/admin/articles/${article.id}`}>
            {t('articlesAdmin.form.cancel')}
          </a>
        </div>
      </form>
    </ArticlesLayout>
  );
}

function QuestionFields(props: {
  ctx: PageContext;
  question: MinitestQuestionForm;
  index: number;
  errors: MinitestErrors;
}) {
  const { ctx, question, index, errors } = props;
  const { t } = ctx;
  const prefix = `q${index}_`;
  const id = `mt-${index}`;
  const at = (field: string) => errors[`/questions/${index}/${field}`];
  const groupError = [at('options'), at('correct')].filter(Boolean).join(' ');
  const number = index + 1;
  return (
    <fieldset id={id} class="border rounded p-3 mb-3" tabIndex={-1}>
      <legend class="fs-5 float-none w-auto px-1">{t('articlesAdmin.minitest.question', { number })}</legend>
      <input type="hidden" name={`${prefix}rows`} value={String(question.rows.length)} />
      <div class="row g-3">
        <div class="col-md-4">
          <label class="form-label" for={`${id}-kind`}>
            {t('articlesAdmin.minitest.kind')}
          </label>
          <select
            id={`${id}-kind`}
            name={`${prefix}kind`}
            class={`form-select${at('kind') ? ' is-invalid' : ''}`}
            aria-invalid={at('kind') ? 'true' : undefined}
            aria-describedby={at('kind') ? `${id}-kind-error` : undefined}
          >
            <option value="single" selected={question.kind === 'single'}>
              {t('articlesAdmin.minitest.single')}
            </option>
            <option value="multiple" selected={question.kind === 'multiple'}>
              {t('articlesAdmin.minitest.multiple')}
            </option>
          </select>
          <FieldError id={`${id}-kind-error`} message={at('kind')} />
        </div>
      </div>
      <div class="my-3">
        <label class="form-label" for={`${id}-text`}>
          {t('articlesAdmin.minitest.text')}
        </label>
        <textarea
          id={`${id}-text`}
          name={`${prefix}text`}
          rows={3}
          class={`form-control font-monospace${at('text') ? ' is-invalid' : ''}`}
          aria-invalid={at('text') ? 'true' : undefined}
          aria-describedby={at('text') ? `${id}-text-error` : undefined}
        >
          {question.text}
        </textarea>
        <FieldError id={`${id}-text-error`} message={at('text')} />
      </div>
      <fieldset
        id={`${id}-options`}
        class="mb-3"
        aria-describedby={[`${id}-options-hint`, groupError ? `${id}-options-error` : ''].filter(Boolean).join(' ')}
      >
        <legend class="form-label fs-6">{t('articlesAdmin.minitest.options')}</legend>
        <div id={`${id}-options-hint`} class="form-text mt-0 mb-2">
          {t('articlesAdmin.minitest.optionsHint', { min: MIN_OPTIONS, max: MAX_OPTIONS })}
        </div>
        <FieldError id={`${id}-options-error`} message={groupError || undefined} />
        {question.rows.map((row, rowIndex) => {
          const optionId = `${id}-option-${rowIndex}`;
          const error = at(`options/${rowIndex}`);
          const letter = String.fromCharCode(65 + rowIndex);
          const optionLabel = t('articlesAdmin.minitest.option', { letter });
          return (
            <div class="mb-2">
              <div class="input-group">
                <label class="input-group-text" for={optionId}>
                  <span aria-hidden="true">{letter}</span>
                  <span class="visually-hidden">{optionLabel}</span>
                </label>
                <input
                  id={optionId}
                  name={`${prefix}option${rowIndex}`}
                  type="text"
                  class={`form-control${error ? ' is-invalid' : ''}`}
                  value={row.text}
                  maxLength={2000}
                  aria-invalid={error ? 'true' : undefined}
                  aria-describedby={error ? `${optionId}-error` : undefined}
                />
                <div class="input-group-text gap-2">
                  <input
                    id={`${id}-correct-${rowIndex}`}
                    name={`${prefix}correct${rowIndex}`}
                    type="checkbox"
                    class="form-check-input mt-0"
                    value="on"
                    checked={row.correct}
                  />
                  <label for={`${id}-correct-${rowIndex}`}>
                    {t('articlesAdmin.minitest.correct')}
                    <span class="visually-hidden"> ({letter})</span>
                  </label>
                </div>
                {question.rows.length > MIN_OPTIONS ? (
                  <button
                    type="submit"
                    name="action"
                    value={`removeOption-${index}-${rowIndex}`}
                    class="btn btn-outline-danger"
                    aria-label={t('articlesAdmin.minitest.removeOptionLabel', { option: optionLabel, number })}
                  >
                    ×
                  </button>
                ) : null}
              </div>
              <FieldError id={`${optionId}-error`} message={error} />
            </div>
          );
        })}
        {question.rows.length < MAX_OPTIONS ? (
          <button type="submit" name="action" value={`addOption-${index}`} class="btn btn-sm btn-outline-secondary">
            {t('articlesAdmin.minitest.addOption')}
            <span class="visually-hidden"> ({t('articlesAdmin.minitest.question', { number })})</span>
          </button>
        ) : null}
      </fieldset>
      <div class="mb-3">
        <label class="form-label" for={`${id}-explanation`}>
          {t('articlesAdmin.minitest.explanation')}
        </label>
        <textarea
          id={`${id}-explanation`}
          name={`${prefix}explanation`}
          rows={2}
          class={`form-control font-monospace${at('explanation') ? ' is-invalid' : ''}`}
          aria-invalid={at('explanation') ? 'true' : undefined}
          aria-describedby={at('explanation') ? `${id}-explanation-error` : undefined}
        >
          {question.explanation}
        </textarea>
        <FieldError id={`${id}-explanation-error`} message={at('explanation')} />
      </div>
      <button type="submit" name="action" value={`removeQuestion-${index}`} class="btn btn-sm btn-outline-danger">
        {t('articlesAdmin.minitest.removeQuestion', { number })}
      </button>
    </fieldset>
  );
}

function FieldError(props: { id: string; message: string | undefined }) {
  return props.message ? (
    <div id={props.id} class="invalid-feedback d-block">
      {props.message}
    </div>
  ) : null;
}
