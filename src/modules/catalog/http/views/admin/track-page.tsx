import { TrackFields } from './track-fields.tsx';
import type { PageContext } from '../../../../../shared/http/views/page-context.ts';
import type { TrackOverview } from '../../../application/queries/admin-tracks.ts';
import type { LocalizedBlocker } from '../../localize.ts';
import type { FormProblem } from '../../pages/page-support.ts';
import { ActionForm, CsrfInput, FormError } from '../../../../../shared/http/views/form-fields.tsx';
import { CatalogAdminLayout, StatusBadge } from './admin-layout.tsx';
import { Readiness } from './readiness.tsx';
import { StructureList } from './structure-list.tsx';

/** One track for admins: readiness and publishing, details, stages, modules, links, deletion. */
export function AdminTrackPage(props: {
  ctx: PageContext;
  track: TrackOverview;
  blockers: readonly LocalizedBlocker[];
  problem?: FormProblem | undefined;
}) {
  const { ctx, track, problem } = props;
  const { t } = ctx;
  const draft = track.status === 'draft';
  const counted = <T extends { id: string }>(items: readonly T[], counts: ReadonlyMap<string, number>) =>
    items.map((item) => ({ ...item, activeQuestions: counts.get(item.id) ?? 0 }));
  return (
    <CatalogAdminLayout
      ctx={ctx}
      title={track.title}
      crumbs={[{ href: '/admin/tracks', label: t('catalog.admin.title') }]}
      badge={<StatusBadge ctx={ctx} status={track.status} />}
    >
      <nav aria-label={t('catalog.track.links')} class="d-flex flex-wrap gap-2 mb-4">
        <a class="btn btn-outline-light" href={`/admin/tracks/${track.id}/settings`}>
          {t('catalog.track.settingsLink')}
        </a>
        <a class="btn btn-outline-light" href={`/admin/questions?trackId=${track.id}`}>
          {t('catalog.track.questionsLink')}
        </a>
      </nav>
      <div class="row g-5">
        <div class="col-lg-6">
          <Readiness ctx={ctx} track={track} blockers={props.blockers} problem={problem} />
          <DetailsForm ctx={ctx} track={track} problem={problem?.target === 'details' ? problem : undefined} />
        </div>
        <div class="col-lg-6">
          <StructureList
            ctx={ctx}
            kind="stage"
            trackId={track.id}
            items={counted(track.stages, track.activeQuestions.byStage)}
            draft={draft}
            problem={problem}
          />
          <StructureList
            ctx={ctx}
            kind="module"
            trackId={track.id}
            items={counted(track.modules, track.activeQuestions.byModule)}
            draft={draft}
            problem={problem}
          />
        </div>
      </div>
      <section aria-labelledby="delete-title" class="border border-danger rounded p-3 mt-4">
        <h2 id="delete-title" class="h5">
          {t('catalog.track.deleteTitle')}
        </h2>
        <p class="small text-body-secondary">{t('catalog.track.deleteHelp')}</p>
        <FormError ctx={ctx} id="delete-error" message={problem?.target === 'delete' ? problem.message : undefined} />
        <ActionForm ctx={ctx} action={`/admin/tracks/${track.id}/delete`}>
          <button type="submit" class="btn btn-outline-danger">
            {t('catalog.track.delete')}
          </button>
        </ActionForm>
      </section>
    </CatalogAdminLayout>
  );
}

function DetailsForm(props: { ctx: PageContext; track: TrackOverview; problem?: FormProblem | undefined }) {
  const { ctx, track, problem } = props;
  const { t } = ctx;
  const values = problem?.values ?? track;
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title" class="h4">
        {t('catalog.track.details')}
      </h2>
      <form method="post" action={`/admin/tracks/${track.id}`} novalidate>
        <CsrfInput ctx={ctx} />
        <FormError ctx={ctx} id="details-error" message={problem?.message} />
        <TrackFields
          ctx={ctx}
          ids={{ title: 'track-title', slug: 'track-slug', description: 'track-description' }}
          values={values}
          errors={problem?.fields}
          descriptionRows={8}
        />
        <button type="submit" class="btn btn-primary">
          {t('catalog.track.save')}
        </button>
      </form>
    </section>
  );
}
