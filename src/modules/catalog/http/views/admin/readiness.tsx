import type { PageContext } from '../../../../../shared/http/views/page-context.ts';
import type { TrackOverview } from '../../../application/queries/admin-tracks.ts';
import type { LocalizedBlocker } from '../../localize.ts';
import type { FormProblem } from '../../pages/page-support.ts';
import { ActionForm, FormError } from '../../../../../shared/http/views/form-fields.tsx';

/** What publishing needs, item by item, saying exactly what blocks it; the publish / unpublish button. */
export function Readiness(props: {
  ctx: PageContext;
  track: TrackOverview;
  blockers: readonly LocalizedBlocker[];
  problem?: FormProblem | undefined;
}) {
  const { ctx, track, blockers } = props;
  const { t } = ctx;
  const blocker = (...codes: string[]) => blockers.find((item) => codes.includes(item.code));
  const settings = blocker('settings_required', 'settings_outdated');
  const bank = blocker('question_bank_too_small');
  const items = [
    {
      ok: !blocker('stages_required'),
      text: blocker('stages_required')?.message ?? t('catalog.readiness.stages', { count: track.stages.length }),
    },
    {
      ok: !blocker('modules_required'),
      text: blocker('modules_required')?.message ?? t('catalog.readiness.modules', { count: track.modules.length }),
    },
    {
      ok: !settings,
      text: settings?.message ?? t('catalog.readiness.settings', { version: track.currentSettingsVersion ?? 0 }),
      details: settings?.errors.map((error) => error.message),
    },
    {
      ok: !bank && track.currentSettingsVersion !== null && !settings,
      text: bank
        ? t('catalog.readiness.bankShort')
        : settings
          ? t('catalog.readiness.bankUnchecked')
          : t('catalog.readiness.bankReady'),
      details: bank?.errors.map((error) => error.message),
    },
  ];
  const problem = props.problem?.target === 'status' ? props.problem : undefined;
  return (
    <section aria-labelledby="readiness-title" class="mb-5">
      <h2 id="readiness-title" class="h4">
        {t('catalog.readiness.title')}
      </h2>
      <ul class="list-unstyled mb-3">
        {items.map((item) => (
          <li class="mb-2">
            <span class={item.ok ? 'text-success' : 'text-warning'} aria-hidden="true">
              {item.ok ? '✓' : '✗'}
            </span>{' '}
            <span class="visually-hidden">{t(item.ok ? 'catalog.readiness.done' : 'catalog.readiness.missing')}: </span>
            {item.text}
            {item.details && item.details.length > 0 ? (
              <ul class="small mt-1">
                {item.details.map((detail) => (
                  <li>{detail}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      <FormError ctx={ctx} id="status-error" message={problem?.message} />
      {track.status === 'draft' ? (
        <ActionForm ctx={ctx} action={`/admin/tracks/${track.id}/status`} fields={{ status: 'published' }}>
          <button type="submit" class="btn btn-success" aria-describedby={problem ? 'status-error' : undefined}>
            {t('catalog.readiness.publish')}
          </button>
          {blockers.length > 0 ? (
            <span class="ms-2 small text-body-secondary">{t('catalog.readiness.notReady')}</span>
          ) : null}
        </ActionForm>
      ) : (
        <ActionForm ctx={ctx} action={`/admin/tracks/${track.id}/status`} fields={{ status: 'draft' }}>
          <button type="submit" class="btn btn-outline-warning">
            {t('catalog.readiness.unpublish')}
          </button>
          <a class="ms-3" href={`/tracks/${track.slug}`}>
            {t('catalog.readiness.publicPage')}
          </a>
        </ActionForm>
      )}
    </section>
  );
}
