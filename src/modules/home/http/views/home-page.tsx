import type { MessageKey } from '../../../../shared/http/i18n/index.ts';
import { Layout } from '../../../../shared/http/views/layout.tsx';
import type { PageContext } from '../../../../shared/http/views/page-context.ts';

const JOURNEY: MessageKey[] = [
  'home.journey.enroll',
  'home.journey.diagnostic',
  'home.journey.articles',
  'home.journey.exam',
  'home.journey.approval',
  'home.journey.graduate',
];

const FEATURES = ['adaptive', 'approvals', 'selfHost', 'speed'] as const;

export function HomePage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('home.title')}>
      <section class="hero" aria-labelledby="home-title">
        <p class="text-body-secondary mb-1">{t('app.tagline')}</p>
        <h1 id="home-title" class="display-5 fw-bold">
          {t('home.title')}
        </h1>
        <p class="lead col-lg-8">{t('home.lead')}</p>
        <a class="btn btn-primary btn-lg" href="/tracks">
          {t('home.browseTracks')}
        </a>
      </section>

      <section class="mb-5" aria-labelledby="journey-title">
        <h2 id="journey-title" class="h3 mb-3">
          {t('home.journeyTitle')}
        </h2>
        <ol class="journey">
          {JOURNEY.map((step) => (
            <li>{t(step)}</li>
          ))}
        </ol>
      </section>

      <section class="mb-5" aria-labelledby="features-title">
        <h2 id="features-title" class="h3 mb-3">
          {t('home.featuresTitle')}
        </h2>
        <div class="row g-3">
          {FEATURES.map((feature) => (
            <div class="col-md-6 col-lg-3">
              <article class="card h-100">
                <div class="card-body">
                  <h3 class="h5 card-title">{t(`home.feature.${feature}.title`)}</h3>
                  <p class="card-text">{t(`home.feature.${feature}.text`)}</p>
                </div>
              </article>
            </div>
          ))}
        </div>
      </section>

      <section aria-labelledby="api-title">
        <h2 id="api-title" class="h3">
          {t('home.apiTitle')}
        </h2>
        <p>{t('home.apiText')}</p>
        <a class="btn btn-primary" href="/api/docs">
          {t('home.apiLink')}
        </a>
      </section>
    </Layout>
  );
}
