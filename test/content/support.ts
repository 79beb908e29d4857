import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from '../support/app.ts';
import type { LoggedIn } from '../support/identity.ts';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A JSON API call as someone (or a guest). */
export function caller(test: TestApp) {
  return (method: Method, url: string, who?: LoggedIn | null, payload?: unknown): Promise<LightMyRequestResponse> =>
    test.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...(who ? who.auth : {}), 'accept-language': 'en' },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
}

export function ok<T = Record<string, unknown>>(response: LightMyRequestResponse, status = 200): T {
  expect(response.statusCode, response.body).toBe(status);
  return response.json<T>();
}

export const draft = (overrides: Record<string, unknown> = {}) => ({
  title: 'Article',
  body: 'Some **text**.',
  locale: 'en',
  ...overrides,
});
