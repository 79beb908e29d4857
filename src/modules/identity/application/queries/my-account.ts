import { UserNotFoundError } from '../../domain/errors.ts';
import type { IdentityDeps } from '../deps.ts';
import type { Profile, SessionView } from '../reads.ts';

export function makeGetProfile(deps: Pick<IdentityDeps, 'reads'>) {
  return async function getProfile(input: { actorId: string }): Promise<Profile> {
    const profile = await deps.reads.profile(input.actorId);
    if (!profile) throw new UserNotFoundError(input.actorId);
    return profile;
  };
}

export function makeListMySessions(deps: Pick<IdentityDeps, 'reads'>) {
  return async function listMySessions(input: { actorId: string; now: Date }): Promise<readonly SessionView[]> {
    return deps.reads.liveSessions(input.actorId, input.now);
  };
}

/** Whether the one owner exists yet (the server says how to create it when not). */
export function makeHasOwner(deps: Pick<IdentityDeps, 'uow'>) {
  return async function hasOwner(): Promise<boolean> {
    return deps.uow.run((tx) => tx.users.ownerExists());
  };
}
