import { Type } from 'typebox';
import type { EnrollmentView } from '../application/contract.ts';

export const Uuid = Type.String({ format: 'uuid' });
export const DateTime = Type.String({ format: 'date-time' });
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const EnrollmentStatusSchema = Type.Union([
  Type.Literal('diagnostic'),
  Type.Literal('learning'),
  Type.Literal('final'),
  Type.Literal('graduated'),
]);
export const StageStatusSchema = Type.Union([
  Type.Literal('locked'),
  Type.Literal('active'),
  Type.Literal('pending_approval'),
  Type.Literal('completed'),
]);

export const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 300 }) });
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
export const StageParams = Type.Object({
  slug: Type.String({ minLength: 1, maxLength: 300 }),
  position: Type.Integer({ minimum: 1, maximum: 10_000 }),
});
export const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 100 }) });

export const TrackRefSchema = Type.Object({ id: Uuid, slug: Type.String(), title: Type.String() });

export const EnrollmentSchema = Type.Object({
  id: Uuid,
  userId: Uuid,
  track: TrackRefSchema,
  status: EnrollmentStatusSchema,
  extraTimePercent: Type.Integer(),
  enrolledAt: DateTime,
  graduatedAt: Nullable(DateTime),
});
export const EnrollmentResult = Type.Object({ enrollment: EnrollmentSchema });

/** A started (or resumed) attempt: where to take it. */
export const StartResultSchema = Type.Object({ attemptId: Uuid, created: Type.Boolean() });

export const iso = (date: Date | null) => date?.toISOString() ?? null;

export function enrollmentJson(enrollment: EnrollmentView) {
  return {
    ...enrollment,
    track: { ...enrollment.track },
    enrolledAt: enrollment.enrolledAt.toISOString(),
    graduatedAt: iso(enrollment.graduatedAt),
  };
}
