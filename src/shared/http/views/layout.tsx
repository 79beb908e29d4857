import type { ComponentChildren } from 'preact';
import { ASSETS } from '../assets.ts';
import { LOCALES } from '../i18n/index.ts';
import type { PageContext } from './page-context.ts';

/** htmx: swap 4xx fragments (validation and error messages) too; never evaluate strings. */
const HTMX_CONFIG = JSON.stringify({
  responseHandling: [
    { code: '204', swap: false },
    { code: '[23]..', swap: true },
    { code: '4..', swap: true, error: false },
    { code: '...', swap: false, error: true },
  ],
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  selfRequestsOnly: true,
});

export function Layout(props: {
  ctx: PageContext;
  title: string;
  description?: string;
  /** Extra tags for the page's head (canonical link, Open Graph, feeds); optional. */
  head?: ComponentChildren;
  children: ComponentChildren;
}) {
  const { ctx } = props;
  return (
    <html lang={ctx.locale} data-bs-theme="dark" data-server-error={ctx.t('error.server.text')}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="htmx-config" content={HTMX_CONFIG} />
        <title>{`${props.title} · ${ctx.t('app.name')}`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        {props.head}
        <link rel="icon" href={ASSETS.favicon} type="image/svg+xml" />
        <link rel="stylesheet" href={ASSETS.bootstrapCss} />
        <link rel="stylesheet" href={ASSETS.appCss} />
        <script src={ASSETS.htmxJs} defer />
        <script src={ASSETS.bootstrapJs} defer />
        <script src={ASSETS.appJs} defer />
      </head>
      <body hx-headers={JSON.stringify({ 'X-CSRF-Token': ctx.csrfToken })} class="d-flex flex-column min-vh-100">
        <a class="skip-link" href="#main">
          {ctx.t('nav.skipToContent')}
        </a>
        <Navigation ctx={ctx} />
        <main id="main" tabIndex={-1} class="container flex-grow-1 py-4">
          <FlashMessage ctx={ctx} />
          {props.children}
        </main>
        <footer class="border-top py-3 mt-4">
          <div class="container d-flex flex-wrap justify-content-between gap-2 small text-body-secondary">
            <span>{ctx.t('footer.text')}</span>
            <a class="link-body-emphasis" href="/health/ready">
              {ctx.t('footer.health')}
            </a>
          </div>
        </footer>
      </body>
    </html>
  );
}

function Navigation({ ctx }: { ctx: PageContext }) {
  const current = (href: string) => (ctx.path === href ? 'page' : undefined);
  return (
    <header>
      <nav class="navbar navbar-expand-md border-bottom" aria-label={ctx.t('nav.main')}>
        <div class="container">
          <a class="navbar-brand fw-semibold" href="/">
            {ctx.t('app.name')}
          </a>
          <button
            class="navbar-toggler"
            type="button"
            data-bs-toggle="collapse"
            data-bs-target="#main-nav"
            aria-controls="main-nav"
            aria-expanded="false"
            aria-label={ctx.t('nav.toggle')}
          >
            <span class="navbar-toggler-icon" />
          </button>
          <div class="collapse navbar-collapse" id="main-nav">
            <ul class="navbar-nav me-auto">
              <li class="nav-item">
                <a class="nav-link" href="/" aria-current={current('/')}>
                  {ctx.t('nav.home')}
                </a>
              </li>
              <li class="nav-item">
                <a class="nav-link" href="/tracks" aria-current={current('/tracks')}>
                  {ctx.t('nav.tracks')}
                </a>
              </li>
              <li class="nav-item">
                <a class="nav-link" href="/blog" aria-current={current('/blog')}>
                  {ctx.t('nav.blog')}
                </a>
              </li>
              <li class="nav-item">
                <a class="nav-link" href="/matrix" aria-current={current('/matrix')}>
                  {ctx.t('nav.matrix')}
                </a>
              </li>
              <li class="nav-item">
                <a class="nav-link" href="/contact" aria-current={current('/contact')}>
                  {ctx.t('nav.contact')}
                </a>
              </li>
              {ctx.user ? (
                <li class="nav-item">
                  <a class="nav-link" href="/learn" aria-current={current('/learn')}>
                    {ctx.t('nav.learning')}
                  </a>
                </li>
              ) : null}
              <li class="nav-item">
                <a class="nav-link" href="/api/docs">
                  {ctx.t('nav.apiDocs')}
                </a>
              </li>
              {isBankEditor(ctx) ? (
                <>
                  <li class="nav-item">
                    <a class="nav-link" href="/admin/questions" aria-current={current('/admin/questions')}>
                      {ctx.t('nav.adminQuestions')}
                    </a>
                  </li>
                  <li class="nav-item">
                    <a class="nav-link" href="/admin/articles" aria-current={current('/admin/articles')}>
                      {ctx.t('nav.adminArticles')}
                    </a>
                  </li>
                  <li class="nav-item">
                    <a class="nav-link" href="/admin/matrix" aria-current={current('/admin/matrix')}>
                      {ctx.t('nav.adminMatrix')}
                    </a>
                  </li>
                </>
              ) : null}
              {isAdmin(ctx) ? (
                <>
                  <li class="nav-item">
                    <a class="nav-link" href="/admin/tracks" aria-current={current('/admin/tracks')}>
                      {ctx.t('nav.adminTracks')}
                    </a>
                  </li>
                  <li class="nav-item">
                    <a class="nav-link" href="/admin/approvals" aria-current={current('/admin/approvals')}>
                      {ctx.t('nav.adminApprovals')}
                    </a>
                  </li>
                  <li class="nav-item">
                    <a class="nav-link" href="/admin/enrollments" aria-current={current('/admin/enrollments')}>
                      {ctx.t('nav.adminEnrollments')}
                    </a>
                  </li>
                  <li class="nav-item">
                    <a class="nav-link" href="/admin/analytics" aria-current={current('/admin/analytics')}>
                      {ctx.t('nav.adminAnalytics')}
                    </a>
                  </li>
                  <li class="nav-item">
                    <a class="nav-link" href="/admin/contacts" aria-current={current('/admin/contacts')}>
                      {ctx.t('nav.adminContacts')}
                    </a>
                  </li>
                  <li class="nav-item">
                    <a class="nav-link" href="/admin/users" aria-current={current('/admin/users')}>
                      {ctx.t('nav.adminUsers')}
                    </a>
                  </li>
                  <li class="nav-item">
                    <a class="nav-link" href="/admin/audit" aria-current={current('/admin/audit')}>
                      {ctx.t('nav.adminAudit')}
                    </a>
                  </li>
                </>
              ) : null}
            </ul>
            <AccountLinks ctx={ctx} />
            <LanguageSwitcher ctx={ctx} />
          </div>
        </div>
      </nav>
    </header>
  );
}

const isAdmin = (ctx: PageContext) => ctx.user?.role === 'admin' || ctx.user?.role === 'owner';
const isBankEditor = (ctx: PageContext) => isAdmin(ctx) || ctx.user?.role === 'moderator';

/** Guests: sign in and register. Signed in: the profile link and a logout form (works without JavaScript). */
function AccountLinks({ ctx }: { ctx: PageContext }) {
  const current = (href: string) => (ctx.path === href ? 'page' : undefined);
  if (!ctx.user) {
    return (
      <ul class="navbar-nav me-md-3" aria-label={ctx.t('nav.account')}>
        <li class="nav-item">
          <a class="nav-link" href="/login" aria-current={current('/login')}>
            {ctx.t('nav.signIn')}
          </a>
        </li>
        <li class="nav-item">
          <a class="nav-link" href="/register" aria-current={current('/register')}>
            {ctx.t('nav.register')}
          </a>
        </li>
      </ul>
    );
  }
  return (
    <div class="d-flex flex-wrap align-items-center gap-2 me-md-3 my-2 my-md-0">
      {ctx.user.avatarUrl ? (
        <img
          src={ctx.user.avatarUrl}
          alt={ctx.t('files.avatar.alt')}
          width={28}
          height={28}
          class="rounded-circle object-fit-cover"
        />
      ) : (
        <svg width="28" height="28" viewBox="0 0 28 28" aria-hidden="true" focusable="false">
          <circle cx="14" cy="14" r="14" fill="#f8f9fa" />
          <text x="14" y="18.5" text-anchor="middle" font-size="12" font-weight="600" fill="#212529">
            {initialsOf(ctx.user.displayName)}
          </text>
        </svg>
      )}
      <a class="nav-link fw-semibold" href="/profile" aria-current={current('/profile')} title={ctx.t('nav.profile')}>
        {ctx.user.displayName}
      </a>
      <form method="post" action="/logout" class="d-flex">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <button type="submit" class="btn btn-sm btn-outline-light">
          {ctx.t('nav.logout')}
        </button>
      </form>
    </div>
  );
}

/** Up to two initials of a display name (the avatar's stand-in). */
function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words.at(-1)!] : words;
  return letters.map((word) => [...word][0]!.toUpperCase()).join('') || '?';
}

/** A plain form: switching language works without JavaScript. */
function LanguageSwitcher({ ctx }: { ctx: PageContext }) {
  return (
    <form method="post" action="/locale" class="d-flex" aria-label={ctx.t('locale.switcherLabel')}>
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <input type="hidden" name="returnTo" value={ctx.path} />
      <div class="btn-group btn-group-sm" role="group" aria-label={ctx.t('locale.switcherLabel')}>
        {LOCALES.map((locale) => (
          <button
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            class={`btn ${locale === ctx.locale ? 'btn-light' : 'btn-outline-light'}`}
            aria-pressed={locale === ctx.locale ? 'true' : 'false'}
          >
            {ctx.t(`locale.${locale}`)}
          </button>
        ))}
      </div>
    </form>
  );
}

function FlashMessage({ ctx }: { ctx: PageContext }) {
  return (
    <div id="flash-region" role="status" aria-live="polite">
      {ctx.flash ? (
        <div class={`alert alert-${ctx.flash.kind} alert-dismissible fade show`}>
          {ctx.t(ctx.flash.message)}
          <button type="button" class="btn-close" data-bs-dismiss="alert" aria-label={ctx.t('flash.close')} />
        </div>
      ) : null}
    </div>
  );
}
