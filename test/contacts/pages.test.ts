import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../src/shared/http/i18n/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createTestClock, HOUR, MINUTE } from '../support/clock.ts';
import { staffUsers } from '../support/staff.ts';
import { PageBrowser, textOf } from '../identity/page-browser.ts';
import { clearRequests, storedRequests, submitOk } from './support.ts';

const en = translator('en');
const ru = translator('ru');
const clock = createTestClock();
let test: TestApp;

beforeAll(async () => {
  test = await createTestApp({ clock, env: { RATE_LIMIT_MAX: '5000' } });
  await staffUsers(test);
});
afterAll(async () => test?.close());
beforeEach(async () => {
  await clearRequests(test);
  clock.advance(2 * 24 * HOUR);
});

const guest = () => new PageBrowser(test.app);
const signIn = (email: string) => PageBrowser.signIn(test.app, email);

/** The element with this id (its opening tag up to the end of the tag). */
const tagWithId = (html: string, id: string) => new RegExp(`<[a-z]+[^>]*\\bid="${id}"[^>]*>`).exec(html)?.[0] ?? '';

describe('/contact', () => {
  it('shows the form to a guest: labelled fields, CSRF token and a honeypot hidden from people', async () => {
    const response = await guest().get('/contact');
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain(`<h1 class="h2 mb-3">${en('contacts.page.title')}</h1>`);
    expect(html).toMatch(/<form method="post" action="\/contact" novalidate/);
    expect(html).toMatch(/name="_csrf" value="[^"]+"/);
    for (const id of ['contact-name', 'contact-email', 'contact-message']) {
      expect(html).toContain(`<label class="form-label" for="${id}">`);
    }
    const honeypot = tagWithId(html, 'contact-website');
    expect(honeypot).toContain('name="website"');
    expect(honeypot).toContain('tabindex="-1"');
    expect(honeypot).toContain('autocomplete="off"');
    expect(html).toMatch(/<div class="visually-hidden" aria-hidden="true"><label for="contact-website">/);
    expect(html).toContain(en('contacts.field.website'));
  });

  it('prefills the name and the address of a signed-in user', async () => {
    const browser = await signIn('student@school.test');
    const html = (await browser.get('/contact')).body;
    expect(tagWithId(html, 'contact-name')).toContain('value="Test User"');
    expect(tagWithId(html, 'contact-email')).toContain('value="student@school.test"');
  });

  it('shows every error next to its field, keeps the values (escaped) and stores nothing', async () => {
    const browser = guest();
    await browser.get('/contact');
    const response = await browser.post('/contact', {
      name: '"><script>alert(1)</script>',
      email: 'not an address',
      message: 'short',
      website: '',
    });
    expect(response.statusCode).toBe(422);
    const html = response.body;
    expect(html).toContain('id="error-summary"');
    expect(textOf(html)).toContain(en('errors.contacts.invalid_input', { count: 2 }));
    // The name is valid (printable): no error for it, but its value is kept and escaped.
    expect(html).toContain(
      'id="contact-name" name="name" required class="form-control" type="text" autocomplete="name" value="&quot;>&lt;script>alert(1)&lt;/script>"',
    );
    expect(html).not.toContain('<script>alert(1)');
    expect(tagWithId(html, 'contact-email')).toContain('aria-invalid="true"');
    expect(tagWithId(html, 'contact-email')).toContain('aria-describedby="contact-email-hint contact-email-error"');
    expect(tagWithId(html, 'contact-email')).toContain('value="not an address"');
    expect(html).toMatch(/<div id="contact-email-error" class="invalid-feedback d-block">Enter an email address/);
    expect(textOf(html)).toContain(en('errors.contacts.invalid_input.email_format'));
    expect(tagWithId(html, 'contact-message')).toContain('aria-invalid="true"');
    expect(html).toMatch(/<textarea[^>]*id="contact-message"[^>]*>short<\/textarea>/);
    expect(textOf(html)).toContain(en('errors.contacts.invalid_input.too_short', { min: 10, length: 5 }));
    expect(html).toContain('href="#contact-email"');
    expect(html).toContain('href="#contact-message"');
    expect(await storedRequests(test)).toEqual([]);
  });

  it('refuses a form without the CSRF token', async () => {
    const response = await guest().post(
      '/contact',
      { name: 'Ada', email: 'ada@example.com', message: 'A long enough message.' },
      { csrf: false },
    );
    expect(response.statusCode).toBe(403);
    expect(await storedRequests(test)).toEqual([]);
  });

  it('sends a valid form, then says where the answer will go (post/redirect/get)', async () => {
    const browser = guest();
    await browser.get('/contact');
    const response = await browser.post('/contact', {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      message: 'Hello, is the backend track open?',
      website: '',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/contact/sent');
    const sent = await browser.follow(response);
    expect(sent.statusCode).toBe(200);
    expect(textOf(sent.body)).toContain(en('contacts.sent.text', { email: 'ada@example.com' }));
    expect(await storedRequests(test)).toMatchObject([{ name: 'Ada Lovelace', locale: 'en' }]);
    // Shown once: a reload goes back to the form.
    const again = await browser.get('/contact/sent');
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe('/contact');
  });

  it('answers a bot that fills the honeypot like a person, storing nothing', async () => {
    const browser = guest();
    await browser.get('/contact');
    const response = await browser.post('/contact', {
      name: 'Bot',
      email: 'bot@example.com',
      message: 'Cheap watches, cheap!',
      website: 'https://spam.example',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/contact/sent');
    expect(textOf((await browser.follow(response)).body)).toContain(
      en('contacts.sent.text', { email: 'bot@example.com' }),
    );
    expect(await storedRequests(test)).toEqual([]);
  });

  it('shows the form again with the rate-limit message and the values when a client sends too many', async () => {
    const browser = guest();
    await browser.get('/contact');
    const form = { name: 'Ada', email: 'ada@example.com', message: 'Message number one.', website: '' };
    for (let i = 0; i < 3; i += 1) expect((await browser.post('/contact', form)).statusCode).toBe(303);
    const refused = await browser.post('/contact', { ...form, message: 'Message number four.' });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBe(600);
    expect(textOf(refused.body)).toContain(en('contacts.form.rateLimited', { minutes: 10 }));
    expect(refused.body).toMatch(/<textarea[^>]*>Message number four\.<\/textarea>/);
    expect(await storedRequests(test)).toHaveLength(3);
  });
});

describe('/admin/contacts', () => {
  it('sends a guest to the login page and answers students and moderators 403', async () => {
    const response = await guest().get('/admin/contacts');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/login?returnTo=%2Fadmin%2Fcontacts');
    for (const email of ['student@school.test', 'moderator@school.test']) {
      const browser = await signIn(email);
      const page = await browser.get('/admin/contacts');
      expect(page.statusCode, email).toBe(403);
      expect(page.body).toContain(ru('errors.contacts.forbidden'));
      const post = await browser.post(`/admin/contacts/${crypto.randomUUID()}/status`, { status: 'handled' });
      expect(post.statusCode, email).toBe(403);
    }
  });

  it('shows every request escaped, with its line breaks, to admins and the owner', async () => {
    await submitOk(test, {
      name: '<img src=x onerror=alert(1)>',
      email: 'evil@example.com',
      message: 'First line\n<script>alert("xss")</script>\n<img src=x onerror=alert(2)>',
    });
    for (const email of ['admin@school.test', 'owner@school.test']) {
      const page = await (await signIn(email)).get('/admin/contacts');
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-store');
      const html = page.body;
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('<img src=x');
      expect(html).toContain('&lt;img src=x onerror=alert(1)>');
      expect(html).toMatch(
        /First line<br\/?>&lt;script>alert\(&quot;xss&quot;\)&lt;\/script><br\/?>&lt;img src=x onerror=alert\(2\)>/,
      );
      expect(html).toContain('href="mailto:evil@example.com"');
    }
  });

  it('marks a request handled and reopens it with CSRF-protected buttons, keeping the filters', async () => {
    await submitOk(test, { name: 'Grace Hopper', email: 'grace@example.com', message: 'About the compiler course.' });
    const [request] = await storedRequests(test);
    const admin = await signIn('admin@school.test'); // Russian
    const list = await admin.get('/admin/contacts?status=new&q=grace');
    expect(textOf(list.body)).toContain('Grace Hopper');
    expect(list.body).toContain(ru('contacts.admin.markHandled'));

    const refused = await admin.post(`/admin/contacts/${request!.id}/status`, { status: 'handled' }, { csrf: false });
    expect(refused.statusCode).toBe(403);

    clock.advance(MINUTE);
    const handled = await admin.post(`/admin/contacts/${request!.id}/status`, {
      status: 'handled',
      backStatus: 'new',
      backQ: 'grace',
      backPage: '1',
    });
    expect(handled.statusCode).toBe(303);
    expect(handled.headers.location).toBe(`/admin/contacts?status=new&q=grace#request-${request!.id}`);
    const handledList = await admin.get('/admin/contacts?status=handled');
    const text = textOf(handledList.body);
    expect(text).toContain(ru('contacts.flash.handled'));
    expect(text).toContain('Grace Hopper');
    expect(text).toContain(ru('contacts.admin.handled', { name: 'Test User' }));
    expect(handledList.body).toContain(ru('contacts.admin.reopen'));
    expect(textOf((await admin.get('/admin/contacts?status=new')).body)).not.toContain('Grace Hopper');

    const reopened = await admin.post(`/admin/contacts/${request!.id}/status`, { status: 'new' });
    expect(reopened.statusCode).toBe(303);
    expect(reopened.headers.location).toBe(`/admin/contacts#request-${request!.id}`);
    expect(textOf((await admin.get('/admin/contacts?status=new')).body)).toContain('Grace Hopper');
    expect((await storedRequests(test))[0]).toMatchObject({ status: 'new', handledBy: null, handledAt: null });
  });

  it('answers 404 for an unknown request and pages through a long list', async () => {
    const admin = await signIn('owner@school.test'); // English
    const missing = await admin.post(`/admin/contacts/${crypto.randomUUID()}/status`, { status: 'handled' });
    expect(missing.statusCode).toBe(404);
    for (let i = 0; i < 23; i += 1) {
      await test.container.db
        .insertInto('contactRequests')
        .values({
          id: crypto.randomUUID(),
          name: `Sender ${String(i).padStart(2, '0')}`,
          email: `sender${i}@example.com`,
          message: 'A message for the list.',
          locale: 'en',
          clientHash: i.toString(16).padStart(64, '0'),
          createdAt: new Date(clock.now().getTime() - (23 - i) * MINUTE),
        })
        .execute();
    }
    const first = await admin.get('/admin/contacts');
    expect(textOf(first.body)).toContain(en('contacts.admin.total', { total: 23 }));
    expect(textOf(first.body)).toContain('Sender 22');
    expect(textOf(first.body)).not.toContain('Sender 02');
    expect(first.body).toContain('href="/admin/contacts?page=2"');
    const second = await admin.get('/admin/contacts?page=2');
    expect(textOf(second.body)).toContain('Sender 02');
    expect(textOf(second.body)).not.toContain('Sender 22');
    const searched = await admin.get('/admin/contacts?q=sender7%40');
    expect(textOf(searched.body)).toContain(en('contacts.admin.total', { total: 1 }));
  });
});
