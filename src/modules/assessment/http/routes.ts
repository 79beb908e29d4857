import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { currentUser } from '../../../shared/http/auth-guards.ts';
import { originOf } from '../../../shared/http/request-origin.ts';
import type { AssessmentUseCases } from '../application/contract.ts';
import {
  AnnulBody,
  AnswerBody,
  AnswerParams,
  AttemptSchema,
  attemptJson,
  IdParams,
  ReportSchema,
  ResultSchema,
  reportJson,
  resultJson,
} from './schemas.ts';

export type AssessmentRouteDeps = Readonly<{ useCases: AssessmentUseCases }>;

const tags = ['learning'];
const security = [{ bearerAuth: [] }];
const notYours = 'Another user’s attempt is 404, never 403, so that ids cannot be probed.';

/** The student's attempts (take, autosave, finish) and the admin's annulment. */
export async function assessmentRoutes(app: FastifyInstance, { useCases }: AssessmentRouteDeps): Promise<void> {
  // Answers and results are personal and change every minute: never kept by a cache.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'no-store');
    return payload;
  });

  app.get(
    '/attempts/:id',
    {
      schema: {
        tags,
        security,
        summary: 'One of my attempts: its questions and my saved answers; the result after the end',
        description:
          'Correct options are never sent while the attempt is in progress. After the end every question says ' +
          'whether it was right (`correct`); `correctOptions` and `explanation` come with diagnostics and ' +
          'mini-tests, and with exams whose settings reveal the answers. ' +
          notYours,
        params: IdParams,
        response: { 200: AttemptSchema },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      return attemptJson(await useCases.getAttempt(currentUser(request), id));
    },
  );

  app.put(
    '/attempts/:id/answers/:questionId',
    {
      schema: {
        tags,
        security,
        summary: 'Save (replace) my answer to one question; an empty list clears it',
        description:
          '409 `attempt_finished` after the finish, 409 `attempt_expired` from the deadline on; 404 for a question ' +
          'not in the attempt; 422 `invalid_selection` for indexes out of range, repeated, or several for a ' +
          'single-answer question. ' +
          notYours,
        params: AnswerParams,
        body: AnswerBody,
        response: { 204: { type: 'null', description: 'Saved' } },
      },
    },
    async (request, reply) => {
      const { id, questionId } = request.params as Static<typeof AnswerParams>;
      const { selected } = request.body as Static<typeof AnswerBody>;
      await useCases.saveAnswer(currentUser(request), id, questionId, selected);
      return reply.status(204).send();
    },
  );

  app.post(
    '/attempts/:id/finish',
    {
      schema: {
        tags,
        security,
        summary: 'Finish my attempt and get its result (idempotent; honours Idempotency-Key)',
        description:
          'Grades the attempt once (unanswered questions are wrong); every later or concurrent call returns the ' +
          'same stored result. An attempt past its deadline counts what was answered before it. ' +
          notYours,
        params: IdParams,
        response: { 200: ResultSchema },
      },
      config: { idempotent: true },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      return resultJson(await useCases.finish(currentUser(request), id));
    },
  );

  app.post(
    '/admin/attempts/:id/annul',
    {
      schema: {
        tags,
        security,
        summary: 'Annul a finished attempt (admins and the owner; reason required; audited)',
        description:
          'Lifts the pass lock or the cooldown the attempt caused; a pending approval of it is rejected with the ' +
          'reason. 409 while the attempt is in progress, when it is already annulled, or for a diagnostic.',
        params: IdParams,
        body: AnnulBody,
        response: { 200: ReportSchema },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof IdParams>;
      const { reason } = request.body as Static<typeof AnnulBody>;
      return reportJson(await useCases.annul(currentUser(request), id, reason, originOf(request)));
    },
  );
}
