import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import type { ImportFormat, ImportReport } from '../../application/contract.ts';
import type { TrackOutline } from '../../application/track-directory.ts';
import { rejectionMessage } from '../rejection-message.ts';
import { BankLayout, excerpt, stageLabel } from './bank-layout.tsx';
import { CsrfInput } from '../../../../shared/http/views/form-fields.tsx';
import { ACCEPTED_FILES } from './import-page.tsx';

/** The file of a preview, carried in the "Import these" form so it need not be chosen again. */
export type CarriedFile = Readonly<{ base64: string; bytes: number; fileName: string }>;

export function ImportResultPage(props: {
  ctx: PageContext;
  outline: TrackOutline;
  report: ImportReport;
  fileName: string;
  format: ImportFormat;
  options: Readonly<{ moduleId: string; stageId: string; partial: boolean }>;
  /** Absent when the file is too big to carry: the form then asks for it again. */
  carried: CarriedFile | undefined;
}) {
  const { ctx, report, outline } = props;
  const { t } = ctx;
  // In a dry run without partial import, `imported` is 0 when lines are rejected: count the valid ones.
  const counts = {
    imported: report.imported,
    valid: report.questions.length,
    rejected: report.rejected.length,
    file: props.fileName,
  };
  return (
    <BankLayout
      ctx={ctx}
      title={t(report.dryRun ? 'questionsAdmin.import.previewTitle' : 'questionsAdmin.import.resultTitle')}
    >
      {report.dryRun ? (
        <div class="alert alert-info" role="status">
          {t('questionsAdmin.import.summary.dryRun', counts)}
          {report.rejected.length > 0 && !props.options.partial
            ? ` ${t('questionsAdmin.import.summary.allOrNothing')}`
            : ''}
        </div>
      ) : report.stored ? (
        <div class="alert alert-success" role="status">
          {t('questionsAdmin.import.summary.stored', counts)}
        </div>
      ) : (
        <div class="alert alert-danger" role="alert">
          {t('questionsAdmin.import.summary.nothingStored', counts)}
        </div>
      )}
      {report.dryRun && report.questions.length > 0 ? <ImportTheseForm {...props} /> : null}
      <p class="d-flex flex-wrap gap-3">
        <a href={`/admin/questions/import?trackId=${outline.id}`}>{t('questionsAdmin.import.again')}</a>
        <a href={`/admin/questions?trackId=${outline.id}`}>{t('questionsAdmin.import.toQuestions')}</a>
      </p>
      {report.rejected.length > 0 ? <RejectedTable ctx={ctx} rejected={report.rejected} /> : null}
      {report.questions.length > 0 ? <QuestionsTable ctx={ctx} report={report} /> : null}
    </BankLayout>
  );
}

function ImportTheseForm(props: Parameters<typeof ImportResultPage>[0]) {
  const { ctx, report, outline, options, carried } = props;
  const { t } = ctx;
  // Rejections and no partial import would store nothing: "import these" means the valid ones.
  const partial = options.partial || report.rejected.length > 0;
  return (
    <form
      method="post"
      action={`/admin/questions/import?trackId=${outline.id}`}
      enctype="multipart/form-data"
      class="card card-body mb-4"
    >
      <CsrfInput ctx={ctx} />
      <input type="hidden" name="action" value="import" />
      <input type="hidden" name="trackId" value={outline.id} />
      <input type="hidden" name="format" value={props.format} />
      <input type="hidden" name="moduleId" value={options.moduleId} />
      <input type="hidden" name="stageId" value={options.stageId} />
      {partial ? <input type="hidden" name="partial" value="on" /> : null}
      {carried ? (
        <>
          <input type="hidden" name="content" value={carried.base64} />
          <input type="hidden" name="contentBytes" value={String(carried.bytes)} />
          <input type="hidden" name="fileName" value={carried.fileName} />
        </>
      ) : (
        <div class="mb-3">
          <label class="form-label" for="field-file-again">
            {t('questionsAdmin.import.fileAgain', { file: props.fileName })}
          </label>
          <input id="field-file-again" name="file" type="file" accept={ACCEPTED_FILES} class="form-control" required />
        </div>
      )}
      <div>
        <button type="submit" class="btn btn-primary">
          {report.rejected.length > 0
            ? t('questionsAdmin.import.importValid', { count: report.questions.length })
            : t('questionsAdmin.import.importThese', { count: report.questions.length })}
        </button>
      </div>
    </form>
  );
}

function RejectedTable(props: { ctx: PageContext; rejected: ImportReport['rejected'] }) {
  const { t } = props.ctx;
  return (
    <div class="table-responsive">
      <table class="table table-sm align-middle">
        <caption>{t('questionsAdmin.import.rejectedCaption', { count: props.rejected.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('questionsAdmin.import.line')}</th>
            <th scope="col">{t('questionsAdmin.import.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rejected.map((rejection) => (
            <tr>
              <th scope="row">{rejection.line}</th>
              <td>{rejectionMessage(props.ctx.t, rejection.reason)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function QuestionsTable(props: { ctx: PageContext; report: ImportReport }) {
  const { ctx, report } = props;
  const { t } = ctx;
  const caption = report.stored ? 'questionsAdmin.import.storedCaption' : 'questionsAdmin.import.questionsCaption';
  return (
    <div class="table-responsive">
      <table class="table table-sm align-middle">
        <caption>{t(caption, { count: report.questions.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('questionsAdmin.import.line')}</th>
            <th scope="col">{t('questionsAdmin.field.text')}</th>
            <th scope="col">{t('questionsAdmin.field.module')}</th>
            <th scope="col">{t('questionsAdmin.field.stage')}</th>
            <th scope="col">{t('questionsAdmin.field.kind')}</th>
          </tr>
        </thead>
        <tbody>
          {report.questions.map((question) => {
            const text = `${question.name ? `${question.name}: ` : ''}${excerpt(question.text)}`;
            return (
              <tr>
                <th scope="row">{question.line}</th>
                <td class="text-break">
                  {question.id && report.stored ? <a href={`/admin/questions/${question.id}`}>{text}</a> : text}
                </td>
                <td>{question.module.title}</td>
                <td>{stageLabel(ctx, question.stage)}</td>
                <td>{t(`questionsAdmin.kind.${question.kind}`)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
