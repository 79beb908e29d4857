import type { TrackOutline } from '../pages/deps.ts';
import {
  CsrfInput,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
} from '../../../../shared/http/views/form-fields.tsx';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import type { ArticleLocale, ArticleView, ArticleVisibility } from '../../application/contract.ts';
import { ArticlesLayout, FieldErrorLinks, StatusBadge } from './admin-layout.tsx';
import { ARTICLES_CSS } from './blog-head.tsx';
import { ARTICLE_LOCALES, ARTICLE_VISIBILITIES, type TrackChoice } from './articles-list-page.tsx';

export const EDITOR_SCRIPT = '/assets/app/article-editor.js';

/** The editor's fields as typed (tags comma-separated, the position as text). */
export type ArticleForm = {
  title: string;
  slug: string;
  summary: string;
  body: string;
  locale: ArticleLocale;
  tags: string;
  visibility: ArticleVisibility;
  trackId: string;
  moduleId: string;
  stageId: string;
  position: string;
};

/** Messages by field path: `/title`, `/slug`, `/summary`, `/body`, `/tags`, `/trackId`, … */
export type ArticleFormErrors = Readonly<Record<string, string>>;

/** What the image upload answered: the Markdown to paste, or why it failed. */
export type UploadResult = Readonly<{ markdown?: string | undefined; error?: string | undefined }>;

const FIELD_IDS: Readonly<Record<string, string>> = {
  '/title': 'field-title',
  '/slug': 'field-slug',
  '/summary': 'field-summary',
  '/body': 'field-body',
  '/locale': 'field-locale',
  '/tags': 'field-tags',
  '/visibility': 'field-visibility',
  '/trackId': 'field-track',
  '/moduleId': 'field-module',
  '/stageId': 'field-stage',
  '/position': 'field-position',
};

/** The form's field for an issue's path (`/tags/3` is the tags field). */
export function articleFieldOf(path: string): string {
  const field = /^\/[A-Za-z]+/.exec(path)?.[0] ?? path;
  return field in FIELD_IDS ? field : path;
}

export function ArticleFormPage(props: {
  ctx: PageContext;
  /** The article being edited; none for a new one. */
  article?: ArticleView | undefined;
  form: ArticleForm;
  errors: ArticleFormErrors;
  message?: string | undefined;
  tracks: readonly TrackChoice[];
  outline: TrackOutline | undefined;
  /** The rendered body (sanitized by the content module), when there is one. */
  previewHtml: string | undefined;
  upload?: UploadResult | undefined;
}) {
  const { ctx, article, form, errors } = props;
  const { t } = ctx;
  const action = article ? `/admin/articles/${article.id}` : '/admin/articles/new';
  return (
    <ArticlesLayout ctx={ctx} title={article ? t('articlesAdmin.edit.title') : t('articlesAdmin.new.title')}>
      {article ? <ArticleActions ctx={ctx} article={article} /> : null}
      <ErrorSummary ctx={ctx} message={props.message}>
        <FieldErrorLinks errors={errors} idOf={(path) => FIELD_IDS[path]} />
      </ErrorSummary>
      <div class="row g-4">
        <div class="col-xl-7">
          <form id="article-form" method="post" action={action} novalidate>
            <CsrfInput ctx={ctx} />
            {/* Enter in a text field saves (the first submit button is the form's default). */}
            <button type="submit" name="action" value="save" class="visually-hidden" tabindex={-1} aria-hidden="true">
              {t('articlesAdmin.form.save')}
            </button>
            <TextField
              id="field-title"
              name="title"
              label={t('articlesAdmin.field.title')}
              value={form.title}
              error={errors['/title']}
              maxLength={300}
              required
            />
            <div class="row g-3">
              <div class="col-md-8">
                <TextField
                  id="field-slug"
                  name="slug"
                  label={t('articlesAdmin.field.slug')}
                  value={form.slug}
                  error={errors['/slug']}
                  hint={t('articlesAdmin.form.slugHint')}
                  maxLength={200}
                />
              </div>
              <div class="col-md-4">
                <SelectField
                  id="field-locale"
                  name="locale"
                  label={t('articlesAdmin.field.locale')}
                  value={form.locale}
                  error={errors['/locale']}
                  options={ARTICLE_LOCALES.map((locale) => ({ value: locale, label: t(`locale.${locale}`) }))}
                />
              </div>
            </div>
            <TextArea
              id="field-summary"
              name="summary"
              label={t('articlesAdmin.field.summary')}
              value={form.summary}
              error={errors['/summary']}
              hint={t('articlesAdmin.form.summaryHint')}
              rows={2}
            />
            <div class="row g-3">
              <div class="col-md-8">
                <TextField
                  id="field-tags"
                  name="tags"
                  label={t('articlesAdmin.field.tags')}
                  value={form.tags}
                  error={errors['/tags']}
                  hint={t('articlesAdmin.form.tagsHint')}
                  maxLength={1000}
                />
              </div>
              <div class="col-md-4">
                <SelectField
                  id="field-visibility"
                  name="visibility"
                  label={t('articlesAdmin.field.visibility')}
                  value={form.visibility}
                  error={errors['/visibility']}
                  options={ARTICLE_VISIBILITIES.map((visibility) => ({
                    value: visibility,
                    label: t(`articlesAdmin.visibility.${visibility}`),
                  }))}
                />
              </div>
            </div>
            <LinkFields ctx={ctx} form={form} errors={errors} tracks={props.tracks} outline={props.outline} />
            <TextArea
              id="field-body"
              name="body"
              label={t('articlesAdmin.field.body')}
              value={form.body}
              error={errors['/body']}
              hint={t('articlesAdmin.form.bodyHint')}
              rows={20}
              monospace
              required
              htmx={{
                'hx-post': '/admin/articles/preview',
                'hx-trigger': 'keyup changed delay:500ms, input changed delay:500ms',
                'hx-target': '#article-preview-body',
                'hx-swap': 'outerHTML',
                'hx-sync': 'this:replace',
              }}
            />
            <div class="d-flex flex-wrap gap-2 mb-4">
              <button type="submit" name="action" value="save" class="btn btn-primary">
                {t('articlesAdmin.form.save')}
              </button>
              <button type="submit" name="action" value="preview" class="btn btn-outline-secondary">
                {t('articlesAdmin.form.preview')}
              </button>
              <a class="btn btn-link" href="/admin/articles">
                {t('articlesAdmin.form.cancel')}
              </a>
            </div>
          </form>
          {article ? <ImageUpload ctx={ctx} article={article} upload={props.upload} /> : null}
        </div>
        <div class="col-xl-5">
          <section id="article-preview" class="card" aria-labelledby="article-preview-title">
            <div class="card-body">
              <h2 id="article-preview-title" class="h5 card-title">
                {t('articlesAdmin.preview.title')}
              </h2>
              <PreviewBody ctx={ctx} html={props.previewHtml} />
            </div>
          </section>
        </div>
      </div>
      <script src={EDITOR_SCRIPT} defer />
      <link rel="stylesheet" href={ARTICLES_CSS} />
    </ArticlesLayout>
  );
}

/** The rendered body; htmx swaps it as the editor types. */
export function PreviewBody(props: { ctx: PageContext; html: string | undefined }) {
  return props.html ? (
    // Safe: rendered and sanitized by the content module exactly as saving does.
    <div id="article-preview-body" class="markdown article-body" dangerouslySetInnerHTML={{ __html: props.html }} />
  ) : (
    <div id="article-preview-body" class="text-body-secondary">
      {props.ctx.t('articlesAdmin.preview.empty')}
    </div>
  );
}

/**
 * The track, module, stage and position. The module and stage lists are the chosen track's:
 * with JavaScript htmx redraws them when the track changes; without it, "Show its modules".
 */
export function LinkFields(props: {
  ctx: PageContext;
  form: ArticleForm;
  errors: ArticleFormErrors;
  tracks: readonly TrackChoice[];
  outline: TrackOutline | undefined;
}) {
  const { ctx, form, errors, outline } = props;
  const { t } = ctx;
  return (
    <fieldset id="article-links" class="border rounded p-3 mb-3">
      <legend class="fs-6 float-none w-auto px-1 mb-0">{t('articlesAdmin.form.links')}</legend>
      <div class="row g-3">
        <div class="col-md-6">
          <div class="mb-3">
            <label class="form-label" for="field-track">
              {t('articlesAdmin.field.track')}
            </label>
            <div class="input-group">
              <select
                id="field-track"
                name="trackId"
                class={`form-select${errors['/trackId'] ? ' is-invalid' : ''}`}
                aria-invalid={errors['/trackId'] ? 'true' : undefined}
                aria-describedby={errors['/trackId'] ? 'field-track-error' : undefined}
                hx-post="/admin/articles/links"
                hx-trigger="change"
                hx-target="#article-links"
                hx-swap="outerHTML"
              >
                <option value="">{t('articlesAdmin.form.noTrack')}</option>
                {props.tracks.map((track) => (
                  <option value={track.id} selected={track.id === form.trackId}>
                    {track.title}
                  </option>
                ))}
              </select>
              <button type="submit" name="action" value="preview" class="btn btn-outline-secondary">
                {t('articlesAdmin.form.showModules')}
              </button>
            </div>
            {errors['/trackId'] ? (
              <div id="field-track-error" class="invalid-feedback d-block">
                {errors['/trackId']}
              </div>
            ) : null}
          </div>
        </div>
        <div class="col-md-6">
          <TextField
            id="field-position"
            name="position"
            type="number"
            label={t('articlesAdmin.field.position')}
            value={form.position}
            error={errors['/position']}
            hint={t('articlesAdmin.form.positionHint')}
          />
        </div>
        {outline ? (
          <>
            <div class="col-md-6">
              <SelectField
                id="field-module"
                name="moduleId"
                label={t('articlesAdmin.field.module')}
                value={form.moduleId}
                error={errors['/moduleId']}
                empty={t('articlesAdmin.form.noModule')}
                options={outline.modules.map((module) => ({ value: module.id, label: module.title }))}
              />
            </div>
            <div class="col-md-6">
              <SelectField
                id="field-stage"
                name="stageId"
                label={t('articlesAdmin.field.stage')}
                value={form.stageId}
                error={errors['/stageId']}
                empty={t('articlesAdmin.form.noStage')}
                options={outline.stages.map((stage) => ({
                  value: stage.id,
                  label: t('articlesAdmin.form.stageLabel', { position: stage.position, title: stage.title }),
                }))}
              />
            </div>
          </>
        ) : (
          <p class="form-text col-12 mt-0">{t('articlesAdmin.form.trackFirst')}</p>
        )}
      </div>
    </fieldset>
  );
}

function ArticleActions(props: { ctx: PageContext; article: ArticleView }) {
  const { ctx, article } = props;
  const { t } = ctx;
  const published = article.status === 'published';
  return (
    <div class="d-flex flex-wrap align-items-center gap-2 mb-3">
      <StatusBadge ctx={ctx} status={article.status} />
      <form method="post" action={`/admin/articles/${article.id}/${published ? 'unpublish' : 'publish'}`}>
        <CsrfInput ctx={ctx} />
        <button type="submit" class={`btn btn-sm ${published ? 'btn-outline-warning' : 'btn-success'}`}>
          {t(published ? 'articlesAdmin.action.unpublish' : 'articlesAdmin.action.publish')}
        </button>
      </form>
      {published ? (
        <a class="btn btn-sm btn-outline-light" href={`/blog/${encodeURIComponent(article.slug)}`}>
          {t('articlesAdmin.action.view')}
        </a>
      ) : null}
      <a class="btn btn-sm btn-outline-secondary" href={`/admin/articles/${article.id}/minitest`}>
        {t('articlesAdmin.action.minitest', { count: article.minitestSize })}
      </a>
      <a class="btn btn-sm btn-outline-danger" href={`/admin/articles/${article.id}/delete`}>
        {t('articlesAdmin.action.delete')}
      </a>
      <span class="small text-body-secondary ms-auto">
        {t('articlesAdmin.edit.views', { count: article.viewCount })}
      </span>
    </div>
  );
}

/**
 * A separate multipart form: the image goes to the files module and the Markdown to paste comes
 * back (htmx swaps just the result; without JavaScript the editor page comes back with it).
 */
function ImageUpload(props: { ctx: PageContext; article: ArticleView; upload: UploadResult | undefined }) {
  const { ctx, article } = props;
  const { t } = ctx;
  const action = `/admin/articles/${article.id}/images`;
  return (
    <section class="card mb-4" aria-labelledby="image-upload-title">
      <div class="card-body">
        <h2 id="image-upload-title" class="h5 card-title">
          {t('articlesAdmin.image.title')}
        </h2>
        <form
          method="post"
          action={action}
          enctype="multipart/form-data"
          hx-post={action}
          hx-encoding="multipart/form-data"
          hx-target="#image-upload-result"
          hx-swap="outerHTML"
        >
          <CsrfInput ctx={ctx} />
          <div class="row g-2 align-items-end">
            <div class="col-md-6">
              <label class="form-label" for="image-file">
                {t('articlesAdmin.image.file')}
              </label>
              <input
                id="image-file"
                name="file"
                type="file"
                class="form-control"
                accept="image/png,image/jpeg,image/webp,image/gif"
                required
                aria-describedby="image-file-hint"
              />
            </div>
            <div class="col-md-4">
              <label class="form-label" for="image-alt">
                {t('articlesAdmin.image.alt')}
              </label>
              <input id="image-alt" name="alt" type="text" class="form-control" maxLength={200} />
            </div>
            <div class="col-md-2">
              <button type="submit" class="btn btn-outline-primary w-100">
                {t('articlesAdmin.image.upload')}
              </button>
            </div>
          </div>
          <div id="image-file-hint" class="form-text">
            {t('articlesAdmin.image.hint')}
          </div>
        </form>
        <UploadResultView ctx={ctx} upload={props.upload} />
      </div>
    </section>
  );
}

export function UploadResultView(props: { ctx: PageContext; upload: UploadResult | undefined }) {
  const { ctx, upload } = props;
  const { t } = ctx;
  return (
    <div id="image-upload-result" class="mt-3">
      {upload?.error ? (
        <div class="alert alert-danger mb-0" role="alert">
          {upload.error}
        </div>
      ) : null}
      {upload?.markdown ? (
        <div class="alert alert-success mb-0" role="status">
          <label class="form-label" for="image-markdown">
            {t('articlesAdmin.image.uploaded')}
          </label>
          <div class="input-group">
            <input
              id="image-markdown"
              type="text"
              class="form-control font-monospace"
              value={upload.markdown}
              readonly
            />
            <button
              type="button"
              class="btn btn-primary"
              data-insert-markdown={upload.markdown}
              data-insert-into="field-body"
              hidden
            >
              {t('articlesAdmin.image.insert')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
