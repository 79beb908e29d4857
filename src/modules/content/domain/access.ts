import { ContentForbiddenError } from './errors.ts';

export type ContentRole = 'student' | 'moderator' | 'admin' | 'owner';

const STAFF: ReadonlySet<ContentRole> = new Set(['moderator', 'admin', 'owner']);

export function isStaff(actor: Readonly<{ role: ContentRole }> | null): boolean {
  return actor !== null && STAFF.has(actor.role);
}

/** Writing articles is for moderators, admins and the owner. */
export function assertCanEdit(actor: Readonly<{ role: ContentRole }>): void {
  if (!isStaff(actor)) throw new ContentForbiddenError();
}

/** Which visibilities a reader may see: guests only public articles, any signed-in user both. */
export function visibleTo(reader: object | null): readonly ('public' | 'students')[] {
  return reader === null ? ['public'] : ['public', 'students'];
}
