import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import type { LoggedIn } from '../support/identity.ts';
import { type Staff, staffUsers } from '../support/staff.ts';
import { bankOf, importFile } from './import-support.ts';
import { insertTrack, type TestTrack } from './tracks.ts';

let test: TestApp;
let staff: Staff;
let dance: TestTrack;

beforeAll(async () => {
  test = await createTestApp({ env: { RATE_LIMIT_MAX: '10000' } });
  staff = await staffUsers(test);
  for (const user of [staff.owner, staff.admin, staff.moderator, staff.student]) {
    await test.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: user.auth, payload: { locale: 'en' } });
  }
});
afterAll(async () => test?.close());

let trackCount = 0;
async function freshTrack(): Promise<TestTrack> {
  trackCount += 1;
  return insertTrack(test.container.db, {
    slug: `dance-${trackCount}`,
    stages: 3,
    modules: [
      ['footwork', 'Footwork'],
      ['rhythm', 'Ритм и такт'],
    ],
  });
}

const GIFT_LINES = [
  '// A bank exported from Moodle', //                        1
  '$CATEGORY: $course$/top/TRACK/footwork', //                 2
  '', //                                                       3
  '::Lead foot::[markdown]Which foot **leads**? {', //         4
  '  =Left#Yes, the left.', //                                 5
  '  ~Right#No.', //                                           6
  '  ~Either', //                                              7
  '  ####Always start *left*.', //                             8
  '}', //                                                      9
  '', //                                                      10
  '$CATEGORY: rhythm/stage-2', //                             11
  '', //                                                      12
  '::HTML::[html]<p>Count <b>beats</b> &amp; bars<br>in 4/4</p> {=<i>Four</i> ~Three}', // 13
  '', //                                                      14
  '[plain]Is 2*3 \\= 6? {T}', //                              15
  '', //                                                      16
  'Escapes\\: \\{braces\\} \\~ \\# done {=yes ~no}', //       17
  '', //                                                      18
  'Which are even? {~%50%Two ~%50%Four ~%-100%Three}', //     19
  '', //                                                      20
  'Write an essay. {}', //                                    21
  '', //                                                      22
  '$CATEGORY: nowhere', //                                    23
  'Lost question {=a ~b}', //                                 24
  '', //                                                      25
  '$CATEGORY: Footwork/stage-9', //                           26
  'Too high {=a ~b}', //                                      27
];

const gift = (track: TestTrack) => GIFT_LINES.join('\n').replace('TRACK', track.slug);

describe('GIFT import', () => {
  it('stores what passes with partial=true and reports every rejected line with its reason', async () => {
    dance = await freshTrack();
    const [footwork, rhythm] = dance.modules;
    const stage2 = { id: dance.stages[1]!.id, position: 2, title: 'Stage 2' };
    const response = await importFile(
      test,
      staff.moderator,
      { format: 'gift', trackId: dance.id, partial: 'true' },
      { content: gift(dance), fileName: 'bank.gift' },
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const id = expect.stringMatching(/^[0-9a-f-]{36}$/);
    expect(response.json()).toEqual({
      dryRun: false,
      stored: true,
      imported: 5,
      questions: [
        {
          line: 4,
          id,
          kind: 'single',
          name: 'Lead foot',
          text: 'Which foot **leads**?',
          options: ['Left', 'Right', 'Either'],
          correct: [0],
          module: { id: footwork!.id, title: 'Footwork' },
          stage: null,
        },
        {
          line: 13,
          id,
          kind: 'single',
          name: 'HTML',
          text: 'Count **beats** & bars\\\nin 4/4',
          options: ['Four', 'Three'],
          correct: [0],
          module: { id: rhythm!.id, title: 'Ритм и такт' },
          stage: stage2,
        },
        {
          line: 15,
          id,
          kind: 'single',
          name: null,
          text: 'Is 2\\*3 = 6?',
          options: ['True', 'False'],
          correct: [0],
          module: { id: rhythm!.id, title: 'Ритм и такт' },
          stage: stage2,
        },
        {
          line: 17,
          id,
          kind: 'single',
          name: null,
          text: 'Escapes: {braces} ~ # done',
          options: ['yes', 'no'],
          correct: [0],
          module: { id: rhythm!.id, title: 'Ритм и такт' },
          stage: stage2,
        },
        {
          line: 19,
          id,
          kind: 'multiple',
          name: null,
          text: 'Which are even?',
          options: ['Two', 'Four', 'Three'],
          correct: [0, 1],
          module: { id: rhythm!.id, title: 'Ритм и такт' },
          stage: stage2,
        },
      ],
      rejected: [
        {
          line: 21,
          reason: 'unsupported_type',
          message: 'Essay questions are not supported: the bank holds single and multiple choice and true/false.',
        },
        {
          line: 24,
          reason: 'unknown_module',
          message: 'The track has no module "nowhere" (looked up by slug or title).',
        },
        { line: 27, reason: 'unknown_stage', message: 'The track has no stage 9.' },
      ],
    });

    const bank = await bankOf(test, staff.moderator, dance.id);
    expect(bank.map((question) => question.id)).toEqual(response.json().questions.map((q: { id: string }) => q.id));
    expect(bank[0]).toMatchObject({
      explanation: 'Always start *left*.\n\n- Left — Yes, the left.\n- Right — No.',
      status: 'active',
      stageId: null,
    });
  });

  it('stores nothing when a line is rejected and partial is not set', async () => {
    const track = await freshTrack();
    const response = await importFile(
      test,
      staff.admin,
      { format: 'gift', trackId: track.id },
      { content: gift(track) },
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ dryRun: false, stored: false, imported: 0, questions: [] });
    expect(response.json().rejected.map((r: { line: number }) => r.line)).toEqual([21, 24, 27]);
    expect(await bankOf(test, staff.admin, track.id)).toEqual([]);
  });

  it('a dry run checks everything and stores nothing', async () => {
    const track = await freshTrack();
    const response = await importFile(
      test,
      staff.admin,
      { format: 'gift', trackId: track.id, dryRun: 'true', partial: 'true' },
      { content: gift(track) },
    );
    expect(response.json()).toMatchObject({ dryRun: true, stored: false, imported: 5 });
    expect(response.json().questions.map((q: { id: unknown; line: number }) => [q.line, q.id])).toEqual([
      [4, null],
      [13, null],
      [15, null],
      [17, null],
      [19, null],
    ]);
    expect(await bankOf(test, staff.admin, track.id)).toEqual([]);
    const audits = await test.container.db
      .selectFrom('auditEvents')
      .select('id')
      .where('action', '=', 'questions.imported')
      .where('subjectId', '=', track.id)
      .execute();
    expect(audits).toEqual([]);
  });

  it('puts questions without a category into the chosen module and stage, and audits the import', async () => {
    const track = await freshTrack();
    const text = 'First {=a ~b}\n\n$CATEGORY: rhythm\nSecond {=a ~b}\n\n$CATEGORY: stage-1\nThird {=a ~b}\n';
    const response = await importFile(
      test,
      staff.owner,
      { format: 'gift', trackId: track.id, moduleId: track.modules[0]!.id, stageId: track.stages[2]!.id },
      { content: text, fileName: 'small.gift' },
    );
    const places = response
      .json()
      .questions.map((q: { module: { id: string }; stage: { position: number } | null }) => [
        q.module.id,
        q.stage?.position,
      ]);
    expect(places).toEqual([
      [track.modules[0]!.id, 3],
      [track.modules[1]!.id, 3],
      [track.modules[0]!.id, 1],
    ]);
    const audit = await test.app.inject({
      method: 'GET',
      url: `/api/v1/admin/audit-events?action=questions.imported&subjectId=${track.id}`,
      headers: staff.owner.auth,
    });
    expect(audit.json().items).toEqual([
      expect.objectContaining({
        actorId: staff.owner.userId,
        subjectId: track.id,
        details: { format: 'gift', fileName: 'small.gift', imported: 3, rejected: 0 },
      }),
    ]);
  });
});

describe('Aiken import', () => {
  const AIKEN = [
    'Столица Франции?', // 1
    'A. Лион',
    'B) Париж',
    'ANSWER: B',
    '',
    'Which is *prime*?', // 6
    'A. 4',
    'B. 7',
    'ANSWER: B',
    '',
    'Broken one', // 11
    'A. x',
    'B. y',
  ].join('\r\n');

  it('needs a module for the whole file, escapes Markdown in the plain text, and rejects a question without ANSWER', async () => {
    const track = await freshTrack();
    const noModule = await importFile(
      test,
      staff.moderator,
      { format: 'aiken', trackId: track.id },
      { content: AIKEN },
    );
    expect(noModule.json().rejected).toEqual([
      { line: 1, reason: 'no_module', message: expect.stringContaining('No module') },
      { line: 6, reason: 'no_module', message: expect.stringContaining('No module') },
      {
        line: 11,
        reason: 'missing_answer_line',
        message: 'The ANSWER: line with the letter of the correct option is missing.',
      },
    ]);

    const response = await importFile(
      test,
      staff.moderator,
      { format: 'aiken', trackId: track.id, moduleId: track.modules[1]!.id, partial: 'true' },
      { content: AIKEN, fileName: 'quiz.txt' },
    );
    expect(response.json()).toMatchObject({ stored: true, imported: 2 });
    const bank = await bankOf(test, staff.moderator, track.id);
    expect(bank.map((q) => [q.text, q.options, q.correct, q.kind, q.moduleId])).toEqual([
      ['Столица Франции?', ['Лион', 'Париж'], [1], 'single', track.modules[1]!.id],
      ['Which is \\*prime\\*?', ['4', '7'], [1], 'single', track.modules[1]!.id],
    ]);
  });
});

describe('CSV import', () => {
  it('reads a BOM, semicolons, quoted delimiters and line breaks, CRLF, blank lines and Cyrillic module titles', async () => {
    const track = await freshTrack();
    const csv =
      '\uFEFFtext;type;option1;option2;option3;correct;explanation;module;stage;name\r\n' +
      '"Сколько будет 1,5 + 1,5?\r\nВыберите один.";single;2,5;3;"3;5";2;"Ответ: ""три""";ритм и такт;2;Дроби\r\n' +
      '\r\n' +
      'Which are HTTP methods?;multiple;GET;FETCH;POST;1 3;;footwork;;\r\n' +
      'Bad row;single;a;b;;4;;;;\r\n';
    const response = await importFile(
      test,
      staff.admin,
      { format: 'csv', trackId: track.id, moduleId: track.modules[0]!.id, partial: 'true' },
      { content: csv, fileName: 'bank.csv' },
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().rejected).toEqual([
      { line: 6, reason: 'correct_out_of_range', message: 'Correct option 4 is not one of the options.' },
    ]);
    const bank = await bankOf(test, staff.admin, track.id);
    expect(
      bank.map((q) => [q.name, q.text, q.options, q.correct, q.kind, q.explanation, q.moduleId, q.stageId]),
    ).toEqual([
      [
        'Дроби',
        'Сколько будет 1,5 + 1,5?\nВыберите один.',
        ['2,5', '3', '3;5'],
        [1],
        'single',
        'Ответ: "три"',
        track.modules[1]!.id,
        track.stages[1]!.id,
      ],
      [null, 'Which are HTTP methods?', ['GET', 'FETCH', 'POST'], [0, 2], 'multiple', '', track.modules[0]!.id, null],
    ]);
  });

  it('rejects a file without the required columns, and an empty file, on line 1', async () => {
    const track = await freshTrack();
    const noColumns = await importFile(
      test,
      staff.admin,
      { format: 'csv', trackId: track.id, moduleId: track.modules[0]!.id },
      { content: 'question,answer\nQ,A\n' },
    );
    expect(noColumns.json().rejected).toEqual([
      { line: 1, reason: 'missing_column', message: 'The required column "text" is missing.' },
      { line: 1, reason: 'missing_column', message: 'The required column "correct" is missing.' },
    ]);
    const empty = await importFile(test, staff.admin, { format: 'gift', trackId: track.id }, { content: '\n\n' });
    expect(empty.json()).toEqual({
      dryRun: false,
      stored: false,
      imported: 0,
      questions: [],
      rejected: [{ line: 1, reason: 'no_questions', message: 'The file holds no questions.' }],
    });
  });
});

describe('bad import requests', () => {
  let track: TestTrack;
  beforeAll(async () => {
    track = await freshTrack();
  });
  const ok = () => ({ format: 'gift', trackId: track.id, moduleId: track.modules[0]!.id });
  const file = { content: 'Q {=a ~b}' };

  it('401 for anonymous callers, 403 for students', async () => {
    expect((await importFile(test, undefined, ok(), file)).statusCode).toBe(401);
    const student = await importFile(test, staff.student, ok(), file);
    expect(student.statusCode).toBe(403);
    expect(student.json().code).toBe('forbidden');
    // Refused before the upload is read: a student never learns what the form would have said.
    const unread = await importFile(test, staff.student, { format: 'nonsense' }, { content: '' });
    expect(unread.statusCode).toBe(403);
  });

  it('415 for a body that is not multipart', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/admin/questions/import',
      headers: { ...staff.admin.auth, 'accept-language': 'en' },
      payload: ok(),
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({
      code: 'unsupported_media_type',
      detail: 'Send the file as multipart/form-data (the file field).',
    });
  });

  it('400 for a missing file or bad fields, naming every field', async () => {
    const missing = await importFile(test, staff.admin, ok(), undefined);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      code: 'file_missing',
      detail: 'Attach the question file as the file field.',
    });

    const bad = await importFile(
      test,
      staff.admin,
      { format: 'docx', trackId: 'dance', moduleId: 'x', dryRun: 'maybe' },
      { ...file, fileName: 'q.docx' },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'import_field_invalid',
      errors: [
        { path: '/format', message: 'The format must be gift, aiken or csv.' },
        { path: '/trackId', message: 'An id (UUID) is required here.' },
        { path: '/moduleId', message: 'An id (UUID) is required here.' },
        { path: '/dryRun', message: 'Use true or false.' },
      ],
    });
    const noFormat = await importFile(test, staff.admin, { trackId: track.id }, { ...file, fileName: 'q.txt' });
    expect(noFormat.json().errors).toEqual([{ path: '/format', message: 'This field is required.' }]);
    const fromExtension = await importFile(
      test,
      staff.admin,
      { trackId: track.id, moduleId: track.modules[0]!.id, dryRun: 'true' },
      { ...file, fileName: 'q.GIFT' },
    );
    expect(fromExtension.json()).toMatchObject({ dryRun: true, imported: 1 });
  });

  it('400 for a malformed multipart body', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/admin/questions/import',
      headers: { ...staff.admin.auth, 'content-type': 'multipart/form-data; boundary=xyz', 'accept-language': 'en' },
      payload: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.gift"\r\n\r\nQ {=a ~b}',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('malformed_body');
  });

  it('422 for a file that is not UTF-8', async () => {
    const latin1 = Buffer.from('Caf\xe9 {=a ~b}', 'latin1');
    const response = await importFile(test, staff.admin, ok(), { content: latin1 });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'file_not_utf8',
      detail: 'The file is not UTF-8 text. Save it as UTF-8 and upload it again.',
    });
  });

  it('413 for a file over 5 MB', async () => {
    const response = await importFile(test, staff.admin, ok(), { content: Buffer.alloc(5 * 1024 * 1024 + 1, 'a') });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({
      code: 'payload_too_large',
      detail: 'The file is larger than 5242880 bytes. Split it into parts.',
    });
  });

  it('404 for an unknown track, 422 for a module or stage of another track', async () => {
    const unknown = await importFile(test, staff.admin, { ...ok(), trackId: randomUUID() }, file);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('track_not_found');
    const elsewhere = await freshTrack();
    const wrong = await importFile(
      test,
      staff.admin,
      { ...ok(), moduleId: elsewhere.modules[0]!.id, stageId: elsewhere.stages[0]!.id },
      file,
    );
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({
      code: 'invalid_import',
      errors: [
        { path: '/moduleId', message: 'The module is not one of the track.' },
        { path: '/stageId', message: 'The stage is not one of the track.' },
      ],
    });
  });
});

export type { LoggedIn };
