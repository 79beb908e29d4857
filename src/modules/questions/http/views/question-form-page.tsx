import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import type { QuestionView } from '../../application/contract.ts';
import type { TrackOutline } from '../../application/track-directory.ts';
import type { QuestionKind } from '../../domain/formats/parsed-question.ts';
import { BankLayout, moduleChoices, stageChoices } from './bank-layout.tsx';
import {
  CsrfInput,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
} from '../../../../shared/http/views/form-fields.tsx';
import { QuestionMeta } from './question-meta.tsx';
import { QuestionPreview } from './question-preview.tsx';

/** The editor's fields as typed; `rows` are the option rows, empty ones included. */
export type QuestionForm = {
  moduleId: string;
  stageId: string;
  kind: QuestionKind;
  name: string;
  text: string;
  explanation: string;
  rows: readonly Readonly<{ text: string; correct: boolean }>[];
};

/** Messages by field: `/moduleId`, `/stageId`, `/kind`, `/name`, `/text`, `/explanation`, `/options`, `/options/<row>`, `/correct`. */
export type QuestionFormErrors = Readonly<Record<string, string>>;

const MAX_ROWS = 10;
const FIELDS: readonly (readonly [path: string, id: string])[] = [
  ['/moduleId', 'field-module'],
  ['/stageId', 'field-stage'],
  ['/kind', 'field-kind'],
  ['/name', 'field-name'],
  ['/text', 'field-text'],
  ['/options', 'field-options'],
  ['/correct', 'field-options'],
  ['/explanation', 'field-explanation'],
];

export function QuestionFormPage(props: {
  ctx: PageContext;
  outline: TrackOutline;
  /** The question being edited; none for a new one. */
  question?: QuestionView | undefined;
  form: QuestionForm;
  errors: QuestionFormErrors;
  /** The error of the whole form (localized), shown above it with links to the fields. */
  message?: string | undefined;
}) {
  const { ctx, outline, question, form, errors } = props;
  const { t } = ctx;
  const action = question ? `/admin/questions/${question.id}` : '/admin/questions/new';
  const title = question ? t('questionsAdmin.edit.title') : t('questionsAdmin.new.title', { track: outline.title });
  return (
    <BankLayout ctx={ctx} title={title}>
      {question ? <QuestionMeta ctx={ctx} question={question} outline={outline} /> : null}
      {question?.usedAt ? (
        <div class="alert alert-warning" role="note">
          {t('questionsAdmin.edit.usedWarning')}
        </div>
      ) : null}
      <ErrorSummary ctx={ctx} message={props.message}>
        <FieldErrorLinks ctx={ctx} errors={errors} />
      </ErrorSummary>
      <form id="question-form" method="post" action={action} novalidate>
        <CsrfInput ctx={ctx} />
        {/* Enter in a text field saves (the first submit button is the form's default). */}
        <button type="submit" name="action" value="save" class="visually-hidden" tabindex={-1} aria-hidden="true">
          {t('questionsAdmin.form.save')}
        </button>
        {question ? null : <input type="hidden" name="trackId" value={outline.id} />}
        <input type="hidden" name="rows" value={String(form.rows.length)} />
        <div class="row g-3">
          <div class="col-md-5">
            <SelectField
              id="field-module"
              name="moduleId"
              label={t('questionsAdmin.field.module')}
              value={form.moduleId}
              options={moduleChoices(outline)}
              empty={t('questionsAdmin.form.chooseModule')}
              error={errors['/moduleId']}
              required
            />
          </div>
          <div class="col-md-4">
            <SelectField
              id="field-stage"
              name="stageId"
              label={t('questionsAdmin.field.stage')}
              value={form.stageId}
              options={stageChoices(ctx, outline)}
              empty={t('questionsAdmin.anyStage')}
              error={errors['/stageId']}
              hint={t('questionsAdmin.form.stageHint')}
            />
          </div>
          <div class="col-md-3">
            <SelectField
              id="field-kind"
              name="kind"
              label={t('questionsAdmin.field.kind')}
              value={form.kind}
              options={[
                { value: 'single', label: t('questionsAdmin.kind.single') },
                { value: 'multiple', label: t('questionsAdmin.kind.multiple') },
              ]}
              error={errors['/kind']}
            />
          </div>
        </div>
        <TextField
          id="field-name"
          name="name"
          label={t('questionsAdmin.field.name')}
          value={form.name}
          error={errors['/name']}
          hint={t('questionsAdmin.form.nameHint')}
          maxLength={200}
        />
        <TextArea
          id="field-text"
          name="text"
          label={t('questionsAdmin.field.text')}
          value={form.text}
          error={errors['/text']}
          hint={t('questionsAdmin.form.markdownHint')}
          rows={6}
          monospace
          required
        />
        <OptionRows ctx={ctx} form={form} errors={errors} />
        <TextArea
          id="field-explanation"
          name="explanation"
          label={t('questionsAdmin.field.explanation')}
          value={form.explanation}
          error={errors['/explanation']}
          hint={t('questionsAdmin.form.explanationHint')}
          rows={3}
          monospace
        />
        <div class="d-flex flex-wrap gap-2 mb-4">
          <button type="submit" name="action" value="save" class="btn btn-primary">
            {t(question?.usedAt ? 'questionsAdmin.form.saveAsNew' : 'questionsAdmin.form.save')}
          </button>
          <button type="submit" name="action" value="preview" class="btn btn-outline-secondary">
            {t('questionsAdmin.form.preview')}
          </button>
          <a class="btn btn-link" href={`/admin/questions?trackId=${outline.id}`}>
            {t('questionsAdmin.form.cancel')}
          </a>
        </div>
      </form>
      <QuestionPreview
        ctx={ctx}
        content={{ text: form.text, options: form.rows, explanation: form.explanation }}
        live
      />
    </BankLayout>
  );
}

function OptionRows(props: { ctx: PageContext; form: QuestionForm; errors: QuestionFormErrors }) {
  const { ctx, form, errors } = props;
  const { t } = ctx;
  const groupError = [errors['/options'], errors['/correct']].filter(Boolean).join(' ');
  const describedBy = ['field-options-hint', groupError ? 'field-options-error' : ''].filter(Boolean).join(' ');
  return (
    <fieldset id="field-options" class="mb-3" aria-describedby={describedBy}>
      <legend class="form-label fs-6">{t('questionsAdmin.field.options')}</legend>
      <div id="field-options-hint" class="form-text mt-0 mb-2">
        {t('questionsAdmin.form.optionsHint', { max: MAX_ROWS })}
      </div>
      {groupError ? (
        <div id="field-options-error" class="invalid-feedback d-block mb-2">
          {groupError}
        </div>
      ) : null}
      {form.rows.map((row, index) => {
        const error = errors[`/options/${index}`];
        const id = `field-option-${index}`;
        const letter = String.fromCharCode(65 + index);
        return (
          <div class="mb-2">
            <div class="input-group">
              <label class="input-group-text" for={id}>
                <span aria-hidden="true">{letter}</span>
                <span class="visually-hidden">{t('questionsAdmin.form.option', { letter })}</span>
              </label>
              <input
                id={id}
                name={`option${index}`}
                type="text"
                class={`form-control${error ? ' is-invalid' : ''}`}
                value={row.text}
                maxLength={2000}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
              />
              <div class="input-group-text gap-2">
                <input
                  id={`field-correct-${index}`}
                  name={`correct${index}`}
                  type="checkbox"
                  class="form-check-input mt-0"
                  value="on"
                  checked={row.correct}
                />
                <label for={`field-correct-${index}`}>
                  {t('questionsAdmin.form.correct')}
                  <span class="visually-hidden"> ({letter})</span>
                </label>
              </div>
            </div>
            {error ? (
              <div id={`${id}-error`} class="invalid-feedback d-block">
                {error}
              </div>
            ) : null}
          </div>
        );
      })}
      {form.rows.length < MAX_ROWS ? (
        <button type="submit" name="action" value="addOption" class="btn btn-sm btn-outline-secondary">
          {t('questionsAdmin.form.addOption')}
        </button>
      ) : null}
    </fieldset>
  );
}

/** Every field error once more, as links to the fields (for screen-reader and keyboard users). */
function FieldErrorLinks(props: { ctx: PageContext; errors: QuestionFormErrors }) {
  const { t } = props.ctx;
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  const linkOf = (path: string, message: string) => {
    const row = /^\/options\/(\d+)/.exec(path)?.[1];
    if (row !== undefined) {
      const letter = String.fromCharCode(65 + Number(row));
      return { id: `field-option-${row}`, text: `${t('questionsAdmin.form.option', { letter })}: ${message}` };
    }
    return { id: FIELDS.find(([field]) => path.startsWith(field))?.[1], text: message };
  };
  return (
    <ul class="mb-0">
      {entries.map(([path, message]) => {
        const link = linkOf(path, message);
        return <li>{link.id ? <a href={`#${link.id}`}>{link.text}</a> : link.text}</li>;
      })}
    </ul>
  );
}
