import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import type { ImportFormat } from '../../application/contract.ts';
import type { TrackOutline } from '../../application/track-directory.ts';
import { BankLayout, moduleChoices, stageChoices } from './bank-layout.tsx';
import { CsrfInput, ErrorSummary, SelectField } from '../../../../shared/http/views/form-fields.tsx';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['gift', 'aiken', 'csv'];
export const ACCEPTED_FILES = '.gift,.txt,.aiken,.csv,text/plain,text/csv';

/** The import form's fields as chosen (the file itself is never sent back). */
export type ImportForm = {
  format: ImportFormat | 'auto';
  moduleId: string;
  stageId: string;
  partial: boolean;
};

/** Messages by field: `file`, `format`, `moduleId`, `stageId`. */
export type ImportErrors = Readonly<Partial<Record<'file' | 'format' | 'moduleId' | 'stageId', string>>>;

export function ImportPage(props: {
  ctx: PageContext;
  outline: TrackOutline;
  form: ImportForm;
  errors: ImportErrors;
  message?: string | undefined;
  maxMegabytes: number;
}) {
  const { ctx, outline, form, errors } = props;
  const { t } = ctx;
  const fileHelp = ['field-file-hint', errors.file ? 'field-file-error' : ''].filter(Boolean).join(' ');
  return (
    <BankLayout ctx={ctx} title={t('questionsAdmin.import.title')}>
      <p class="d-flex flex-wrap gap-2 align-items-baseline">
        <span>{t('questionsAdmin.import.intoTrack', { track: outline.title })}</span>
        <a href="/admin/questions/import">{t('questionsAdmin.import.changeTrack')}</a>
      </p>
      <ErrorSummary ctx={ctx} message={props.message} />
      <form
        method="post"
        action={`/admin/questions/import?trackId=${outline.id}`}
        enctype="multipart/form-data"
        novalidate
      >
        <CsrfInput ctx={ctx} />
        <input type="hidden" name="trackId" value={outline.id} />
        <div class="mb-3">
          <label class="form-label" for="field-file">
            {t('questionsAdmin.import.file')}
          </label>
          <input
            id="field-file"
            name="file"
            type="file"
            accept={ACCEPTED_FILES}
            class={`form-control${errors.file ? ' is-invalid' : ''}`}
            required
            aria-invalid={errors.file ? 'true' : undefined}
            aria-describedby={fileHelp}
          />
          <div id="field-file-hint" class="form-text">
            {t('questionsAdmin.import.fileHint', { max: props.maxMegabytes })}
          </div>
          {errors.file ? (
            <div id="field-file-error" class="invalid-feedback d-block">
              {errors.file}
            </div>
          ) : null}
        </div>
        <ImportOptions ctx={ctx} outline={outline} form={form} errors={errors} />
        <div class="d-flex flex-wrap gap-2">
          <button type="submit" name="action" value="preview" class="btn btn-primary">
            {t('questionsAdmin.import.preview')}
          </button>
          <button type="submit" name="action" value="import" class="btn btn-outline-primary">
            {t('questionsAdmin.import.submit')}
          </button>
        </div>
      </form>
    </BankLayout>
  );
}

/** Format, default module and stage, and the partial switch (also carried by the result page). */
function ImportOptions(props: { ctx: PageContext; outline: TrackOutline; form: ImportForm; errors: ImportErrors }) {
  const { ctx, outline, form, errors } = props;
  const { t } = ctx;
  return (
    <>
      <div class="row g-3">
        <div class="col-md-4">
          <SelectField
            id="field-format"
            name="format"
            label={t('questionsAdmin.import.format')}
            value={form.format}
            options={[
              { value: 'auto', label: t('questionsAdmin.import.formatAuto') },
              ...IMPORT_FORMATS.map((format) => ({
                value: format,
                label: t(`questionsAdmin.import.format.${format}`),
              })),
            ]}
            error={errors.format}
          />
        </div>
        <div class="col-md-4">
          <SelectField
            id="field-module"
            name="moduleId"
            label={t('questionsAdmin.import.defaultModule')}
            value={form.moduleId}
            options={moduleChoices(outline)}
            empty={t('questionsAdmin.import.fromFile')}
            hint={t('questionsAdmin.import.defaultModuleHint')}
            error={errors.moduleId}
          />
        </div>
        <div class="col-md-4">
          <SelectField
            id="field-stage"
            name="stageId"
            label={t('questionsAdmin.import.defaultStage')}
            value={form.stageId}
            options={stageChoices(ctx, outline)}
            empty={t('questionsAdmin.import.anyStageOrFile')}
            error={errors.stageId}
          />
        </div>
      </div>
      <div class="form-check mb-3">
        <input
          id="field-partial"
          name="partial"
          type="checkbox"
          value="on"
          class="form-check-input"
          checked={form.partial}
          aria-describedby="field-partial-hint"
        />
        <label class="form-check-label" for="field-partial">
          {t('questionsAdmin.import.partial')}
        </label>
        <div id="field-partial-hint" class="form-text">
          {t('questionsAdmin.import.partialHint')}
        </div>
      </div>
    </>
  );
}
