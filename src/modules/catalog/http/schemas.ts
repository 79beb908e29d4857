import { Type } from 'typebox';
import type { TrackOverview } from '../application/queries/admin-tracks.ts';
import type { SettingsVersionView } from '../application/reads.ts';
import { TRACK_STATUSES } from '../domain/track.ts';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((value) => Type.Literal(value)));
const Id = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });

/** PostgreSQL text cannot hold U+0000: a search with it is malformed. */
export const NO_NUL = '^[^\\u0000]*$';

export const IdParams = Type.Object({ id: Id });
export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) });
export const VersionParams = Type.Object({ id: Id, version: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
export const TrackStatus = literals(TRACK_STATUSES);

export const Paging = {
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
};

// Lengths and formats are the use cases' rules (a 422 naming every failing field); these only bound the input.
const Text = (description: string) => Type.String({ maxLength: 100_000, description });
export const Slug = Text('lowercase letters a-z, digits and single hyphens, at most 80 characters');
export const Title = Text('1 to 200 characters');
export const Description = Text('Markdown, at most 20000 characters');
export const Position = Type.Integer({ minimum: -2_147_483_648, maximum: 2_147_483_647, description: '1..n' });

export const StageSchema = Type.Object({
  id: Id,
  position: Type.Integer(),
  title: Type.String(),
  description: Type.String(),
});
export const ModuleSchema = Type.Object({
  id: Id,
  slug: Type.String(),
  position: Type.Integer(),
  title: Type.String(),
  description: Type.String(),
});

export const TrackCardSchema = Type.Object({
  id: Id,
  slug: Type.String(),
  title: Type.String(),
  description: Type.String({ description: 'Markdown' }),
  stageCount: Type.Integer(),
  moduleCount: Type.Integer(),
});

export const PublicTrackSchema = Type.Object({
  id: Id,
  slug: Type.String(),
  title: Type.String(),
  description: Type.String({ description: 'Markdown' }),
  stages: Type.Array(StageSchema),
  modules: Type.Array(ModuleSchema),
});

const Counted = Type.Object({ activeQuestions: Type.Integer({ description: 'active exam questions using it' }) });
const FieldErrors = Type.Array(Type.Object({ path: Type.String(), message: Type.String() }));

export const BlockerSchema = Type.Object({
  code: Type.String({
    description: 'stages_required, modules_required, settings_required, settings_outdated, question_bank_too_small',
  }),
  message: Type.String(),
  errors: FieldErrors,
});

export const AdminTrackSchema = Type.Object({
  id: Id,
  slug: Type.String(),
  title: Type.String(),
  description: Type.String(),
  status: TrackStatus,
  currentSettingsVersion: Type.Union([Type.Integer(), Type.Null()]),
  publishedAt: Type.Union([DateTime, Type.Null()]),
  createdAt: DateTime,
  updatedAt: DateTime,
  stages: Type.Array(Type.Intersect([StageSchema, Counted])),
  modules: Type.Array(Type.Intersect([ModuleSchema, Counted])),
  readiness: Type.Object({ canPublish: Type.Boolean(), blockers: Type.Array(BlockerSchema) }),
});

export const TrackListItemSchema = Type.Object({
  ...TrackCardSchema.properties,
  status: TrackStatus,
  currentSettingsVersion: Type.Union([Type.Integer(), Type.Null()]),
  updatedAt: DateTime,
});

const Int = Type.Integer();
const Exam = Type.Object({
  questionCount: Int,
  minPerModule: Int,
  maxPerModule: Int,
  passPercent: Int,
  timeLimitMinutes: Int,
  cooldownMinutes: Int,
  revealCorrectAnswers: Type.Boolean(),
});
export const SettingsParamsSchema = Type.Object({
  diagnostic: Type.Object({ questionsPerModule: Int }),
  adaptivity: Type.Object({ weakModules: Int }),
  content: Type.Object({ extraArticlesPerWeakModule: Int, minitestPassPercent: Int }),
  levelExam: Exam,
  rankFinal: Exam,
  approval: Type.Object({ required: Type.Boolean() }),
});

export const SettingsVersionSchema = Type.Object({
  version: Type.Integer(),
  current: Type.Boolean(),
  note: Type.String(),
  createdAt: DateTime,
  createdBy: Type.Union([Type.Object({ id: Id, displayName: Type.String() }), Type.Null()]),
  params: SettingsParamsSchema,
});

export const NewSettingsVersion = Type.Object({
  params: Type.Object({}, { additionalProperties: true, description: 'fields left out take the defaults' }),
  note: Type.Optional(Type.String({ maxLength: 10_000, description: 'at most 500 characters' })),
});

export const NoContent = Type.Null({ description: 'no content' });

export function trackJson(
  track: TrackOverview,
  blockers: { code: string; message: string; errors: { path: string; message: string }[] }[],
) {
  const counted = <T extends { id: string }>(items: readonly T[], counts: ReadonlyMap<string, number>) =>
    items.map((item) => ({ ...item, activeQuestions: counts.get(item.id) ?? 0 }));
  return {
    ...track,
    publishedAt: track.publishedAt?.toISOString() ?? null,
    createdAt: track.createdAt.toISOString(),
    updatedAt: track.updatedAt.toISOString(),
    stages: counted(track.stages, track.activeQuestions.byStage),
    modules: counted(track.modules, track.activeQuestions.byModule),
    readiness: { canPublish: blockers.length === 0, blockers },
  };
}

export function versionJson(version: SettingsVersionView, currentVersion: number | null) {
  return { ...version, current: version.version === currentVersion, createdAt: version.createdAt.toISOString() };
}
