import type { FastifyInstance } from 'fastify';
import type { PagesDeps } from '../../../../shared/http/pages.ts';
import type { IdentityRouteDeps } from '../auth-routes.ts';
import { accountPages } from './account-pages.tsx';
import { authPages } from './auth-pages.tsx';

export type IdentityPagesDeps = PagesDeps &
  IdentityRouteDeps & {
    mfaRequiredForStaff: boolean;
    /** Development without SMTP: pages may point to /dev/mail. */
    devMailbox: boolean;
  };

/** Identity's pages: sign-up and sign-in flows (auth-pages), own account and admin (account-pages). */
export async function identityPages(app: FastifyInstance, deps: IdentityPagesDeps): Promise<void> {
  await authPages(app, deps);
  await accountPages(app, deps);
}
