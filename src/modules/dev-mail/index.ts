import type { PagesPlugin } from '../../shared/http/pages.ts';
import type { DevMailReads } from './application/ports.ts';
import { devMailPages } from './http/pages.tsx';

export type { DevMail, DevMailReads } from './application/ports.ts';

/**
 * /dev/mail: the mail Baza stored instead of sending (no SMTP_URL). The composition root
 * registers it only for the development mailbox and never in production.
 */
export function createDevMailModule(deps: { mailbox: DevMailReads }): { pages: PagesPlugin } {
  return { pages: devMailPages(deps.mailbox) };
}
