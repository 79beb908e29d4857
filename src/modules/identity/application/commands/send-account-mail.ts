import type { Mailer } from '../../../../shared/application/mailer.ts';
import type { DeliveredEvent, OutboxHandler } from '../../../../shared/application/outbox.ts';
import { expiryOf, type OneTimeTokenPurpose } from '../../domain/one-time-token.ts';
import type { User } from '../../domain/user.ts';
import type { IdentityDeps } from '../deps.ts';

export type AccountMailKind = 'verify_email' | 'account_exists' | 'password_reset';

/** Renders localized text + HTML for one of identity's emails (implemented by the http layer). */
export type AccountMailRenderer = (
  kind: AccountMailKind,
  user: Pick<User, 'displayName' | 'locale' | 'email'>,
  token: string | undefined,
) => { subject: string; text: string; html: string };

const TOKEN_FOR: Record<AccountMailKind, OneTimeTokenPurpose | undefined> = {
  verify_email: 'email_verification',
  account_exists: undefined,
  password_reset: 'password_reset',
};

/**
 * Outbox handlers that mail a user. The one-time token is made here, at delivery, so its raw
 * value exists only in the email: its hash is stored in the same transaction, which rolls back
 * (leaving the event to be retried) when the mail server refuses the message.
 */
export function makeAccountMailHandlers(
  deps: Pick<IdentityDeps, 'uow' | 'secretTokens' | 'clock'> & { mailer: Mailer; render: AccountMailRenderer },
): Record<string, OutboxHandler[]> {
  const handler =
    (kind: AccountMailKind): OutboxHandler =>
    async (event: DeliveredEvent) => {
      const userId = String(event.payload.userId);
      await deps.uow.run(async (tx) => {
        const user = await tx.users.byId(userId);
        if (!user || !stillWanted(kind, user)) return;
        const purpose = TOKEN_FOR[kind];
        let token: string | undefined;
        if (purpose) {
          const now = deps.clock.now();
          token = deps.secretTokens.generate();
          await tx.oneTimeTokens.issue(deps.secretTokens.hash(token), user.id, purpose, now, expiryOf(purpose, now));
        }
        await deps.mailer.send({ to: user.email, ...deps.render(kind, user, token) });
      });
    };
  return {
    'user.registered': [handler('verify_email')],
    'user.verification_requested': [handler('verify_email')],
    'user.registration_repeated': [handler('account_exists')],
    'user.password_reset_requested': [handler('password_reset')],
  };
}

function stillWanted(kind: AccountMailKind, user: User): boolean {
  if (kind === 'verify_email') return user.status === 'pending_verification';
  if (kind === 'password_reset') return user.status !== 'blocked';
  return true;
}
