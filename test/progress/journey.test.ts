import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { registeredUser } from '../support/identity.ts';
import { createLearningTrack, type LearningTrack, SMALL_SETTINGS } from '../support/learning.ts';
import { type Staff, staffUsers } from '../support/staff.ts';
import {
  answerAndFinish,
  approve,
  type Auth,
  call,
  pendingRequestId,
  type ProgressJson,
  progressOf,
  start,
  study,
} from './support.ts';

describe('the learning journey through the progress API', () => {
  let test: TestApp;
  let staff: Staff;
  let track: LearningTrack;
  beforeAll(async () => {
    test = await createTestApp();
    staff = await staffUsers(test);
    track = await createLearningTrack(test, staff.owner.userId, { stages: 2, modules: 3, remedialArticles: 2 });
  });
  afterAll(async () => test.close());

  const enroll = (auth: Auth) =>
    call(test, { method: 'POST', url: `/api/v1/tracks/${track.slug}/enrollment`, headers: auth }, 201);
  const problem = async (auth: Auth, url: string, status: number, code: string) => {
    const response = await call(test, { method: 'POST', url: `/api/v1${url}`, headers: auth }, status);
    expect(response.json().code).toBe(code);
  };

  it('gives 20 parallel diagnostic starts one attempt (201 once, 200 for the rest)', async () => {
    const student = await registeredUser(test, 'crowd@school.test');
    await enroll(student.auth);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        test.app.inject({ method: 'POST', url: `/api/v1/me/tracks/${track.slug}/diagnostic`, headers: student.auth }),
      ),
    );
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses, responses[0]?.body).toEqual([...Array<number>(19).fill(200), 201].sort());
    expect(new Set(responses.map((response) => response.json().attemptId)).size).toBe(1);
    // The body is the attempt itself (API.md: "→ 201 attempt"), with no correct answers in it.
    const body = responses[0]!.json();
    expect(body).toMatchObject({ id: body.attemptId, kind: 'diagnostic', status: 'in_progress', result: null });
    expect(body.questions.length).toBeGreaterThan(0);
    expect(responses[0]!.headers.location).toBe(`/api/v1/attempts/${body.attemptId}`);
    expect(responses[0]!.body).not.toMatch(/correctOptions|explanation|"correct"/);
    const attempts = await test.container.db
      .selectFrom('attempts')
      .select('id')
      .where('userId', '=', student.userId)
      .execute();
    expect(attempts).toHaveLength(1);
  });

  it('takes a student from enrollment to a verified certificate, stage by stage', async () => {
    const { auth } = staff.student;
    const weakModule = track.modules[0]!.id;
    await enroll(auth);
    expect((await progressOf(test, auth, track.slug)).next).toEqual({ action: 'take_diagnostic' });
    await problem(auth, `/me/tracks/${track.slug}/stages/1/level-exam`, 409, 'diagnostic_required');

    // The diagnostic: every answer of module 1 wrong, the others right.
    const diagnosticId = await start(test, auth, `/me/tracks/${track.slug}/diagnostic`);
    expect((await progressOf(test, auth, track.slug)).next).toEqual({
      action: 'continue_attempt',
      attemptId: diagnosticId,
      kind: 'diagnostic',
    });
    await answerAndFinish(test, auth, diagnosticId, (moduleId) => moduleId !== weakModule);
    await problem(auth, `/me/tracks/${track.slug}/diagnostic`, 409, 'diagnostic_already_taken');

    let progress = await progressOf(test, auth, track.slug);
    expect(progress.enrollment.status).toBe('learning');
    expect(
      progress.stages.map(({ position, status, settingsVersion }) => ({ position, status, settingsVersion })),
    ).toEqual([
      { position: 1, status: 'active', settingsVersion: track.settingsVersion },
      { position: 2, status: 'locked', settingsVersion: null },
    ]);
    const weak = progress.mastery.find((module) => module.moduleId === weakModule)!;
    expect(weak).toMatchObject({ answered: 2, correct: 0, mastery: 0.25, weak: true });
    expect(progress.weakModules).toEqual([weakModule]);
    // The core article first, then one remedial article of the weak module with its reason.
    expect(
      progress.assignments.map(({ article, reason, position, done }) => ({ id: article.id, reason, position, done })),
    ).toEqual([
      { id: track.coreArticles.get(track.stages[0]!.id)![0], reason: { kind: 'core' }, position: 1, done: false },
      {
        id: track.remedialArticles.get(weakModule)![0],
        reason: { kind: 'remedial', moduleId: weakModule, moduleTitle: 'Module 1', mastery: 0.25 },
        position: 2,
        done: false,
      },
    ]);
    expect(progress.next).toEqual({ action: 'study', articleId: track.coreArticles.get(track.stages[0]!.id)![0] });
    await problem(auth, `/me/tracks/${track.slug}/stages/1/level-exam`, 409, 'articles_not_done');
    await problem(auth, `/me/tracks/${track.slug}/stages/2/level-exam`, 409, 'stage_not_active');
    await problem(auth, `/me/tracks/${track.slug}/rank-final`, 409, 'stages_not_completed');

    // The settings change while stage 1 is active: stage 1 keeps its version, stage 2 takes the new one.
    const newVersion = await changeSettings({
      adaptivity: { weakModules: 2 },
      content: { extraArticlesPerWeakModule: 2, minitestPassPercent: 50 },
    });

    await study(test, auth, track.slug);
    progress = await progressOf(test, auth, track.slug);
    expect(progress.assignments.every((assignment) => assignment.done)).toBe(true);
    expect(progress.next).toEqual({ action: 'take_level_exam', stagePosition: 1 });

    const examId = await start(test, auth, `/me/tracks/${track.slug}/stages/1/level-exam`);
    expect(await start(test, auth, `/me/tracks/${track.slug}/stages/1/level-exam`, 200)).toBe(examId);
    expect((await progressOf(test, auth, track.slug)).attempts).toMatchObject([
      { id: examId, status: 'in_progress', settingsVersion: track.settingsVersion },
    ]);
    expect((await answerAndFinish(test, auth, examId, true)).passed).toBe(true);
    progress = await progressOf(test, auth, track.slug);
    expect(progress.stages[0]!.status).toBe('pending_approval');
    expect(progress.next).toEqual({ action: 'wait_for_approval', stagePosition: 1 });
    await problem(auth, `/me/tracks/${track.slug}/stages/1/level-exam`, 409, 'stage_not_active');

    await approve(test, staff.admin.auth, await pendingRequestId(test, auth, track.id));
    progress = await progressOf(test, auth, track.slug);
    expect(progress.stages.map(({ status, settingsVersion }) => ({ status, settingsVersion }))).toEqual([
      { status: 'completed', settingsVersion: track.settingsVersion },
      { status: 'active', settingsVersion: newVersion },
    ]);
    expectStageTwoAssignments(progress);

    await study(test, auth, track.slug);
    const secondExam = await start(test, auth, `/me/tracks/${track.slug}/stages/2/level-exam`);
    expect((await answerAndFinish(test, auth, secondExam, true)).passed).toBe(true);
    await approve(test, staff.admin.auth, await pendingRequestId(test, auth, track.id));
    progress = await progressOf(test, auth, track.slug);
    expect(progress.enrollment.status).toBe('final');
    expect(progress.stages.map((stage) => stage.status)).toEqual(['completed', 'completed']);
    expect(progress.next).toEqual({ action: 'take_rank_final' });

    const finalId = await start(test, auth, `/me/tracks/${track.slug}/rank-final`);
    expect((await answerAndFinish(test, auth, finalId, true)).passed).toBe(true);
    expect((await progressOf(test, auth, track.slug)).next).toEqual({
      action: 'wait_for_approval',
      stagePosition: null,
    });
    await approve(test, staff.admin.auth, await pendingRequestId(test, auth, track.id));

    progress = await progressOf(test, auth, track.slug);
    expect(progress.enrollment.status).toBe('graduated');
    const code = progress.certificateCode!;
    expect(code).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(progress.next).toEqual({ action: 'graduated', certificateCode: code });
    const certificate = await call(test, { method: 'GET', url: `/api/v1/certificates/${code}` }, 200);
    expect(certificate.json()).toEqual({
      code,
      holderName: expect.any(String),
      trackTitle: `Track ${track.slug}`,
      trackSlug: track.slug,
      issuedAt: expect.stringMatching(/^\d{4}-/),
    });
    const events = await test.container.db
      .selectFrom('outbox')
      .select('payload')
      .where('type', '=', 'enrollment.graduated')
      .execute();
    expect(events.map((event) => event.payload)).toContainEqual({
      userId: staff.student.userId,
      trackId: track.id,
      certificateCode: code,
    });
    await call(test, { method: 'GET', url: `/api/v1/certificates/${'x'.repeat(32)}` }, 404);

    const enrollments = (await call(test, { method: 'GET', url: '/api/v1/me/enrollments', headers: auth }, 200)).json();
    expect(enrollments.items).toMatchObject([
      {
        track: { slug: track.slug },
        status: 'graduated',
        currentStage: null,
        progressPercent: 100,
        certificateCode: code,
      },
    ]);
  });

  async function changeSettings(overrides: Record<string, Record<string, number | boolean>>): Promise<number> {
    const { catalog } = test.container.modules;
    const actor = { id: staff.owner.userId, role: 'owner' as const };
    const { version } = await catalog.useCases.createSettingsVersion({
      actor,
      trackId: track.id,
      params: { ...SMALL_SETTINGS, ...overrides },
      note: 'more remedial reading',
      now: new Date(),
    });
    await catalog.useCases.activateSettingsVersion({ actor, trackId: track.id, version, now: new Date() });
    return version;
  }

  /** K = 2 weakest modules of the new settings, up to 2 remedial articles each, none done before. */
  function expectStageTwoAssignments(progress: ProgressJson) {
    const stageTwo = track.stages[1]!.id;
    const weakest = [...progress.mastery]
      .sort((a, b) => a.mastery - b.mastery || a.position - b.position)
      .slice(0, 2)
      .map((module) => module.moduleId);
    expect(progress.weakModules).toEqual(weakest);
    const doneBefore = new Set([track.remedialArticles.get(track.modules[0]!.id)![0]]);
    const expected = [
      { id: track.coreArticles.get(stageTwo)![0], reason: 'core', module: undefined },
      ...weakest.flatMap((moduleId) =>
        track.remedialArticles
          .get(moduleId)!
          .filter((id) => !doneBefore.has(id))
          .slice(0, 2)
          .map((id) => ({ id, reason: 'remedial', module: moduleId })),
      ),
    ];
    expect(
      progress.assignments.map((assignment) => ({
        id: assignment.article.id,
        reason: assignment.reason.kind,
        module: assignment.reason.moduleId,
      })),
    ).toEqual(expected);
    expect(progress.assignments.map((assignment) => assignment.position)).toEqual(
      expected.map((_, index) => index + 1),
    );
    expect(progress.assignments.every((assignment) => assignment.stageId === stageTwo && !assignment.done)).toBe(true);
  }
});
