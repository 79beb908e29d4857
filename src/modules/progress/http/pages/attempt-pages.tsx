import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../../shared/domain/errors.ts';
import { pageUserGuard } from '../../../../shared/http/auth-guards.ts';
import { isHtmx } from '../../../../shared/http/request-kind.ts';
import type { Actor, AttemptView } from '../../../assessment/index.ts';
import type { NextAction } from '../../application/contract.ts';
import { AttemptPage, type AttemptNotice, SavedStatus } from '../views/attempt-page.tsx';
import { ResultPage } from '../views/result-page.tsx';
import type { LearningPagesDeps } from './deps.ts';
import {
  ANSWER_PARAMS,
  ANSWERS_BODY,
  type AnswersBody,
  attemptPath,
  hasCode,
  ID_PARAMS,
  selectionOf,
  studentOf,
} from './support.ts';

const sameSelection = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/** Taking an attempt (all questions on one page, autosaved one by one) and its result. */
export async function attemptPages(app: FastifyInstance, deps: LearningPagesDeps): Promise<void> {
  const { renderer, flash, progress, clock } = deps;
  const assessment = () => deps.assessment();
  const signedIn = { preHandler: pageUserGuard() };
  const guard = pageUserGuard();
  // An autosave after the session ended: a message in the question's status, not the login page.
  const signedInForFragment = {
    preHandler: async (request: FastifyRequest, reply: FastifyReply) => {
      if (!request.user && isHtmx(request)) {
        const view = <SavedStatus ctx={renderer.context(request, reply)} state="signed_out" at={clock.now()} />;
        return renderer.fragment(reply, view, 401);
      }
      return guard(request, reply);
    },
  };

  const expired = (attempt: AttemptView) =>
    attempt.status === 'in_progress' && attempt.deadlineAt !== null && attempt.deadlineAt <= clock.now();

  /** The next step on the track, for the result page; null when the journey has none to show. */
  const nextOf = async (actor: Actor, attempt: AttemptView): Promise<NextAction | null> => {
    if (attempt.articleId) return null;
    try {
      return (await progress.progress(actor, attempt.track.slug)).next;
    } catch (caught) {
      if (caught instanceof DomainError && caught.kind === 'not_found') return null;
      throw caught;
    }
  };

  const showAttempt = async (
    request: FastifyRequest,
    reply: FastifyReply,
    actor: Actor,
    attempt: AttemptView,
    notice?: AttemptNotice,
    status = 200,
  ) => {
    const ctx = renderer.context(request, reply);
    if (attempt.status === 'in_progress') {
      const view = <AttemptPage ctx={ctx} attempt={attempt} now={clock.now()} notice={notice} />;
      return renderer.page(reply, view, status);
    }
    const next = await nextOf(actor, attempt);
    return renderer.page(reply, <ResultPage ctx={ctx} attempt={attempt} next={next} />);
  };

  /**
   * Saves every question whose posted selection differs from the saved one (a no-JS form posts
   * them all). `invalid` when a value is not an option index.
   */
  const saveAll = async (actor: Actor, attempt: AttemptView, body: AnswersBody) => {
    let unanswered = 0;
    let invalid = false;
    for (const question of attempt.questions) {
      const selection = selectionOf(body[`q-${question.id}`]);
      if (!selection) {
        invalid = true;
        continue;
      }
      if (selection.length === 0) unanswered += 1;
      if (sameSelection(selection, question.selected ?? [])) continue;
      await assessment().saveAnswer(actor, attempt.id, question.id, selection);
    }
    return { unanswered, invalid };
  };

  app.get('/learn/attempts/:id', { ...signedIn, schema: { params: ID_PARAMS } }, async (request, reply) => {
    const actor = studentOf(request);
    const { id } = request.params as { id: string };
    let attempt = await assessment().getAttempt(actor, id);
    if (expired(attempt)) {
      // Time is up and the job has not come by yet: grade what was answered, as it would.
      await assessment().finish(actor, id);
      attempt = await assessment().getAttempt(actor, id);
    }
    return showAttempt(request, reply, actor, attempt);
  });

  app.post(
    '/learn/attempts/:id/answers/:questionId',
    { ...signedInForFragment, schema: { params: ANSWER_PARAMS, body: ANSWERS_BODY } },
    async (request, reply) => {
      const actor = studentOf(request);
      const { id, questionId } = request.params as { id: string; questionId: string };
      const body = (request.body ?? {}) as AnswersBody;
      const selection = selectionOf(body[`q-${questionId}`]);
      const ctx = renderer.context(request, reply);
      const now = clock.now();
      const status = (state: 'saved' | 'cleared' | 'expired' | 'finished' | 'invalid', code: number) =>
        isHtmx(request)
          ? renderer.fragment(reply, <SavedStatus ctx={ctx} state={state} at={now} />, code)
          : reply.redirect(attemptPath(id), 303);
      if (!selection) return status('invalid', 422);
      try {
        await assessment().saveAnswer(actor, id, questionId, selection);
      } catch (caught) {
        if (hasCode(caught, 'assessment.attempt_expired')) return status('expired', 409);
        if (hasCode(caught, 'assessment.attempt_finished')) return status('finished', 409);
        if (hasCode(caught, 'assessment.invalid_selection')) return status('invalid', 422);
        throw caught;
      }
      return status(selection.length > 0 ? 'saved' : 'cleared', 200);
    },
  );

  app.post(
    '/learn/attempts/:id/answers',
    { ...signedIn, schema: { params: ID_PARAMS, body: ANSWERS_BODY } },
    async (request, reply) => {
      const actor = studentOf(request);
      const { id } = request.params as { id: string };
      const attempt = await assessment().getAttempt(actor, id);
      if (attempt.status !== 'in_progress') return reply.redirect(attemptPath(id), 303);
      try {
        const { invalid } = await saveAll(actor, attempt, request.body ?? {});
        if (invalid) {
          const fresh = await assessment().getAttempt(actor, id);
          return showAttempt(request, reply, actor, fresh, { kind: 'invalid' }, 422);
        }
      } catch (caught) {
        if (hasCode(caught, 'assessment.attempt_expired')) {
          flash.set(reply, { kind: 'warning', message: 'learn.flash.timeUp' });
          return reply.redirect(attemptPath(id), 303);
        }
        if (hasCode(caught, 'assessment.attempt_finished')) return reply.redirect(attemptPath(id), 303);
        throw caught;
      }
      flash.set(reply, { kind: 'success', message: 'learn.flash.answersSaved' });
      return reply.redirect(attemptPath(id), 303);
    },
  );

  app.post(
    '/learn/attempts/:id/finish',
    { ...signedIn, schema: { params: ID_PARAMS, body: ANSWERS_BODY } },
    async (request, reply) => {
      const actor = studentOf(request);
      const { id } = request.params as { id: string };
      const body = (request.body ?? {}) as AnswersBody;
      const attempt = await assessment().getAttempt(actor, id);
      if (attempt.status !== 'in_progress') return reply.redirect(attemptPath(id), 303);
      let unanswered = attempt.questions.filter((question) => (question.selected?.length ?? 0) === 0).length;
      // The questions' form posts its answers along (`answers`); the confirmation posts none.
      if (body.answers === '1') {
        try {
          ({ unanswered } = await saveAll(actor, attempt, body));
        } catch (caught) {
          // Too late to save: finishing grades what was saved before.
          if (!hasCode(caught, 'assessment.attempt_expired') && !hasCode(caught, 'assessment.attempt_finished')) {
            throw caught;
          }
        }
      }
      if (body.confirm !== 'yes' && unanswered > 0 && !expired(attempt)) {
        const fresh = await assessment().getAttempt(actor, id);
        return showAttempt(request, reply, actor, fresh, { kind: 'confirm_finish', unanswered });
      }
      try {
        await assessment().finish(actor, id);
      } catch (caught) {
        if (!hasCode(caught, 'assessment.attempt_finished')) throw caught;
      }
      return reply.redirect(attemptPath(id), 303);
    },
  );
}
