import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TrackOutline } from './deps.ts';
import type { ArticleView } from '../../application/contract.ts';
import {
  type ArticleForm,
  type ArticleFormErrors,
  ArticleFormPage,
  type UploadResult,
} from '../views/article-form-page.tsx';
import type { ContentPagesDeps } from './deps.ts';
import { type FormFailure, staffActor, uuidOrUndefined } from './support.ts';

/** The editor page as every article route shows it (new, edit, after a failed save or an upload). */
export function editorPage(deps: ContentPagesDeps) {
  const { renderer, useCases } = deps;
  /** The chosen track's outline; a module or stage of another track (the editor changed it) is dropped. */
  const withOutline = async (form: ArticleForm): Promise<{ form: ArticleForm; outline?: TrackOutline }> => {
    const trackId = uuidOrUndefined(form.trackId);
    const outline = trackId ? await deps.tracks.outline(trackId) : undefined;
    if (!outline) return { form: { ...form, moduleId: '', stageId: '' } };
    return {
      outline,
      form: {
        ...form,
        moduleId: outline.modules.some((m) => m.id === form.moduleId) ? form.moduleId : '',
        stageId: outline.stages.some((s) => s.id === form.stageId) ? form.stageId : '',
      },
    };
  };

  const editor = async (
    request: FastifyRequest,
    reply: FastifyReply,
    state: {
      article?: ArticleView | undefined;
      form: ArticleForm;
      errors?: ArticleFormErrors;
      failure?: Pick<FormFailure, 'status' | 'message' | 'code'> | undefined;
      previewHtml?: string | undefined;
      upload?: UploadResult | undefined;
      status?: number;
    },
  ) => {
    const { form, outline } = await withOutline(state.form);
    let previewHtml = state.previewHtml;
    if (previewHtml === undefined && form.body.trim() !== '') {
      previewHtml = (await useCases.preview({ actor: staffActor(request), body: form.body })).html;
    }
    // The API's "fix the fields listed in errors" reads oddly on a page that marks the fields.
    const message =
      state.failure && Object.keys(state.errors ?? {}).length > 0
        ? request.t('articlesAdmin.form.fixErrors')
        : state.failure?.message;
    const page = (
      <ArticleFormPage
        ctx={renderer.context(request, reply)}
        article={state.article}
        form={form}
        errors={state.errors ?? {}}
        message={message}
        tracks={await deps.tracks.list()}
        outline={outline}
        previewHtml={previewHtml}
        upload={state.upload}
      />
    );
    return renderer.page(reply, page, state.status ?? state.failure?.status ?? 200);
  };

  return { withOutline, editor };
}
