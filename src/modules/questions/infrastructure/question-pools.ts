import type { Db } from '../../../shared/infrastructure/db/database.ts';

/** A question an attempt may draw: its module and its stage tier (null = any stage). */
export type PoolQuestion = Readonly<{ id: string; moduleId: string; stagePosition: number | null }>;

/** Every exam question (not mini-test ones) of a track as of one generation of its bank. */
type TrackPool = Readonly<{
  generation: string;
  /** By id, so the same bank always yields the same pool order. */
  all: readonly PoolQuestion[];
  /** Per stage tier (null = any stage), each by id. */
  byStage: ReadonlyMap<string | null, readonly PoolQuestion[]>;
  /** A stage's level-exam pool (its tier and the untiered questions), merged once per generation. */
  examByStage: Map<string, readonly PoolQuestion[]>;
}>;

/**
 * The exam pools of the tracks, kept in memory between requests. A track's copy is used while
 * `question_pool_generations` (bumped by triggers on every change of the track's questions or
 * stages, migration 0014) still shows the generation it was loaded at — so a start reads one
 * primary-key row instead of every question of the track. One cache per application (per
 * database): never share it between databases.
 */
export type QuestionPoolCache = {
  get(trackId: string): TrackPool | undefined;
  set(trackId: string, pool: TrackPool): void;
  /**
   * One read per track and generation at a time: when a class starts its exams together on a
   * cold cache, the first start reads the pool and the others wait for that read instead of
   * each reading the whole bank (a failed shared read makes each waiter read on its own).
   */
  load(trackId: string, generation: string, read: () => Promise<TrackPool>): Promise<TrackPool>;
};

/** At most this many tracks' pools stay in memory (the least recently loaded go first). */
const MAX_CACHED_TRACKS = 64;

export function createQuestionPoolCache(): QuestionPoolCache {
  const pools = new Map<string, TrackPool>();
  const reading = new Map<string, Promise<TrackPool>>();
  const cache: QuestionPoolCache = {
    get: (trackId) => pools.get(trackId),
    set(trackId, pool) {
      pools.delete(trackId);
      pools.set(trackId, pool);
      if (pools.size > MAX_CACHED_TRACKS) pools.delete(pools.keys().next().value!);
    },
    async load(trackId, generation, read) {
      const key = `${trackId}:${generation}`;
      const shared = reading.get(key);
      if (shared) return shared.catch(read);
      const own = read().then((pool) => {
        cache.set(trackId, pool);
        return pool;
      });
      reading.set(key, own);
      try {
        return await own;
      } finally {
        reading.delete(key);
      }
    },
  };
  return cache;
}

/**
 * The assessment module's view of the bank (pool or transaction): only active questions, by id
 * so the same bank always yields the same pool order.
 */
export function createQuestionPools(executor: Db, cache: QuestionPoolCache = createQuestionPoolCache()) {
  const active = () =>
    executor
      .selectFrom('questions')
      .leftJoin('stages', 'stages.id', 'questions.stageId')
      .select(['questions.id', 'questions.moduleId', 'stages.position as stagePosition'])
      .where('questions.status', '=', 'active')
      .orderBy('questions.id');

  async function trackPool(trackId: string): Promise<TrackPool> {
    const generation = await generationOf(executor, trackId);
    const cached = cache.get(trackId);
    if (cached?.generation === generation) return cached;
    // Read after the generation: the rows are at least as new as it, never older.
    return cache.load(trackId, generation, async () => {
      const rows = await active()
        .select('questions.stageId')
        .where('questions.trackId', '=', trackId)
        .where('questions.articleId', 'is', null)
        .execute();
      return poolOf(generation, rows);
    });
  }

  return {
    /** Exam questions (not mini-test ones) of the track: of no stage or of `stageId`; of any stage when null. */
    async exam(trackId: string, stageId: string | null): Promise<readonly PoolQuestion[]> {
      const pool = await trackPool(trackId);
      if (stageId === null) return pool.all;
      let exam = pool.examByStage.get(stageId);
      if (!exam) {
        exam = mergeById(pool.byStage.get(null) ?? [], pool.byStage.get(stageId) ?? []);
        pool.examByStage.set(stageId, exam);
      }
      return exam;
    },
    /** Every exam question of the track, any stage tier. */
    async diagnostic(trackId: string): Promise<readonly PoolQuestion[]> {
      return (await trackPool(trackId)).all;
    },
    /** The mini-test of an article. */
    async minitest(articleId: string): Promise<PoolQuestion[]> {
      return active().where('questions.articleId', '=', articleId).execute();
    },
  };
}

async function generationOf(executor: Db, trackId: string): Promise<string> {
  const row = await executor
    .selectFrom('questionPoolGenerations')
    .select('generation')
    .where('trackId', '=', trackId)
    .executeTakeFirst();
  return row?.generation ?? '0';
}

function poolOf(
  generation: string,
  rows: readonly Readonly<{ id: string; moduleId: string; stageId: string | null; stagePosition: number | null }>[],
): TrackPool {
  const all: PoolQuestion[] = [];
  const byStage = new Map<string | null, PoolQuestion[]>();
  for (const row of rows) {
    const question = { id: row.id, moduleId: row.moduleId, stagePosition: row.stagePosition };
    all.push(question);
    const tier = byStage.get(row.stageId);
    if (tier) tier.push(question);
    else byStage.set(row.stageId, [question]);
  }
  return { generation, all, byStage, examByStage: new Map() };
}

/** Two lists ordered by id, as one list ordered by id (the order the old single query gave). */
function mergeById(a: readonly PoolQuestion[], b: readonly PoolQuestion[]): PoolQuestion[] {
  const merged: PoolQuestion[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(a[i]!.id < b[j]!.id ? a[i++]! : b[j++]!);
  while (i < a.length) merged.push(a[i++]!);
  while (j < b.length) merged.push(b[j++]!);
  return merged;
}
