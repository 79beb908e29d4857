import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ForbiddenError } from '../../../../shared/domain/errors.ts';
import { isUuid } from '../../../../shared/domain/ids.ts';
import { pageUser } from '../../../../shared/http/auth-guards.ts';
import type { Actor } from '../../../assessment/index.ts';

export const ID_PARAMS = Type.Object({ id: Type.String({ format: 'uuid' }) });

class NotDecidingStaffError extends ForbiddenError {
  constructor() {
    super('approvals.forbidden', 'approvals and enrollments are managed by admins and the owner');
  }
}

/** The signed-in admin or owner of these pages; anyone else gets the 403 page. */
export function staffActor(request: FastifyRequest): Actor {
  const user = pageUser(request);
  if (user.role !== 'admin' && user.role !== 'owner') throw new NotDecidingStaffError();
  return { id: user.id, role: user.role };
}

/** preHandler (after `pageUserGuard`): the 403 page before any work is done. */
export async function requireDecidingStaff(request: FastifyRequest): Promise<void> {
  staffActor(request);
}

export function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

/** A query value that is a UUID, else undefined (a hand-edited URL lists as if unfiltered). */
export function uuidOrUndefined(value: string | undefined): string | undefined {
  const text = value?.trim().toLowerCase();
  return text && isUuid(text) ? text : undefined;
}
