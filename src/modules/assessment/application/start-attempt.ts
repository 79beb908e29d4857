import type { SettingsParams } from '../../catalog/index.ts';
import { cooldownSecondsLeft, deadlineOf, lastFailureAt } from '../domain/attempt-rules.ts';
import { composeDiagnostic } from '../domain/compose-diagnostic.ts';
import { composeExam } from '../domain/compose-exam.ts';
import type { ComposedQuestion, PoolQuestion } from '../domain/composition-types.ts';
import {
  AlreadyPassedError,
  CooldownError,
  DiagnosticAlreadyTakenError,
  EnrollmentNotFoundError,
  QuestionBankTooSmallError,
} from '../domain/errors.ts';
import { createSeededRandom } from '../domain/seeded-random.ts';
import type { AttemptScope, AttemptStarter, StartAttemptRequest, StartedAttempt } from './contract.ts';
import type { AssessmentDeps, AssessmentRepositories, ScopeAttempt } from './ports.ts';

type StartDeps = Pick<AssessmentDeps, 'newId' | 'newSeed'>;

/**
 * Starts an attempt in the caller's transaction. The enrollment row is locked first, so parallel
 * starts of one student on one track run one after another: the second finds the first's attempt.
 */
export function attemptStarter(deps: StartDeps, repositories: AssessmentRepositories): AttemptStarter {
  const { attempts } = repositories;
  return {
    async start(request) {
      const { userId, scope } = request;
      if (!(await attempts.lockEnrollment(userId, scope.trackId))) throw new EnrollmentNotFoundError();
      const history = await attempts.scopeHistory(userId, scope);
      const open = openOf(history);
      if (open) return { attemptId: open.id, created: false, deadlineAt: open.deadlineAt };
      refuseByRules(history, request);

      const seed = deps.newSeed();
      const questions = await compose(repositories, request, seed, history);
      const timed = examSettings(request.settings, scope);
      const attempt = {
        id: deps.newId(),
        userId,
        trackId: scope.trackId,
        kind: scope.kind,
        stageId: scope.kind === 'level_exam' ? scope.stageId : null,
        articleId: scope.kind === 'minitest' ? scope.articleId : null,
        settingsVersion: request.settingsVersion,
        number: (history[0]?.number ?? 0) + 1,
        seed,
        startedAt: request.now,
        deadlineAt: timed ? deadlineOf(request.now, timed.timeLimitMinutes, request.extraTimePercent) : null,
        passPercent: passPercentOf(request.settings, scope),
        questions,
      };
      if ((await attempts.insert(attempt)) === 'scope_taken') return raceLost(repositories, request);
      await repositories.pools.markUsed(
        questions.map((question) => question.questionId),
        request.now,
      );
      return { attemptId: attempt.id, created: true, deadlineAt: attempt.deadlineAt };
    },
  };
}

/** The newest in-progress attempt of the scope (the history is newest first). */
function openOf(history: readonly ScopeAttempt[]): ScopeAttempt | undefined {
  return history.find((attempt) => attempt.status === 'in_progress');
}

function refuseByRules(history: readonly ScopeAttempt[], request: StartAttemptRequest): void {
  const { scope } = request;
  if (scope.kind === 'diagnostic') {
    if (history.length > 0) throw new DiagnosticAlreadyTakenError();
    return;
  }
  const exam = examSettings(request.settings, scope);
  if (!exam) return;
  if (history.some((attempt) => attempt.status === 'passed')) throw new AlreadyPassedError();
  const wait = cooldownSecondsLeft(lastFailureAt(history), exam.cooldownMinutes, request.now);
  if (wait > 0) throw new CooldownError(wait);
}

/** A concurrent start won a unique index of the scope: return its attempt, or its rule's error. */
async function raceLost(repositories: AssessmentRepositories, request: StartAttemptRequest): Promise<StartedAttempt> {
  const history = await repositories.attempts.scopeHistory(request.userId, request.scope);
  const open = openOf(history);
  if (open) return { attemptId: open.id, created: false, deadlineAt: open.deadlineAt };
  refuseByRules(history, request);
  throw new Error('attempt start lost a race it cannot explain');
}

function examSettings(settings: SettingsParams, scope: AttemptScope) {
  if (scope.kind === 'level_exam') return settings.levelExam;
  if (scope.kind === 'rank_final') return settings.rankFinal;
  return undefined;
}

function passPercentOf(settings: SettingsParams, scope: AttemptScope): number | null {
  if (scope.kind === 'diagnostic') return null;
  if (scope.kind === 'minitest') return settings.content.minitestPassPercent;
  return (examSettings(settings, scope) ?? settings.levelExam).passPercent;
}

async function compose(
  repositories: AssessmentRepositories,
  request: StartAttemptRequest,
  seed: number,
  history: readonly ScopeAttempt[],
): Promise<readonly ComposedQuestion[]> {
  const { scope, settings } = request;
  const { pools } = repositories;
  if (scope.kind === 'minitest') {
    const pool = await pools.minitest(scope.articleId);
    if (pool.length === 0) throw await tooSmall(repositories, scope.trackId, [], 0, 1);
    return createSeededRandom(seed)
      .shuffle(pool)
      .map((question, index) => ({ questionId: question.id, moduleId: question.moduleId, position: index + 1 }));
  }
  if (scope.kind === 'diagnostic') {
    const byModule = poolsByModule(await pools.diagnostic(scope.trackId));
    const modules = request.mastery.map((module) => ({
      id: module.moduleId,
      position: module.position,
      pool: byModule.get(module.moduleId) ?? [],
    }));
    const { questions } = composeDiagnostic({
      modules,
      questionsPerModule: settings.diagnostic.questionsPerModule,
      seed,
    });
    if (questions.length === 0) {
      const wanted = settings.diagnostic.questionsPerModule * modules.length;
      throw await tooSmall(repositories, scope.trackId, [], 0, Math.max(1, wanted));
    }
    return questions;
  }
  const exam = examSettings(settings, scope) ?? settings.levelExam;
  const byModule = poolsByModule(await pools.exam(scope.trackId, scope.kind === 'level_exam' ? scope.stageId : null));
  const composition = composeExam({
    modules: request.mastery.map((module) => ({
      id: module.moduleId,
      position: module.position,
      mastery: module.mastery,
      pool: byModule.get(module.moduleId) ?? [],
    })),
    questionCount: exam.questionCount,
    minPerModule: exam.minPerModule,
    maxPerModule: exam.maxPerModule,
    weakModules: settings.adaptivity.weakModules,
    seen: new Set(history.flatMap((attempt) => attempt.questionIds)),
    seed,
  });
  if (!composition.ok) {
    throw await tooSmall(
      repositories,
      scope.trackId,
      composition.exhaustedModuleIds,
      composition.available,
      exam.questionCount,
    );
  }
  return composition.questions;
}

/** One pass over the pool (it holds a whole track's bank), keeping each module's order. */
function poolsByModule(pool: readonly PoolQuestion[]): Map<string, PoolQuestion[]> {
  const byModule = new Map<string, PoolQuestion[]>();
  for (const question of pool) {
    const questions = byModule.get(question.moduleId);
    if (questions) questions.push(question);
    else byModule.set(question.moduleId, [question]);
  }
  return byModule;
}

/** Names the modules whose pools ran out (every module when the engine named none). */
async function tooSmall(
  { tracks }: AssessmentRepositories,
  trackId: string,
  moduleIds: readonly string[],
  available: number,
  required: number,
): Promise<QuestionBankTooSmallError> {
  const modules = (await tracks.outline(trackId))?.modules ?? [];
  const named = moduleIds.length > 0 ? modules.filter((module) => moduleIds.includes(module.id)) : modules;
  return new QuestionBankTooSmallError(
    named.map((module) => module.title),
    available,
    required,
  );
}
