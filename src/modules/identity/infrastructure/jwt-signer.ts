import { hkdfSync } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { TokenSigner } from '../application/ports.ts';

const ALGORITHM = 'HS256';
const ACCESS_TYPE = 'at+jwt';
const MFA_TYPE = 'mfa+jwt';
const MFA_TTL_SECONDS = 5 * 60; // MFA_STEP_SECONDS: the challenge expires with its token

/**
 * HS256 JWTs under keys derived from the deployment secret: one key per token kind, and the
 * kind is also in `typ` and `aud`, so an MFA step token or a refresh token is never an access
 * token. Verification allows only HS256 (no `alg: none`) and checks iss, aud, typ and exp.
 */
export function createJwtSigner(options: { secret: string; issuer: string; accessTtlMinutes: number }) {
  const keyFor = (purpose: string) => new Uint8Array(hkdfSync('sha256', options.secret, 'baza', `jwt-${purpose}`, 32));
  const accessKey = keyFor('access');
  const mfaKey = keyFor('mfa');
  const accessAudience = `${options.issuer}/api`;
  const mfaAudience = `${options.issuer}/mfa`;
  const accessTtl = options.accessTtlMinutes * 60;
  const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

  async function verify(token: string, key: Uint8Array, audience: string, typ: string, now: Date) {
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: [ALGORITHM],
        issuer: options.issuer,
        audience,
        typ,
        currentDate: now,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      return payload;
    } catch (error) {
      if (error instanceof errors.JOSEError) return undefined;
      throw error;
    }
  }

  return {
    async signAccess(claims, now) {
      const token = await new SignJWT({ sid: claims.sessionId })
        .setProtectedHeader({ alg: ALGORITHM, typ: ACCESS_TYPE })
        .setSubject(claims.userId)
        .setIssuer(options.issuer)
        .setAudience(accessAudience)
        .setIssuedAt(seconds(now))
        .setExpirationTime(seconds(now) + accessTtl)
        .sign(accessKey);
      return { token, expiresIn: accessTtl };
    },
    async verifyAccess(token, now) {
      const payload = await verify(token, accessKey, accessAudience, ACCESS_TYPE, now);
      if (!payload?.sub || typeof payload.sid !== 'string') return undefined;
      return { userId: payload.sub, sessionId: payload.sid };
    },
    async signMfa(userId, challengeId, now) {
      return new SignJWT({})
        .setJti(challengeId)
        .setProtectedHeader({ alg: ALGORITHM, typ: MFA_TYPE })
        .setSubject(userId)
        .setIssuer(options.issuer)
        .setAudience(mfaAudience)
        .setIssuedAt(seconds(now))
        .setExpirationTime(seconds(now) + MFA_TTL_SECONDS)
        .sign(mfaKey);
    },
    async verifyMfa(token, now) {
      const payload = await verify(token, mfaKey, mfaAudience, MFA_TYPE, now);
      if (!payload?.sub || payload.iat === undefined || !payload.jti) return undefined;
      return { userId: payload.sub, challengeId: payload.jti, issuedAt: new Date(payload.iat * 1000) };
    },
  } satisfies TokenSigner;
}
