import { isUuid } from '../../../../shared/domain/ids.ts';
import type { RequestOrigin } from '../../../../shared/domain/audit.ts';
import { assertCanEdit } from '../../domain/access.ts';
import { ArticleNotFoundError } from '../../domain/errors.ts';
import type { ArticleStatus, ArticleView, ContentActor } from '../contract.ts';
import type { ContentDeps } from '../ports.ts';

type Input = Readonly<{ actor: ContentActor; origin: RequestOrigin | null; now: Date; id: string }>;

/**
 * Publishes or unpublishes an article (audited). Publishing again keeps the first publication
 * date; doing what is already done changes nothing and records nothing.
 */
export async function changeStatus(deps: ContentDeps, input: Input, status: ArticleStatus): Promise<ArticleView> {
  const { actor, origin, now, id } = input;
  assertCanEdit(actor);
  if (!isUuid(id)) throw new ArticleNotFoundError();
  return deps.uow.run(async ({ articles, audit }) => {
    const current = await articles.lockById(id.toLowerCase());
    if (!current) throw new ArticleNotFoundError();
    if (current.status === status) return current;
    await articles.setStatus(current.id, status, status === 'published' ? now : null, now);
    await audit.record({
      at: now,
      actorId: actor.id,
      action: status === 'published' ? 'article.published' : 'article.unpublished',
      subjectId: current.id,
      origin,
      details: { slug: current.slug },
    });
    const article = await articles.byId(current.id);
    if (!article) throw new ArticleNotFoundError();
    return article;
  });
}
