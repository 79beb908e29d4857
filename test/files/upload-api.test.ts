import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { registeredUser } from '../support/identity.ts';
import { type Staff, staffUsers } from '../support/staff.ts';
import { download, fileRows, HTML, png, storedFiles, SVG_WITH_SCRIPT, upload } from './support.ts';

const MIB = 1024 * 1024;

describe('POST /api/v1/files and GET /api/v1/files/{id}', () => {
  let test: TestApp;
  let staff: Staff;

  beforeAll(async () => {
    test = await createTestApp({ env: { RATE_LIMIT_MAX: '5000' } });
    staff = await staffUsers(test);
    // Registration saves Russian; the assertions read English (the Russian catalog is checked below).
    for (const user of [staff.student, staff.moderator, staff.admin]) {
      const saved = await test.app.inject({
        method: 'PATCH',
        url: '/api/v1/me',
        headers: user.auth,
        payload: { locale: 'en' },
      });
      expect(saved.statusCode).toBe(200);
    }
  });
  afterAll(() => test.close());

  it('stores an avatar under a generated key and serves it inline with the security headers', async () => {
    const content = png(3000);
    const response = await upload(test.app, staff.student, 'avatar', [
      { fileName: 'me.png', content, contentType: 'image/png' },
    ]);
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toEqual({
      id: expect.any(String),
      url: `/api/v1/files/${body.id}`,
      contentType: 'image/png',
      size: 3000,
    });
    expect(response.headers.location).toBe(body.url);

    const row = (await fileRows(test)).find((file) => file.id === body.id)!;
    expect(row.storageKey).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{32}$/);
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(storedFiles(test)).toContain(row.storageKey);

    // Public: a guest downloads it.
    const got = await download(test.app, undefined, body.url);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(content)).toBe(true);
    expect(got.headers).toMatchObject({
      'content-type': 'image/png',
      'content-length': '3000',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      etag: `"${row.sha256}"`,
      'cache-control': 'public, max-age=31536000, immutable',
    });
    expect(got.headers['content-disposition']).toMatch(/^inline; filename="me.png"/);

    const again = await download(test.app, undefined, body.url, { 'if-none-match': `W/"x", "${row.sha256}"` });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(`"${row.sha256}"`);
    const stale = await download(test.app, undefined, body.url, { 'if-none-match': `"${'0'.repeat(64)}"` });
    expect(stale.statusCode).toBe(200);
    const head = await test.app.inject({ method: 'HEAD', url: body.url });
    expect(head.statusCode).toBe(200);
    expect(head.headers['x-content-type-options']).toBe('nosniff');
    expect(head.body).toBe('');
  });

  it('refuses an oversized upload with 413 before reading it all, and stores nothing', async () => {
    const before = { rows: (await fileRows(test)).length, files: storedFiles(test) };
    const huge = await upload(test.app, staff.student, 'avatar', [
      { fileName: 'big.png', content: png(2 * MIB + 1), contentType: 'image/png' },
    ]);
    expect(huge.statusCode, huge.body).toBe(413);
    expect(huge.json()).toMatchObject({
      status: 413,
      code: 'too_large',
      detail: `The file is larger than the allowed ${2 * MIB} bytes.`,
    });

    // A 50 MiB avatar over a real connection (the purpose as a field, so busboy would let 20 MiB
    // through): our own count refuses it, long before the client has sent it all.
    const address = await test.app.listen({ host: '127.0.0.1', port: 0 });
    const total = 50 * MIB;
    const result = await sendSlowly(new URL('/api/v1/files', address), staff.student.auth.authorization, total);
    expect(result.connection).toBe('close');
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toMatchObject({ code: 'too_large' });
    expect(result.sentWhenAnswered).toBeLessThan(total / 2);

    // Also through ?purpose=, where busboy itself cuts the file at the limit.
    const viaQuery = await upload(
      test.app,
      staff.moderator,
      undefined,
      [{ fileName: 'big.png', content: png(5 * MIB + 10), contentType: 'image/png' }],
      { query: '?purpose=article_image' },
    );
    expect(viaQuery.statusCode, viaQuery.body).toBe(413);

    expect((await fileRows(test)).length).toBe(before.rows);
    expect(storedFiles(test)).toEqual(before.files);
  });

  it('accepts a file of exactly the limit', async () => {
    const exact = await upload(test.app, staff.student, 'avatar', [
      { fileName: 'exact.png', content: png(2 * MIB), contentType: 'image/png' },
    ]);
    expect(exact.statusCode, exact.body).toBe(201);
    expect(exact.json().size).toBe(2 * MIB);
  });

  it('sniffs the type from the bytes: HTML or SVG named .png is refused as an image (415)', async () => {
    const before = (await fileRows(test)).length;
    for (const [purpose, user] of [
      ['avatar', staff.student],
      ['article_image', staff.moderator],
    ] as const) {
      for (const content of [HTML, SVG_WITH_SCRIPT]) {
        const response = await upload(test.app, user, purpose, [
          { fileName: 'cat.png', content, contentType: 'image/png' },
        ]);
        expect(response.statusCode, response.body).toBe(415);
        expect(response.json()).toMatchObject({ status: 415, code: 'type_not_allowed' });
        expect(response.json().detail).toMatch(/^Files of type (text\/html|image\/svg\+xml) are not accepted here/);
      }
    }
    expect((await fileRows(test)).length).toBe(before);
  });

  it('stores HTML and SVG (with scripts) as attachments, served only as downloads that cannot run', async () => {
    for (const [content, type] of [
      [HTML, 'text/html'],
      [SVG_WITH_SCRIPT, 'image/svg+xml'],
    ] as const) {
      const response = await upload(test.app, staff.student, 'attachment', [
        { fileName: 'cat.png', content, contentType: 'image/png' },
      ]);
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().contentType).toBe(type);
      const got = await download(test.app, staff.student, response.json().url);
      expect(got.statusCode).toBe(200);
      expect(got.body).toBe(content);
      expect(got.headers['content-type']).toBe(type.startsWith('text/') ? `${type}; charset=utf-8` : type);
      expect(got.headers['content-disposition']).toMatch(/^attachment; filename="cat.png"/);
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(got.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
      expect(got.headers['cache-control']).toBe('private, no-cache');
    }
  });

  it('never uses the client name for storage; the download name is cleaned of paths', async () => {
    for (const [name, cleaned] of [
      ['../../etc/passwd', 'passwd'],
      ['..\\..\\windows\\evil.png', 'evil.png'],
      ['../', 'file'],
      ['a\u0007b\u001f.txt', 'ab.txt'],
    ] as const) {
      const response = await upload(test.app, staff.student, 'attachment', [{ fileName: name, content: 'hello' }]);
      expect(response.statusCode, response.body).toBe(201);
      const row = (await fileRows(test)).find((file) => file.id === response.json().id)!;
      expect(row.fileName).toBe(cleaned);
      expect(row.storageKey).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{32}$/);
      const got = await download(test.app, staff.student, response.json().url);
      expect(got.headers['content-disposition']).toContain(`filename="${cleaned}"`);
      expect(got.headers['content-disposition']).not.toMatch(/\.\.|\//);
    }
    expect(storedFiles(test).every((file) => /^[0-9a-f]{2}\/[0-9a-f]{32}$/.test(file))).toBe(true);
  });

  it('refuses an empty file (422), a missing or second file and an unknown purpose (400)', async () => {
    const before = { rows: (await fileRows(test)).length, files: storedFiles(test) };
    const empty = await upload(test.app, staff.student, 'attachment', [{ fileName: 'empty.txt', content: '' }]);
    expect(empty.statusCode).toBe(422);
    expect(empty.json()).toMatchObject({ code: 'empty', detail: 'The file is empty.' });

    const none = await upload(test.app, staff.student, 'attachment', []);
    expect(none.statusCode).toBe(400);
    expect(none.json().detail).toBe('No file: send it in the file field.');

    const two = await upload(test.app, staff.student, 'attachment', [
      { fileName: 'a.txt', content: 'one' },
      { fileName: 'b.txt', content: 'two' },
    ]);
    expect(two.statusCode, two.body).toBe(400);
    expect(two.json().detail).toBe('The upload takes exactly one file.');

    const unknown = await upload(test.app, staff.student, 'executable', [{ fileName: 'a.txt', content: 'x' }]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'unknown_purpose' });
    const unknownQuery = await upload(test.app, staff.student, undefined, [{ fileName: 'a.txt', content: 'x' }], {
      query: '?purpose=executable',
    });
    expect(unknownQuery.statusCode).toBe(400);

    const noPurpose = await upload(test.app, staff.student, undefined, [{ fileName: 'a.txt', content: 'x' }]);
    expect(noPurpose.statusCode).toBe(400);
    expect(noPurpose.json().detail).toMatch(/purpose/);

    const otherField = await upload(test.app, staff.student, 'attachment', [
      { fileName: 'a.txt', content: 'x', name: 'upload' },
    ]);
    expect(otherField.statusCode).toBe(400);

    const notMultipart = await test.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: staff.student.auth,
      payload: { purpose: 'attachment' },
    });
    expect(notMultipart.statusCode).toBe(415);

    const cut = await test.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { ...staff.student.auth, 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: '--xyz\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nattachment\r\n--xyz\r\nContent-Dispo',
    });
    expect(cut.statusCode).toBeGreaterThanOrEqual(400);
    expect(cut.statusCode).toBeLessThan(500);

    expect((await fileRows(test)).length).toBe(before.rows);
    expect(storedFiles(test)).toEqual(before.files);
  });

  it('lets only staff upload article images; guests upload nothing', async () => {
    const image = [{ fileName: 'diagram.png', content: png(600), contentType: 'image/png' }];
    const student = await upload(test.app, staff.student, 'article_image', image);
    expect(student.statusCode).toBe(403);
    expect(student.json()).toMatchObject({ code: 'forbidden' });
    for (const user of [staff.moderator, staff.admin, staff.owner]) {
      const response = await upload(test.app, user, 'article_image', image);
      expect(response.statusCode, response.body).toBe(201);
      expect((await download(test.app, undefined, response.json().url)).statusCode).toBe(200);
    }
    const guest = await upload(test.app, undefined, 'attachment', [{ fileName: 'a.txt', content: 'x' }]);
    expect(guest.statusCode).toBe(401);
  });

  it("shows an attachment to its owner and staff only: another user's or a guest's request is 404", async () => {
    const response = await upload(test.app, staff.student, 'attachment', [
      { fileName: 'notes.txt', content: 'secret' },
    ]);
    const url = response.json().url;
    const other = await registeredUser(test, 'other@school.test');
    for (const user of [other, undefined]) {
      const denied = await download(test.app, user, url);
      expect(denied.statusCode).toBe(404);
      expect(denied.json()).toMatchObject({ code: 'not_found' });
    }
    // 304 is not an oracle either.
    const row = (await fileRows(test)).find((file) => file.id === response.json().id)!;
    expect((await download(test.app, other, url, { 'if-none-match': '*' })).statusCode).toBe(404);
    expect((await download(test.app, other, url, { 'if-none-match': `"${row.sha256}"` })).statusCode).toBe(404);

    for (const user of [staff.student, staff.moderator, staff.admin, staff.owner]) {
      const got = await download(test.app, user, url);
      expect(got.statusCode).toBe(200);
      expect(got.body).toBe('secret');
      expect(got.headers['content-type']).toBe('text/plain; charset=utf-8');
    }
    expect(
      (await download(test.app, staff.student, '/api/v1/files/0190a3b4-0000-7000-8000-000000000001')).statusCode,
    ).toBe(404);
    expect((await download(test.app, staff.student, '/api/v1/files/..%2F..%2Fetc%2Fpasswd')).statusCode).toBe(404);
    expect((await download(test.app, staff.student, '/api/v1/files/not-a-uuid')).statusCode).toBe(404);
  });

  it('answers in Russian too', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { ...(await registeredUser(test, 'russian@school.test')).auth, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().detail).toBe('Отправьте файл как multipart/form-data (поле file).');
  });
});

/**
 * Sends a multipart avatar (a PNG signature, then `total` bytes), chunk by chunk with backpressure, and notes how
 * much was sent when the response arrived.
 */
function sendSlowly(url: URL, authorization: string, total: number) {
  const boundary = '----baza-files-big';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\navatar\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\n` +
      'Content-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n',
    'latin1',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(64 * 1024, 0x41);
  return new Promise<{ status: number; body: string; sentWhenAnswered: number; connection: string }>(
    (resolve, reject) => {
      let sent = 0;
      let answered = false;
      const request = http.request(url, {
        method: 'POST',
        headers: {
          authorization,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(head.length + total + tail.length),
        },
      });
      request.on('response', (response) => {
        answered = true;
        const sentWhenAnswered = sent;
        const connection = String(response.headers.connection);
        const chunks: Buffer[] = [];
        response.on('data', (data: Buffer) => chunks.push(data));
        response.on('end', () => {
          request.destroy();
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            sentWhenAnswered,
            connection,
          });
        });
      });
      request.on('error', (error) => {
        if (!answered) reject(error);
      });
      request.write(head);
      const pump = () => {
        while (!answered && sent < total) {
          sent += chunk.length;
          if (!request.write(chunk)) {
            request.once('drain', pump);
            return;
          }
        }
        if (!answered) request.end(tail);
      };
      pump();
    },
  );
}
