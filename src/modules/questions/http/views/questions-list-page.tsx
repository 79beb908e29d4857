import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import type { QuestionStatus, QuestionView } from '../../application/contract.ts';
import type { TrackOutline } from '../../application/track-directory.ts';
import type { QuestionKind } from '../../domain/formats/parsed-question.ts';
import {
  BankLayout,
  excerpt,
  moduleChoices,
  stageChoices,
  stageLabel,
  type TrackChoice,
  TrackField,
} from './bank-layout.tsx';
import { SelectField, TextField } from '../../../../shared/http/views/form-fields.tsx';
import { DateTime } from '../../../../shared/http/views/date-time.tsx';
import { Pagination, type Paging } from '../../../../shared/http/views/pagination.tsx';

export const QUESTION_KINDS: readonly QuestionKind[] = ['single', 'multiple'];
export const QUESTION_STATUSES: readonly QuestionStatus[] = ['active', 'retired'];

/** The list's filters as the reader typed them (the query string). */
export type ListFilterForm = {
  trackId?: string | undefined;
  moduleId?: string | undefined;
  stageId?: string | undefined;
  status?: QuestionStatus | undefined;
  kind?: QuestionKind | undefined;
  q?: string | undefined;
};

export function QuestionsListPage(props: {
  ctx: PageContext;
  filter: ListFilterForm;
  trackError: string | undefined;
  /** The chosen track, whose modules and stages the filter offers. */
  outline: TrackOutline | undefined;
  tracks: readonly TrackChoice[] | undefined;
  items: readonly QuestionView[];
  /** The tracks of the listed questions, for their module and stage names. */
  outlines: ReadonlyMap<string, TrackOutline>;
  paging: Paging;
}) {
  const { ctx, filter, outline } = props;
  const { t } = ctx;
  const any = t('questionsAdmin.filter.any');
  const trackQuery = outline ? `?trackId=${outline.id}` : '';
  return (
    <BankLayout ctx={ctx} title={t('questionsAdmin.list.title')}>
      <div class="d-flex flex-wrap gap-2 mb-4">
        <a class="btn btn-primary" href={`/admin/questions/new${trackQuery}`}>
          {t('questionsAdmin.list.create')}
        </a>
        <a class="btn btn-outline-secondary" href={`/admin/questions/import${trackQuery}`}>
          {t('questionsAdmin.list.import')}
        </a>
        {outline ? (
          <a class="btn btn-outline-secondary" href={`/admin/questions/export?trackId=${outline.id}`} download>
            {t('questionsAdmin.list.export')}
          </a>
        ) : null}
      </div>

      <form method="get" action="/admin/questions" role="search" class="row g-2 align-items-start mb-2">
        <div class="col-md-4">
          <TrackField
            ctx={ctx}
            id="filter-track"
            value={filter.trackId}
            tracks={props.tracks}
            error={props.trackError}
            empty={any}
          />
        </div>
        <div class="col-md-4">
          {outline ? (
            <SelectField
              id="filter-module"
              name="moduleId"
              label={t('questionsAdmin.field.module')}
              value={filter.moduleId}
              options={moduleChoices(outline)}
              empty={any}
            />
          ) : null}
        </div>
        <div class="col-md-4">
          {outline ? (
            <SelectField
              id="filter-stage"
              name="stageId"
              label={t('questionsAdmin.field.stage')}
              value={filter.stageId}
              options={stageChoices(ctx, outline)}
              empty={any}
            />
          ) : null}
        </div>
        <div class="col-md-4">
          <TextField
            id="filter-q"
            name="q"
            type="search"
            label={t('questionsAdmin.filter.search')}
            value={filter.q}
            maxLength={200}
          />
        </div>
        <div class="col-md-2">
          <SelectField
            id="filter-kind"
            name="kind"
            label={t('questionsAdmin.field.kind')}
            value={filter.kind}
            empty={any}
            options={QUESTION_KINDS.map((kind) => ({ value: kind, label: t(`questionsAdmin.kind.${kind}`) }))}
          />
        </div>
        <div class="col-md-2">
          <SelectField
            id="filter-status"
            name="status"
            label={t('questionsAdmin.field.status')}
            value={filter.status}
            empty={any}
            options={QUESTION_STATUSES.map((status) => ({
              value: status,
              label: t(`questionsAdmin.status.${status}`),
            }))}
          />
        </div>
        <div class="col-md-4 d-flex gap-2 align-self-end mb-3">
          <button type="submit" class="btn btn-primary">
            {t('questionsAdmin.filter.apply')}
          </button>
          <a class="btn btn-outline-secondary" href="/admin/questions">
            {t('questionsAdmin.filter.reset')}
          </a>
        </div>
        {!outline ? <p class="form-text mt-0">{t('questionsAdmin.filter.trackFirst')}</p> : null}
      </form>

      {props.items.length === 0 ? (
        <div class="alert alert-secondary" role="status">
          {t(
            props.paging.total === 0 && !hasFilters(filter)
              ? 'questionsAdmin.list.emptyBank'
              : 'questionsAdmin.list.empty',
          )}
        </div>
      ) : (
        <QuestionsTable
          ctx={ctx}
          items={props.items}
          outlines={props.outlines}
          showTrack={!outline}
          total={props.paging.total}
        />
      )}
      <Pagination ctx={ctx} path="/admin/questions" filters={filter} paging={props.paging} />
    </BankLayout>
  );
}

function hasFilters(filter: ListFilterForm): boolean {
  return Object.values(filter).some((value) => value !== undefined && value !== '');
}

function QuestionsTable(props: {
  ctx: PageContext;
  items: readonly QuestionView[];
  outlines: ReadonlyMap<string, TrackOutline>;
  showTrack: boolean;
  total: number;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <div class="table-responsive">
      <table class="table align-middle">
        <caption>{t('questionsAdmin.list.caption', { total: props.total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('questionsAdmin.field.text')}</th>
            {props.showTrack ? <th scope="col">{t('questionsAdmin.field.track')}</th> : null}
            <th scope="col">{t('questionsAdmin.field.module')}</th>
            <th scope="col">{t('questionsAdmin.field.stage')}</th>
            <th scope="col">{t('questionsAdmin.field.kind')}</th>
            <th scope="col">{t('questionsAdmin.list.optionCount')}</th>
            <th scope="col">{t('questionsAdmin.field.status')}</th>
            <th scope="col">{t('questionsAdmin.list.createdAt')}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((question) => {
            const outline = props.outlines.get(question.trackId);
            const module = outline?.modules.find((m) => m.id === question.moduleId);
            const stage = question.stageId ? outline?.stages.find((s) => s.id === question.stageId) : null;
            return (
              <tr>
                <th scope="row" class="fw-normal text-break">
                  <a href={`/admin/questions/${question.id}`}>
                    {question.name ? <strong class="me-1">{question.name}:</strong> : null}
                    {excerpt(question.text) || t('questionsAdmin.list.noText')}
                  </a>
                </th>
                {props.showTrack ? <td>{outline?.title ?? question.trackId}</td> : null}
                <td>{module?.title ?? question.moduleId}</td>
                <td>{stage === undefined ? question.stageId : stageLabel(ctx, stage)}</td>
                <td>{t(`questionsAdmin.kind.${question.kind}`)}</td>
                <td>{question.options.length}</td>
                <td>
                  <span class={`badge ${question.status === 'active' ? 'text-bg-success' : 'text-bg-secondary'}`}>
                    {t(`questionsAdmin.status.${question.status}`)}
                  </span>
                </td>
                <td class="text-nowrap">
                  <DateTime ctx={ctx} date={question.createdAt} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
