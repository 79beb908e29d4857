import { Layout } from '../../../../shared/http/views/layout.tsx';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import type { DevMail } from '../../application/ports.ts';
import { SentAt } from './sent-at.tsx';

export function MailListPage({ ctx, messages }: { ctx: PageContext; messages: readonly DevMail[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('devMail.title')}>
      <h1 class="h2">{t('devMail.title')}</h1>
      <p class="text-body-secondary">{t('devMail.lead')}</p>
      {messages.length === 0 ? (
        <p>{t('devMail.empty')}</p>
      ) : (
        <div class="table-responsive">
          <table class="table table-hover align-middle">
            <caption>{t('devMail.latest')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('devMail.sentAt')}</th>
                <th scope="col">{t('devMail.to')}</th>
                <th scope="col">{t('devMail.subject')}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr>
                  <td class="text-nowrap">
                    <SentAt ctx={ctx} date={message.sentAt} />
                  </td>
                  <td>{message.to}</td>
                  <td>
                    <a href={`/dev/mail/${message.id}`}>{message.subject}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
