import { assertCanManageUsers } from '../../domain/access-rules.ts';
import type { IdentityDeps } from '../deps.ts';
import type { AuditEventView, AuditFilter, Page, Principal, UserFilter, UserListItem } from '../reads.ts';

/** Admins and the owner list, search and filter users. */
export function makeListUsers(deps: Pick<IdentityDeps, 'reads'>) {
  return async function listUsers(input: {
    actor: Pick<Principal, 'role'>;
    filter: UserFilter;
  }): Promise<Page<UserListItem>> {
    assertCanManageUsers(input.actor);
    return deps.reads.users(input.filter);
  };
}

/** Admins and the owner browse the audit log. */
export function makeListAuditEvents(deps: Pick<IdentityDeps, 'reads'>) {
  return async function listAuditEvents(input: {
    actor: Pick<Principal, 'role'>;
    filter: AuditFilter;
  }): Promise<Page<AuditEventView>> {
    assertCanManageUsers(input.actor);
    return deps.reads.auditEvents(input.filter);
  };
}
