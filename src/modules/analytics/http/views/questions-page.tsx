import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import { Pagination, type Paging } from '../../../../shared/http/views/pagination.tsx';
import type { ItemFlag, QuestionSort, QuestionStat, Thresholds } from '../../application/contract.ts';
import { AnalyticsLayout } from './analytics-layout.tsx';
import { OptionSparkline } from './charts.tsx';
import { formatNumber } from './format.ts';
import type { TrackChoice } from './tracks-page.tsx';

/** The form as the query string has it (kept as typed so a bad value is shown back). */
export type QuestionStatsForm = {
  trackId?: string | undefined;
  moduleId?: string | undefined;
  minP?: string | undefined;
  maxP?: string | undefined;
  minDiscrimination?: string | undefined;
  flagged?: string | undefined;
  sort?: QuestionSort | undefined;
  order?: 'asc' | 'desc' | undefined;
};

export type OutlineNames = Readonly<{
  modules: ReadonlyMap<string, string>;
  stages: ReadonlyMap<string, number>;
}>;

const FLAG_BADGE: Record<ItemFlag, string> = {
  too_hard: 'text-bg-danger',
  too_easy: 'text-bg-warning',
  low_discrimination: 'text-bg-info',
};

export function QuestionStatsPage(props: {
  ctx: PageContext;
  tracks: readonly TrackChoice[];
  form: QuestionStatsForm;
  names: OutlineNames | undefined;
  result: Readonly<{ items: readonly QuestionStat[]; total: number; thresholds: Thresholds }> | undefined;
  errors: Readonly<Record<string, string>>;
  errorMessage: string | undefined;
  paging: Paging;
}) {
  const { ctx, form, names, result } = props;
  const { t, locale } = ctx;
  const filters = { ...form, sort: form.sort, order: form.order };
  const sortLink = (sort: QuestionSort) => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries({ ...form, sort, order: undefined })) if (value) query.set(name, value);
    if (form.sort === sort && form.order !== 'desc') query.set('order', 'desc');
    return `/admin/analytics/questions?${query.toString()}`;
  };
  const sortHeader = (sort: QuestionSort, label: string) => {
    const active = (form.sort ?? 'flags') === sort;
    return (
      <th scope="col" aria-sort={active ? (form.order === 'desc' ? 'descending' : 'ascending') : undefined}>
        <a href={sortLink(sort)}>{label}</a>
        {active ? <span aria-hidden="true">{form.order === 'desc' ? ' ▲' : ' ▼'}</span> : null}
      </th>
    );
  };
  const number = (value: number | null, digits = 2) => (value === null ? '—' : formatNumber(locale, value, digits));
  const thresholdField = (name: 'minP' | 'maxP' | 'minDiscrimination', min: number) => {
    const error = props.errors[`/${name}`];
    const id = `threshold-${name}`;
    return (
      <div class="col-sm-4 col-md-2">
        <label class="form-label" for={id}>
          {t(`analytics.questions.${name}`)}
        </label>
        <input
          id={id}
          name={name}
          type="number"
          step="0.01"
          min={min}
          max="1"
          class={`form-control${error ? ' is-invalid' : ''}`}
          value={form[name] ?? String(result?.thresholds[name] ?? '')}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {error ? (
          <div id={`${id}-error`} class="invalid-feedback d-block">
            {error}
          </div>
        ) : null}
      </div>
    );
  };
  return (
    <AnalyticsLayout ctx={ctx} title={t('analytics.questions.title')}>
      <p class="text-body-secondary">{t('analytics.questions.lead')}</p>
      {props.errorMessage ? (
        <div class="alert alert-danger" role="alert">
          {props.errorMessage}
        </div>
      ) : null}
      <form method="get" action="/admin/analytics/questions" class="row g-2 align-items-end mb-3">
        <div class="col-md-3">
          <label class="form-label" for="stats-track">
            {t('analytics.questions.track')}
          </label>
          <select id="stats-track" name="trackId" class="form-select" required>
            <option value="">{t('analytics.questions.pickTrack')}</option>
            {props.tracks.map((track) => (
              <option value={track.id} selected={track.id === form.trackId}>
                {track.title}
              </option>
            ))}
          </select>
        </div>
        {names ? (
          <div class="col-md-3">
            <label class="form-label" for="stats-module">
              {t('analytics.questions.module')}
            </label>
            <select id="stats-module" name="moduleId" class="form-select">
              <option value="">{t('analytics.questions.anyModule')}</option>
              {[...names.modules].map(([id, title]) => (
                <option value={id} selected={id === form.moduleId}>
                  {title}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {thresholdField('minP', 0)}
        {thresholdField('maxP', 0)}
        {thresholdField('minDiscrimination', -1)}
        <div class="col-md-2 form-check ms-2 mb-2">
          <input
            id="stats-flagged"
            class="form-check-input"
            type="checkbox"
            name="flagged"
            value="true"
            checked={form.flagged === 'true'}
          />
          <label class="form-check-label" for="stats-flagged">
            {t('analytics.questions.flaggedOnly')}
          </label>
        </div>
        {form.sort ? <input type="hidden" name="sort" value={form.sort} /> : null}
        {form.order ? <input type="hidden" name="order" value={form.order} /> : null}
        <div class="col-auto">
          <button type="submit" class="btn btn-primary">
            {t('analytics.questions.apply')}
          </button>
        </div>
      </form>
      <p class="small text-body-secondary">{t('analytics.questions.flagsExplained')}</p>
      {result && names ? (
        <>
          <p>{t('analytics.questions.count', { count: result.total })}</p>
          <div class="table-responsive">
            <table class="table table-sm align-middle" id="question-stats">
              <caption class="visually-hidden">{t('analytics.questions.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('analytics.questions.question')}</th>
                  <th scope="col">{t('analytics.questions.module')}</th>
                  {sortHeader('answered', t('analytics.questions.answered'))}
                  {sortHeader('pValue', t('analytics.questions.pValue'))}
                  {sortHeader('discrimination', t('analytics.questions.discrimination'))}
                  <th scope="col">{t('analytics.questions.options')}</th>
                  {sortHeader('flags', t('analytics.questions.flags'))}
                </tr>
              </thead>
              <tbody>
                {result.items.map((item) => (
                  <tr data-question-id={item.questionId}>
                    <td>
                      <a href={`/admin/questions/${item.questionId}`}>
                        {item.text.length > 120 ? `${item.text.slice(0, 119)}…` : item.text}
                      </a>
                      {item.status === 'retired' ? (
                        <span class="badge text-bg-secondary ms-1">{t('analytics.questions.retired')}</span>
                      ) : null}
                      {item.stageId ? (
                        <span class="small text-body-secondary ms-1">
                          {t('analytics.questions.stage', { position: names.stages.get(item.stageId) ?? '?' })}
                        </span>
                      ) : null}
                    </td>
                    <td>{names.modules.get(item.moduleId) ?? ''}</td>
                    <td>{formatNumber(locale, item.answered, 0)}</td>
                    <td>{number(item.pValue)}</td>
                    <td>{number(item.discrimination)}</td>
                    <td>
                      <OptionSparkline
                        counts={item.optionCounts}
                        label={t('analytics.questions.optionCounts', {
                          counts: item.optionCounts.map((count, index) => `${index + 1}: ${count}`).join(', '),
                        })}
                      />
                    </td>
                    <td>
                      {item.flags.map((flag) => (
                        <span class={`badge ${FLAG_BADGE[flag]} me-1`}>{t(`analytics.flag.${flag}`)}</span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination ctx={ctx} path="/admin/analytics/questions" filters={filters} paging={props.paging} />
        </>
      ) : null}
    </AnalyticsLayout>
  );
}
