import type { FastifyInstance } from 'fastify';
import { type Actor, expectStatus } from './http.ts';

type Next = { action: string; stagePosition?: number; articleId?: string };

/**
 * The stage whose level exam the student can start now. Articles still to read are opened first
 * (the scale seed leaves none; smaller data sets may), so a start composes a new exam.
 */
export async function levelExamStage(app: FastifyInstance, student: Actor, trackSlug: string): Promise<number> {
  for (let round = 0; round < 200; round += 1) {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/me/tracks/${encodeURIComponent(trackSlug)}/progress`,
      headers: student.headers,
    });
    expectStatus(response, `progress of ${student.email}`, 200);
    const { next } = response.json<{ next: Next }>();
    if (next.action === 'take_level_exam' && next.stagePosition !== undefined) return next.stagePosition;
    if (next.action !== 'study' || !next.articleId) {
      throw new Error(`${student.email} cannot start a level exam on ${trackSlug}: next step is ${next.action}`);
    }
    const opened = await app.inject({
      method: 'POST',
      url: `/api/v1/me/articles/${next.articleId}/open`,
      headers: student.headers,
    });
    expectStatus(opened, `opening article ${next.articleId} as ${student.email}`, 204);
  }
  throw new Error(`${student.email} still has articles to read after 200 openings`);
}
