import { isUuid } from '../../../../shared/domain/ids.ts';
import { assertCanEdit } from '../../domain/access.ts';
import { ArticleNotFoundError } from '../../domain/errors.ts';
import type { ContentUseCases } from '../contract.ts';
import type { ContentDeps } from '../ports.ts';

/** Deletes an article and its mini-test (audited); 409 `content.article_in_use` once something refers to it. */
export function removeArticle(deps: ContentDeps): ContentUseCases['remove'] {
  return async ({ actor, origin, now, id }) => {
    assertCanEdit(actor);
    if (!isUuid(id)) throw new ArticleNotFoundError();
    await deps.uow.run(async ({ articles, audit }) => {
      const current = await articles.lockById(id.toLowerCase());
      if (!current) throw new ArticleNotFoundError();
      await articles.delete(current.id);
      await audit.record({
        at: now,
        actorId: actor.id,
        action: 'article.deleted',
        subjectId: current.id,
        origin,
        details: { slug: current.slug },
      });
    });
  };
}
