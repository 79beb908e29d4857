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
  };
}
