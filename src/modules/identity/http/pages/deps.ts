import type { PagesDeps } from '../../../../shared/http/pages.ts';
import type { IdentityRouteDeps } from '../auth-routes.ts';

/** What identity's pages get: rendering, flash and cookies, the use cases and the session cookies. */
export type IdentityPagesDeps = PagesDeps & IdentityRouteDeps;
