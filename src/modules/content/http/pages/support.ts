import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ForbiddenError } from '../../../../shared/domain/errors.ts';
import { isUuid } from '../../../../shared/domain/ids.ts';
import { pageUser } from '../../../../shared/http/auth-guards.ts';
import { isHtmx } from '../../../../shared/http/request-kind.ts';
import type { ContentActor } from '../../application/contract.ts';

export { type FormBody, formSchema, pageNumber } from '../../../../shared/http/page-forms.ts';

export const ID_PARAMS = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const SLUG_PARAMS = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) });

const STAFF_ROLES: ReadonlySet<string> = new Set(['moderator', 'admin', 'owner']);

class NotContentStaffError extends ForbiddenError {
  constructor() {
    super('content.forbidden', 'articles are written by moderators, admins and the owner');
  }
}

/** The reader of the public pages: a signed-in user (who also sees `students` articles) or a guest. */
export function readerOf(request: FastifyRequest): ContentActor | null {
  const user = request.user;
  return user ? { id: user.id, role: user.role } : null;
}

/** The signed-in editor of the admin pages; anyone but staff gets the 403 page. */
export function staffActor(request: FastifyRequest): ContentActor {
  const user = pageUser(request);
  if (!STAFF_ROLES.has(user.role)) throw new NotContentStaffError();
  return { id: user.id, role: user.role };
}

/** preHandler (after `pageUserGuard`): the 403 page for students before any work is done. */
export async function requireStaff(request: FastifyRequest): Promise<void> {
  staffActor(request);
}

/** An htmx request for a fragment (a history restore wants the whole page). */
export function wantsFragment(request: FastifyRequest): boolean {
  return isHtmx(request) && request.headers['hx-history-restore-request'] !== 'true';
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

/** A query value that is a UUID, else undefined (a hand-edited URL lists as if unfiltered). */
export function uuidOrUndefined(value: string | undefined): string | undefined {
  const text = value?.trim().toLowerCase();
  return text && isUuid(text) ? text : undefined;
}
