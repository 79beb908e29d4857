import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageUserGuard } from '../../../../shared/http/auth-guards.ts';
import type { QuestionView } from '../../application/contract.ts';
import type { TrackOutline } from '../../application/track-directory.ts';
import { ChooseTrackPage, ConfirmPage } from '../views/confirm-page.tsx';
import { QuestionDetailsPage } from '../views/question-meta.tsx';
import { type QuestionForm, type QuestionFormErrors, QuestionFormPage } from '../views/question-form-page.tsx';
import { QuestionPreview } from '../views/question-preview.tsx';
import type { QuestionsPagesDeps } from './deps.ts';
import { draftOf, emptyForm, formOf, issueAtRow, parseForm, withExtraRow } from './question-form.ts';
import { type FormBody, formFailure, formSchema, ID_PARAMS, requireStaff, staffActor } from './support.ts';
import { resolveTrack } from './tracks.ts';

const FORM_FIELDS = ['trackId', 'moduleId', 'stageId', 'kind', 'name', 'text', 'explanation', 'rows', 'action'];
const OPTION_FIELDS = Array.from({ length: 10 }, (_, i) => [`option${i}`, `correct${i}`]).flat();
const FORM_BODY = formSchema(...FORM_FIELDS, ...OPTION_FIELDS);

/** Creating, editing, retiring and deleting one question. */
export async function editorPages(app: FastifyInstance, deps: QuestionsPagesDeps): Promise<void> {
  const { renderer, flash, useCases, clock } = deps;
  const staffOnly = { preHandler: [pageUserGuard(), requireStaff] };

  const form = (
    request: FastifyRequest,
    reply: FastifyReply,
    view: { outline: TrackOutline; question?: QuestionView; form: QuestionForm; errors?: QuestionFormErrors },
    failure?: { status: number; code: string; message: string },
  ) => {
    // The API's "fix the fields listed in errors" reads oddly on a page that marks the fields.
    const message =
      failure?.code === 'questions.invalid_question' ? request.t('questionsAdmin.form.fixErrors') : failure?.message;
    const page = <QuestionFormPage ctx={renderer.context(request, reply)} errors={{}} {...view} message={message} />;
    return renderer.page(reply, page, failure?.status ?? 200);
  };

  const chooseTrack = async (
    request: FastifyRequest,
    reply: FastifyReply,
    value: string | undefined,
    error?: string,
  ) => {
    const page = (
      <ChooseTrackPage
        ctx={renderer.context(request, reply)}
        title={request.t('questionsAdmin.new.chooseTrack')}
        action="/admin/questions/new"
        value={value}
        error={error}
        tracks={await deps.listTracks?.()}
      />
    );
    return renderer.page(reply, page, error ? 422 : 200);
  };

  /** The question with its track; a retired one only as a read-only page. */
  const load = async (request: FastifyRequest) => {
    const { id } = request.params as { id: string };
    const question = await useCases.getQuestion({ actor: staffActor(request), id });
    const outline = await deps.tracks.outline(question.trackId);
    if (!outline) throw new Error(`the track ${question.trackId} of question ${id} is missing`);
    return { question, outline };
  };

  app.get(
    '/admin/questions/new',
    { ...staffOnly, schema: { querystring: formSchema('trackId', 'moduleId') } },
    async (request, reply) => {
      const query = request.query as FormBody;
      const { outline, error } = await resolveTrack(deps, query.trackId, request.t);
      if (!outline) return chooseTrack(request, reply, query.trackId, error);
      const preset =
        outline.modules.find((m) => m.id === query.moduleId) ??
        (outline.modules.length === 1 ? outline.modules[0] : undefined);
      return form(request, reply, { outline, form: { ...emptyForm(), moduleId: preset?.id ?? '' } });
    },
  );

  app.post('/admin/questions/new', { ...staffOnly, schema: { body: FORM_BODY } }, async (request, reply) => {
    const actor = staffActor(request);
    const body = request.body as FormBody;
    const { outline, error } = await resolveTrack(deps, body.trackId, request.t);
    if (!outline)
      return chooseTrack(request, reply, body.trackId, error ?? request.t('questionsAdmin.error.trackRequired'));
    const input = parseForm(body);
    if (body.action === 'addOption') return form(request, reply, { outline, form: withExtraRow(input) });
    if (body.action === 'preview') return form(request, reply, { outline, form: input });
    const { draft, rowOf } = draftOf(input, outline.id);
    try {
      const question = await useCases.createQuestion({ actor, draft, now: clock.now() });
      flash.set(reply, { kind: 'success', message: 'questionsAdmin.flash.created' });
      return reply.redirect(`/admin/questions/${question.id}`, 303);
    } catch (caught) {
      const failure = formFailure(caught, request, reply, issueAtRow(rowOf));
      return form(request, reply, { outline, form: input, errors: failure.fields }, failure);
    }
  });

  app.post('/admin/questions/preview', { ...staffOnly, schema: { body: FORM_BODY } }, async (request, reply) => {
    const input = parseForm(request.body as FormBody);
    const content = { text: input.text, options: input.rows, explanation: input.explanation };
    return renderer.fragment(reply, <QuestionPreview ctx={renderer.context(request, reply)} content={content} live />);
  });

  app.get('/admin/questions/:id', { ...staffOnly, schema: { params: ID_PARAMS } }, async (request, reply) => {
    const { question, outline } = await load(request);
    if (question.status === 'retired') {
      return renderer.page(
        reply,
        <QuestionDetailsPage ctx={renderer.context(request, reply)} question={question} outline={outline} />,
      );
    }
    return form(request, reply, { outline, question, form: formOf(question) });
  });

  app.post(
    '/admin/questions/:id',
    { ...staffOnly, schema: { params: ID_PARAMS, body: FORM_BODY } },
    async (request, reply) => {
      const actor = staffActor(request);
      const body = request.body as FormBody;
      const { question, outline } = await load(request);
      const input = parseForm(body);
      if (question.status === 'active' && body.action === 'addOption') {
        return form(request, reply, { outline, question, form: withExtraRow(input) });
      }
      if (question.status === 'active' && body.action === 'preview')
        return form(request, reply, { outline, question, form: input });
      const { draft, rowOf } = draftOf(input, outline.id);
      const { trackId: _track, ...changes } = draft;
      try {
        const saved = await useCases.updateQuestion({ actor, id: question.id, changes, now: clock.now() });
        const message = saved.replaced ? 'questionsAdmin.flash.replaced' : 'questionsAdmin.flash.saved';
        flash.set(reply, { kind: 'success', message });
        return reply.redirect(`/admin/questions/${saved.question.id}`, 303);
      } catch (caught) {
        const failure = formFailure(caught, request, reply, issueAtRow(rowOf));
        if (failure.code === 'questions.question_retired' || question.status === 'retired') {
          const ctx = renderer.context(request, reply);
          const page = (
            <QuestionDetailsPage
              ctx={ctx}
              question={{ ...question, status: 'retired' }}
              outline={outline}
              message={failure.message}
            />
          );
          return renderer.page(reply, page, failure.status);
        }
        return form(request, reply, { outline, question, form: input, errors: failure.fields }, failure);
      }
    },
  );

  for (const action of ['retire', 'delete'] as const) {
    app.get(
      `/admin/questions/:id/${action}`,
      { ...staffOnly, schema: { params: ID_PARAMS } },
      async (request, reply) => {
        const { question } = await load(request);
        if (action === 'retire' && question.status === 'retired')
          return reply.redirect(`/admin/questions/${question.id}`, 303);
        const message = action === 'delete' && question.usedAt ? request.t('questionsAdmin.delete.used') : undefined;
        const page = (
          <ConfirmPage ctx={renderer.context(request, reply)} question={question} action={action} message={message} />
        );
        return renderer.page(reply, page);
      },
    );
  }

  app.post(
    '/admin/questions/:id/retire',
    { ...staffOnly, schema: { params: ID_PARAMS, body: formSchema() } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      await useCases.retireQuestion({ actor: staffActor(request), id, now: clock.now() });
      flash.set(reply, { kind: 'success', message: 'questionsAdmin.flash.retired' });
      return reply.redirect(`/admin/questions/${id}`, 303);
    },
  );

  app.post(
    '/admin/questions/:id/delete',
    { ...staffOnly, schema: { params: ID_PARAMS, body: formSchema() } },
    async (request, reply) => {
      const actor = staffActor(request);
      const { question } = await load(request);
      try {
        await useCases.deleteQuestion({ actor, id: question.id });
      } catch (caught) {
        const failure = formFailure(caught, request, reply);
        const page = (
          <ConfirmPage
            ctx={renderer.context(request, reply)}
            question={question}
            action="delete"
            message={failure.message}
          />
        );
        return renderer.page(reply, page, failure.status);
      }
      flash.set(reply, { kind: 'success', message: 'questionsAdmin.flash.deleted' });
      return reply.redirect(`/admin/questions?trackId=${question.trackId}`, 303);
    },
  );
}
