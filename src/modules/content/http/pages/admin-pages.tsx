import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageUserGuard } from '../../../../shared/http/auth-guards.ts';
import { originOf } from '../../../../shared/http/request-origin.ts';
import type { ArticleView } from '../../application/contract.ts';
import { articleFieldOf, LinkFields, PreviewBody } from '../views/article-form-page.tsx';
import {
  ARTICLE_LOCALES,
  ARTICLE_STATUSES,
  ARTICLE_VISIBILITIES,
  type ArticleFilterForm,
  ArticlesListPage,
} from '../views/articles-list-page.tsx';
import { ConfirmDeletePage } from '../views/confirm-delete-page.tsx';
import { ARTICLE_FIELDS, draftOf, emptyForm, formOf, parseForm } from './article-form.ts';
import type { ContentPagesDeps } from './deps.ts';
import { editorPage } from './editor-page.tsx';
import { EDIT_QUERY, uploadFromQuery } from './image-pages.tsx';
import {
  type FormBody,
  formFailure,
  formSchema,
  ID_PARAMS,
  oneOf,
  pageNumber,
  requireStaff,
  staffActor,
  trimmed,
  uuidOrUndefined,
} from './support.ts';

const PAGE_SIZE = 25;
const FORM_BODY = formSchema(...ARTICLE_FIELDS);

/** The article list, the editor (new and edit, with its live preview), publishing and deleting. */
export async function adminPages(app: FastifyInstance, deps: ContentPagesDeps): Promise<void> {
  const { renderer, flash, useCases, clock } = deps;
  const staffOnly = { preHandler: [pageUserGuard(), requireStaff] };
  const write = (request: FastifyRequest) => ({
    actor: staffActor(request),
    origin: originOf(request),
    now: clock.now(),
  });

  app.get(
    '/admin/articles',
    {
      ...staffOnly,
      schema: { querystring: formSchema('status', 'visibility', 'locale', 'trackId', 'tag', 'q', 'page') },
    },
    async (request, reply) => {
      const actor = staffActor(request);
      const query = request.query as FormBody;
      const filter: ArticleFilterForm = {
        status: oneOf(ARTICLE_STATUSES, query.status),
        visibility: oneOf(ARTICLE_VISIBILITIES, query.visibility),
        locale: oneOf(ARTICLE_LOCALES, query.locale),
        trackId: uuidOrUndefined(query.trackId),
        tag: trimmed(query.tag, 100),
        q: trimmed(query.q),
      };
      const page = pageNumber(query.page);
      const [list, tracks] = await Promise.all([
        useCases.listForStaff({ actor, ...filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
        deps.tracks.list(),
      ]);
      const view = (
        <ArticlesListPage
          ctx={renderer.context(request, reply)}
          filter={filter}
          tracks={tracks}
          items={list.items}
          paging={{ page, pageSize: PAGE_SIZE, total: list.total }}
        />
      );
      return renderer.page(reply, view);
    },
  );

  const { withOutline, editor } = editorPage(deps);

  /** Saves the form (create or update), or shows it again with every failing field marked. */
  const save = async (request: FastifyRequest, reply: FastifyReply, article: ArticleView | undefined) => {
    const input = parseForm(request.body as FormBody, request.locale);
    const action = (request.body as FormBody).action;
    if (action === 'preview') return editor(request, reply, { article, form: input });
    const { form } = await withOutline(input);
    const parsed = draftOf(form);
    if ('errors' in parsed) {
      const errors = { '/position': request.t('articlesAdmin.error.position') };
      const failure = { status: 422, code: 'content.invalid_article', message: '' };
      return editor(request, reply, { article, form, errors, failure });
    }
    try {
      const saved = article
        ? await useCases.update({ ...write(request), id: article.id, changes: parsed.draft })
        : await useCases.create({ ...write(request), draft: parsed.draft });
      flash.set(reply, {
        kind: 'success',
        message: article ? 'articlesAdmin.flash.saved' : 'articlesAdmin.flash.created',
      });
      return reply.redirect(`/admin/articles/${saved.id}`, 303);
    } catch (caught) {
      const failure = formFailure(caught, request, reply, (issue) => ({ ...issue, path: articleFieldOf(issue.path) }));
      return editor(request, reply, { article, form, errors: failure.fields, failure });
    }
  };

  const load = (request: FastifyRequest) =>
    useCases.getForStaff({ actor: staffActor(request), id: (request.params as { id: string }).id });

  app.get('/admin/articles/new', staffOnly, async (request, reply) =>
    editor(request, reply, { form: emptyForm(request.locale) }),
  );

  app.post('/admin/articles/new', { ...staffOnly, schema: { body: FORM_BODY } }, async (request, reply) =>
    save(request, reply, undefined),
  );

  app.post('/admin/articles/preview', { ...staffOnly, schema: { body: FORM_BODY } }, async (request, reply) => {
    const body = (request.body as FormBody).body ?? '';
    const ctx = renderer.context(request, reply);
    const html = body.trim() === '' ? undefined : (await useCases.preview({ actor: staffActor(request), body })).html;
    return renderer.fragment(reply, <PreviewBody ctx={ctx} html={html} />);
  });

  app.post('/admin/articles/links', { ...staffOnly, schema: { body: FORM_BODY } }, async (request, reply) => {
    const { form, outline } = await withOutline(parseForm(request.body as FormBody, request.locale));
    const ctx = renderer.context(request, reply);
    const view = <LinkFields ctx={ctx} form={form} errors={{}} tracks={await deps.tracks.list()} outline={outline} />;
    return renderer.fragment(reply, view);
  });

  app.get(
    '/admin/articles/:id',
    { ...staffOnly, schema: { params: ID_PARAMS, querystring: EDIT_QUERY } },
    async (request, reply) => {
      const article = await load(request);
      return editor(request, reply, {
        article,
        form: formOf(article),
        previewHtml: article.html || undefined,
        upload: uploadFromQuery(request.query as FormBody),
      });
    },
  );

  app.post(
    '/admin/articles/:id',
    { ...staffOnly, schema: { params: ID_PARAMS, body: FORM_BODY } },
    async (request, reply) => save(request, reply, await load(request)),
  );

  for (const action of ['publish', 'unpublish'] as const) {
    app.post(
      `/admin/articles/:id/${action}`,
      { ...staffOnly, schema: { params: ID_PARAMS, body: formSchema() } },
      async (request, reply) => {
        const article = await load(request);
        try {
          await useCases[action]({ ...write(request), id: article.id });
        } catch (caught) {
          const failure = formFailure(caught, request, reply, (issue) => ({
            ...issue,
            path: articleFieldOf(issue.path),
          }));
          const form = formOf(article);
          return editor(request, reply, { article, form, errors: failure.fields, failure });
        }
        const message = action === 'publish' ? 'articlesAdmin.flash.published' : 'articlesAdmin.flash.unpublished';
        flash.set(reply, { kind: 'success', message });
        return reply.redirect(`/admin/articles/${article.id}`, 303);
      },
    );
  }

  app.get('/admin/articles/:id/delete', { ...staffOnly, schema: { params: ID_PARAMS } }, async (request, reply) => {
    const article = await load(request);
    return renderer.page(reply, <ConfirmDeletePage ctx={renderer.context(request, reply)} article={article} />);
  });

  app.post(
    '/admin/articles/:id/delete',
    { ...staffOnly, schema: { params: ID_PARAMS, body: formSchema() } },
    async (request, reply) => {
      const article = await load(request);
      try {
        await useCases.remove({ ...write(request), id: article.id });
      } catch (caught) {
        const failure = formFailure(caught, request, reply);
        const page = (
          <ConfirmDeletePage ctx={renderer.context(request, reply)} article={article} message={failure.message} />
        );
        return renderer.page(reply, page, failure.status);
      }
      flash.set(reply, { kind: 'success', message: 'articlesAdmin.flash.deleted' });
      return reply.redirect('/admin/articles', 303);
    },
  );
}
