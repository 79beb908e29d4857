import type { PageContext } from '../../../../../shared/http/views/page-context.ts';
import { SETTINGS_FIELDS, SETTINGS_GROUPS } from '../../../domain/settings-fields.ts';
import type { FormProblem } from '../../pages/page-support.ts';
import { CsrfInput, FormError, TextArea } from '../../../../../shared/http/views/form-fields.tsx';
import { fieldKey, fieldLabel, groupLabel } from './settings-labels.ts';

/** Every settings field by group, prefilled; each failing field marked after a 422. */
export function NewVersionForm(props: {
  ctx: PageContext;
  trackId: string;
  moduleCount: number;
  basedOn: number | null;
  values: Readonly<Record<string, string | undefined>>;
  problem?: FormProblem | undefined;
}) {
  const { ctx, problem, values } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="new-version-title">
      <h2 id="new-version-title" class="h4">
        {t('catalog.settings.newVersion')}
      </h2>
      <p class="text-body-secondary">
        {props.basedOn === null
          ? t('catalog.settings.prefilledDefaults', { modules: props.moduleCount })
          : t('catalog.settings.prefilledCurrent', { version: props.basedOn, modules: props.moduleCount })}
      </p>
      <form method="post" action={`/admin/tracks/${props.trackId}/settings-versions`} novalidate>
        <CsrfInput ctx={ctx} />
        <FormError ctx={ctx} id="new-version-error" message={problem?.message} />
        <div class="row g-3">
          {SETTINGS_GROUPS.map((group) => (
            <div class="col-md-6 col-xl-4">
              <fieldset class="border rounded p-3 h-100">
                <legend class="h6 float-none w-auto px-1">{groupLabel(t, group)}</legend>
                {SETTINGS_FIELDS.filter((field) => field.group === group).map((field) => {
                  const key = fieldKey(field);
                  const id = `setting-${field.group}-${field.name}`;
                  const error = problem?.fields[key];
                  const described = error ? `${id}-error` : undefined;
                  return field.kind === 'boolean' ? (
                    <div class="form-check mb-2">
                      <input
                        id={id}
                        name={key}
                        type="checkbox"
                        value="true"
                        class={`form-check-input${error ? ' is-invalid' : ''}`}
                        checked={values[key] === 'true'}
                        aria-describedby={described}
                      />
                      <label class="form-check-label" for={id}>
                        {fieldLabel(t, field)}
                      </label>
                      {error ? (
                        <div id={described} class="invalid-feedback d-block">
                          {error}
                        </div>
                      ) : null}
                    </div>
                  ) : (
                    <div class="mb-2">
                      <label class="form-label small" for={id}>
                        {fieldLabel(t, field)}
                      </label>
                      <input
                        id={id}
                        name={key}
                        type="text"
                        inputmode="numeric"
                        class={`form-control form-control-sm${error ? ' is-invalid' : ''}`}
                        value={values[key]}
                        aria-invalid={error ? 'true' : undefined}
                        aria-describedby={described}
                      />
                      {error ? (
                        <div id={described} class="invalid-feedback d-block">
                          {error}
                        </div>
                      ) : null}
                    </div>
                  );
                })}
              </fieldset>
            </div>
          ))}
        </div>
        <div class="mt-3 col-lg-8">
          <TextArea
            id="setting-note"
            name="note"
            label={t('catalog.settings.note')}
            value={values.note}
            error={problem?.fields.note}
            hint={t('catalog.settings.noteHint')}
            rows={2}
          />
        </div>
        <button type="submit" class="btn btn-primary">
          {t('catalog.settings.create')}
        </button>
      </form>
    </section>
  );
}
