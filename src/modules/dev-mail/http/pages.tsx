import type { PagesPlugin } from '../../../shared/http/pages.ts';
import type { DevMailReads } from '../application/ports.ts';
import { DevMailNotFoundError } from '../domain/errors.ts';
import { MailListPage } from './views/mail-list-page.tsx';
import { MailMessagePage } from './views/mail-message-page.tsx';

const LIST_LIMIT = 50;

export function devMailPages(mailbox: DevMailReads): PagesPlugin {
  return async (app, { renderer }) => {
    app.get('/dev/mail', async (request, reply) => {
      const messages = await mailbox.list(LIST_LIMIT);
      return renderer.page(reply, <MailListPage ctx={renderer.context(request, reply)} messages={messages} />);
    });

    app.get<{ Params: { id: string } }>('/dev/mail/:id', async (request, reply) => {
      const message = await mailbox.byId(request.params.id);
      if (!message) throw new DevMailNotFoundError(request.params.id);
      return renderer.page(reply, <MailMessagePage ctx={renderer.context(request, reply)} message={message} />);
    });

    // The HTML part as its own document, for the sandboxed frame: email HTML relies on inline
    // styles, which the site's CSP forbids, so this response has a CSP of its own (no scripts,
    // no requests, inline styles only).
    app.get<{ Params: { id: string } }>('/dev/mail/:id/html', async (request, reply) => {
      const message = await mailbox.byId(request.params.id);
      if (!message) throw new DevMailNotFoundError(request.params.id);
      return reply
        .header(
          'content-security-policy',
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox",
        )
        .header('x-frame-options', 'SAMEORIGIN')
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(message.html);
    });
  };
}
