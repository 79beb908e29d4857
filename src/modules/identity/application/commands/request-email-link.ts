import type { RequestOrigin } from '../../domain/audit.ts';
import { normalizeEmail } from '../../domain/user.ts';
import type { IdentityDeps } from '../deps.ts';
import { consumeThrottle, mailThrottle } from '../throttle.ts';

export type RequestEmailLinkInput = { email: string; origin: RequestOrigin; now: Date };

/**
 * Resending the verification link and requesting a password reset: the same answer for every
 * address; the mail (with a fresh one-time token) goes out through the outbox.
 */
export function makeResendVerification(deps: IdentityDeps) {
  return async function resendVerification(input: RequestEmailLinkInput): Promise<void> {
    const email = await throttled(deps, input, 'verification');
    await deps.uow.run(async (tx) => {
      const user = await tx.users.byEmail(email);
      if (user?.status !== 'pending_verification') return;
      await tx.outbox.add({ type: 'user.verification_requested', payload: { userId: user.id } });
    });
  };
}

export function makeRequestPasswordReset(deps: IdentityDeps) {
  return async function requestPasswordReset(input: RequestEmailLinkInput): Promise<void> {
    const email = await throttled(deps, input, 'reset');
    await deps.uow.run(async (tx) => {
      const user = await tx.users.byEmail(email);
      if (!user || user.status === 'blocked') return;
      await tx.outbox.add({ type: 'user.password_reset_requested', payload: { userId: user.id } });
    });
  };
}

async function throttled(deps: IdentityDeps, input: RequestEmailLinkInput, purpose: 'verification' | 'reset') {
  const email = normalizeEmail(input.email);
  await consumeThrottle(deps.limiter, mailThrottle(email, input.origin.ip, purpose));
  return email;
}
