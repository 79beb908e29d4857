import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

const html = { accept: 'text/html', 'accept-language': 'en' };

describe('/dev/mail with the development mailbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function store(subject: string, text = 'Hello', body = '<p>Hello</p>') {
    const mailbox = t.container.devMailbox;
    if (!mailbox) throw new Error('expected the development mailbox');
    await mailbox.send({ to: 'olga@school.example', subject, text, html: body });
    const [stored] = await mailbox.list(1);
    if (!stored) throw new Error('not stored');
    return stored;
  }

  it('lists stored messages, newest first, each linking to the message', async () => {
    const older = await store('Older message');
    const newer = await store('Newer message');

    const page = await t.app.inject({ url: '/dev/mail', headers: html });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('Mail (development)');
    expect(page.body).toContain('olga@school.example');
    expect(page.body).toContain(`<a href="/dev/mail/${newer.id}">Newer message</a>`);
    expect(page.body).toContain(`<a href="/dev/mail/${older.id}">Older message</a>`);
    expect(page.body.indexOf('Newer message')).toBeLessThan(page.body.indexOf('Older message'));
  });

  it('shows one message: linked text, escaped, and the HTML in a sandboxed frame', async () => {
    const stored = await store(
      'Verify <your> address',
      'Open http://localhost:3000/verify?token=abc&x=1. Then <script>alert(1)</script>',
      '<p onclick="x()">Verify</p>',
    );

    const page = await t.app.inject({ url: `/dev/mail/${stored.id}`, headers: html });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Verify &lt;your> address');
    expect(page.body).toContain('olga@school.example');
    expect(page.body).toContain(
      'Open <a href="http://localhost:3000/verify?token=abc&amp;x=1">http://localhost:3000/verify?token=abc&amp;x=1</a>. Then &lt;script>',
    );
    expect(page.body).not.toContain('<script>alert');
    // A bare `sandbox` (the empty value): no scripts, no forms, an opaque origin.
    expect(page.body).toContain(`<iframe sandbox src="/dev/mail/${stored.id}/html"`);

    // The HTML part is its own document with a CSP of its own: inline styles, nothing else.
    const part = await t.app.inject({ url: `/dev/mail/${stored.id}/html` });
    expect(part.statusCode).toBe(200);
    expect(part.body).toBe('<p onclick="x()">Verify</p>');
    expect(part.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox",
    );
  });

  it('answers 404 for an unknown or malformed id', async () => {
    const unknown = await t.app.inject({ url: `/dev/mail/${randomUUID()}`, headers: html });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^text\/html/);

    const problem = await t.app.inject({ url: '/dev/mail/not-a-uuid', headers: { accept: 'application/json' } });
    expect(problem.statusCode).toBe(404);
    expect(problem.json()).toMatchObject({
      code: 'message_not_found',
      detail: 'Письма not-a-uuid нет в почтовом ящике разработки.',
    });
  });
});

describe('/dev/mail with SMTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { SMTP_URL: 'smtp://127.0.0.1:2525' } });
  });
  afterAll(() => t.close());

  it('does not exist', async () => {
    expect(t.container.devMailbox).toBeUndefined();
    const page = await t.app.inject({ url: '/dev/mail', headers: html });
    expect(page.statusCode).toBe(404);
    expect(page.body).not.toContain('Mail (development)');
  });
});
