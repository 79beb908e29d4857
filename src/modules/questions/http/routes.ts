import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { currentUser } from '../../../shared/http/auth-guards.ts';
import { importRoutes } from './import-routes.ts';
import type { QuestionsRouteDeps } from './route-deps.ts';
import {
  CreateBody,
  IdParams,
  ListQuery,
  PatchBody,
  QuestionPage,
  QuestionSchema,
  questionJson,
  UpdateResult,
} from './schemas.ts';

const tags = ['questions'];
const security = [{ bearerAuth: [] }];

/** The question bank's JSON API for moderators, admins and the owner (the use cases check roles). */
export async function questionsRoutes(app: FastifyInstance, deps: QuestionsRouteDeps): Promise<void> {
  const { useCases, clock } = deps;
  // Correct options are in every response: never stored by a cache.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'no-store');
    return payload;
  });
  app.get(
    '/admin/questions',
    {
      schema: {
        tags,
        security,
        summary: 'List the bank (with correct options), newest first; q searches text, name, options, explanation',
        querystring: ListQuery,
        response: { 200: QuestionPage },
      },
    },
    async (request) => {
      const filter = request.query as Static<typeof ListQuery>;
      const page = await useCases.listQuestions({ actor: currentUser(request), filter });
      return { items: page.items.map(questionJson), total: page.total };
    },
  );

  app.get(
    '/admin/questions/:id',
    { schema: { tags, security, summary: 'One question', params: IdParams, response: { 200: QuestionSchema } } },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      return questionJson(await useCases.getQuestion({ actor: currentUser(request), id }));
    },
  );

  app.post(
    '/admin/questions',
    {
      schema: {
        tags,
        security,
        summary: 'Add a question; 422 names every failing field',
        body: CreateBody,
        response: { 201: QuestionSchema },
      },
    },
    async (request, reply) => {
      const body = request.body as Static<typeof CreateBody>;
      const draft = { stageId: null, name: null, explanation: '', ...body };
      const question = await useCases.createQuestion({ actor: currentUser(request), draft, now: clock.now() });
      return reply
        .status(201)
        .header('location', `${request.url.split('?')[0]}/${question.id}`)
        .send(questionJson(question));
    },
  );

  app.patch(
    '/admin/questions/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Edit a question; a used one is replaced by a new question and retired (replaced: true)',
        params: IdParams,
        body: PatchBody,
        response: { 200: UpdateResult },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const changes = request.body as Static<typeof PatchBody>;
      const result = await useCases.updateQuestion({ actor: currentUser(request), id, changes, now: clock.now() });
      return { question: questionJson(result.question), replaced: result.replaced };
    },
  );

  app.post(
    '/admin/questions/:id/retire',
    {
      schema: {
        tags,
        security,
        summary: 'Retire a question: no future exam gets it (idempotent)',
        params: IdParams,
        response: { 200: QuestionSchema },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      return questionJson(await useCases.retireQuestion({ actor: currentUser(request), id, now: clock.now() }));
    },
  );

  app.delete(
    '/admin/questions/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a question no attempt has used (409 question_used otherwise: retire it)',
        params: IdParams,
        response: { 204: Type.Null({ description: 'deleted' }) },
      },
    },
    async (request, reply) => {
      const { id } = request.params as Static<typeof IdParams>;
      await useCases.deleteQuestion({ actor: currentUser(request), id });
      return reply.status(204).send();
    },
  );

  await app.register(importRoutes(deps));
}
