import { QuestionsForbiddenError } from './errors.ts';

export type QuestionActorRole = 'student' | 'moderator' | 'admin' | 'owner';

const BANK_ROLES: ReadonlySet<QuestionActorRole> = new Set(['moderator', 'admin', 'owner']);

/** The bank (with its correct options) is for moderators, admins and the owner. */
export function assertCanManageQuestions(actor: Readonly<{ role: QuestionActorRole }>): void {
  if (!BANK_ROLES.has(actor.role)) throw new QuestionsForbiddenError();
}
