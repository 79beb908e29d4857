import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import type { QuestionView } from '../../application/contract.ts';
import { BankLayout, excerpt, type TrackChoice, TrackField } from './bank-layout.tsx';
import { CsrfInput, ErrorSummary } from '../../../../shared/http/views/form-fields.tsx';

/** The second step of retiring or deleting a question (works without JavaScript). */
export function ConfirmPage(props: {
  ctx: PageContext;
  question: QuestionView;
  action: 'retire' | 'delete';
  /** Why the action failed (e.g. a used question cannot be deleted). */
  message?: string | undefined;
}) {
  const { ctx, question, action } = props;
  const { t } = ctx;
  const retire = action === 'retire';
  return (
    <BankLayout ctx={ctx} title={t(retire ? 'questionsAdmin.retire.title' : 'questionsAdmin.delete.title')}>
      <ErrorSummary ctx={ctx} message={props.message}>
        {!retire && question.status === 'active' ? (
          <a href={`/admin/questions/${question.id}/retire`}>{t('questionsAdmin.delete.retireInstead')}</a>
        ) : null}
      </ErrorSummary>
      <blockquote class="border-start border-3 ps-3 mb-3">{excerpt(question.text, 300)}</blockquote>
      <p>{t(retire ? 'questionsAdmin.retire.text' : 'questionsAdmin.delete.text')}</p>
      <form method="post" action={`/admin/questions/${question.id}/${action}`} class="d-flex flex-wrap gap-2">
        <CsrfInput ctx={ctx} />
        <button type="submit" class={`btn ${retire ? 'btn-warning' : 'btn-danger'}`}>
          {t(retire ? 'questionsAdmin.retire.confirm' : 'questionsAdmin.delete.confirm')}
        </button>
        <a class="btn btn-link" href={`/admin/questions/${question.id}`}>
          {t('questionsAdmin.form.cancel')}
        </a>
      </form>
    </BankLayout>
  );
}

/** A track must be chosen before a question (or an import) can have modules and stages. */
export function ChooseTrackPage(props: {
  ctx: PageContext;
  title: string;
  /** The page that continues with `?trackId=`. */
  action: string;
  value: string | undefined;
  error: string | undefined;
  tracks: readonly TrackChoice[] | undefined;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <BankLayout ctx={ctx} title={props.title}>
      <form method="get" action={props.action} class="col-md-6">
        <TrackField ctx={ctx} id="field-track" value={props.value} tracks={props.tracks} error={props.error} />
        <button type="submit" class="btn btn-primary">
          {t('questionsAdmin.form.continue')}
        </button>
      </form>
    </BankLayout>
  );
}
