import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import type { QuestionView } from '../../application/contract.ts';
import type { TrackOutline } from '../../application/track-directory.ts';
import { BankLayout, stageLabel } from './bank-layout.tsx';
import { ErrorSummary } from '../../../../shared/http/views/form-fields.tsx';
import { DateTime } from '../../../../shared/http/views/date-time.tsx';
import { QuestionPreview } from './question-preview.tsx';

/** Where a question stands (status, dates, what it replaced) and what can be done with it. */
export function QuestionMeta(props: { ctx: PageContext; question: QuestionView; outline: TrackOutline }) {
  const { ctx, question } = props;
  const { t } = ctx;
  return (
    <div class="d-flex flex-wrap justify-content-between align-items-start gap-3 mb-3">
      <dl class="row small mb-0 flex-grow-1">
        <dt class="col-sm-3">{t('questionsAdmin.field.track')}</dt>
        <dd class="col-sm-9">{props.outline.title}</dd>
        <dt class="col-sm-3">{t('questionsAdmin.field.status')}</dt>
        <dd class="col-sm-9">
          {t(`questionsAdmin.status.${question.status}`)}
          {question.retiredAt ? (
            <>
              {' · '}
              <DateTime ctx={ctx} date={question.retiredAt} />
            </>
          ) : null}
        </dd>
        <dt class="col-sm-3">{t('questionsAdmin.meta.created')}</dt>
        <dd class="col-sm-9">
          <DateTime ctx={ctx} date={question.createdAt} />
        </dd>
        <dt class="col-sm-3">{t('questionsAdmin.meta.used')}</dt>
        <dd class="col-sm-9">
          {question.usedAt ? <DateTime ctx={ctx} date={question.usedAt} /> : t('questionsAdmin.meta.neverUsed')}
        </dd>
        {question.replacesId ? (
          <>
            <dt class="col-sm-3">{t('questionsAdmin.meta.replaces')}</dt>
            <dd class="col-sm-9">
              <a href={`/admin/questions/${question.replacesId}`}>{t('questionsAdmin.meta.previousVersion')}</a>
            </dd>
          </>
        ) : null}
      </dl>
      <div class="d-flex flex-wrap gap-2">
        {question.status === 'active' ? (
          <a class="btn btn-outline-warning" href={`/admin/questions/${question.id}/retire`}>
            {t('questionsAdmin.retire.button')}
          </a>
        ) : null}
        {question.usedAt === null ? (
          <a class="btn btn-outline-danger" href={`/admin/questions/${question.id}/delete`}>
            {t('questionsAdmin.delete.button')}
          </a>
        ) : null}
      </div>
    </div>
  );
}

/** A retired question: read-only (it can no longer be edited, only looked at or deleted when unused). */
export function QuestionDetailsPage(props: {
  ctx: PageContext;
  question: QuestionView;
  outline: TrackOutline;
  message?: string | undefined;
}) {
  const { ctx, question, outline } = props;
  const { t } = ctx;
  const module = outline.modules.find((m) => m.id === question.moduleId);
  const stage = outline.stages.find((s) => s.id === question.stageId) ?? null;
  return (
    <BankLayout ctx={ctx} title={question.name ?? t('questionsAdmin.details.title')}>
      <ErrorSummary ctx={ctx} message={props.message} />
      <div class="alert alert-secondary" role="note">
        {t('questionsAdmin.details.retiredNote')}
      </div>
      <QuestionMeta ctx={ctx} question={question} outline={outline} />
      <dl class="row small">
        <dt class="col-sm-3">{t('questionsAdmin.field.module')}</dt>
        <dd class="col-sm-9">{module?.title ?? question.moduleId}</dd>
        <dt class="col-sm-3">{t('questionsAdmin.field.stage')}</dt>
        <dd class="col-sm-9">{stageLabel(ctx, stage)}</dd>
        <dt class="col-sm-3">{t('questionsAdmin.field.kind')}</dt>
        <dd class="col-sm-9">{t(`questionsAdmin.kind.${question.kind}`)}</dd>
      </dl>
      <QuestionPreview
        ctx={ctx}
        content={{
          text: question.text,
          options: question.options.map((text, index) => ({ text, correct: question.correct.includes(index) })),
          explanation: question.explanation,
        }}
      />
      <a href={`/admin/questions?trackId=${outline.id}`}>{t('questionsAdmin.details.back')}</a>
    </BankLayout>
  );
}
