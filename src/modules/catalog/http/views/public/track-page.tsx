import { renderMarkdown } from '../../../../../shared/http/markdown.ts';
import { Layout } from '../../../../../shared/http/views/layout.tsx';
import type { PageContext } from '../../../../../shared/http/views/page-context.ts';
import type { PublicTrack } from '../../../application/reads.ts';
import { excerpt } from '../excerpt.ts';

/** A published track: what it is about, its stages in order and the modules it measures. */
export function TrackPage(props: { ctx: PageContext; track: PublicTrack }) {
  const { ctx, track } = props;
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={track.title}
      description={excerpt(track.description, 160) || t('catalog.public.description')}
    >
      <nav aria-label={t('catalog.breadcrumb.label')}>
        <ol class="breadcrumb">
          <li class="breadcrumb-item">
            <a href="/tracks">{t('catalog.public.title')}</a>
          </li>
          <li class="breadcrumb-item active" aria-current="page">
            {track.title}
          </li>
        </ol>
      </nav>
      <article>
        <h1 class="h2 mb-3">{track.title}</h1>
        <EnrollAction ctx={ctx} slug={track.slug} />
        {/* Safe: CommonMark without raw HTML, dangerous links refused (shared/http/markdown.ts). */}
        <div class="markdown mb-4" dangerouslySetInnerHTML={{ __html: renderMarkdown(track.description) }} />
        <div class="row g-4">
          <section class="col-lg-7" aria-labelledby="stages-title">
            <h2 id="stages-title" class="h4">
              {t('catalog.public.stages', { count: track.stages.length })}
            </h2>
            <ol class="list-group list-group-numbered">
              {track.stages.map((stage) => (
                <li class="list-group-item">
                  <span class="fw-semibold">{stage.title}</span>
                  {stage.description ? (
                    <div
                      class="markdown small text-body-secondary mt-1"
                      dangerouslySetInnerHTML={{ __html: renderMarkdown(stage.description) }}
                    />
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
          <section class="col-lg-5" aria-labelledby="modules-title">
            <h2 id="modules-title" class="h4">
              {t('catalog.public.modules', { count: track.modules.length })}
            </h2>
            <ul class="list-group">
              {track.modules.map((module) => (
                <li class="list-group-item">
                  <span class="fw-semibold">{module.title}</span>
                  {module.description ? (
                    <p class="small text-body-secondary mb-0 mt-1">{excerpt(module.description)}</p>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        </div>
      </article>
    </Layout>
  );
}

/**
 * Enrolling (the progress module's pages handle it): guests are asked to sign in; a signed-in
 * reader gets the enroll form, which htmx swaps for "continue learning" once enrolled (enrolling
 * twice only leads to the track's progress page, so the form alone is right without JavaScript).
 */
function EnrollAction(props: { ctx: PageContext; slug: string }) {
  const { ctx } = props;
  const learnPath = `/learn/${encodeURIComponent(props.slug)}`;
  return (
    <section class="card mb-4" aria-labelledby="enroll-title">
      <div class="card-body">
        <h2 id="enroll-title" class="h5">
          {ctx.t('learn.enroll.title')}
        </h2>
        <p>{ctx.t('learn.enroll.text')}</p>
        {ctx.user ? (
          <form
            id="enroll-action"
            method="post"
            action={`${learnPath}/enroll`}
            hx-get={`${learnPath}/enrollment`}
            hx-trigger="load"
            hx-swap="outerHTML"
          >
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <button type="submit" class="btn btn-primary">
              {ctx.t('learn.enroll.button')}
            </button>
          </form>
        ) : (
          <a class="btn btn-primary" href={`/login?returnTo=${encodeURIComponent(`/tracks/${props.slug}`)}`}>
            {ctx.t('learn.enroll.signIn')}
          </a>
        )}
      </div>
    </section>
  );
}
