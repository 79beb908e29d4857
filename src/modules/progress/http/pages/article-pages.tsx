import type { FastifyInstance } from 'fastify';
import { pageUserGuard } from '../../../../shared/http/auth-guards.ts';
import { StudyArticlePage } from '../views/study-article-page.tsx';
import type { LearningPagesDeps } from './deps.ts';
import { ArticleNotAssignedPageError, attemptPath, ID_PARAMS, startRefusal, studentOf } from './support.ts';

/** An assigned article (opened by viewing it) and its mini-test. */
export async function articlePages(app: FastifyInstance, deps: LearningPagesDeps): Promise<void> {
  const { renderer, flash, progress, content } = deps;
  const signedIn = { preHandler: pageUserGuard() };

  app.get('/learn/articles/:id', { ...signedIn, schema: { params: ID_PARAMS } }, async (request, reply) => {
    const actor = studentOf(request);
    const { id } = request.params as { id: string };
    if (!(await progress.articleState(actor, id))) throw new ArticleNotAssignedPageError();
    await progress.openArticle(actor, id);
    const state = await progress.articleState(actor, id);
    if (!state) throw new ArticleNotAssignedPageError();
    const article = await content.readArticle({ slug: state.assignment.article.slug, reader: actor });
    const view = <StudyArticlePage ctx={renderer.context(request, reply)} article={article} state={state} />;
    return renderer.page(reply, view);
  });

  app.post('/learn/articles/:id/minitest', { ...signedIn, schema: { params: ID_PARAMS } }, async (request, reply) => {
    const actor = studentOf(request);
    const { id } = request.params as { id: string };
    try {
      const { attemptId } = await progress.startMinitest(actor, id);
      return reply.redirect(attemptPath(attemptId), 303);
    } catch (caught) {
      flash.set(reply, { kind: 'warning', message: startRefusal(caught) });
      return reply.redirect(`/learn/articles/${id}`, 303);
    }
  });
}
