/** How long the second login step may take. */
export const MFA_STEP_SECONDS = 5 * 60;

/**
 * Brute-force and abuse limits. Login and MFA failures count per account *and* client IP, so
 * an attacker hammering one account from their address does not lock its owner out elsewhere;
 * a per-IP ceiling stops one address spraying many accounts. Generous enough for a classroom
 * behind one NAT address.
 */
export const AUTH_LIMITS = {
  loginFailuresPerAccountAndIp: { max: 5, windowSeconds: 15 * 60 },
  loginFailuresPerIp: { max: 100, windowSeconds: 15 * 60 },
  mfaFailuresPerAccountAndIp: { max: 5, windowSeconds: 15 * 60 },
  mfaFailuresPerAccount: { max: 20, windowSeconds: 60 * 60 },
  passwordChecksPerAccount: { max: 5, windowSeconds: 15 * 60 },
  mailPerAddress: { max: 5, windowSeconds: 60 * 60 },
  mailRequestsPerIp: { max: 60, windowSeconds: 60 * 60 },
} as const;
