import {
  CannotChangeOwnerError,
  CannotChangeSelfError,
  NotAllowedError,
  OwnerOnlyError,
  OwnerRoleNotAssignableError,
} from './errors.ts';
import { isStaff, type Role } from './user.ts';

type Party = Readonly<{ id: string; role: Role }>;

/** Who may manage users at all: admins and the owner. */
export function assertCanManageUsers(actor: Pick<Party, 'role'>): void {
  if (!isStaff(actor.role)) throw new NotAllowedError();
}

/**
 * Only the owner grants or revokes `admin`; admins grant `moderator`; nobody changes their own
 * role or the owner's; `owner` is never granted (there is exactly one, made by the CLI).
 */
export function assertCanChangeRole(actor: Party, target: Party, newRole: Role): void {
  assertCanTouch(actor, target);
  if (newRole === 'owner') throw new OwnerRoleNotAssignableError();
  if ((target.role === 'admin' || newRole === 'admin') && actor.role !== 'owner') throw new OwnerOnlyError();
}

/** Blocking or unblocking: admins for students and moderators, only the owner for admins. */
export function assertCanChangeStatus(actor: Party, target: Party): void {
  assertCanTouch(actor, target);
  if (target.role === 'admin' && actor.role !== 'owner') throw new OwnerOnlyError();
}

function assertCanTouch(actor: Party, target: Party): void {
  assertCanManageUsers(actor);
  if (actor.id === target.id) throw new CannotChangeSelfError();
  if (target.role === 'owner') throw new CannotChangeOwnerError();
}
