import type { FastifyInstance } from 'fastify';
import { accountPages } from './account-pages.tsx';
import { authPages } from './auth-pages.tsx';
import type { IdentityPagesDeps } from './deps.ts';

export type { IdentityPagesDeps };

/** Identity's pages: sign-up and sign-in flows (auth-pages), own account and admin (account-pages). */
export async function identityPages(app: FastifyInstance, deps: IdentityPagesDeps): Promise<void> {
  await authPages(app, deps);
  await accountPages(app, deps);
}
