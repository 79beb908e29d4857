import { EmailTakenError, OwnerExistsError } from '../../domain/errors.ts';
import { assertAcceptablePassword } from '../../domain/password-policy.ts';
import { normalizeDisplayName, normalizeEmail, type UserLocale } from '../../domain/user.ts';
import type { IdentityDeps } from '../deps.ts';

export type CreateOwnerInput = { email: string; password: string; displayName: string; locale: UserLocale; now: Date };

/** The one owner, made from the command line (no default accounts): active and verified. */
export function makeCreateOwner(deps: IdentityDeps) {
  return async function createOwner(input: CreateOwnerInput): Promise<{ id: string; email: string }> {
    assertAcceptablePassword(input.password, deps.commonPasswords.isCommon);
    const passwordHash = await deps.hasher.hash(input.password);
    const email = normalizeEmail(input.email);
    const displayName = normalizeDisplayName(input.displayName);
    return deps.uow.run(async (tx) => {
      if (await tx.users.ownerExists()) throw new OwnerExistsError();
      const owner = await tx.users.createIfAbsent({
        id: deps.newId(),
        email,
        passwordHash,
        displayName,
        locale: input.locale,
        role: 'owner',
        status: 'active',
        emailVerifiedAt: input.now,
        now: input.now,
      });
      if (!owner) throw new EmailTakenError();
      await tx.audit.record({
        at: input.now,
        actorId: null,
        action: 'user.owner_created',
        subjectId: owner.id,
        origin: null,
      });
      return { id: owner.id, email: owner.email };
    });
  };
}
