import type { TestApp } from './app.ts';

/**
 * A small published track for learning-journey tests, built through the real use cases:
 * `stages` stages, `modules` modules, per module `perTier` questions for every stage tier plus
 * `untiered` questions of any stage; per stage one core article (with `minitestSize` mini-test
 * questions; the first option is always the correct one), per module one remedial article
 * without a stage (no mini-test). Settings are the defaults overridden by `settings`.
 */
export type LearningTrackOptions = {
  slug?: string;
  stages?: number;
  modules?: number;
  perTier?: number;
  untiered?: number;
  minitestSize?: number;
  /** Per stage: how many core articles (default 1). */
  coreArticles?: number;
  /** Per module: how many remedial articles (default 1). */
  remedialArticles?: number;
  settings?: SettingsOverrides;
};

type SettingsOverrides = { [group: string]: Record<string, number | boolean> };

export type LearningTrack = {
  id: string;
  slug: string;
  stages: { id: string; position: number }[];
  modules: { id: string; slug: string; position: number }[];
  /** Exam-pool question ids per module id. The correct option of every question is index 0. */
  questionsByModule: Map<string, string[]>;
  coreArticles: Map<string, string[]>;
  remedialArticles: Map<string, string[]>;
  settingsVersion: number;
};

/** Small exams that the fixture's pools can always fill. */
export const SMALL_SETTINGS: SettingsOverrides = {
  diagnostic: { questionsPerModule: 2 },
  adaptivity: { weakModules: 1 },
  content: { extraArticlesPerWeakModule: 1, minitestPassPercent: 50 },
  levelExam: {
    questionCount: 4,
    minPerModule: 1,
    maxPerModule: 2,
    passPercent: 50,
    timeLimitMinutes: 30,
    cooldownMinutes: 0,
  },
  rankFinal: {
    questionCount: 4,
    minPerModule: 1,
    maxPerModule: 2,
    passPercent: 50,
    timeLimitMinutes: 30,
    cooldownMinutes: 60,
  },
  approval: { required: true },
};

export async function createLearningTrack(
  test: TestApp,
  ownerId: string,
  options: LearningTrackOptions = {},
): Promise<LearningTrack> {
  const { catalog, questions, content } = test.container.modules;
  const actor = { id: ownerId, role: 'owner' as const };
  const now = () => test.container.clock.now();
  const slug = options.slug ?? `track-${Math.random().toString(36).slice(2, 10)}`;
  const stageCount = options.stages ?? 2;
  const moduleCount = options.modules ?? 3;
  const perTier = options.perTier ?? 4;
  const untiered = options.untiered ?? 2;
  const minitestSize = options.minitestSize ?? 2;

  const { id: trackId } = await catalog.useCases.createTrack({
    actor,
    slug,
    title: `Track ${slug}`,
    description: '',
    now: now(),
  });
  for (let index = 1; index <= stageCount; index += 1) {
    await catalog.useCases.addStage({ actor, trackId, title: `Stage ${index}`, description: '', now: now() });
  }
  for (let index = 1; index <= moduleCount; index += 1) {
    await catalog.useCases.addModule({
      actor,
      trackId,
      slug: `m${index}`,
      title: `Module ${index}`,
      description: '',
      now: now(),
    });
  }
  const track = await catalog.useCases.getTrack({ actor, trackId });
  const stages = track.stages.map((stage) => ({ id: stage.id, position: stage.position }));
  const modules = track.modules.map((module) => ({ id: module.id, slug: module.slug, position: module.position }));

  const questionsByModule = new Map<string, string[]>();
  for (const module of modules) {
    const ids: string[] = [];
    const tiers: (string | null)[] = [
      ...stages.flatMap((stage) => Array<string>(perTier).fill(stage.id)),
      ...Array<null>(untiered).fill(null),
    ];
    for (const [index, stageId] of tiers.entries()) {
      const question = await questions.useCases.createQuestion({
        actor,
        draft: {
          trackId,
          moduleId: module.id,
          stageId,
          kind: index % 3 === 2 ? 'multiple' : 'single',
          name: null,
          text: `${module.slug} question ${index + 1}?`,
          options: ['right', 'wrong', 'also wrong'],
          correct: [0],
          explanation: `Because ${module.slug}/${index + 1}.`,
        },
        now: now(),
      });
      ids.push(question.id);
    }
    questionsByModule.set(module.id, ids);
  }

  const write = { actor, origin: null };
  const article = async (title: string, stageId: string | null, moduleId: string | null, size: number) => {
    const created = await content.useCases.create({
      ...write,
      now: now(),
      draft: {
        title,
        slug: undefined,
        summary: `${title} in brief.`,
        body: `# ${title}\n\nStudy this.`,
        locale: 'en',
        tags: [],
        visibility: 'students',
        trackId,
        moduleId,
        stageId,
        position: null,
      },
    });
    if (size > 0) {
      await content.useCases.replaceMinitest({
        ...write,
        now: now(),
        id: created.id,
        questions: Array.from({ length: size }, (_, index) => ({
          kind: 'single' as const,
          text: `${title}: check ${index + 1}?`,
          options: ['right', 'wrong'],
          correct: [0],
          explanation: '',
        })),
      });
    }
    await content.useCases.publish({ ...write, now: now(), id: created.id });
    return created.id;
  };
  const coreArticles = new Map<string, string[]>();
  for (const stage of stages) {
    const ids: string[] = [];
    for (let index = 1; index <= (options.coreArticles ?? 1); index += 1) {
      ids.push(
        await article(`${slug} stage ${stage.position} core ${index}`, stage.id, modules[0]?.id ?? null, minitestSize),
      );
    }
    coreArticles.set(stage.id, ids);
  }
  const remedialArticles = new Map<string, string[]>();
  for (const module of modules) {
    const ids: string[] = [];
    for (let index = 1; index <= (options.remedialArticles ?? 1); index += 1) {
      ids.push(await article(`${slug} ${module.slug} remedial ${index}`, null, module.id, 0));
    }
    remedialArticles.set(module.id, ids);
  }

  const params = { ...SMALL_SETTINGS, ...options.settings };
  const { version } = await catalog.useCases.createSettingsVersion({
    actor,
    trackId,
    params,
    note: 'test',
    now: now(),
  });
  await catalog.useCases.activateSettingsVersion({ actor, trackId, version, now: now() });
  await catalog.useCases.updateTrack({ actor, trackId, status: 'published', now: now() });
  return {
    id: trackId,
    slug,
    stages,
    modules,
    questionsByModule,
    coreArticles,
    remedialArticles,
    settingsVersion: version,
  };
}
