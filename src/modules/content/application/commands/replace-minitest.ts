import type { FieldIssue } from '../../../../shared/domain/errors.ts';
import { isUuid } from '../../../../shared/domain/ids.ts';
import { assertCanEdit } from '../../domain/access.ts';
import { ArticleNotFoundError, InvalidMinitestError, MinitestNeedsModuleError } from '../../domain/errors.ts';
import type { ContentUseCases, MinitestQuestionDraft } from '../contract.ts';
import type { ContentDeps } from '../ports.ts';

export const MINITEST_MAX = 20;

function normalized(question: MinitestQuestionDraft): MinitestQuestionDraft {
  return {
    kind: question.kind,
    text: question.text.trim(),
    options: question.options.map((option) => option.trim()),
    correct: [...question.correct],
    explanation: question.explanation.trim(),
  };
}

/**
 * Replaces the article's mini-test in one transaction: questions some attempt already used are
 * retired (their rows are kept forever), the others deleted, the new ones inserted in order.
 */
export function replaceMinitest(deps: ContentDeps): ContentUseCases['replaceMinitest'] {
  return async ({ actor, id, questions, now }) => {
    assertCanEdit(actor);
    if (!isUuid(id)) throw new ArticleNotFoundError();
    const articleId = await deps.uow.run(async ({ articles, tracks }) => {
      const article = await articles.lockById(id.toLowerCase());
      if (!article) throw new ArticleNotFoundError();
      if (article.trackId === null || article.moduleId === null) throw new MinitestNeedsModuleError();
      const place = { trackId: article.trackId, moduleId: article.moduleId, stageId: article.stageId };
      const track = await tracks.places(article.trackId);
      if (!track) throw new MinitestNeedsModuleError();
      const drafts = questions.map(normalized);
      const issues: FieldIssue[] = [];
      if (drafts.length > MINITEST_MAX) {
        issues.push({
          path: '/questions',
          code: 'too_many_questions',
          params: { max: MINITEST_MAX, count: drafts.length },
        });
      }
      drafts.forEach((draft, index) => {
        for (const issue of deps.minitestRules({ ...draft, ...place }, track)) {
          issues.push({ ...issue, path: `/questions/${index}${issue.path}` });
        }
      });
      if (issues.length > 0) throw new InvalidMinitestError(issues);
      await articles.clearMinitest(article.id, now);
      await articles.insertMinitest(
        drafts.map((draft) => ({ ...draft, ...place, id: deps.newId(), articleId: article.id })),
        now,
        actor.id,
      );
      return article.id;
    });
    return deps.reads.minitest(articleId);
  };
}
