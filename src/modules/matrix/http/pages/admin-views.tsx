import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import { Layout } from '../../../../shared/http/views/layout.tsx';
import { ActionForm, CsrfInput, ErrorSummary } from '../../../../shared/http/views/form-fields.tsx';
import type { FormBody } from '../../../../shared/http/page-forms.ts';
import type { ItemView } from '../../application/ports.ts';
import type { SheetTree } from '../../application/sheets-query.ts';
import { formatResourceLines } from '../../domain/rules.ts';
import type { ImportReportView, PageProblem } from './admin-types.ts';

type ModuleOption = Readonly<{ id: string; trackTitle: string; title: string }>;

function Field(props: {
  id: string;
  label: string;
  name: string;
  value?: string;
  required?: boolean;
  maxLength?: number;
}) {
  return (
    <div class="mb-2">
      <label class="form-label" for={props.id}>
        {props.label}
      </label>
      <input
        class="form-control"
        id={props.id}
        name={props.name}
        value={props.value ?? ''}
        required={props.required}
        maxLength={props.maxLength}
      />
    </div>
  );
}

function MoveButtons(props: { ctx: PageContext; action: string; label: string }) {
  const { ctx } = props;
  return (
    <>
      <ActionForm ctx={ctx} action={props.action} fields={{ direction: 'up' }}>
        <button
          class="btn btn-sm btn-outline-secondary"
          type="submit"
          aria-label={`${ctx.t('matrix.admin.up')}: ${props.label}`}
        >
          ↑
        </button>
      </ActionForm>{' '}
      <ActionForm ctx={ctx} action={props.action} fields={{ direction: 'down' }}>
        <button
          class="btn btn-sm btn-outline-secondary"
          type="submit"
          aria-label={`${ctx.t('matrix.admin.down')}: ${props.label}`}
        >
          ↓
        </button>
      </ActionForm>
    </>
  );
}

function DeleteForm(props: { ctx: PageContext; action: string; label: string; id: string }) {
  const { ctx } = props;
  return (
    <ActionForm ctx={ctx} action={props.action} class="d-inline-flex gap-1 align-items-center">
      <input class="form-check-input" type="checkbox" name="confirm" value="yes" id={`confirm-${props.id}`} required />
      <label class="form-check-label small" for={`confirm-${props.id}`}>
        {ctx.t('matrix.admin.confirm')}
      </label>
      <button
        class="btn btn-sm btn-outline-danger"
        type="submit"
        aria-label={`${ctx.t('matrix.admin.delete')}: ${props.label}`}
      >
        {ctx.t('matrix.admin.delete')}
      </button>
    </ActionForm>
  );
}

function RenameForm(props: { ctx: PageContext; action: string; id: string; title: string; slug?: string }) {
  const { ctx } = props;
  return (
    <form method="post" action={props.action} class="d-inline-flex gap-1 align-items-center">
      <CsrfInput ctx={ctx} />
      {props.slug !== undefined ? (
        <>
          <label class="visually-hidden" for={`slug-${props.id}`}>
            {ctx.t('matrix.admin.slug')}
          </label>
          <input
            class="form-control form-control-sm"
            id={`slug-${props.id}`}
            name="slug"
            value={props.slug}
            size={10}
          />
        </>
      ) : null}
      <label class="visually-hidden" for={`title-${props.id}`}>
        {ctx.t('matrix.admin.titleField')}
      </label>
      <input class="form-control form-control-sm" id={`title-${props.id}`} name="title" value={props.title} />
      <button class="btn btn-sm btn-outline-primary" type="submit">
        {ctx.t('matrix.admin.rename')}
      </button>
    </form>
  );
}

export function AdminSheetsPage(props: {
  ctx: PageContext;
  sheets: readonly SheetTree[];
  problem?: PageProblem;
  values?: FormBody;
}) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.t('matrix.admin.title')}>
      <h1>{ctx.t('matrix.admin.title')}</h1>
      <ErrorSummary ctx={ctx} message={props.problem?.message} />
      <ul>
        {props.sheets.map((sheet) => (
          <li>
            <a href={`/admin/matrix/sheets/${sheet.id}`}>{sheet.title}</a> <code>{sheet.slug}</code>
          </li>
        ))}
      </ul>
      <h2 class="h4">{ctx.t('matrix.admin.newSheet')}</h2>
      <form method="post" action="/admin/matrix" class="mb-4" style="max-width: 40rem">
        <CsrfInput ctx={ctx} />
        <Field
          id="sheet-slug"
          label={ctx.t('matrix.admin.slug')}
          name="slug"
          value={props.values?.slug}
          required
          maxLength={80}
        />
        <Field
          id="sheet-title"
          label={ctx.t('matrix.admin.titleField')}
          name="title"
          value={props.values?.title}
          required
          maxLength={200}
        />
        <div class="mb-2">
          <label class="form-label" for="sheet-description">
            {ctx.t('matrix.admin.description')}
          </label>
          <textarea class="form-control" id="sheet-description" name="description" rows={2}>
            {props.values?.description ?? ''}
          </textarea>
        </div>
        <button class="btn btn-primary" type="submit">
          {ctx.t('matrix.admin.create')}
        </button>
      </form>
    </Layout>
  );
}

function ItemFields(props: {
  ctx: PageContext;
  prefix: string;
  sheet: SheetTree;
  modules: readonly ModuleOption[];
  values: {
    question?: string;
    answer?: string;
    resources?: string;
    gradeId?: string;
    status?: string;
    moduleId?: string;
  };
}) {
  const { ctx, prefix, values } = props;
  return (
    <>
      <div class="mb-2">
        <label class="form-label" for={`${prefix}-question`}>
          {ctx.t('matrix.admin.question')}
        </label>
        <input
          class="form-control"
          id={`${prefix}-question`}
          name="question"
          value={values.question ?? ''}
          required
          maxLength={1000}
        />
      </div>
      <div class="mb-2">
        <label class="form-label" for={`${prefix}-answer`}>
          {ctx.t('matrix.admin.answer')}
        </label>
        <textarea class="form-control font-monospace" id={`${prefix}-answer`} name="answer" rows={5}>
          {values.answer ?? ''}
        </textarea>
      </div>
      <div class="mb-2">
        <label class="form-label" for={`${prefix}-resources`}>
          {ctx.t('matrix.admin.resources')}
        </label>
        <textarea
          class="form-control font-monospace"
          id={`${prefix}-resources`}
          name="resources"
          rows={3}
          placeholder="Title | https://…"
        >
          {values.resources ?? ''}
        </textarea>
      </div>
      <div class="row g-2 mb-2">
        <div class="col-sm-4">
          <label class="form-label" for={`${prefix}-grade`}>
            {ctx.t('matrix.grade')}
          </label>
          <select class="form-select" id={`${prefix}-grade`} name="gradeId" required>
            {props.sheet.grades.map((g) => (
              <option value={g.id} selected={g.id === values.gradeId}>
                {g.title}
              </option>
            ))}
          </select>
        </div>
        <div class="col-sm-3">
          <label class="form-label" for={`${prefix}-status`}>
            {ctx.t('matrix.admin.status')}
          </label>
          <select class="form-select" id={`${prefix}-status`} name="status">
            <option value="published" selected={values.status !== 'draft'}>
              {ctx.t('matrix.admin.published')}
            </option>
            <option value="draft" selected={values.status === 'draft'}>
              {ctx.t('matrix.draft')}
            </option>
          </select>
        </div>
        <div class="col-sm-5">
          <label class="form-label" for={`${prefix}-module`}>
            {ctx.t('matrix.module')}
          </label>
          <select class="form-select" id={`${prefix}-module`} name="moduleId">
            <option value="">—</option>
            {props.modules.map((m) => (
              <option value={m.id} selected={m.id === values.moduleId}>
                {m.trackTitle} — {m.title}
              </option>
            ))}
          </select>
        </div>
      </div>
    </>
  );
}

export function AdminSheetPage(props: {
  ctx: PageContext;
  sheet: SheetTree;
  items: readonly ItemView[];
  modules: readonly ModuleOption[];
  problem?: PageProblem | undefined;
  report?: ImportReportView | undefined;
}) {
  const { ctx, sheet } = props;
  const base = `/admin/matrix/sheets/${sheet.id}`;
  return (
    <Layout ctx={ctx} title={sheet.title}>
      <p>
        <a href="/admin/matrix">{ctx.t('matrix.admin.title')}</a>
      </p>
      <h1>{sheet.title}</h1>
      <ErrorSummary ctx={ctx} message={props.problem?.message} />
      {props.report ? (
        <section class="alert alert-secondary" aria-labelledby="import-report">
          <h2 class="h5" id="import-report">
            {props.report.dryRun ? ctx.t('matrix.admin.preview') : ctx.t('matrix.admin.importReport')}
          </h2>
          <p>{ctx.t('matrix.admin.accepted', { count: props.report.accepted })}</p>
          {props.report.messages.length > 0 ? (
            <ul>
              {props.report.messages.map((message) => (
                <li>{message}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}

      <h2 class="h4 mt-4">{ctx.t('matrix.admin.sheet')}</h2>
      <form method="post" action={base} class="mb-2" style="max-width: 40rem">
        <CsrfInput ctx={ctx} />
        <Field id="edit-slug" label={ctx.t('matrix.admin.slug')} name="slug" value={sheet.slug} required />
        <Field id="edit-title" label={ctx.t('matrix.admin.titleField')} name="title" value={sheet.title} required />
        <div class="mb-2">
          <label class="form-label" for="edit-description">
            {ctx.t('matrix.admin.description')}
          </label>
          <textarea class="form-control" id="edit-description" name="description" rows={2}>
            {sheet.description}
          </textarea>
        </div>
        <button class="btn btn-primary" type="submit">
          {ctx.t('matrix.admin.save')}
        </button>
      </form>
      <DeleteForm ctx={ctx} action={`${base}/delete`} label={sheet.title} id={sheet.id} />

      <h2 class="h4 mt-4">{ctx.t('matrix.admin.grades')}</h2>
      <ul class="list-unstyled">
        {sheet.grades.map((g) => (
          <li class="mb-1 d-flex flex-wrap gap-2 align-items-center">
            <RenameForm ctx={ctx} action={`/admin/matrix/grades/${g.id}`} id={g.id} title={g.title} slug={g.slug} />
            <MoveButtons ctx={ctx} action={`/admin/matrix/grades/${g.id}`} label={g.title} />
            <DeleteForm ctx={ctx} action={`/admin/matrix/grades/${g.id}/delete`} label={g.title} id={g.id} />
          </li>
        ))}
      </ul>
      <form method="post" action={`${base}/grades`} class="d-flex gap-2 align-items-end mb-4">
        <CsrfInput ctx={ctx} />
        <Field id="grade-slug" label={ctx.t('matrix.admin.slug')} name="slug" required />
        <Field id="grade-title" label={ctx.t('matrix.admin.titleField')} name="title" required />
        <button class="btn btn-outline-primary mb-2" type="submit">
          {ctx.t('matrix.admin.addGrade')}
        </button>
      </form>

      <h2 class="h4 mt-4">{ctx.t('matrix.admin.sections')}</h2>
      {sheet.sections.map((section) => (
        <section class="border rounded p-3 mb-3">
          <h3 class="h5">{section.title}</h3>
          <div class="d-flex flex-wrap gap-2 mb-2">
            <RenameForm
              ctx={ctx}
              action={`/admin/matrix/sections/${section.id}`}
              id={section.id}
              title={section.title}
            />
            <MoveButtons ctx={ctx} action={`/admin/matrix/sections/${section.id}`} label={section.title} />
            <DeleteForm
              ctx={ctx}
              action={`/admin/matrix/sections/${section.id}/delete`}
              label={section.title}
              id={section.id}
            />
          </div>
          {section.subsections.map((sub) => (
            <div class="border-start ps-3 mb-3">
              <h4 class="h6">{sub.title}</h4>
              <div class="d-flex flex-wrap gap-2 mb-2">
                <RenameForm ctx={ctx} action={`/admin/matrix/subsections/${sub.id}`} id={sub.id} title={sub.title} />
                <MoveButtons ctx={ctx} action={`/admin/matrix/subsections/${sub.id}`} label={sub.title} />
                <DeleteForm
                  ctx={ctx}
                  action={`/admin/matrix/subsections/${sub.id}/delete`}
                  label={sub.title}
                  id={sub.id}
                />
              </div>
              <ol>
                {props.items
                  .filter((item) => item.subsectionId === sub.id)
                  .map((item) => (
                    <li class="mb-1">
                      <a href={`/admin/matrix/items/${item.id}`}>{item.question}</a>{' '}
                      <span class="badge text-bg-info">{item.gradeTitle}</span>{' '}
                      {item.status === 'draft' ? (
                        <span class="badge text-bg-warning">{ctx.t('matrix.draft')}</span>
                      ) : null}{' '}
                      <MoveButtons ctx={ctx} action={`/admin/matrix/items/${item.id}`} label={item.question} />{' '}
                      <DeleteForm
                        ctx={ctx}
                        action={`/admin/matrix/items/${item.id}/delete`}
                        label={item.question}
                        id={item.id}
                      />
                    </li>
                  ))}
              </ol>
              <details>
                <summary>{ctx.t('matrix.admin.addItem')}</summary>
                <form method="post" action={`/admin/matrix/subsections/${sub.id}/items`} class="mt-2">
                  <CsrfInput ctx={ctx} />
                  <ItemFields ctx={ctx} prefix={`new-${sub.id}`} sheet={sheet} modules={props.modules} values={{}} />
                  <button class="btn btn-primary" type="submit">
                    {ctx.t('matrix.admin.addItem')}
                  </button>
                </form>
              </details>
            </div>
          ))}
          <form
            method="post"
            action={`/admin/matrix/sections/${section.id}/subsections`}
            class="d-flex gap-2 align-items-end"
          >
            <CsrfInput ctx={ctx} />
            <Field id={`sub-title-${section.id}`} label={ctx.t('matrix.admin.newSubsection')} name="title" required />
            <button class="btn btn-outline-primary mb-2" type="submit">
              {ctx.t('matrix.admin.add')}
            </button>
          </form>
        </section>
      ))}
      <form method="post" action={`${base}/sections`} class="d-flex gap-2 align-items-end mb-4">
        <CsrfInput ctx={ctx} />
        <Field id="section-title" label={ctx.t('matrix.admin.newSection')} name="title" required />
        <button class="btn btn-outline-primary mb-2" type="submit">
          {ctx.t('matrix.admin.add')}
        </button>
      </form>

      <h2 class="h4 mt-4">{ctx.t('matrix.admin.csv')}</h2>
      <p>
        <a href={`${base}/export.csv`} download>
          {ctx.t('matrix.admin.export')}
        </a>
      </p>
      <form method="post" action={`${base}/import`} enctype="multipart/form-data" style="max-width: 40rem">
        <CsrfInput ctx={ctx} />
        <div class="mb-2">
          <label class="form-label" for="import-file">
            {ctx.t('matrix.admin.importFile')}
          </label>
          <input class="form-control" type="file" id="import-file" name="file" accept=".csv,text/csv" required />
        </div>
        <div class="form-check mb-2">
          <input class="form-check-input" type="checkbox" id="import-dry" name="dryRun" value="yes" />
          <label class="form-check-label" for="import-dry">
            {ctx.t('matrix.admin.dryRun')}
          </label>
        </div>
        <button class="btn btn-primary" type="submit">
          {ctx.t('matrix.admin.import')}
        </button>
      </form>
    </Layout>
  );
}

export function ItemEditPage(props: {
  ctx: PageContext;
  sheet: SheetTree;
  item: ItemView;
  modules: readonly ModuleOption[];
  problem?: PageProblem;
  values?: FormBody;
}) {
  const { ctx, item } = props;
  const values = props.values ?? {
    question: item.question,
    answer: item.answer,
    resources: formatResourceLines(item.resources),
    gradeId: item.gradeId,
    status: item.status,
    moduleId: item.moduleId ?? '',
  };
  return (
    <Layout ctx={ctx} title={item.question}>
      <p>
        <a href={`/admin/matrix/sheets/${props.sheet.id}`}>{props.sheet.title}</a>
      </p>
      <h1 class="h3">{ctx.t('matrix.admin.editItem')}</h1>
      <ErrorSummary ctx={ctx} message={props.problem?.message} />
      <form method="post" action={`/admin/matrix/items/${item.id}`}>
        <CsrfInput ctx={ctx} />
        <ItemFields
          ctx={ctx}
          prefix="item"
          sheet={props.sheet}
          modules={props.modules}
          values={{
            question: values.question ?? '',
            answer: values.answer ?? '',
            resources: values.resources ?? '',
            gradeId: values.gradeId ?? '',
            status: values.status ?? '',
            moduleId: values.moduleId ?? '',
          }}
        />
        <button class="btn btn-primary" type="submit">
          {ctx.t('matrix.admin.save')}
        </button>
      </form>
      <p class="mt-3">
        <a href={`/matrix/items/${item.id}`}>{ctx.t('matrix.permalink')}</a>
      </p>
    </Layout>
  );
}
