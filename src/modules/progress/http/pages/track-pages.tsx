import type { FastifyInstance } from 'fastify';
import { pageUserGuard } from '../../../../shared/http/auth-guards.ts';
import { CsrfInput } from '../../../../shared/http/views/form-fields.tsx';
import { DashboardPage } from '../views/dashboard-page.tsx';
import { TrackProgressPage } from '../views/track-progress-page.tsx';
import type { LearningPagesDeps } from './deps.ts';
import { attemptPath, hasCode, SLUG_PARAMS, STAGE_PARAMS, startRefusal, studentOf, trackPath } from './support.ts';

/** The dashboard, a track's progress page, enrolling and starting the track's attempts. */
export async function trackPages(app: FastifyInstance, deps: LearningPagesDeps): Promise<void> {
  const { renderer, flash, progress } = deps;
  const signedIn = { preHandler: pageUserGuard() };

  app.get('/learn', signedIn, async (request, reply) => {
    const actor = studentOf(request);
    const enrollments = await progress.listEnrollments(actor);
    const entries = await Promise.all(
      enrollments.map(async (summary) => {
        const { next, mastery } = await progress.progress(actor, summary.track.slug);
        return { summary, next, mastery };
      }),
    );
    return renderer.page(reply, <DashboardPage ctx={renderer.context(request, reply)} entries={entries} />);
  });

  app.get('/learn/:slug', { ...signedIn, schema: { params: SLUG_PARAMS } }, async (request, reply) => {
    const actor = studentOf(request);
    const { slug } = request.params as { slug: string };
    try {
      const view = await progress.progress(actor, slug);
      return renderer.page(reply, <TrackProgressPage ctx={renderer.context(request, reply)} progress={view} />);
    } catch (caught) {
      if (!hasCode(caught, 'progress.not_enrolled')) throw caught;
      flash.set(reply, { kind: 'info', message: 'learn.flash.notEnrolled' });
      return reply.redirect(`/tracks/${encodeURIComponent(slug)}`, 303);
    }
  });

  // The catalog's track page asks for this with htmx: "continue learning" once enrolled.
  app.get('/learn/:slug/enrollment', { ...signedIn, schema: { params: SLUG_PARAMS } }, async (request, reply) => {
    const actor = studentOf(request);
    const { slug } = request.params as { slug: string };
    const enrolled = (await progress.listEnrollments(actor)).some((summary) => summary.track.slug === slug);
    const ctx = renderer.context(request, reply);
    const view = enrolled ? (
      <a id="enroll-action" class="btn btn-primary" href={trackPath(slug)}>
        {ctx.t('learn.enroll.continue')}
      </a>
    ) : (
      <form id="enroll-action" method="post" action={`${trackPath(slug)}/enroll`}>
        <CsrfInput ctx={ctx} />
        <button type="submit" class="btn btn-primary">
          {ctx.t('learn.enroll.button')}
        </button>
      </form>
    );
    return renderer.fragment(reply, view);
  });

  app.post('/learn/:slug/enroll', { ...signedIn, schema: { params: SLUG_PARAMS } }, async (request, reply) => {
    const actor = studentOf(request);
    const { slug } = request.params as { slug: string };
    const { created } = await progress.enroll(actor, slug);
    flash.set(reply, { kind: 'success', message: created ? 'learn.flash.enrolled' : 'learn.flash.alreadyEnrolled' });
    return reply.redirect(trackPath(slug), 303);
  });

  /** Starts an attempt and goes to it, or back to the track with the rule that refused it. */
  const start = (
    path: string,
    run: (request: Parameters<typeof studentOf>[0], slug: string) => Promise<{ attemptId: string }>,
    schema: typeof SLUG_PARAMS | typeof STAGE_PARAMS,
  ) =>
    app.post(path, { ...signedIn, schema: { params: schema } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      try {
        const { attemptId } = await run(request, slug);
        return reply.redirect(attemptPath(attemptId), 303);
      } catch (caught) {
        flash.set(reply, { kind: 'warning', message: startRefusal(caught) });
        return reply.redirect(trackPath(slug), 303);
      }
    });

  start('/learn/:slug/diagnostic', (request, slug) => progress.startDiagnostic(studentOf(request), slug), SLUG_PARAMS);
  start(
    '/learn/:slug/stages/:position/level-exam',
    (request, slug) =>
      progress.startLevelExam(studentOf(request), slug, (request.params as { position: number }).position),
    STAGE_PARAMS,
  );
  start('/learn/:slug/rank-final', (request, slug) => progress.startRankFinal(studentOf(request), slug), SLUG_PARAMS);
}
