import type { RequestOrigin } from '../../domain/audit.ts';
import { assertAcceptablePassword } from '../../domain/password-policy.ts';
import { normalizeDisplayName, normalizeEmail, type UserLocale } from '../../domain/user.ts';
import type { IdentityDeps } from '../deps.ts';
import { consumeThrottle, mailThrottle } from '../throttle.ts';

export type RegisterUserInput = {
  email: string;
  password: string;
  displayName: string;
  locale: UserLocale;
  origin: RequestOrigin;
  now: Date;
};

/**
 * The answer never says whether the address has an account: a new one gets a verification
 * email, a taken one an "you already have an account" email (both through the outbox).
 */
export function makeRegisterUser(deps: IdentityDeps) {
  return async function registerUser(input: RegisterUserInput): Promise<void> {
    const email = normalizeEmail(input.email);
    const displayName = normalizeDisplayName(input.displayName);
    await consumeThrottle(deps.limiter, mailThrottle(email, input.origin.ip, 'verification'));
    assertAcceptablePassword(input.password, deps.commonPasswords.isCommon);
    const passwordHash = await deps.hasher.hash(input.password); // for a taken address too: same timing

    await deps.uow.run(async (tx) => {
      const created = await tx.users.createIfAbsent({
        id: deps.newId(),
        email,
        passwordHash,
        displayName,
        locale: input.locale,
        role: 'student',
        status: 'pending_verification',
        emailVerifiedAt: null,
        now: input.now,
      });
      if (!created) {
        const existing = await tx.users.byEmail(email);
        if (existing) await tx.outbox.add({ type: 'user.registration_repeated', payload: { userId: existing.id } });
        return;
      }
      await tx.outbox.add({ type: 'user.registered', payload: { userId: created.id } });
      await tx.audit.record({
        at: input.now,
        actorId: created.id,
        action: 'user.registered',
        subjectId: created.id,
        origin: input.origin,
      });
    });
  };
}
