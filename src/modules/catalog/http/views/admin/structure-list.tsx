import type { PageContext } from '../../../../../shared/http/views/page-context.ts';
import type { FormProblem } from '../../pages/page-support.ts';
import {
  ActionForm,
  CsrfInput,
  FormError,
  TextArea,
  TextField,
} from '../../../../../shared/http/views/form-fields.tsx';

export type StructureKind = 'stage' | 'module';
export type StructureItem = Readonly<{
  id: string;
  position: number;
  title: string;
  description: string;
  slug?: string;
  activeQuestions: number;
}>;

/** The stages or the modules of a track: each editable in place, movable and deletable while a draft; an add form. */
export function StructureList(props: {
  ctx: PageContext;
  kind: StructureKind;
  trackId: string;
  items: readonly StructureItem[];
  draft: boolean;
  problem?: FormProblem | undefined;
}) {
  const { ctx, kind, items } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby={`${kind}s-title`} class="mb-5">
      <h2 id={`${kind}s-title`} class="h4">
        {t(`catalog.${kind}s.title`, { count: items.length })}
      </h2>
      <p class="text-body-secondary small">{t(`catalog.${kind}s.help`)}</p>
      {props.draft ? null : <p class="alert alert-info small">{t('catalog.structure.frozen')}</p>}
      {items.length === 0 ? (
        <p class="text-body-secondary">{t(`catalog.${kind}s.empty`)}</p>
      ) : (
        <ol class="list-group mb-3">
          {items.map((item, index) => (
            <Item {...props} item={item} last={index === items.length - 1} />
          ))}
        </ol>
      )}
      {props.draft ? <AddForm {...props} /> : null}
    </section>
  );
}

function Item(props: {
  ctx: PageContext;
  kind: StructureKind;
  trackId: string;
  item: StructureItem;
  last: boolean;
  draft: boolean;
  problem?: FormProblem | undefined;
}) {
  const { ctx, kind, item } = props;
  const { t } = ctx;
  const base = `/admin/${kind}s/${item.id}`;
  const problem = props.problem?.target === `${kind}:${item.id}` ? props.problem : undefined;
  const editing = problem !== undefined && Object.keys(problem.fields).length > 0;
  const values = editing ? problem.values : { title: item.title, slug: item.slug, description: item.description };
  const fieldId = (name: string) => `${kind}-${item.id}-${name}`;
  const named = <span class="visually-hidden">: {item.title}</span>;
  return (
    <li class="list-group-item" id={`${kind}-${item.id}`}>
      <div class="d-flex flex-wrap align-items-center gap-2">
        <span class="badge text-bg-light" title={t('catalog.structure.position')}>
          {item.position}
        </span>
        <span class="fw-semibold me-auto">
          {item.title}
          {item.slug ? <code class="ms-2 small">{item.slug}</code> : null}
        </span>
        <span class="small text-body-secondary">
          {t('catalog.structure.questions', { count: item.activeQuestions })}
        </span>
        {props.draft ? (
          <div
            class="btn-group btn-group-sm"
            role="group"
            aria-label={t('catalog.structure.actionsOf', { title: item.title })}
          >
            <ActionForm
              ctx={ctx}
              action={`${base}/move`}
              fields={{ position: String(item.position - 1), trackId: props.trackId }}
            >
              <button type="submit" class="btn btn-sm btn-outline-light" disabled={item.position === 1}>
                {t('catalog.structure.up')}
                {named}
              </button>
            </ActionForm>
            <ActionForm
              ctx={ctx}
              action={`${base}/move`}
              fields={{ position: String(item.position + 1), trackId: props.trackId }}
            >
              <button type="submit" class="btn btn-sm btn-outline-light" disabled={props.last}>
                {t('catalog.structure.down')}
                {named}
              </button>
            </ActionForm>
            <ActionForm ctx={ctx} action={`${base}/delete`} fields={{ trackId: props.trackId }}>
              <button type="submit" class="btn btn-sm btn-outline-danger">
                {t('catalog.structure.delete')}
                {named}
              </button>
            </ActionForm>
          </div>
        ) : null}
      </div>
      {problem && !editing ? (
        <div class="mt-2">
          <FormError ctx={ctx} id={`${kind}-${item.id}-error`} message={problem.message} />
        </div>
      ) : null}
      <details class="mt-2" open={editing}>
        <summary class="small">
          {t('catalog.structure.edit')}
          {named}
        </summary>
        <form method="post" action={base} class="mt-2" novalidate>
          <CsrfInput ctx={ctx} />
          <input type="hidden" name="trackId" value={props.trackId} />
          {editing ? <FormError ctx={ctx} id={`${kind}-${item.id}-error`} message={problem.message} /> : null}
          <TextField
            id={fieldId('title')}
            name="title"
            label={t('catalog.field.title')}
            value={values.title}
            error={problem?.fields.title}
            small
            required
          />
          {kind === 'module' ? (
            <TextField
              id={fieldId('slug')}
              name="slug"
              label={t('catalog.field.slug')}
              value={values.slug}
              error={problem?.fields.slug}
              hint={t('catalog.field.slugHint')}
              small
              required
            />
          ) : null}
          <TextArea
            id={fieldId('description')}
            name="description"
            label={t('catalog.field.description')}
            value={values.description}
            error={problem?.fields.description}
            rows={2}
            small
          />
          <button type="submit" class="btn btn-sm btn-primary">
            {t('catalog.structure.save')}
            {named}
          </button>
        </form>
      </details>
    </li>
  );
}

function AddForm(props: { ctx: PageContext; kind: StructureKind; trackId: string; problem?: FormProblem | undefined }) {
  const { ctx, kind } = props;
  const { t } = ctx;
  const problem = props.problem?.target === `new-${kind}` ? props.problem : undefined;
  const values = problem?.values ?? {};
  const id = (name: string) => `new-${kind}-${name}`;
  return (
    <form method="post" action={`/admin/tracks/${props.trackId}/${kind}s`} class="border rounded p-3" novalidate>
      <h3 class="h6">{t(`catalog.${kind}s.add`)}</h3>
      <CsrfInput ctx={ctx} />
      <FormError ctx={ctx} id={id('error')} message={problem?.message} />
      <TextField
        id={id('title')}
        name="title"
        label={t('catalog.field.title')}
        value={values.title}
        error={problem?.fields.title}
        required
      />
      {kind === 'module' ? (
        <TextField
          id={id('slug')}
          name="slug"
          label={t('catalog.field.slug')}
          value={values.slug}
          error={problem?.fields.slug}
          hint={t('catalog.field.slugHint')}
          required
        />
      ) : null}
      <TextArea
        id={id('description')}
        name="description"
        label={t('catalog.field.description')}
        value={values.description}
        error={problem?.fields.description}
        rows={2}
      />
      <button type="submit" class="btn btn-primary">
        {t(`catalog.${kind}s.add`)}
      </button>
    </form>
  );
}
