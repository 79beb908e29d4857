import { Layout } from '../../../../shared/http/views/layout.tsx';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';
import type { CertificateView } from '../../application/contract.ts';
import { LEARNING_CSS } from './learning-format.tsx';

function DateOnly(props: { ctx: PageContext; date: Date }) {
  const text = new Intl.DateTimeFormat(props.ctx.locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(props.date);
  return <time dateTime={props.date.toISOString().slice(0, 10)}>{text}</time>;
}

/** The public verification of a certificate: who graduated from which track, and when. */
export function CertificatePage(props: { ctx: PageContext; certificate: CertificateView }) {
  const { ctx, certificate } = props;
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t('certificate.title', { track: certificate.trackTitle })}
      description={t('certificate.description', { name: certificate.holderName, track: certificate.trackTitle })}
      head={<link rel="stylesheet" href={LEARNING_CSS} />}
    >
      <article class="certificate card mx-auto" aria-labelledby="certificate-title">
        <div class="card-body p-4 text-center">
          <p class="text-uppercase small text-body-secondary mb-1">{t('certificate.kicker')}</p>
          <h1 id="certificate-title" class="h2 mb-3">
            {t('certificate.heading')}
          </h1>
          <p class="lead mb-1">{t('certificate.certifies')}</p>
          <p class="fs-3 fw-semibold mb-1">{certificate.holderName}</p>
          <p class="lead">
            {t('certificate.graduated')}{' '}
            <a href={`/tracks/${encodeURIComponent(certificate.trackSlug)}`}>{certificate.trackTitle}</a>
          </p>
          <dl class="row text-start mt-4 mb-0 small">
            <dt class="col-sm-5">{t('certificate.holder')}</dt>
            <dd class="col-sm-7">{certificate.holderName}</dd>
            <dt class="col-sm-5">{t('certificate.track')}</dt>
            <dd class="col-sm-7">{certificate.trackTitle}</dd>
            <dt class="col-sm-5">{t('certificate.date')}</dt>
            <dd class="col-sm-7">
              <DateOnly ctx={ctx} date={certificate.issuedAt} />
            </dd>
            <dt class="col-sm-5">{t('certificate.code')}</dt>
            <dd class="col-sm-7">
              <code class="text-break">{certificate.code}</code>
            </dd>
          </dl>
          <p class="small text-success-emphasis mt-3 mb-0" role="note">
            {t('certificate.verified')}
          </p>
        </div>
      </article>
    </Layout>
  );
}
