import type { Clock } from '../../../shared/application/clock.ts';
import type { SessionLifetime } from '../domain/session.ts';
import type {
  CommonPasswords,
  IdentityUnitOfWork,
  IdGenerator,
  PasswordHasher,
  RateLimiter,
  SecretBox,
  SecretTokens,
  TokenSigner,
  Totp,
} from './ports.ts';
import type { IdentityReads } from './reads.ts';

/** Everything identity's use cases may need; each factory picks what it uses. */
export type IdentityDeps = Readonly<{
  uow: IdentityUnitOfWork;
  reads: IdentityReads;
  hasher: PasswordHasher;
  commonPasswords: CommonPasswords;
  secretTokens: SecretTokens;
  totp: Totp;
  secretBox: SecretBox;
  signer: TokenSigner;
  limiter: RateLimiter;
  newId: IdGenerator;
  clock: Clock;
  sessionLifetime: SessionLifetime;
  mfaRequiredForStaff: boolean;
}>;
