import { isUuid } from '../../../../shared/domain/ids.ts';
import { assertCanEdit } from '../../domain/access.ts';
import { ArticleNotFoundError } from '../../domain/errors.ts';
import type { ContentUseCases } from '../contract.ts';
import type { ContentDeps } from '../ports.ts';
import { prepareArticle } from './prepare-article.ts';

/** Changes any subset of an article's fields; the result is checked as a whole. */
export function updateArticle(deps: ContentDeps): ContentUseCases['update'] {
  return async ({ actor, id, changes, now }) => {
    assertCanEdit(actor);
    if (!isUuid(id)) throw new ArticleNotFoundError();
    return deps.uow.run(async (repositories) => {
      const current = await repositories.articles.lockById(id.toLowerCase());
      if (!current) throw new ArticleNotFoundError();
      const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      const merged = {
        title: current.title,
        slug: current.slug,
        summary: current.summary,
        body: current.body,
        locale: current.locale,
        tags: current.tags,
        visibility: current.visibility,
        trackId: current.trackId,
        moduleId: current.moduleId,
        stageId: current.stageId,
        position: current.position,
        ...defined,
      };
      // Moving to another place without a position: last there.
      const moved =
        merged.trackId !== current.trackId ||
        merged.moduleId !== current.moduleId ||
        merged.stageId !== current.stageId;
      const position = moved && !('position' in defined) ? null : merged.position;
      const record = await prepareArticle({ ...merged, position }, repositories, deps.render);
      await repositories.articles.update(current.id, record, now);
      const article = await repositories.articles.byId(current.id);
      if (!article) throw new ArticleNotFoundError();
      return article;
    });
  };
}
