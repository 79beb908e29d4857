import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { pageUser } from '../../../../shared/http/auth-guards.ts';
import type { QuestionActor } from '../../application/contract.ts';
import { assertCanManageQuestions } from '../../domain/access.ts';

export { type FormBody, formSchema, pageNumber } from '../../../../shared/http/page-forms.ts';

export const ID_PARAMS = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** The signed-in user as the question bank's use cases take it; anyone but staff gets the 403 page. */
export function staffActor(request: FastifyRequest): QuestionActor {
  const user = pageUser(request);
  assertCanManageQuestions(user);
  return { id: user.id, role: user.role };
}

/** preHandler (after `pageUserGuard`): the 403 page for students before any work is done. */
export async function requireStaff(request: FastifyRequest): Promise<void> {
  staffActor(request);
}

export { type FormFailure, formFailure } from '../../../../shared/http/form-failure.ts';

export function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

/** A form value trimmed, or undefined when empty. */
export function trimmed(value: string | undefined, max = 200): string | undefined {
  const text = value?.trim().slice(0, max);
  return text ? text : undefined;
}
