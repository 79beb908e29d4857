import type { FieldIssue } from '../../../shared/domain/errors.ts';
import {
  ModulesRequiredError,
  QuestionBankTooSmallError,
  SettingsOutdatedError,
  SettingsRequiredError,
  StagesRequiredError,
} from './errors.ts';
import { type FeasibilityGap, findFeasibilityGaps } from './feasibility.ts';
import { type SettingsParams, validateSettings } from './settings.ts';

/** What publishing and activation look at: the track's stages and modules in position order. */
export type TrackOutline = Readonly<{
  stages: readonly Readonly<{ id: string; position: number; title: string }>[];
  modules: readonly Readonly<{ id: string; slug: string; title: string }>[];
}>;

/** Active exam questions as the bank reports them (stage null = any stage). */
export type PoolQuestion = Readonly<{ moduleId: string; stageId: string | null }>;

/** One module short of questions for one exam. */
export type Shortage = Readonly<{
  scope: FeasibilityGap['scope'];
  stage: Readonly<{ position: number; title: string }> | null;
  module: Readonly<{ id: string; slug: string; title: string }>;
  /** Questions of the module the exam can draw from now. */
  available: number;
  /** How many it would need to fill the exam on its own (its cap per exam at most). */
  needed: number;
}>;

export type Blocker =
  | Readonly<{ code: 'stages_required' | 'modules_required' | 'settings_required' }>
  | Readonly<{ code: 'settings_outdated'; version: number; issues: readonly FieldIssue[] }>
  | Readonly<{ code: 'question_bank_too_small'; shortages: readonly Shortage[] }>;

export type StoredSettings = Readonly<{ version: number; params: unknown }>;

/** Everything that keeps the track from being published; empty when it can be. */
export function publicationBlockers(
  outline: TrackOutline,
  current: StoredSettings | null,
  pool: readonly PoolQuestion[],
): Blocker[] {
  const blockers: Blocker[] = [];
  if (outline.stages.length === 0) blockers.push({ code: 'stages_required' });
  if (outline.modules.length === 0) blockers.push({ code: 'modules_required' });
  if (!current) return [...blockers, { code: 'settings_required' }];
  const checked = validateSettings(current.params, outline.modules.length);
  if (!checked.ok)
    return [...blockers, { code: 'settings_outdated', version: current.version, issues: checked.issues }];
  const shortages = findShortages(outline, checked.params, pool);
  return shortages.length > 0 ? [...blockers, { code: 'question_bank_too_small', shortages }] : blockers;
}

/** Throws the error of the first blocker: the track cannot be published as it is. */
export function assertPublishable(
  outline: TrackOutline,
  current: StoredSettings | null,
  pool: readonly PoolQuestion[],
) {
  const [first] = publicationBlockers(outline, current, pool);
  if (first) throw blockerError(outline, first);
}

/** Stored settings re-checked against the track's modules now, and the bank able to fill every exam. */
export function assertActivatable(outline: TrackOutline, stored: StoredSettings, pool: readonly PoolQuestion[]) {
  const checked = validateSettings(stored.params, outline.modules.length);
  if (!checked.ok) throw blockerError(outline, { code: 'settings_outdated', ...stored, issues: checked.issues });
  const shortages = findShortages(outline, checked.params, pool);
  if (shortages.length > 0) throw blockerError(outline, { code: 'question_bank_too_small', shortages });
}

export function blockerError(outline: TrackOutline, blocker: Blocker) {
  switch (blocker.code) {
    case 'stages_required':
      return new StagesRequiredError();
    case 'modules_required':
      return new ModulesRequiredError();
    case 'settings_required':
      return new SettingsRequiredError();
    case 'settings_outdated':
      return new SettingsOutdatedError(blocker.version, withPrefix('/params', blocker.issues));
    case 'question_bank_too_small': {
      const first = blocker.shortages.find((s) => s.scope === 'level_exam') ?? blocker.shortages[0];
      return new QuestionBankTooSmallError(
        { ...(first ? shortageParams(outline, first) : {}), gaps: blocker.shortages.length },
        blocker.shortages.map((shortage) => shortageIssue(outline, shortage)),
      );
    }
  }
}

/** Every module short of questions for every exam the settings ask for. */
export function findShortages(
  outline: TrackOutline,
  params: SettingsParams,
  pool: readonly PoolQuestion[],
): Shortage[] {
  const positions = new Map(outline.stages.map((stage) => [stage.id, stage]));
  const modules = new Map(outline.modules.map((module) => [module.id, module]));
  const bank = pool.map((q) => ({
    moduleId: q.moduleId,
    stage: q.stageId ? (positions.get(q.stageId)?.position ?? -1) : null,
  }));
  const track = { stages: outline.stages.map((stage) => stage.position), moduleIds: outline.modules.map((m) => m.id) };
  return findFeasibilityGaps(params, track, bank).flatMap((gap) => {
    const cap = gap.scope === 'diagnostic' ? params.diagnostic.questionsPerModule : examOf(params, gap).maxPerModule;
    const stage = outline.stages.find((s) => s.position === gap.stage);
    const order = (id: string) => outline.modules.findIndex((module) => module.id === id);
    const shortModules = [...gap.modules].sort(
      (a, b) => a.available - b.available || order(a.moduleId) - order(b.moduleId),
    );
    return shortModules.map((short) => ({
      scope: gap.scope,
      stage: stage ? { position: stage.position, title: stage.title } : null,
      module: modules.get(short.moduleId) ?? { id: short.moduleId, slug: '', title: '' },
      available: short.available,
      needed: gap.scope === 'diagnostic' ? cap : Math.min(cap, short.available + gap.needed - gap.available),
    }));
  });
}

const examOf = (params: SettingsParams, gap: FeasibilityGap) =>
  gap.scope === 'rank_final' ? params.rankFinal : params.levelExam;

/** The stage a shortage is about: its position, or every stage ("1–3") for the diagnostic and the final. */
function stageLabel(outline: TrackOutline, shortage: Shortage): string {
  if (shortage.stage) return String(shortage.stage.position);
  const count = outline.stages.length;
  return count === 0 ? '—' : count === 1 ? '1' : `1–${count}`;
}

function shortageParams(outline: TrackOutline, shortage: Shortage) {
  return {
    stage: stageLabel(outline, shortage),
    stageTitle: shortage.stage?.title ?? '',
    module: shortage.module.title,
    moduleSlug: shortage.module.slug,
    available: shortage.available,
    needed: shortage.needed,
  };
}

function shortageIssue(outline: TrackOutline, shortage: Shortage): FieldIssue {
  const where =
    shortage.scope === 'level_exam'
      ? `/levelExam/stages/${shortage.stage?.position ?? 0}`
      : `/${camel(shortage.scope)}`;
  return {
    path: `${where}/modules/${shortage.module.slug}`,
    code: shortage.scope,
    params: shortageParams(outline, shortage),
  };
}

const camel = (scope: string) => scope.replace(/_(\w)/g, (_match, letter: string) => letter.toUpperCase());

export function withPrefix(prefix: string, issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.map((issue) => ({ ...issue, path: `${prefix}${issue.path}` }));
}
