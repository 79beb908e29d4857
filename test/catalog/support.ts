import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from '../support/app.ts';
import type { LoggedIn } from '../support/identity.ts';

export type Api = ReturnType<typeof catalogApi>;

/** JSON calls to /api/v1 as one user (or a guest), asserting the expected status. */
export function catalogApi(test: TestApp, user?: LoggedIn) {
  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    test.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...(user?.auth ?? {}), 'accept-language': 'en' },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  const expectStatus = async (status: number, response: Promise<LightMyRequestResponse>) => {
    const result = await response;
    expect(result.statusCode, result.body).toBe(status);
    return result;
  };
  return {
    call,
    expectStatus,
    async createTrack(slug: string, title = `Track ${slug}`) {
      const response = await expectStatus(201, call('POST', '/admin/tracks', { slug, title, description: '# About' }));
      return response.json<{ id: string; slug: string }>();
    },
    async addStage(trackId: string, title: string) {
      const response = await expectStatus(201, call('POST', `/admin/tracks/${trackId}/stages`, { title }));
      return response.json<{ id: string; position: number }>();
    },
    async addModule(trackId: string, slug: string, title = slug) {
      const response = await expectStatus(201, call('POST', `/admin/tracks/${trackId}/modules`, { slug, title }));
      return response.json<{ id: string; position: number }>();
    },
    async createVersion(trackId: string, params: unknown = {}, note?: string) {
      const response = await expectStatus(
        201,
        call('POST', `/admin/tracks/${trackId}/settings-versions`, { params, ...(note ? { note } : {}) }),
      );
      return response.json<{ version: number }>().version;
    },
    async activate(trackId: string, version: number) {
      return call('POST', `/admin/tracks/${trackId}/settings-versions/${version}/activate`);
    },
    async track(trackId: string) {
      const response = await expectStatus(200, call('GET', `/admin/tracks/${trackId}`));
      return response.json<AdminTrackJson>();
    },
  };
}

export type AdminTrackJson = {
  id: string;
  slug: string;
  title: string;
  status: 'draft' | 'published';
  currentSettingsVersion: number | null;
  stages: { id: string; position: number; title: string; activeQuestions: number }[];
  modules: { id: string; slug: string; position: number; title: string; activeQuestions: number }[];
  readiness: {
    canPublish: boolean;
    blockers: { code: string; message: string; errors: { path: string; message: string }[] }[];
  };
};

/** Small exam settings: with `modules` modules every exam fits in `perModule` questions of each. */
export function smallSettings(perModule = 2) {
  const exam = { questionCount: perModule, minPerModule: 0, maxPerModule: perModule, cooldownMinutes: 0 };
  return {
    diagnostic: { questionsPerModule: 1 },
    adaptivity: { weakModules: 1 },
    levelExam: exam,
    rankFinal: exam,
  };
}

/**
 * Questions written straight into the bank's table (the questions module is built separately):
 * `count` active questions of a module, optionally of one stage tier.
 */
export async function insertQuestions(
  test: TestApp,
  where: { trackId: string; moduleId: string; stageId?: string | null; status?: 'active' | 'retired' },
  count: number,
) {
  const now = new Date();
  for (let i = 0; i < count; i++) {
    await test.container.db
      .insertInto('questions')
      .values({
        id: randomUUID(),
        trackId: where.trackId,
        moduleId: where.moduleId,
        stageId: where.stageId ?? null,
        kind: 'single',
        text: `Question ${i + 1}?`,
        options: ['Yes', 'No'],
        correct: [0],
        status: where.status ?? 'active',
        retiredAt: where.status === 'retired' ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
  }
}
