import { assertCanEdit } from '../../domain/access.ts';
import type { ContentUseCases } from '../contract.ts';
import type { ContentDeps } from '../ports.ts';
import { prepareArticle } from './prepare-article.ts';

/** A new draft article; 422 lists every failing field, 409 `content.slug_taken`. */
export function createArticle(deps: ContentDeps): ContentUseCases['create'] {
  return async ({ actor, draft, now }) => {
    assertCanEdit(actor);
    return deps.uow.run(async (repositories) => {
      const record = await prepareArticle(draft, repositories, deps.render);
      const id = deps.newId();
      await repositories.articles.insert({ ...record, id, authorId: actor.id, now });
      const article = await repositories.articles.byId(id);
      if (!article) throw new Error('the article just written is missing');
      return article;
    });
  };
}
