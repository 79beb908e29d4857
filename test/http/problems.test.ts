import { sql } from 'kysely';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError } from '../../src/shared/domain/errors.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

class TrackNotFoundError extends NotFoundError {
  constructor() {
    super('catalog.track_not_found', 'Track not found');
  }
}
class AlreadyDecidedError extends ConflictError {
  constructor() {
    super('approvals.already_decided', 'Already decided');
  }
}
class NotOwnerError extends ForbiddenError {
  constructor() {
    super('identity.not_owner', 'Only the owner may do this');
  }
}
class BankTooSmallError extends RuleViolationError {
  constructor() {
    super('catalog.question_bank_too_small', 'The question bank is too small');
  }
}

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({
    env: { BODY_LIMIT_BYTES: '2048' },
    routes: (app) => {
      app.get('/api/v1/test/not-found', async () => {
        throw new TrackNotFoundError();
      });
      app.get('/api/v1/test/conflict', async () => {
        throw new AlreadyDecidedError();
      });
      app.get('/api/v1/test/forbidden', async () => {
        throw new NotOwnerError();
      });
      app.get('/api/v1/test/rule', async () => {
        throw new BankTooSmallError();
      });
      app.post('/api/v1/test/store', async (request) => {
        const { text } = request.body as { text: string };
        return (await sql<{ text: string }>`SELECT ${text}::text AS text`.execute(t.container.db)).rows[0];
      });
      app.get('/api/v1/test/crash', async () => {
        throw new Error('database password is hunter2 at /srv/secret.ts:12');
      });
      app.post(
        '/api/v1/test/echo',
        {
          schema: {
            body: Type.Object({
              email: Type.String({ format: 'email' }),
              name: Type.String({ minLength: 2 }),
              age: Type.Optional(Type.Integer({ minimum: 0 })),
            }),
          },
        },
        async (request) => request.body,
      );
    },
  });
});

afterAll(() => t.close());

const problemType = 'application/problem+json; charset=utf-8';

describe('domain errors map to problems by kind', () => {
  it.each([
    ['/api/v1/test/not-found', 404, 'track_not_found'],
    ['/api/v1/test/conflict', 409, 'already_decided'],
    ['/api/v1/test/forbidden', 403, 'not_owner'],
    ['/api/v1/test/rule', 422, 'question_bank_too_small'],
  ])('%s → %i %s', async (url, status, code) => {
    const response = await t.app.inject({ url, headers: { 'x-request-id': 'req-1' } });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toBe(problemType);
    expect(response.json()).toMatchObject({ status, code, requestId: 'req-1', type: `urn:baza:problem:${code}` });
    expect(response.json().title).toEqual(expect.any(String));
  });

  it('localizes the title from Accept-Language', async () => {
    const ru = await t.app.inject({ url: '/api/v1/test/conflict', headers: { 'accept-language': 'ru' } });
    const en = await t.app.inject({ url: '/api/v1/test/conflict', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(ru.json().title).toBe('Конфликт состояния');
    expect(en.json().title).toBe('State conflict');
  });
});

describe('transport errors', () => {
  it('answers a malformed JSON body with 400 malformed_body', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      payload: '{"email": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe(problemType);
    expect(response.json()).toMatchObject({
      status: 400,
      code: 'malformed_body',
      title: 'The request body could not be parsed',
    });
  });

  it('lists every failing field with its JSON pointer', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      headers: { 'accept-language': 'en' },
      payload: { email: 'not-an-email', age: -1 },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('validation_failed');
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { path: '/email', message: 'Invalid format (email)' },
        { path: '/name', message: 'Required' },
        { path: '/age', message: 'Must be at least 0' },
      ]),
    );
  });

  it('answers an unknown API route with 404 problem+json', async () => {
    const response = await t.app.inject({ url: '/api/v1/no-such-thing', headers: { 'accept-language': 'en' } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe(problemType);
    expect(response.json()).toMatchObject({
      code: 'not_found',
      detail: 'The resource /api/v1/no-such-thing does not exist.',
    });
  });

  it('answers a known path with another method with 405 and Allow', async () => {
    const response = await t.app.inject({ method: 'DELETE', url: '/api/v1/test/echo' });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('POST');
    expect(response.json()).toMatchObject({ code: 'method_not_allowed', status: 405 });
  });

  it('answers a body over the limit with 413', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      payload: { email: 'a@b.co', name: 'x'.repeat(4096) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'payload_too_large', status: 413 });
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/echo',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a%40b.co&name=xy',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'unsupported_media_type', status: 415 });
  });

  it('answers a malformed URL with a 400 problem, not the framework default', async () => {
    const response = await t.app.inject({ url: '/api/v1/test/%E0%A4%A', headers: { 'accept-language': 'en' } });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe(problemType);
    expect(response.headers['x-request-id']).toEqual(expect.any(String));
    expect(response.json()).toMatchObject({ status: 400, code: 'bad_request', title: 'Bad request' });
  });

  it('answers text PostgreSQL cannot store (a NUL character) with 400, not 500', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/test/store',
      headers: { 'accept-language': 'en' },
      payload: { text: 'a\u0000b' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_characters', detail: expect.stringContaining('NUL') });
  });

  it('hides an unknown error behind a generic 500 with the request id', async () => {
    const response = await t.app.inject({ url: '/api/v1/test/crash', headers: { 'accept-language': 'en' } });
    expect(response.statusCode).toBe(500);
    const body = response.json();
    expect(body).toEqual({
      type: 'about:blank',
      title: 'Internal server error',
      status: 500,
      code: 'internal_error',
      requestId: response.headers['x-request-id'],
      detail: `The request failed because of an internal error. Quote request id ${String(response.headers['x-request-id'])}.`,
    });
    expect(response.body).not.toContain('hunter2');
    expect(response.body).not.toContain('secret.ts');
  });
});

describe('pages', () => {
  it('renders an unknown page as a localized, accessible HTML 404', async () => {
    const response = await t.app.inject({
      url: '/no/such/page',
      headers: { accept: 'text/html', 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toMatch(/^<!doctype html><html lang="en"/);
    expect(response.body).toContain('<main id="main"');
    expect(response.body).toContain('Page not found');

    const russian = await t.app.inject({
      url: '/no/such/page',
      headers: { accept: 'text/html', 'accept-language': 'ru' },
    });
    expect(russian.body).toContain('Страница не найдена');
  });

  it('renders a server error page with the request id', async () => {
    const response = await t.app.inject({
      url: '/api/v1/test/crash',
      headers: { accept: 'text/html', 'accept-language': 'en' },
    });
    // API paths always answer JSON, even to a browser.
    expect(response.headers['content-type']).toBe(problemType);
  });

  it('gives htmx a fragment instead of a whole page', async () => {
    const response = await t.app.inject({
      url: '/missing',
      headers: { accept: 'text/html', 'hx-request': 'true', 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('<html');
    expect(response.body).toContain('Page not found');
  });
});
