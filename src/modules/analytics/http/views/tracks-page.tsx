import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import { AnalyticsLayout } from './analytics-layout.tsx';

export type TrackChoice = Readonly<{ id: string; title: string; slug: string; status: 'draft' | 'published' }>;

/** The track picker: each track's analytics and its question statistics. */
export function TracksPage(props: { ctx: PageContext; tracks: readonly TrackChoice[]; canSeeTracks: boolean }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <AnalyticsLayout ctx={ctx} title={t('analytics.tracks.title')}>
      <p class="text-body-secondary">{t('analytics.tracks.lead')}</p>
      {props.tracks.length === 0 ? (
        <p>{t('analytics.tracks.empty')}</p>
      ) : (
        <table class="table align-middle">
          <caption class="visually-hidden">{t('analytics.tracks.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analytics.tracks.track')}</th>
              <th scope="col">{t('analytics.tracks.reports')}</th>
            </tr>
          </thead>
          <tbody>
            {props.tracks.map((track) => (
              <tr>
                <th scope="row">
                  {track.title}{' '}
                  {track.status === 'draft' ? (
                    <span class="badge text-bg-secondary">{t('analytics.tracks.draft')}</span>
                  ) : null}
                </th>
                <td class="d-flex flex-wrap gap-2">
                  {props.canSeeTracks ? (
                    <a class="btn btn-sm btn-outline-primary" href={`/admin/analytics/tracks/${track.id}`}>
                      {t('analytics.tracks.open')}
                      <span class="visually-hidden">: {track.title}</span>
                    </a>
                  ) : null}
                  <a class="btn btn-sm btn-outline-secondary" href={`/admin/analytics/questions?trackId=${track.id}`}>
                    {t('analytics.tracks.questions')}
                    <span class="visually-hidden">: {track.title}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AnalyticsLayout>
  );
}
