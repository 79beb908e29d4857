import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTotp } from '../../src/modules/identity/infrastructure/totp.ts';
import { cookiesFrom, createTestApp, type TestApp } from '../support/app.ts';
import { login, register, registeredUser, STRONG_PASSWORD, tokenFromMail } from '../support/identity.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test?.close());

/** A browser without JavaScript: keeps cookies, reads the CSRF token from a page's form and posts it back. */
function browser(app: FastifyInstance, headers: Record<string, string> = {}) {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const keep = (response: LightMyRequestResponse) => {
    for (const set of [response.headers['set-cookie'] ?? []].flat()) {
      const [pair = '', ...attributes] = set.split(';');
      const [name = '', value = ''] = pair.split('=');
      const expired = attributes.some((attribute) => /max-age=0$|expires=thu, 01 jan 1970/i.test(attribute.trim()));
      if (expired || value === '') jar.delete(name.trim());
      else jar.set(name.trim(), value);
    }
    return response;
  };
  return {
    jar,
    cookie,
    async get(url: string) {
      return keep(
        await app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...headers, cookie: cookie() } }),
      );
    },
    /** Posts a form as the browser would after `page` showed it (its `_csrf` comes with the fields). */
    async post(url: string, fields: Record<string, string>, page?: LightMyRequestResponse) {
      const token = page ? csrfOf(page) : undefined;
      return keep(
        await app.inject({
          method: 'POST',
          url,
          headers: {
            accept: 'text/html',
            ...headers,
            cookie: cookie(),
            'content-type': 'application/x-www-form-urlencoded',
          },
          payload: new URLSearchParams({ ...fields, ...(token ? { _csrf: token } : {}) }).toString(),
        }),
      );
    },
    /** GET the page with the form, then POST it. */
    async submit(pageUrl: string, action: string, fields: Record<string, string>) {
      return this.post(action, fields, await this.get(pageUrl));
    },
  };
}

function csrfOf(page: LightMyRequestResponse): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(page.body);
  expect(match, 'a CSRF input on the page').not.toBeNull();
  return match![1]!;
}

/** A hidden input's value in the form posting to `action` (the language switcher has hidden inputs too). */
function hiddenValue(page: LightMyRequestResponse, name: string, action: string): string | undefined {
  const form = new RegExp(`<form[^>]*action="${action}"[^>]*>([\\s\\S]*?)</form>`).exec(page.body)?.[1] ?? '';
  return new RegExp(`type="hidden" name="${name}" value="([^"]*)"`).exec(form)?.[1];
}

const setCookies = (response: LightMyRequestResponse) => [response.headers['set-cookie'] ?? []].flat();

describe('register, verify, sign in and sign out', () => {
  it('walks the whole journey through the pages', async () => {
    const web = browser(test.app);
    const form = await web.get('/register');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<html lang="ru"');
    expect(form.body).toMatch(/<input[^>]*name="email"[^>]*autocomplete="email"/);
    expect(form.body).toMatch(/<input[^>]*name="password"[^>]*autocomplete="new-password"/);
    expect(form.body).toMatch(/<label class="form-label" for="field-displayName">/);

    const registered = await web.post(
      '/register',
      { email: 'page@school.test', displayName: 'Page Person', password: STRONG_PASSWORD },
      form,
    );
    expect(registered.statusCode).toBe(303);
    expect(registered.headers.location).toBe('/check-email?sent=registered');
    const checkEmail = await web.get(registered.headers.location!);
    expect(checkEmail.body).toContain('Проверьте почту');
    expect(checkEmail.body).toContain('href="/dev/mail"');

    const token = await tokenFromMail(test, 'page@school.test', '/verify-email');
    const verifyUrl = `/verify-email?token=${encodeURIComponent(token)}`;
    // Mail scanners prefetch the link: GET must not spend the token.
    await web.get(verifyUrl);
    const verifyPage = await web.get(verifyUrl);
    expect(verifyPage.statusCode).toBe(200);
    expect(verifyPage.headers['referrer-policy']).toBe('same-origin');
    expect(verifyPage.body).toContain('Подтвердить мой email');
    expect(hiddenValue(verifyPage, 'token', '/verify-email')).toBe(token);

    const verified = await web.post('/verify-email', { token }, verifyPage);
    expect(verified.statusCode).toBe(303);
    expect(verified.headers.location).toBe('/login');
    const loginPage = await web.get('/login');
    expect(loginPage.body).toContain('Email подтверждён');
    expect(loginPage.body).toMatch(/<input[^>]*name="password"[^>]*autocomplete="current-password"/);

    const spent = await web.post('/verify-email', { token }, verifyPage);
    expect(spent.statusCode).toBe(400);
    expect(spent.body).toContain('role="alert"');
    expect(spent.body).toContain('href="/resend-verification"');

    const withReturn = await web.get('/login?returnTo=%2Fsome%2Fpage%3Fx%3D1');
    expect(hiddenValue(withReturn, 'returnTo', '/login')).toBe('/some/page?x=1');
    const signedIn = await web.post(
      '/login',
      { email: 'page@school.test', password: STRONG_PASSWORD, returnTo: '/some/page?x=1' },
      withReturn,
    );
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/some/page?x=1');
    const sessionCookies = setCookies(signedIn);
    for (const name of ['baza-access', 'baza-refresh']) {
      const cookie = sessionCookies.find((set) => set.startsWith(`${name}=`));
      expect(cookie, name).toBeDefined();
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Lax/);
      expect(cookie).toMatch(/; Path=\//);
    }

    const home = await web.get('/');
    expect(home.body).toContain('Page Person');
    expect(home.body).toMatch(/<a[^>]*href="\/profile"[^>]*>Page Person<\/a>/);
    expect(home.body).toMatch(/<form method="post" action="\/logout"/);
    expect(home.body).not.toContain('href="/login"');
    expect(home.body).not.toContain('href="/admin/users"');

    // Signed in, the sign-in and registration pages send you on.
    for (const url of ['/login', '/register']) {
      const again = await web.get(url);
      expect(again.statusCode, url).toBe(303);
      expect(again.headers.location).toBe('/profile');
    }

    const oldCookies = web.cookie();
    const loggedOut = await web.post('/logout', {}, home);
    expect(loggedOut.statusCode).toBe(303);
    expect(loggedOut.headers.location).toBe('/');
    expect(setCookies(loggedOut).find((set) => set.startsWith('baza-access=;'))).toBeDefined();
    expect(setCookies(loggedOut).find((set) => set.startsWith('baza-refresh=;'))).toBeDefined();
    const afterLogout = await web.get('/');
    expect(afterLogout.body).toContain('Вы вышли из системы.');
    expect(afterLogout.body).toContain('href="/login"');

    // The cookies of the ended session no longer authenticate.
    const replayed = await test.app.inject({
      method: 'GET',
      url: '/',
      headers: { accept: 'text/html', cookie: oldCookies },
    });
    expect(replayed.body).not.toContain('Page Person');
    expect(replayed.body).toContain('href="/login"');
    const profile = await test.app.inject({
      method: 'GET',
      url: '/profile',
      headers: { accept: 'text/html', cookie: oldCookies },
    });
    expect(profile.statusCode).toBe(303);
    expect(profile.headers.location).toBe('/login?returnTo=%2Fprofile');
  });

  it('never redirects a sign-in off the site', async () => {
    await registeredUser(test, 'redirect@school.test');
    for (const returnTo of ['https://evil.test/', '//evil.test', '/\\evil.test']) {
      const web = browser(test.app);
      const signedIn = await web.submit('/login', '/login', {
        email: 'redirect@school.test',
        password: STRONG_PASSWORD,
        returnTo,
      });
      expect(signedIn.statusCode, returnTo).toBe(303);
      expect(signedIn.headers.location, returnTo).toMatch(/^\/(?!\/|\\)/);
    }
    const web = browser(test.app);
    const plain = await web.submit('/login', '/login', { email: 'redirect@school.test', password: STRONG_PASSWORD });
    expect(plain.headers.location).toBe('/profile');
  });

  it('shows the admin links to staff only', async () => {
    await test.container.modules.identity.useCases.createOwner({
      email: 'boss@school.test',
      password: STRONG_PASSWORD,
      displayName: 'The Boss',
      locale: 'ru',
      now: test.container.clock.now(),
    });
    const web = browser(test.app);
    await web.submit('/login', '/login', { email: 'boss@school.test', password: STRONG_PASSWORD });
    const home = await web.get('/');
    expect(home.body).toContain('href="/admin/users"');
    expect(home.body).toContain('href="/admin/audit"');
  });
});

describe('form errors', () => {
  it('keeps the email and hides the password after wrong credentials (401)', async () => {
    await registeredUser(test, 'wrong@school.test');
    const web = browser(test.app);
    const failed = await web.submit('/login', '/login', {
      email: 'wrong@school.test',
      password: 'not the password at all',
    });
    expect(failed.statusCode).toBe(401);
    expect(failed.headers['content-type']).toMatch(/^text\/html/);
    expect(failed.body).toMatch(/<div id="error-summary" class="alert alert-danger" role="alert">/);
    expect(failed.body).toContain('Email или пароль указаны неверно.');
    expect(failed.body).toMatch(/<input[^>]*name="email"[^>]*value="wrong@school.test"/);
    expect(failed.body).not.toContain('not the password at all');
  });

  it('offers to resend the link when the email is not verified yet', async () => {
    await register(test.app, 'unverified@school.test');
    const web = browser(test.app);
    const failed = await web.submit('/login', '/login', { email: 'unverified@school.test', password: STRONG_PASSWORD });
    expect(failed.statusCode).toBe(403);
    expect(failed.body).toContain('Подтвердите email по ссылке из письма');
    expect(failed.body).toMatch(/role="alert">[\s\S]*href="\/resend-verification"/);

    const resent = await web.submit('/resend-verification', '/resend-verification', {
      email: 'unverified@school.test',
    });
    expect(resent.statusCode).toBe(303);
    expect(resent.headers.location).toBe('/check-email?sent=verification');
    const unknown = await web.submit('/resend-verification', '/resend-verification', { email: 'nobody@school.test' });
    expect(unknown.headers.location).toBe(resent.headers.location);
    expect(await tokenFromMail(test, 'unverified@school.test', '/verify-email')).toBeTruthy();
  });

  it('says when to try again after too many failures (429, Retry-After)', async () => {
    await registeredUser(test, 'hammer@school.test');
    const web = browser(test.app);
    let response: LightMyRequestResponse | undefined;
    for (let attempt = 0; attempt < 8 && response?.statusCode !== 429; attempt++) {
      response = await web.submit('/login', '/login', {
        email: 'hammer@school.test',
        password: `wrong password ${attempt}`,
      });
    }
    expect(response!.statusCode).toBe(429);
    expect(Number(response!.headers['retry-after'])).toBeGreaterThan(0);
    expect(response!.body).toContain('role="alert"');
    expect(response!.body).toMatch(/<input[^>]*name="email"[^>]*value="hammer@school.test"/);
  });

  it('re-renders registration with field errors, keeping the input but never the password (422)', async () => {
    const web = browser(test.app);
    const invalid = await web.submit('/register', '/register', {
      email: 'not-an-email',
      displayName: '  ',
      password: '',
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toMatch(
      /<input[^>]*name="email"[^>]*value="not-an-email"[^>]*aria-invalid="true"[^>]*aria-describedby="field-email-error"/,
    );
    expect(invalid.body).toContain('id="field-displayName-error"');
    expect(invalid.body).toContain('id="field-password-error"');

    const common = await web.submit('/register', '/register', {
      email: 'weak@school.test',
      displayName: 'Weak',
      password: 'password123',
    });
    expect(common.statusCode).toBe(422);
    expect(common.body).toContain('Этот пароль слишком распространён');
    expect(common.body).toMatch(
      /<input[^>]*name="password"[^>]*aria-invalid="true"[^>]*aria-describedby="field-password-hint field-password-error"/,
    );
    expect(common.body).toMatch(/<input[^>]*name="email"[^>]*value="weak@school.test"/);
    expect(common.body).toMatch(/<input[^>]*name="displayName"[^>]*value="Weak"/);
    expect(common.body).not.toContain('password123');

    const short = await web.submit('/register', '/register', {
      email: 'weak@school.test',
      displayName: 'Weak',
      password: 'short',
    });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('Пароль должен содержать от 8 до 128 символов.');
  });

  it('refuses a form without the CSRF token (403)', async () => {
    const page = await test.app.inject({ method: 'GET', url: '/login', headers: { accept: 'text/html' } });
    const withoutCookie = await test.app.inject({
      method: 'POST',
      url: '/login',
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email: 'a@school.test', password: STRONG_PASSWORD }).toString(),
    });
    expect(withoutCookie.statusCode).toBe(403);
    const withoutToken = await test.app.inject({
      method: 'POST',
      url: '/logout',
      headers: {
        accept: 'text/html',
        cookie: cookiesFrom(page.headers['set-cookie']),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: '',
    });
    expect(withoutToken.statusCode).toBe(403);
  });
});

describe('password reset through the pages', () => {
  it('mails a link, keeps the token through a weak password, changes the password and ends every session', async () => {
    const before = await registeredUser(test, 'forgetful@school.test');
    const web = browser(test.app);
    const requested = await web.submit('/forgot-password', '/forgot-password', { email: 'forgetful@school.test' });
    expect(requested.statusCode).toBe(303);
    expect(requested.headers.location).toBe('/check-email?sent=reset');
    const unknown = await web.submit('/forgot-password', '/forgot-password', { email: 'stranger@school.test' });
    expect(unknown.headers.location).toBe(requested.headers.location);

    const token = await tokenFromMail(test, 'forgetful@school.test', '/reset-password');
    const form = await web.get(`/reset-password?token=${encodeURIComponent(token)}`);
    expect(form.statusCode).toBe(200);
    expect(hiddenValue(form, 'token', '/reset-password')).toBe(token);
    expect(form.body).toMatch(/<input[^>]*name="newPassword"[^>]*autocomplete="new-password"/);

    const weak = await web.post('/reset-password', { token, newPassword: 'qwertyuiop' }, form);
    expect(weak.statusCode).toBe(422);
    expect(weak.body).toContain('Этот пароль слишком распространён');
    expect(hiddenValue(weak, 'token', '/reset-password')).toBe(token);

    const changed = await web.post('/reset-password', { token, newPassword: 'a brand new long passphrase' }, weak);
    expect(changed.statusCode).toBe(303);
    expect(changed.headers.location).toBe('/login');
    expect((await web.get('/login')).body).toContain('Пароль изменён, все сессии завершены.');

    const oldSession = await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: before.auth });
    expect(oldSession.statusCode).toBe(401);
    await login(test.app, 'forgetful@school.test', 'a brand new long passphrase');

    const reused = await web.post('/reset-password', { token, newPassword: 'yet another long passphrase' }, form);
    expect(reused.statusCode).toBe(400);
    expect(reused.body).toContain('Ссылка недействительна, устарела или уже использована.');
    expect(reused.body).toContain('href="/forgot-password"');
  });
});

describe('the second sign-in step', () => {
  it('asks for the TOTP code, refuses a wrong one and signs in with the right one', async () => {
    const session = await registeredUser(test, 'totp@school.test');
    const totp = createTotp({ issuer: 'Baza' });
    const started = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/mfa/totp',
      headers: session.auth,
      payload: { password: STRONG_PASSWORD },
    });
    expect(started.statusCode).toBe(200);
    const { secret } = started.json<{ secret: string }>();
    const confirmed = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/mfa/totp/confirm',
      headers: session.auth,
      payload: { code: totp.codeAt(secret, new Date()) },
    });
    expect(confirmed.statusCode).toBe(200);

    const web = browser(test.app);
    const step = await web.submit('/login?returnTo=%2Fafter', '/login', {
      email: 'totp@school.test',
      password: STRONG_PASSWORD,
      returnTo: '/after',
    });
    expect(step.statusCode).toBe(200);
    expect(step.body).toContain('action="/login/mfa"');
    expect(step.body).toMatch(/<input[^>]*name="code"[^>]*autocomplete="one-time-code"[^>]*inputmode="numeric"/);
    expect(step.body).toContain('код восстановления');
    expect(setCookies(step).some((set) => set.startsWith('baza-access='))).toBe(false);
    const mfaToken = hiddenValue(step, 'mfaToken', '/login/mfa')!;
    expect(mfaToken).toBeTruthy();

    const wrong = await web.post('/login/mfa', { mfaToken, code: '000000', returnTo: '/after' }, step);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Код неверен или уже использован.');
    expect(hiddenValue(wrong, 'mfaToken', '/login/mfa')).toBe(mfaToken);

    const expired = await web.post('/login/mfa', { mfaToken: 'not-a-token', code: '123456' }, step);
    expect(expired.statusCode).toBe(303);
    expect(expired.headers.location).toBe('/login');
    expect((await web.get('/login')).body).toContain('Время на второй шаг входа истекло.');

    const next = totp.codeAt(secret, new Date(Date.now() + 30_000));
    const signedIn = await web.post('/login/mfa', { mfaToken, code: next, returnTo: '/after' }, wrong);
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/after');
    expect(setCookies(signedIn).some((set) => set.startsWith('baza-access='))).toBe(true);
    expect((await web.get('/')).body).toContain('Test User');
  });
});

describe('languages', () => {
  it('serves the English pages with lang="en"', async () => {
    const web = browser(test.app, { 'accept-language': 'en' });
    const page = await web.get('/login');
    expect(page.body).toContain('<html lang="en"');
    expect(page.body).toContain('<title>Sign in · Baza</title>');
    expect(page.body).toContain('href="/register"');
    const failed = await web.post('/login', { email: 'nobody@school.test', password: 'whatever password' }, page);
    expect(failed.statusCode).toBe(401);
    expect(failed.body).toContain('The email or password is wrong.');
    const register = await web.submit('/register', '/register', { email: 'x', displayName: 'X', password: 'x' });
    expect(register.body).toContain('Enter an email like name@example.com.');
  });
});
