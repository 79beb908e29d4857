/**
 * Which articles a stage assigns when it becomes active (DOMAIN.md "Article assignment"): every
 * core article of the stage, then for each weak module (weakest first) up to `extraPerWeakModule`
 * remedial articles the student has not completed before. An article is assigned at most once.
 */
export type PlannedArticle = Readonly<{ id: string }>;

export type WeakModule = Readonly<{ moduleId: string; mastery: number }>;

export type PlannedAssignment = Readonly<{
  articleId: string;
  reason: 'core' | 'remedial';
  weakModuleId: string | null;
  weakMastery: number | null;
  position: number;
}>;

export function planAssignments(input: {
  core: readonly PlannedArticle[];
  /** Weakest first. */
  weakModules: readonly WeakModule[];
  /** Remedial candidates per module, in their preferred order. */
  remedialByModule: ReadonlyMap<string, readonly PlannedArticle[]>;
  extraPerWeakModule: number;
  /** Articles the student completed in earlier stages. */
  completedArticleIds: ReadonlySet<string>;
}): PlannedAssignment[] {
  const planned: PlannedAssignment[] = [];
  const taken = new Set<string>();
  const add = (articleId: string, reason: PlannedAssignment['reason'], weak: WeakModule | null) => {
    taken.add(articleId);
    planned.push({
      articleId,
      reason,
      weakModuleId: weak?.moduleId ?? null,
      weakMastery: weak?.mastery ?? null,
      position: planned.length + 1,
    });
  };
  for (const article of input.core) if (!taken.has(article.id)) add(article.id, 'core', null);
  for (const weak of input.weakModules) {
    let added = 0;
    for (const article of input.remedialByModule.get(weak.moduleId) ?? []) {
      if (added >= input.extraPerWeakModule) break;
      if (taken.has(article.id) || input.completedArticleIds.has(article.id)) continue;
      add(article.id, 'remedial', weak);
      added += 1;
    }
  }
  return planned;
}
