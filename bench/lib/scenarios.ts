import type { RawRequest, RequestSpec } from 'autocannon';
import type { ScenarioName } from './args.ts';
import { ACCESS_COOKIE } from './app-env.ts';
import type { Cast, StartedAttempt } from './cast.ts';
import { oneEach, rotation } from './rotation.ts';

export type Scenario = {
  name: ScenarioName;
  title: string;
  /** Writes: no warm-up run before the measured one. */
  writes: boolean;
  connections: number;
  /** A fixed request count (one per exam-ready student, one finish per started attempt). */
  amount?: number;
  note?: string;
  request(): RequestSpec;
};

const q = encodeURIComponent;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const json = { 'content-type': 'application/json' };

function rotating(make: () => RawRequest): RequestSpec {
  return { method: 'GET', path: '/', setupRequest: (request) => ({ ...request, ...make() }) };
}

/**
 * The scenarios of one scale, in run order: reads first, then the exam (start opens the
 * attempts that answer and finish use), approvals, login. `cast` holds the signed-in students
 * and the slugs and words found on the data.
 */
export function buildScenarios(cast: Cast, settings: { connections: number; examConnections: number }): Scenario[] {
  const { connections } = settings;
  const read = (name: ScenarioName, title: string, make: () => RawRequest, note?: string): Scenario => ({
    name,
    title,
    writes: false,
    connections,
    ...(note ? { note } : {}),
    request: () => rotating(make),
  });
  const slugs = () => rotation(cast.articleSlugs);
  const words = () => rotation(cast.searchWords);
  const students = () => rotation(cast.studying);
  return [
    read('articles-api', 'Public article list (JSON)', () => ({ path: '/api/v1/articles?limit=20' })),
    (() => {
      // A parameter the route ignores makes every URL new: the response cache misses (and
      // stores, as a real miss does), so the handler runs the control's SQL on every request.
      let counter = 0;
      return read(
        'articles-api-uncached',
        'Public article list (JSON), response cache missed',
        () => ({ path: `/api/v1/articles?limit=20&bench=${++counter}` }),
        'every URL unique: the response cache never hits',
      );
    })(),
    (() => {
      const next = slugs();
      return read('article-page', 'Article page (HTML)', () => ({ path: `/blog/${q(next())}` }));
    })(),
    (() => {
      const next = words();
      return read('blog-search', 'Blog search (HTML)', () => ({ path: `/blog?q=${q(next())}` }));
    })(),
    read('matrix-page', 'Matrix page (HTML)', () => ({ path: '/matrix' })),
    (() => {
      const next = students();
      return read('progress-api', 'Student progress (JSON)', () => {
        const student = next();
        return { path: `/api/v1/me/tracks/${q(student.trackSlug)}/progress`, headers: bearer(student.accessToken) };
      });
    })(),
    (() => {
      const next = students();
      return read('dashboard-page', 'Student dashboard /learn (HTML)', () => ({
        path: '/learn',
        headers: { cookie: `${ACCESS_COOKIE}=${next().accessToken}` },
      }));
    })(),
    examStart(cast, settings.examConnections),
    examAnswer(cast, connections),
    examFinish(cast, connections),
    (() => {
      return read('approvals-queue', 'Approvals queue (admin, JSON)', () => ({
        path: '/api/v1/admin/approvals?status=pending',
        headers: bearer(cast.admin.accessToken),
      }));
    })(),
    login(cast, connections),
  ];
}

function examStart(cast: Cast, connections: number): Scenario {
  return {
    name: 'exam-start',
    title: 'Level exam start',
    writes: true,
    connections,
    amount: cast.examinees.length,
    note: `${cast.examinees.length} different exam-ready students, one start each`,
    request() {
      const next = oneEach(cast.examinees);
      return {
        method: 'POST',
        path: '/',
        setupRequest(request, context) {
          const student = next();
          if (!student) return undefined;
          context.student = student;
          return {
            ...request,
            path: `/api/v1/me/tracks/${q(student.trackSlug)}/stages/${student.stage}/level-exam`,
            headers: bearer(student.accessToken),
          };
        },
        onResponse(status, body, context) {
          if (status !== 201) return;
          const attempt = JSON.parse(body) as { id: string; questions: { id: string }[] };
          const student = context.student as Cast['examinees'][number];
          cast.attempts.push({
            id: attempt.id,
            accessToken: student.accessToken,
            questionIds: attempt.questions.map((question) => question.id),
          });
        },
      };
    },
  };
}

function examAnswer(cast: Cast, connections: number): Scenario {
  return {
    name: 'exam-answer',
    title: 'Save an answer',
    writes: true,
    connections,
    note: 'on the attempts the start opened, question after question',
    request() {
      const answers = cast.attempts.flatMap((attempt: StartedAttempt) =>
        attempt.questionIds.map((questionId) => ({ attempt, questionId })),
      );
      const next = rotation(answers);
      const body = JSON.stringify({ selected: [0] });
      return rotating(() => {
        const { attempt, questionId } = next();
        return {
          method: 'PUT',
          path: `/api/v1/attempts/${attempt.id}/answers/${questionId}`,
          headers: { ...bearer(attempt.accessToken), ...json },
          body,
        };
      });
    },
  };
}

function examFinish(cast: Cast, connections: number): Scenario {
  return {
    name: 'exam-finish',
    title: 'Finish an attempt',
    writes: true,
    connections,
    get amount() {
      return cast.attempts.length;
    },
    note: 'each attempt the start opened, once',
    request() {
      const next = oneEach(cast.attempts);
      return {
        method: 'POST',
        path: '/',
        setupRequest(request) {
          const attempt = next();
          if (!attempt) return undefined;
          return { ...request, path: `/api/v1/attempts/${attempt.id}/finish`, headers: bearer(attempt.accessToken) };
        },
      };
    },
  };
}

function login(cast: Cast, connections: number): Scenario {
  const next = rotation(cast.loginEmails);
  return {
    name: 'login',
    title: 'Login (argon2)',
    writes: true,
    connections,
    note: `spread over ${cast.loginEmails.length} accounts`,
    request: () =>
      rotating(() => ({
        method: 'POST',
        path: '/api/v1/auth/login',
        headers: json,
        body: JSON.stringify({ email: next(), password: cast.password }),
      })),
  };
}
