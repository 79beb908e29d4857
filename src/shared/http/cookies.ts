import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

export type CookiePolicy = { secure: boolean };

/**
 * Cookies are HttpOnly and SameSite=Lax by default. In production they are Secure and carry the
 * `__Host-` prefix (Secure, Path=/, no Domain: the browser refuses any other shape); development
 * and test run on plain http://localhost, where a Secure cookie would not come back.
 */
export function createCookies(policy: CookiePolicy) {
  const nameOf = (name: string) => (policy.secure ? `__Host-baza-${name}` : `baza-${name}`);
  return {
    nameOf,
    read(request: FastifyRequest, name: string): string | undefined {
      return request.cookies[nameOf(name)];
    },
    /** Reads a cookie set with `signed: true`; a tampered value reads as missing. */
    readSigned(request: FastifyRequest, name: string): string | undefined {
      const raw = request.cookies[nameOf(name)];
      if (raw === undefined) return undefined;
      const unsigned = request.unsignCookie(raw);
      return unsigned.valid && unsigned.value !== null ? unsigned.value : undefined;
    },
    set(
      reply: FastifyReply,
      name: string,
      value: string,
      options: Pick<CookieSerializeOptions, 'maxAge' | 'httpOnly' | 'sameSite' | 'signed'> = {},
    ): void {
      reply.setCookie(nameOf(name), value, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        ...options,
        secure: policy.secure,
      });
    },
    clear(reply: FastifyReply, name: string): void {
      reply.clearCookie(nameOf(name), { path: '/', secure: policy.secure, httpOnly: true, sameSite: 'lax' });
    },
  };
}

export type Cookies = ReturnType<typeof createCookies>;
