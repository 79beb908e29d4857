import { Layout } from '../../../../shared/http/views/layout.tsx';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import type { DevMail } from '../../application/ports.ts';
import { LinkedText } from './linked-text.tsx';
import { SentAt } from './sent-at.tsx';

/**
 * One message. The HTML part is shown in a sandboxed frame: no scripts, no forms, an opaque
 * origin; the page's CSP still applies inside srcdoc, so the mail's inline styles are dropped.
 */
export function MailMessagePage({ ctx, message }: { ctx: PageContext; message: DevMail }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={message.subject}>
      <p>
        <a href="/dev/mail">← {t('devMail.back')}</a>
      </p>
      <h1 class="h2">{message.subject}</h1>
      <dl class="row">
        <dt class="col-sm-2">{t('devMail.to')}</dt>
        <dd class="col-sm-10">{message.to}</dd>
        <dt class="col-sm-2">{t('devMail.sentAt')}</dt>
        <dd class="col-sm-10">
          <SentAt ctx={ctx} date={message.sentAt} />
        </dd>
      </dl>

      <section class="mb-4" aria-labelledby="text-part">
        <h2 id="text-part" class="h4">
          {t('devMail.textPart')}
        </h2>
        <pre class="border rounded p-3 text-wrap">
          <LinkedText text={message.text} />
        </pre>
      </section>

      <section aria-labelledby="html-part">
        <h2 id="html-part" class="h4">
          {t('devMail.htmlPart')}
        </h2>
        <div class="ratio ratio-16x9 border rounded bg-white">
          <iframe sandbox="" src={`/dev/mail/${message.id}/html`} title={t('devMail.htmlFrameTitle')} />
        </div>
        <details class="mt-3">
          <summary>{t('devMail.htmlSource')}</summary>
          <pre class="border rounded p-3 text-wrap">{message.html}</pre>
        </details>
      </section>
    </Layout>
  );
}
