import type { PageContext } from '../../../../../shared/http/views/page-context.ts';
import type { SettingsHistory } from '../../../application/queries/settings-versions.ts';
import type { SettingsChange } from '../../../domain/settings-fields.ts';
import type { FormProblem } from '../../pages/page-support.ts';
import { DateTime } from '../../../../../shared/http/views/date-time.tsx';
import { ActionForm, FormError } from '../../../../../shared/http/views/form-fields.tsx';
import { CatalogAdminLayout } from './admin-layout.tsx';
import { NewVersionForm } from './settings-form.tsx';
import { pathLabel, valueText } from './settings-labels.ts';

export type SettingsDiff = Readonly<{
  from?: number;
  to?: number;
  changes?: readonly SettingsChange[];
  error?: string;
}>;

/** A track's settings: history with activation, a diff of two versions, and the form for a new version. */
export function SettingsPage(props: {
  ctx: PageContext;
  history: SettingsHistory;
  form: Readonly<Record<string, string | undefined>>;
  diff: SettingsDiff;
  problem?: FormProblem | undefined;
}) {
  const { ctx, history } = props;
  const { t } = ctx;
  const { track, versions } = history;
  const current = track.currentSettingsVersion;
  return (
    <CatalogAdminLayout
      ctx={ctx}
      title={t('catalog.settings.title', { track: track.title })}
      crumbs={[
        { href: '/admin/tracks', label: t('catalog.admin.title') },
        { href: `/admin/tracks/${track.id}`, label: track.title },
      ]}
    >
      <section aria-labelledby="history-title" class="mb-5">
        <h2 id="history-title" class="h4">
          {t('catalog.settings.history')}
        </h2>
        {versions.length === 0 ? (
          <p class="text-body-secondary">{t('catalog.settings.noVersions')}</p>
        ) : (
          <div class="table-responsive">
            <table class="table align-middle">
              <caption>{t('catalog.settings.historyCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('catalog.settings.version')}</th>
                  <th scope="col">{t('catalog.settings.created')}</th>
                  <th scope="col">{t('catalog.settings.note')}</th>
                  <th scope="col">{t('catalog.settings.state')}</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((version) => {
                  const problem = props.problem?.target === `activate:${version.version}` ? props.problem : undefined;
                  return (
                    <tr id={`version-${version.version}`}>
                      <th scope="row">{version.version}</th>
                      <td>
                        <DateTime ctx={ctx} date={version.createdAt} />
                        <div class="small text-body-secondary">
                          {version.createdBy?.displayName ?? t('catalog.settings.unknownAuthor')}
                        </div>
                      </td>
                      <td class="text-break">{version.note}</td>
                      <td>
                        {version.version === current ? (
                          <span class="badge text-bg-success">{t('catalog.settings.current')}</span>
                        ) : (
                          <ActionForm
                            ctx={ctx}
                            action={`/admin/tracks/${track.id}/settings-versions/${version.version}/activate`}
                          >
                            <button type="submit" class="btn btn-sm btn-outline-success">
                              {t('catalog.settings.activate', { version: version.version })}
                            </button>
                          </ActionForm>
                        )}
                        {problem ? (
                          <div class="mt-2">
                            <FormError ctx={ctx} id={`activate-${version.version}-error`} message={problem.message}>
                              <ul class="small mb-0 mt-1">
                                {Object.values(problem.fields).map((message) => (
                                  <li>{message}</li>
                                ))}
                              </ul>
                            </FormError>
                          </div>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {versions.length > 1 ? (
        <DiffSection {...props} />
      ) : (
        // A comparison asked for while there is nothing to compare still says why it failed.
        <FormError ctx={ctx} id="diff-error" message={props.diff.error} />
      )}
      <NewVersionForm
        ctx={ctx}
        trackId={track.id}
        moduleCount={track.modules.length}
        basedOn={current}
        values={props.form}
        problem={props.problem?.target === 'new-version' ? props.problem : undefined}
      />
    </CatalogAdminLayout>
  );
}

function DiffSection(props: { ctx: PageContext; history: SettingsHistory; diff: SettingsDiff }) {
  const { ctx, history, diff } = props;
  const { t } = ctx;
  const numbers = history.versions.map((version) => version.version);
  const from = diff.from ?? history.track.currentSettingsVersion ?? numbers[1];
  const to = diff.to ?? numbers[0];
  const select = (name: 'from' | 'to', selected: number | undefined) => (
    <div class="col-auto">
      <label class="form-label" for={`diff-${name}`}>
        {t(`catalog.settings.diff.${name}`)}
      </label>
      <select id={`diff-${name}`} name={name} class="form-select">
        {numbers.map((number) => (
          <option value={String(number)} selected={number === selected}>
            {t('catalog.settings.versionOption', { version: number })}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section aria-labelledby="diff-title" class="mb-5">
      <h2 id="diff-title" class="h4">
        {t('catalog.settings.diff.title')}
      </h2>
      <form method="get" action={`/admin/tracks/${history.track.id}/settings`} class="row g-2 align-items-end mb-3">
        {select('from', from)}
        {select('to', to)}
        <div class="col-auto">
          <button type="submit" class="btn btn-outline-light">
            {t('catalog.settings.diff.compare')}
          </button>
        </div>
      </form>
      <FormError ctx={ctx} id="diff-error" message={diff.error} />
      {diff.changes ? (
        diff.changes.length === 0 ? (
          <p>{t('catalog.settings.diff.same', { from: diff.from ?? 0, to: diff.to ?? 0 })}</p>
        ) : (
          <table class="table table-sm">
            <caption>{t('catalog.settings.diff.caption', { from: diff.from ?? 0, to: diff.to ?? 0 })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalog.settings.diff.field')}</th>
                <th scope="col">{t('catalog.settings.versionOption', { version: diff.from ?? 0 })}</th>
                <th scope="col">{t('catalog.settings.versionOption', { version: diff.to ?? 0 })}</th>
              </tr>
            </thead>
            <tbody>
              {diff.changes.map((change) => (
                <tr>
                  <th scope="row" class="fw-normal">
                    {pathLabel(t, change.path)}
                  </th>
                  <td>{valueText(t, change.before)}</td>
                  <td>{valueText(t, change.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
    </section>
  );
}
