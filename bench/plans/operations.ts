import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { type Actor, expectStatus } from './http.ts';

/** Ids and words found on the data before the measured run (see discoverFacts). */
export type Facts = {
  trackId: string;
  trackSlug: string;
  articleSlug: string;
  ruWord: string;
  enWord: string;
  tag: string;
  articleTotal: number;
  matrixWord: string;
  approvalId: string;
};

export type OperationContext = {
  app: FastifyInstance;
  facts: Facts;
  staff: Actor;
  /** Enrolled, studying: progress, dashboard and stage page. */
  student: Actor & { trackSlug: string };
  /** Stage work done: starts, answers and finishes a level exam. */
  examinee: Actor & { trackSlug: string; stagePosition: number };
  password: string;
  /** The attempt the exam start opened, for the answer and finish operations. */
  attempt?: { id: string; questionIds: string[] };
};

export type Operation = { name: string; run(context: OperationContext): Promise<void> };

type Request = Omit<InjectOptions, 'url'> & { url: string };

async function call(context: OperationContext, what: string, request: Request, ...ok: number[]) {
  const response: LightMyRequestResponse = await context.app.inject(request);
  expectStatus(response, what, ...(ok.length > 0 ? ok : [200]));
  return response;
}

const get = (name: string, url: (facts: Facts) => string, as?: 'staff' | 'student'): Operation => ({
  name,
  run: async (context) => {
    const headers = as ? context[as].headers : {};
    await call(context, name, { method: 'GET', url: url(context.facts), headers });
  },
});

const q = encodeURIComponent;

/** The hot operations, in the order they run (the exam ones depend on each other). */
export const OPERATIONS: readonly Operation[] = [
  get('articles.list', () => '/api/v1/articles?limit=20'),
  get('articles.page', (f) => `/api/v1/articles/${q(f.articleSlug)}`),
  get('blog.list-page', () => '/blog'),
  get('blog.article-page', (f) => `/blog/${q(f.articleSlug)}`),
  get('articles.search-ru', (f) => `/api/v1/articles?q=${q(f.ruWord)}&limit=20`),
  get('articles.search-en', (f) => `/api/v1/articles?q=${q(f.enWord)}&limit=20`),
  get('blog.search-page', (f) => `/blog?q=${q(f.ruWord)}`),
  get('articles.tag', (f) => `/api/v1/articles?tag=${q(f.tag)}&limit=20`),
  get('articles.deep-page', (f) => `/api/v1/articles?limit=20&offset=${Math.max(0, f.articleTotal - 40)}`),
  get('matrix.page', () => '/matrix'),
  get('matrix.search', (f) => `/api/v1/matrix/items?q=${q(f.matrixWord)}`),
  get('matrix.search-page', (f) => `/matrix?q=${q(f.matrixWord)}`),
  get('tracks.page', () => '/tracks'),
  get('tracks.list', () => '/api/v1/tracks'),
  {
    name: 'progress.endpoint',
    run: async (context) => {
      const { student } = context;
      await call(context, 'progress', {
        method: 'GET',
        url: `/api/v1/me/tracks/${q(student.trackSlug)}/progress`,
        headers: student.headers,
      });
    },
  },
  get('learn.dashboard-page', () => '/learn', 'student'),
  {
    name: 'learn.stage-page',
    run: async (context) => {
      const { student } = context;
      await call(context, 'stage page', {
        method: 'GET',
        url: `/learn/${q(student.trackSlug)}`,
        headers: student.headers,
      });
    },
  },
  {
    name: 'exam.start',
    run: async (context) => {
      const { examinee } = context;
      const response = await call(
        context,
        'level exam start',
        {
          method: 'POST',
          url: `/api/v1/me/tracks/${q(examinee.trackSlug)}/stages/${examinee.stagePosition}/level-exam`,
          headers: examinee.headers,
        },
        201,
      );
      const attempt = response.json<{ id: string; questions: { id: string }[] }>();
      context.attempt = { id: attempt.id, questionIds: attempt.questions.map((question) => question.id) };
    },
  },
  {
    name: 'exam.save-answer',
    run: async (context) => {
      const attempt = startedAttempt(context);
      await call(
        context,
        'save answer',
        {
          method: 'PUT',
          url: `/api/v1/attempts/${attempt.id}/answers/${attempt.questionIds[0]}`,
          headers: context.examinee.headers,
          payload: { selected: [0] },
        },
        200,
        204,
      );
    },
  },
  {
    name: 'exam.finish',
    run: async (context) => {
      const attempt = startedAttempt(context);
      await call(context, 'finish attempt', {
        method: 'POST',
        url: `/api/v1/attempts/${attempt.id}/finish`,
        headers: context.examinee.headers,
      });
    },
  },
  get('approvals.queue', () => '/api/v1/admin/approvals?status=pending', 'staff'),
  get('approvals.queue-page', () => '/admin/approvals', 'staff'),
  get('approvals.dossier', (f) => `/api/v1/admin/approvals/${f.approvalId}`, 'staff'),
  get('enrollments.staff-list', () => '/api/v1/admin/enrollments', 'staff'),
  get('enrollments.staff-page', () => '/admin/enrollments', 'staff'),
  get('questions.bank-list', (f) => `/api/v1/admin/questions?trackId=${f.trackId}`, 'staff'),
  get('questions.bank-search', (f) => `/api/v1/admin/questions?trackId=${f.trackId}&q=${q(f.ruWord)}`, 'staff'),
  get('analytics.track', (f) => `/api/v1/admin/tracks/${f.trackId}/analytics`, 'staff'),
  {
    name: 'identity.login',
    run: async (context) => {
      await call(context, 'login', {
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: context.student.email, password: context.password },
      });
    },
  },
  get('identity.me', () => '/api/v1/me', 'student'),
];

function startedAttempt(context: OperationContext): { id: string; questionIds: string[] } {
  if (!context.attempt) throw new Error('no attempt: exam.start did not run (or failed) before this operation');
  return context.attempt;
}
