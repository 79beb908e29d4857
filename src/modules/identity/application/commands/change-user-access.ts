import { assertCanChangeRole, assertCanChangeStatus, assertCanManageUsers } from '../../domain/access-rules.ts';
import type { RequestOrigin } from '../../domain/audit.ts';
import { UserNotFoundError } from '../../domain/errors.ts';
import { type Role, unblockedStatus } from '../../domain/user.ts';
import type { IdentityDeps } from '../deps.ts';

export type ChangeUserAccessInput = {
  actorId: string;
  targetId: string;
  role?: Role | undefined;
  status?: 'active' | 'blocked' | undefined;
  origin: RequestOrigin;
  now: Date;
};

/** An admin's (or the owner's) change of another user's role or status; blocking ends sessions. */
export function makeChangeUserAccess(deps: Pick<IdentityDeps, 'uow'>) {
  return async function changeUserAccess(input: ChangeUserAccessInput): Promise<void> {
    await deps.uow.run(async (tx) => {
      const actor = await tx.users.byId(input.actorId);
      if (!actor) throw new UserNotFoundError(input.actorId);
      assertCanManageUsers(actor);
      const target = await tx.users.lockById(input.targetId);
      if (!target) throw new UserNotFoundError(input.targetId);
      const audit = { at: input.now, actorId: actor.id, subjectId: target.id, origin: input.origin };

      if (input.role !== undefined && input.role !== target.role) {
        assertCanChangeRole(actor, target, input.role);
        await tx.users.changeRole(target.id, input.role, input.now);
        await tx.audit.record({
          ...audit,
          action: 'user.role_changed',
          details: { from: target.role, to: input.role },
        });
      }
      if (input.status !== undefined) {
        const next =
          input.status === 'blocked'
            ? 'blocked'
            : target.status === 'blocked'
              ? unblockedStatus(target)
              : target.status;
        if (next === target.status) return;
        assertCanChangeStatus(actor, target);
        await tx.users.changeStatus(target.id, next, input.now);
        const ended = next === 'blocked' ? await tx.sessions.revokeAllOfUser(target.id, 'blocked', input.now) : 0;
        await tx.audit.record({
          ...audit,
          action: 'user.status_changed',
          details: { from: target.status, to: next, sessionsEnded: ended },
        });
      }
    });
  };
}
